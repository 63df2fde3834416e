"""Transfer between mints as one saga, one journal entry: a mint quote at the target, a melt at the source paying
it, then the mint at the target.

The entry is the melt's (kind ``transfer``); ``data.step`` says where the saga is: ``melt`` until the source has
paid, then ``mint`` — the entry stays unfinished (``sent``) until the target has issued the ecash, so a crash, a
target that is down or an expired quote never hides value in flight: recovery resumes the entry from its step and
always asks the target about its quote, whatever the local records say. The outputs for the target are journaled
(counters reserved) before the mint request, so a retry or a NUT-09 restore finds them.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import (
    MintRejected,
    NutdeskError,
    OperationUnresolved,
    QuoteNotPaid,
    UserFacingError,
    Verdict,
)
from core.i18n import t
from core.protocol.amounts import split
from core.protocol.models import Proof
from core.protocol.quote_signature import sign_mint_quote
from core.recovery.failpoints import failpoint
from core.wallet.context import MintWallet
from core.wallet.issue import create_mint_quote
from core.wallet.melt import PreparedMelt, execute_melt, prepare_melt
from core.wallet.outputs import PreparedOutput, prepare_outputs, verified_proofs

__all__ = ["TransferResult", "finish_transfer", "run_transfer", "transfer_between"]

WAIT_FOR_TARGET = 120.0


@dataclass(frozen=True)
class TransferResult:
    amount: int
    fee: int
    quote: str
    operation_id: str = ""


async def transfer_between(
    source: MintWallet, destination: MintWallet, amount: int, unit: str = "sat"
) -> TransferResult:
    if source.url == destination.url:
        raise UserFacingError(t("source and destination are the same mint"))
    mint_quote = await create_mint_quote(destination, amount, unit)
    prepared = await prepare_melt(source, mint_quote.request, unit)
    return await run_transfer(source, destination, prepared, mint_quote.quote)


async def run_transfer(
    source: MintWallet, destination: MintWallet, prepared: PreparedMelt, quote_id: str
) -> TransferResult:
    """The saga from the melt on: ``prepared`` pays the target's mint quote ``quote_id`` (already saved)."""
    record = destination.store.mint_quote(quote_id)
    if record is None:
        raise UserFacingError(t("unknown mint quote {0} at {1}").format(quote_id, destination.url))
    melted = await execute_melt(
        source,
        prepared,
        kind="transfer",
        memo=f"to {destination.url}",
        extra={
            "dest_mint": destination.url,
            "dest_quote": quote_id,
            "dest_amount": record.amount,
            "dest_unit": record.unit,
            "step": "melt",
        },
    )
    failpoint("transfer:after_melt")
    minted = await finish_transfer(destination, melted.operation_id, wait=WAIT_FOR_TARGET)
    return TransferResult(amount=minted, fee=melted.fee, quote=quote_id, operation_id=melted.operation_id)


async def finish_transfer(destination: MintWallet, op_id: str, *, wait: float = 0.0) -> int:
    """The mint step of transfer ``op_id`` (the source has paid): ask the target about its quote and mint.

    Returns the amount minted. Raises ``OperationUnresolved`` while the target cannot finish it (not paid yet, down,
    refusing): the entry stays in flight for recovery — the source's ecash is gone, the target's not yet issued.
    """
    store = destination.store
    op = store.get_operation(op_id)
    if op is None or op.kind != "transfer":
        raise UserFacingError(t("no transfer {0}").format(op_id))
    if op.state == "done":
        return sum(p.amount for p in store.proofs(operation_id=op_id, states=("unspent", "reserved", "pending")))
    quote_id = str(op.data["dest_quote"])
    store.in_flight.add(op_id)  # this task runs the step: a background recovery pass leaves it alone
    try:
        return await _mint_step(destination, op_id, quote_id, int(op.data.get("dest_amount", op.amount)), wait)
    except OperationUnresolved:
        raise
    except NutdeskError as exc:
        store.update_operation(op_id, error=f"minting at {destination.url}: {exc}")
        raise OperationUnresolved(
            t(
                "paid at the source, but {0} has not issued the ecash yet ({1}); the transfer "
                "stays in flight and recovery finishes it"
            ).format(destination.url, exc)
        ) from exc
    finally:
        store.release(op_id)


async def _mint_step(destination: MintWallet, op_id: str, quote_id: str, amount: int, wait: float) -> int:
    store = destination.store
    quote = await destination.client.get_mint_quote(quote_id)
    if str(quote.state) == "UNPAID" and wait > 0:
        try:
            quote = await destination.client.wait_for_mint_quote(quote_id, timeout=wait)
        except QuoteNotPaid as exc:
            raise OperationUnresolved(
                t(
                    "paid at the source, but {0} has not seen the payment yet (quote {1}); the "
                    "transfer stays in flight and recovery finishes it"
                ).format(destination.url, quote_id)
            ) from exc
    state = str(quote.state)
    store.set_mint_quote_state(quote_id, state)
    outputs = _journaled_outputs(destination, op_id, quote_id, amount)
    if state == "ISSUED":
        return await _restore_issued(destination, op_id, quote_id, outputs)
    if state != "PAID":
        raise OperationUnresolved(
            t("the target's quote {0} is {1}; the transfer stays in flight").format(quote_id, state)
        )
    messages = [o.blinded_message() for o in outputs]
    record = store.mint_quote(quote_id)
    signature = sign_mint_quote(quote_id, messages, record.privkey) if record and record.privkey else None
    try:
        signatures = await destination.client.post_mint(quote_id, messages, signature=signature)
    except MintRejected as exc:
        if exc.verdict is Verdict.OUTPUTS_SIGNED:  # 20002/11003: perhaps our own earlier try — ask the mint
            again = await destination.client.get_mint_quote(quote_id)
            if str(again.state) == "ISSUED":
                return await _restore_issued(destination, op_id, quote_id, outputs)
        raise
    proofs = verified_proofs(destination, outputs, signatures)
    _finish(destination, op_id, quote_id, proofs)
    return sum(p.amount for p in proofs)


def _journaled_outputs(destination: MintWallet, op_id: str, quote_id: str, amount: int) -> list[PreparedOutput]:
    """The target's outputs of this transfer: journaled once (counters reserved with them), reused by every try."""
    store = destination.store
    op = store.get_operation(op_id)
    assert op is not None
    if op.data.get("mint_outputs"):
        return [PreparedOutput.from_dict(o) for o in op.data["mint_outputs"]]
    unit = str(op.data.get("dest_unit") or op.unit)
    keyset = destination.keychain.active(unit)
    with store.atomic():
        outputs = prepare_outputs(store, destination.seed, keyset.id, split(amount, sorted(keyset.keys)))
        store.update_operation(op_id, data={"step": "mint", "mint_outputs": [o.to_dict() for o in outputs]})
    return outputs


async def _restore_issued(destination: MintWallet, op_id: str, quote_id: str, outputs: list[PreparedOutput]) -> int:
    returned, signatures = await destination.client.post_restore([o.blinded_message() for o in outputs])
    by_b = {o.B_: o for o in outputs}
    proofs = verified_proofs(destination, [by_b[m.B_] for m in returned if m.B_ in by_b], signatures, restore=True)
    if not proofs:
        destination.store.update_operation(
            op_id, state="needs_review", error=f"the target says quote {quote_id} was issued, but not to our outputs"
        )
        raise OperationUnresolved(
            t("the target says quote {0} was issued, but not to this transfer's outputs").format(quote_id)
        )
    _finish(destination, op_id, quote_id, proofs)
    return sum(p.amount for p in proofs)


def _finish(destination: MintWallet, op_id: str, quote_id: str, proofs: list[Proof]) -> None:
    op = destination.store.get_operation(op_id)
    unit = str(op.data.get("dest_unit") or op.unit) if op else "sat"
    with destination.store.atomic():
        destination.store_proofs(proofs, unit, op_id=op_id)
        destination.store.set_mint_quote_state(quote_id, "ISSUED")
        destination.store.update_operation(op_id, state="done", data={"step": "done"}, error="")
