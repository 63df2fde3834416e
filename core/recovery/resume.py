"""Resuming unfinished operations from the journal.

The rule (as cdk's sagas): if no request reached the mint (state ``prepared``), roll back; otherwise ask the
mint — the quote's state, NUT-07 states of the inputs, NUT-09 restore of the saved outputs — and finish the
operation, or roll it back only when the mint says nothing happened. A mint that cannot be reached leaves the
operation as it is ("outcome unknown" is never "failed"): ``MintUnreachable`` propagates to the caller, which
records it and retries later.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from core.errors import MintRejected, OperationUnresolved, Verdict
from core.i18n import t
from core.ports.mint_types import MeltQuote
from core.ports.storage import OperationRecord
from core.protocol.models import Proof
from core.recovery.outcomes import UNFINISHED_STATES, Outcome
from core.wallet.batch_mint import is_batch, resume_batch
from core.wallet.check import proof_states
from core.wallet.context import MintWallet
from core.wallet.melt import finish_melt
from core.wallet.mpp import settle_parent
from core.wallet.outputs import PreparedOutput, verified_proofs
from core.wallet.send import record_sent_token
from core.wallet.settle import advance_counters
from core.wallet.transfer import finish_transfer

__all__ = ["UNFINISHED_STATES", "Outcome", "WalletFor", "resume_operation"]

WalletFor = Callable[[str], Awaitable[MintWallet]]


def _outputs(op: OperationRecord) -> list[PreparedOutput]:
    return [PreparedOutput.from_dict(o) for o in op.data.get("outputs", [])]


def _own_inputs(mw: MintWallet, op: OperationRecord) -> list[Proof]:
    return mw.store.proofs(operation_id=op.id, states=("reserved", "pending"))


def _roll_back(mw: MintWallet, op: OperationRecord, why: str) -> Outcome:
    with mw.store.atomic():
        own = [p.secret for p in _own_inputs(mw, op)]
        mw.store.move_proofs(own, owner=op.id, expect=("reserved", "pending"), to="unspent")
        mw.store.update_operation(op.id, state="rolled_back", error=why)
    return Outcome("rolled_back", why)


def _input_secrets(op: OperationRecord) -> list[str]:
    inputs: list[Any] = op.data.get("inputs", [])
    return [i["secret"] if isinstance(i, dict) else str(i) for i in inputs]


async def _restore_signed(mw: MintWallet, outputs: Sequence[PreparedOutput]) -> list[Proof]:
    """NUT-09: the proofs of those of ``outputs`` the mint has already signed."""
    if not outputs:
        return []
    returned, signatures = await mw.client.post_restore([o.blinded_message() for o in outputs])
    by_b = {o.B_: o for o in outputs}
    matched = [by_b[m.B_] for m in returned if m.B_ in by_b]
    return verified_proofs(mw, matched, signatures, restore=True)


async def resume_operation(mw: MintWallet, op: OperationRecord, *, wallet_for: WalletFor | None = None) -> Outcome:
    """Resume ``op`` at ``mw`` (its mint). ``wallet_for`` opens another mint: a transfer's target, for its mint step;
    without it, a transfer whose source has paid counts as finished here (its caller runs the mint step)."""
    if op.state == "prepared":
        return _roll_back(mw, op, t("interrupted before any request reached the mint"))
    if op.kind == "issue":
        return await _resume_issue(mw, op)
    if op.kind == "mpp":  # NUT-15: the parent of several melts, settled from its parts (core.wallet.mpp)
        state = settle_parent(mw.store, op.id)
        results = {"done": "finished", "failed": "rolled_back", "needs_review": "needs_review"}
        return Outcome(results.get(state, "pending"), t("multi-path payment: {0}").format(state))
    if op.kind == "transfer" and op.data.get("step") in ("melt", "mint"):
        return await _resume_transfer(mw, op, wallet_for)
    if op.kind in ("melt", "transfer"):
        outcome = await _resume_melt(mw, op)
        if op.data.get("mpp"):  # a part of a multi-path payment: its parent follows the parts
            settle_parent(mw.store, str(op.data["mpp"]))
        return outcome
    if op.kind in ("send", "receive", "reclaim", "sale"):  # a point-of-sale "sale" is a receive (core.api.pos)
        return await _resume_swap(mw, op)
    return Outcome("needs_review", t("no resume rule for operation kind {0}").format(op.kind))


async def _resume_issue(mw: MintWallet, op: OperationRecord) -> Outcome:
    if is_batch(op):  # NUT-29: several quotes in one request (core.wallet.batch_mint)
        return Outcome(*await resume_batch(mw, op))
    quote_id = op.data["quote"]
    outputs = _outputs(op)
    quote = await mw.client.get_mint_quote(quote_id)
    if quote.state == "ISSUED":
        proofs = await _restore_signed(mw, outputs)
        if not proofs:
            done = mw.store.operations(kinds=("issue", "transfer"), states=("done",))
            if any(quote_id in (o.data.get("quote"), o.data.get("dest_quote")) for o in done):
                return _roll_back(mw, op, t("the quote was issued to another operation of this wallet"))
            return _mark(mw, op, "needs_review", t("the mint says the quote was issued, but not to our outputs"))
        advance_counters(mw, outputs)
        _store_finished(mw, op, proofs)
        mw.store.set_mint_quote_state(quote_id, "ISSUED")
        return Outcome("finished", t("minted {0} {1}").format(sum(p.amount for p in proofs), op.unit))
    if quote.state == "PAID":
        if await _restore_signed(mw, outputs):
            # The quote is not issued, yet our outputs are signed: another request used these counters.
            advance_counters(mw, outputs)
            return _roll_back(mw, op, t("our outputs were already signed for another request; counters advanced"))
        # The mint never processed our request: send it again with the very same outputs (same counters).
        messages = [o.blinded_message() for o in outputs]
        record = mw.store.mint_quote(quote_id)
        signature = None
        if record is not None and record.privkey:
            from core.protocol.quote_signature import sign_mint_quote

            signature = sign_mint_quote(quote_id, messages, record.privkey)
        try:
            signatures = await mw.client.post_mint(quote_id, messages, signature=signature)
        except MintRejected as exc:
            return _refused_again(mw, op, exc)
        proofs = verified_proofs(mw, outputs, signatures)
        _store_finished(mw, op, proofs)
        mw.store.set_mint_quote_state(quote_id, "ISSUED")
        return Outcome("finished", t("minted {0} {1}").format(sum(p.amount for p in proofs), op.unit))
    if quote.state == "PENDING":
        return Outcome("pending", t("the quote is pending at the mint"))
    return _roll_back(mw, op, t("the quote is {0}: nothing was minted").format(quote.state))


async def _resume_transfer(mw: MintWallet, op: OperationRecord, wallet_for: WalletFor | None) -> Outcome:
    if op.data.get("step") == "melt":
        melted = await _resume_melt(mw, op)
        fresh = mw.store.get_operation(op.id)
        if melted.result != "finished" or fresh is None or fresh.data.get("step") != "mint":
            return melted
        op = fresh
    if wallet_for is None:
        return Outcome("finished", t("paid at the source; minting at the target next"))
    target = await wallet_for(str(op.data["dest_mint"]))
    try:
        minted = await finish_transfer(target, op.id)
    except OperationUnresolved as exc:
        return Outcome("pending", str(exc))
    return Outcome("finished", t("moved {0} {1} to {2}").format(minted, op.unit, target.url))


def _refused_again(mw: MintWallet, op: OperationRecord, exc: MintRejected) -> Outcome:
    """The request sent again was refused: roll back only when the code proves nothing happened."""
    if exc.verdict is Verdict.NOTHING_HAPPENED:
        return _roll_back(mw, op, t("the mint refused the request: {0}").format(exc))
    if exc.verdict is Verdict.OUTPUTS_SIGNED:
        advance_counters(mw, _outputs(op))
    return Outcome("pending", t("the mint refused again ({0}); asked again later").format(exc))


def _store_finished(mw: MintWallet, op: OperationRecord, proofs: list[Proof]) -> None:
    with mw.store.atomic():
        mw.store_proofs(proofs, op.unit, op_id=op.id)
        mw.store.update_operation(op.id, state="done", error="")


def _mark(mw: MintWallet, op: OperationRecord, result: str, detail: str) -> Outcome:
    mw.store.update_operation(op.id, state="needs_review" if result == "needs_review" else op.state, error=detail)
    return Outcome(result, detail)


async def _resume_swap(mw: MintWallet, op: OperationRecord) -> Outcome:
    outputs = _outputs(op)
    proofs = await _restore_signed(mw, outputs)
    inputs = _swap_inputs(mw, op)
    states = await proof_states(mw, inputs)
    inputs_unspent = bool(states) and all(s == "UNSPENT" for s in states.values())
    if proofs and not inputs_unspent:
        if len(proofs) < len(outputs):
            return _mark(mw, op, "needs_review", t("the mint signed only some of the outputs"))
        advance_counters(mw, outputs)
        _finish_swap(mw, op, proofs)
        return Outcome("finished", t("{0} of {1} {2} completed").format(op.kind, op.amount, op.unit))
    if proofs:
        # Our inputs are untouched, yet our outputs are signed: another request used these counters (11003).
        advance_counters(mw, outputs)
        return _roll_back(mw, op, t("our outputs were already signed for another request; counters advanced"))
    if inputs_unspent:
        # The swap never happened at the mint: do it now with the same outputs.
        try:
            signatures = await mw.client.post_swap(inputs, [o.blinded_message() for o in outputs])
        except MintRejected as exc:
            if exc.verdict is not Verdict.NOTHING_HAPPENED and await _swap_untouched(mw, outputs, inputs):
                # The code proves nothing, but the mint's records do: our outputs unsigned, the inputs unspent.
                return _roll_back(
                    mw, op, t("the mint refused the swap ({0}); its records show nothing happened").format(exc)
                )
            return _refused_again(mw, op, exc)
        _finish_swap(mw, op, verified_proofs(mw, outputs, signatures))
        return Outcome(
            "finished", t("{0} of {1} {2} completed (request sent again)").format(op.kind, op.amount, op.unit)
        )
    if any(s == "PENDING" for s in states.values()):
        return Outcome("pending", t("the inputs are pending at the mint"))
    if op.kind in ("receive", "reclaim", "sale"):
        mw.store.update_operation(op.id, state="failed", error="the token was spent by someone else")
        return Outcome("rolled_back", t("the token was spent by someone else: nothing received"))
    return _mark(mw, op, "needs_review", t("our inputs are spent but the mint signed none of our outputs"))


async def _swap_untouched(mw: MintWallet, outputs: Sequence[PreparedOutput], inputs: Sequence[Proof]) -> bool:
    """NUT-09 and NUT-07 after a refusal: none of our outputs signed, every input unspent (not pending)."""
    if await _restore_signed(mw, outputs):
        return False
    states = await proof_states(mw, inputs)
    return bool(states) and all(s == "UNSPENT" for s in states.values())


def _swap_inputs(mw: MintWallet, op: OperationRecord) -> list[Proof]:
    raw = op.data.get("inputs", [])
    if raw and isinstance(raw[0], dict):
        return [Proof.from_json(p) for p in raw]
    stored = mw.store.proofs_by_secrets([str(s) for s in raw])
    return [stored[s][0] for s in raw if s in stored]


def _finish_swap(mw: MintWallet, op: OperationRecord, proofs: list[Proof]) -> None:
    send_secrets = set(op.data.get("send_secrets", []))
    sent = [p for p in proofs if p.secret in send_secrets]
    kept = [p for p in proofs if p.secret not in send_secrets]
    with mw.store.atomic():
        if op.kind == "send":
            mw.store.move_proofs(_input_secrets(op), owner=op.id, expect=("reserved", "pending"), to="spent")
        mw.store_proofs(kept, op.unit, op_id=op.id)
        if sent:
            mw.store_proofs(sent, op.unit, state="pending", op_id=op.id)
            record_sent_token(mw, op.id, op.unit, sent, op.amount, op.memo)
        mw.store.update_operation(op.id, state="done", error="")


async def _resume_melt(mw: MintWallet, op: OperationRecord) -> Outcome:
    quote: MeltQuote = await mw.client.get_melt_quote(op.data["quote"])
    inputs = _swap_inputs(mw, op)
    blanks = _outputs(op)
    if quote.state == "PAID":
        if not quote.change and blanks:
            # Older mints do not repeat the change on the quote: ask for the blank outputs' signatures.
            returned, signatures = await mw.client.post_restore([o.blinded_message() for o in blanks])
            by_b = {o.B_: o for o in blanks}
            blanks = [by_b[m.B_] for m in returned if m.B_ in by_b]
            quote = dataclasses.replace(quote, change=signatures)
        result = finish_melt(mw, op.id, op.unit, inputs, blanks, quote)
        return Outcome("finished", t("paid {0} {1}, fee {2}").format(result.amount, op.unit, result.fee))
    if quote.state == "PENDING":
        with mw.store.atomic():
            mw.store.move_proofs([p.secret for p in inputs], owner=op.id, expect=("reserved", "pending"), to="pending")
            mw.store.update_operation(op.id, state="pending")
        return Outcome("pending", t("the Lightning payment is still pending at the mint"))
    states = await proof_states(mw, inputs)
    if any(s == "PENDING" for s in states.values()):
        return Outcome("pending", t("the inputs are still pending at the mint"))
    if any(s == "SPENT" for s in states.values()):
        return _mark(mw, op, "needs_review", t("the quote is unpaid but some inputs are spent"))
    return _roll_back(mw, op, t("the mint did not pay the invoice: the ecash is back in the balance"))
