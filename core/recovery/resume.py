"""Resuming unfinished operations from the journal.

The rule (as cdk's sagas): if no request reached the mint (state ``prepared``), roll back; otherwise ask the
mint — the quote's state, NUT-07 states of the inputs, NUT-09 restore of the saved outputs — and finish the
operation, or roll it back only when the mint says nothing happened. A mint that cannot be reached leaves the
operation as it is ("outcome unknown" is never "failed"): ``MintUnreachable`` propagates to the caller, which
records it and retries later.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.errors import MintRejected
from core.mint_client.types import MeltQuote
from core.ports.storage import OperationRecord
from core.protocol.models import Proof
from core.wallet.batch_mint import is_batch, resume_batch
from core.wallet.check import proof_states
from core.wallet.context import MintWallet
from core.wallet.melt import finish_melt
from core.wallet.mpp import settle_parent
from core.wallet.outputs import PreparedOutput, verified_proofs
from core.wallet.send import record_sent_token

__all__ = ["UNFINISHED_STATES", "Outcome", "resume_operation"]

UNFINISHED_STATES = ("prepared", "sent", "pending")


@dataclass(frozen=True)
class Outcome:
    """What resuming did: ``finished``, ``rolled_back``, ``pending`` (still in flight), or ``needs_review``."""

    result: str
    detail: str


def _outputs(op: OperationRecord) -> list[PreparedOutput]:
    return [PreparedOutput.from_dict(o) for o in op.data.get("outputs", [])]


def _own_inputs(mw: MintWallet, op: OperationRecord) -> list[Proof]:
    return mw.store.proofs(operation_id=op.id, states=("reserved", "pending"))


def _roll_back(mw: MintWallet, op: OperationRecord, why: str) -> Outcome:
    with mw.store.atomic():
        own = [p.secret for p in _own_inputs(mw, op)]
        if own:
            mw.store.set_proof_state(own, "unspent")
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


async def resume_operation(mw: MintWallet, op: OperationRecord) -> Outcome:
    if op.state == "prepared":
        return _roll_back(mw, op, "interrupted before any request reached the mint")
    if op.kind == "issue":
        return await _resume_issue(mw, op)
    if op.kind == "mpp":  # NUT-15: the parent of several melts, settled from its parts (core.wallet.mpp)
        state = settle_parent(mw.store, op.id)
        results = {"done": "finished", "failed": "rolled_back", "needs_review": "needs_review"}
        return Outcome(results.get(state, "pending"), f"multi-path payment: {state}")
    if op.kind in ("melt", "transfer"):
        outcome = await _resume_melt(mw, op)
        if op.data.get("mpp"):  # a part of a multi-path payment: its parent follows the parts
            settle_parent(mw.store, str(op.data["mpp"]))
        return outcome
    if op.kind in ("send", "receive", "reclaim", "sale"):  # a point-of-sale "sale" is a receive (core.api.pos)
        return await _resume_swap(mw, op)
    return Outcome("needs_review", f"no resume rule for operation kind {op.kind}")


async def _resume_issue(mw: MintWallet, op: OperationRecord) -> Outcome:
    if is_batch(op):  # NUT-29: several quotes in one request (core.wallet.batch_mint)
        return Outcome(*await resume_batch(mw, op))
    quote_id = op.data["quote"]
    outputs = _outputs(op)
    quote = await mw.client.get_mint_quote(quote_id)
    if quote.state == "ISSUED":
        proofs = await _restore_signed(mw, outputs)
        if not proofs:
            return _mark(mw, op, "needs_review", "the mint says the quote was issued, but not to our outputs")
        _store_finished(mw, op, proofs)
        mw.store.set_mint_quote_state(quote_id, "ISSUED")
        return Outcome("finished", f"minted {sum(p.amount for p in proofs)} {op.unit}")
    if quote.state == "PAID":
        # The mint never processed our request: send it again with the very same outputs (same counters).
        messages = [o.blinded_message() for o in outputs]
        record = mw.store.mint_quote(quote_id)
        signature = None
        if record is not None and record.privkey:
            from core.protocol.quote_signature import sign_mint_quote

            signature = sign_mint_quote(quote_id, messages, record.privkey)
        signatures = await mw.client.post_mint(quote_id, messages, signature=signature)
        proofs = verified_proofs(mw, outputs, signatures)
        _store_finished(mw, op, proofs)
        mw.store.set_mint_quote_state(quote_id, "ISSUED")
        return Outcome("finished", f"minted {sum(p.amount for p in proofs)} {op.unit}")
    return _roll_back(mw, op, f"the quote is {quote.state}: nothing was minted")


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
    if proofs:
        if len(proofs) < len(outputs):
            return _mark(mw, op, "needs_review", "the mint signed only some of the outputs")
        _finish_swap(mw, op, proofs)
        return Outcome("finished", f"{op.kind} of {op.amount} {op.unit} completed")
    inputs = _swap_inputs(mw, op)
    states = await proof_states(mw, inputs)
    if states and all(s == "UNSPENT" for s in states.values()):
        # The swap never happened at the mint: do it now with the same outputs.
        try:
            signatures = await mw.client.post_swap(inputs, [o.blinded_message() for o in outputs])
        except MintRejected as exc:
            return _roll_back(mw, op, f"the mint refused the swap: {exc}")
        _finish_swap(mw, op, verified_proofs(mw, outputs, signatures))
        return Outcome("finished", f"{op.kind} of {op.amount} {op.unit} completed (request sent again)")
    if any(s == "PENDING" for s in states.values()):
        return Outcome("pending", "the inputs are pending at the mint")
    if op.kind in ("receive", "reclaim", "sale"):
        mw.store.update_operation(op.id, state="failed", error="the token was spent by someone else")
        return Outcome("rolled_back", "the token was spent by someone else: nothing received")
    return _mark(mw, op, "needs_review", "our inputs are spent but the mint signed none of our outputs")


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
            mw.store.set_proof_state(_input_secrets(op), "spent")
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
        return Outcome("finished", f"paid {result.amount} {op.unit}, fee {result.fee}")
    if quote.state == "PENDING":
        with mw.store.atomic():
            mw.store.set_proof_state([p.secret for p in inputs], "pending", operation_id=op.id)
            mw.store.update_operation(op.id, state="pending")
        return Outcome("pending", "the Lightning payment is still pending at the mint")
    states = await proof_states(mw, inputs)
    if any(s == "PENDING" for s in states.values()):
        return Outcome("pending", "the inputs are still pending at the mint")
    if any(s == "SPENT" for s in states.values()):
        return _mark(mw, op, "needs_review", "the quote is unpaid but some inputs are spent")
    return _roll_back(mw, op, "the mint did not pay the invoice: the ecash is back in the balance")
