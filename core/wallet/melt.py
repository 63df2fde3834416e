"""Melt (NUT-05): pay a Lightning invoice with ecash.

``prepare_melt`` gets a quote and shows the cost (amount + fee reserve + input fee) before anything is
spent — the shape of a "confirm the fee" dialog. ``execute_melt`` journals the inputs and the NUT-08
blank outputs (counters committed first), then melts. A melt the mint reports PENDING keeps its inputs
pending; a dropped connection leaves the operation ``sent`` (outcome unknown) for recovery — never
released, because the mint may have paid.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from core.errors import DefinitelyFailed, InsufficientBalance, PaymentPending, UserFacingError
from core.i18n import t
from core.ports.mint_types import MeltQuote
from core.ports.storage import ProofState
from core.protocol.fees import blank_output_count
from core.protocol.models import Proof
from core.recovery.failpoints import failpoint
from core.wallet.context import MintWallet
from core.wallet.inputs import Unspent, choose_inputs, with_reserved_inputs
from core.wallet.misbehaviour import preimage_matches
from core.wallet.outputs import PreparedOutput, prepare_outputs, verified_change
from core.wallet.settle import after_failure, raise_unsettled, release_inputs

__all__ = ["MeltResult", "PreparedMelt", "execute_melt", "finish_melt", "prepare_melt", "prepared_from_quote"]


@dataclass(frozen=True)
class PreparedMelt:
    mint_url: str
    unit: str
    quote: MeltQuote
    inputs: tuple[Proof, ...]
    input_fee: int

    @property
    def amount(self) -> int:
        return self.quote.amount

    @property
    def fee_reserve(self) -> int:
        return self.quote.fee_reserve

    @property
    def total(self) -> int:
        """The most this payment can cost: amount + Lightning fee reserve + the mint's input fee."""
        return self.quote.amount + self.quote.fee_reserve + self.input_fee


@dataclass(frozen=True)
class MeltResult:
    paid: bool
    pending: bool
    amount: int
    fee: int  # what the payment actually cost beyond the amount (Lightning fee + input fee)
    preimage: str | None
    change: int
    operation_id: str
    # sha256(preimage) = the invoice's payment hash: None when there was nothing to check.
    preimage_matches: bool | None = None


async def prepare_melt(
    mw: MintWallet, request: str, unit: str = "sat", *, amount_msat: int | None = None
) -> PreparedMelt:
    quote = await mw.client.post_melt_quote(request, unit, amountless_amount_msat=amount_msat)
    return prepared_from_quote(mw, quote, request, unit)


def prepared_from_quote(mw: MintWallet, quote: MeltQuote, request: str, unit: str) -> PreparedMelt:
    """Keep the mint's melt quote and choose the inputs that pay it (nothing reserved yet): a plain melt and each part
    of a multi-path payment alike."""
    if quote.expiry and quote.expiry < time.time():
        raise UserFacingError(t("the mint's melt quote has already expired"))
    mw.store.save_melt_quote(
        quote=quote.quote,
        mint_url=mw.url,
        unit=unit,
        amount=quote.amount,
        fee_reserve=quote.fee_reserve,
        request=request,
        state=quote.state,
    )
    try:
        inputs, fee = choose_inputs(mw, unit, quote.amount + quote.fee_reserve)
    except InsufficientBalance as exc:
        raise InsufficientBalance(
            t("paying {0} {1} needs up to {2} {1} plus input fees at {3}; the wallet has {4} {1} there").format(
                quote.amount, unit, quote.amount + quote.fee_reserve, mw.url, mw.balance(unit)
            )
        ) from exc
    return PreparedMelt(mw.url, unit, quote, tuple(inputs), fee)


async def execute_melt(
    mw: MintWallet, prepared: PreparedMelt, *, kind: str = "melt", memo: str = "", extra: dict[str, Any] | None = None
) -> MeltResult:
    """Melt ``prepared``; ``extra`` is kept in the journal entry (a transfer notes its destination quote)."""
    op_id, inputs, blanks = await with_reserved_inputs(
        mw, prepared.unit, lambda unspent: _journal_melt(mw, prepared, unspent, kind, memo, extra or {})
    )
    failpoint(f"{kind}:after_prepare")
    mw.store.update_operation(op_id, state="sent")
    failpoint(f"{kind}:after_sent")
    try:
        result = await mw.client.post_melt(prepared.quote.quote, inputs, [o.blinded_message() for o in blanks])
    except BaseException as exc:
        # 20004/20006/11001/11002/...: the melt quote's state decides, never the code (core.wallet.settle).
        settled = await after_failure(mw, op_id, exc, own_inputs=inputs, outputs=blanks)
        if settled is None:
            raise
        raise_unsettled(settled, exc)
        return _finished_melt(mw, op_id, prepared)
    failpoint(f"{kind}:after_response")
    try:
        return finish_melt(mw, op_id, prepared.unit, inputs, blanks, result)
    finally:
        mw.store.release(op_id)


def _journal_melt(
    mw: MintWallet, prepared: PreparedMelt, unspent: Unspent, kind: str, memo: str, extra: dict[str, Any]
) -> tuple[str, list[Proof], list[PreparedOutput]]:
    """Reserve the inputs (the prepared ones, or others when another command took some meanwhile), the blank
    outputs' counters and the journal entry, in the caller's transaction."""
    inputs = list(prepared.inputs)
    states = mw.store.proofs_by_secrets([p.secret for p in inputs])
    free = all(
        p.secret in states and states[p.secret][1] == ProofState.UNSPENT and p.secret not in unspent.held
        for p in inputs
    )
    if not free:
        inputs, _fee = choose_inputs(mw, prepared.unit, prepared.amount + prepared.fee_reserve, held=unspent.held)
    keyset = mw.keychain.active(prepared.unit)
    overpaid = sum(p.amount for p in inputs) - prepared.amount - mw.fee_for(inputs)
    blanks = prepare_outputs(mw.store, mw.seed, keyset.id, [0] * blank_output_count(overpaid))
    op_id = mw.store.create_operation(
        kind=kind,
        mint_url=mw.url,
        unit=prepared.unit,
        amount=prepared.amount,
        memo=memo,
        data={
            "quote": prepared.quote.quote,
            "request": prepared.quote.request,
            "inputs": [p.secret for p in inputs],
            "outputs": [o.to_dict() for o in blanks],
            **extra,
        },
    )
    mw.store.reserve_proofs([p.secret for p in inputs], op_id)
    return op_id, inputs, blanks


def _finished_melt(mw: MintWallet, op_id: str, prepared: PreparedMelt) -> MeltResult:
    """The result of a melt the mint's records finished after it refused the melt call."""
    op = mw.store.get_operation(op_id)
    change = sum(p.amount for p in mw.store.proofs(operation_id=op_id, states=("unspent",)))
    preimage = op.data.get("preimage") if op else None
    fee = op.fee if op else 0
    return MeltResult(True, False, prepared.amount, fee, preimage, change, op_id)


def finish_melt(
    mw: MintWallet, op_id: str, unit: str, inputs: list[Proof], blanks: list[PreparedOutput], result: MeltQuote
) -> MeltResult:
    """Apply the mint's answer about a melt (from the melt call, or later from the quote's status)."""
    total_in = sum(p.amount for p in inputs)
    if result.state == "PAID":
        # Our numbers, not the mint's: the amount we were quoted and what we overpaid bound the change.
        op = mw.store.get_operation(op_id)
        amount = op.amount if op is not None else result.amount
        overpaid = total_in - amount - mw.fee_for(inputs)
        change = verified_change(mw, blanks, result.change, overpaid)
        change_amount = sum(p.amount for p in change)
        fee = total_in - amount - change_amount
        request = (op.data.get("request") if op is not None else None) or result.request
        matches = preimage_matches(str(request) if request else None, result.payment_preimage)
        with mw.store.atomic():
            mw.store.move_proofs([p.secret for p in inputs], owner=op_id, expect=("reserved", "pending"), to="spent")
            mw.store_proofs(change, unit, op_id=op_id)
            mw.store.set_melt_quote_state(result.quote, "PAID", result.payment_preimage)
            # A transfer's saga goes on to its mint step: the entry stays in flight until the target has issued.
            saga = op is not None and op.data.get("step") == "melt"
            mw.store.update_operation(
                op_id,
                state="sent" if saga else "done",
                fee=fee,
                data={
                    "preimage": result.payment_preimage,
                    "preimage_matches": matches,
                    **({"step": "mint"} if saga else {}),
                },
            )
        return MeltResult(True, False, amount, fee, result.payment_preimage, change_amount, op_id, matches)
    if result.state == "PENDING":
        with mw.store.atomic():
            mw.store.move_proofs([p.secret for p in inputs], owner=op_id, expect=("reserved", "pending"), to="pending")
            mw.store.set_melt_quote_state(result.quote, "PENDING")
            mw.store.update_operation(op_id, state="pending")
        raise PaymentPending(
            t("the Lightning payment is pending at the mint; the wallet keeps the ecash reserved and checks again")
        )
    # UNPAID after a melt call: the payment failed and the mint did not keep the inputs.
    failure = DefinitelyFailed(t("the mint could not pay the invoice; nothing was spent"))
    release_inputs(mw, op_id, inputs, failure)
    raise failure
