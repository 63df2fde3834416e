"""NUT-29 batched mint: several paid quotes of one mint and unit issued in ONE request, journaled as one operation.

The journal entry is an ``issue`` operation whose data lists every quote (``quotes``) next to the outputs, so
the rest of the wallet (history, the paid-quote sweep of recovery, repeats) sees it as an issue. The NUT-13
counters are reserved (committed) before the outputs exist, and the entry is ``sent`` before the request
leaves. The mint issues a batch atomically (all quotes or none), so a lost answer is settled by asking the
quotes' states: any ISSUED → NUT-09 restore of our outputs; all still PAID → the identical request again.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.errors import DefinitelyFailed, MintRejected, QuoteNotPaid
from core.i18n import t
from core.ports.storage import MintQuoteRecord, OperationRecord
from core.protocol.amounts import split
from core.protocol.models import Proof
from core.protocol.quote_signature import sign_batch_mint
from core.recovery.failpoints import failpoint
from core.wallet.context import MintWallet
from core.wallet.outputs import PreparedOutput, prepare_outputs, verified_proofs
from core.wallet.settle import advance_counters, after_failure, raise_unsettled

__all__ = ["BATCH_NUT", "is_batch", "mint_batch", "resume_batch", "supports_batch"]

BATCH_NUT = 29


def supports_batch(mw: MintWallet) -> bool:
    return mw.supports(BATCH_NUT)


def max_batch_size(mw: MintWallet) -> int | None:
    entry = mw.info.nuts.get(BATCH_NUT, {}) if mw.info is not None else {}
    size = entry.get("max_batch_size")
    return size if isinstance(size, int) and not isinstance(size, bool) and size > 0 else None


def is_batch(op: OperationRecord) -> bool:
    return op.kind == "issue" and isinstance(op.data.get("quotes"), list)


def _records(mw: MintWallet, quote_ids: Sequence[str]) -> list[MintQuoteRecord]:
    if not quote_ids:
        raise DefinitelyFailed(t("a batch needs at least one quote"))
    if len(set(quote_ids)) != len(quote_ids):
        raise DefinitelyFailed(t("a quote appears twice in the batch"))
    records = []
    for quote_id in quote_ids:
        record = mw.store.mint_quote(quote_id)
        if record is None:
            raise DefinitelyFailed(t("unknown mint quote {0}").format(quote_id))
        if record.mint_url != mw.url:
            raise DefinitelyFailed(t("quote {0} is from {1}, not {2}").format(quote_id, record.mint_url, mw.url))
        records.append(record)
    if len({r.unit for r in records}) != 1:
        raise DefinitelyFailed(t("all quotes of a batch must have the same unit"))
    return records


def _sign(
    quote_ids: Sequence[str], outputs: Sequence[PreparedOutput], keys: Sequence[str | None]
) -> list[str | None] | None:
    return sign_batch_mint(quote_ids, [o.blinded_message() for o in outputs], list(keys))


async def _send(
    mw: MintWallet, quote_ids: Sequence[str], outputs: Sequence[PreparedOutput], keys: Sequence[str | None]
) -> list[Proof]:
    messages = [o.blinded_message() for o in outputs]
    answer = await mw.client.post_mint_batch(quote_ids, messages, _sign(quote_ids, outputs, keys))
    return verified_proofs(mw, outputs, answer)


async def _restored(mw: MintWallet, outputs: Sequence[PreparedOutput]) -> list[Proof]:
    """NUT-09: the proofs of those of ``outputs`` the mint has signed."""
    returned, signatures = await mw.client.post_restore([o.blinded_message() for o in outputs])
    by_b = {o.B_: o for o in outputs}
    matched = [by_b[m.B_] for m in returned if m.B_ in by_b]
    return verified_proofs(mw, matched, signatures, restore=True)


def _finish(mw: MintWallet, op_id: str, quote_ids: Sequence[str], unit: str, proofs: Sequence[Proof]) -> None:
    with mw.store.atomic():
        mw.store_proofs(proofs, unit, op_id=op_id)
        for quote_id in quote_ids:
            mw.store.set_mint_quote_state(quote_id, "ISSUED")
        mw.store.update_operation(op_id, state="done", error="")


async def mint_batch(mw: MintWallet, quote_ids: Sequence[str]) -> int:
    """Issue every quote of ``quote_ids`` (paid, same mint and unit) in one NUT-29 request; the amount minted."""
    if not supports_batch(mw):
        raise DefinitelyFailed(t("mint {0} does not support batched minting (NUT-29)").format(mw.url))
    limit = max_batch_size(mw)
    if limit is not None and len(quote_ids) > limit:
        raise DefinitelyFailed(t("mint {0} takes at most {1} quotes per batch").format(mw.url, limit))
    records = _records(mw, quote_ids)
    unit = records[0].unit
    total = sum(r.amount for r in records)
    keyset = mw.keychain.active(unit)
    # Counters committed first (NUT-13): a crash or a retry never reuses one.
    outputs = prepare_outputs(mw.store, mw.seed, keyset.id, split(total, sorted(keyset.keys)))
    op_id = mw.store.create_operation(
        kind="issue",
        mint_url=mw.url,
        unit=unit,
        amount=total,
        data={"quote": quote_ids[0], "quotes": list(quote_ids), "outputs": [o.to_dict() for o in outputs]},
    )
    failpoint("batch_mint:after_prepare")
    mw.store.update_operation(op_id, state="sent")
    keys = [r.privkey for r in records]
    try:
        answer = await mw.client.post_mint_batch(
            quote_ids, [o.blinded_message() for o in outputs], _sign(quote_ids, outputs, keys)
        )
    except BaseException as exc:
        # The verdict table (core.wallet.settle, docs/verdicts.md): only a refusal proving nothing happened fails
        # the batch; 20002/11003 and the like are settled from the mint's records (resume_batch); a lost answer
        # stays "sent" for recovery.
        settled = await after_failure(mw, op_id, exc, own_inputs=[], outputs=outputs)
        if settled is None:
            if isinstance(exc, MintRejected) and exc.mint_code == 20001:
                raise QuoteNotPaid(t("not every invoice of the batch has been paid yet")) from exc
            raise
        raise_unsettled(settled, exc)
        return sum(p.amount for p in mw.store.proofs(operation_id=op_id, states=("unspent",)))
    try:
        proofs = verified_proofs(mw, outputs, answer)
    except BaseException:
        mw.store.release(op_id)
        raise
    _finish(mw, op_id, quote_ids, unit, proofs)
    return sum(p.amount for p in proofs)


async def resume_batch(mw: MintWallet, op: OperationRecord) -> tuple[str, str]:
    """Settle a batch whose answer was lost: ``(result, detail)`` with result finished/rolled_back/needs_review."""
    quote_ids: list[str] = [str(q) for q in op.data["quotes"]]
    outputs = [PreparedOutput.from_dict(o) for o in op.data.get("outputs", [])]
    states = {q: str((await mw.client.get_mint_quote(q)).state) for q in quote_ids}
    if any(s == "ISSUED" for s in states.values()):
        proofs = await _restored(mw, outputs)
        if not proofs:
            # Issued, but not to this batch (each quote went out another way): this batch minted nothing.
            detail = t("the quotes were issued elsewhere; this batch minted nothing")
            mw.store.update_operation(op.id, state="rolled_back", error=detail)
            return "rolled_back", detail
        if len(proofs) != len(outputs):
            detail = t("the mint says the batch was issued, but not (all) to our outputs")
            mw.store.update_operation(op.id, state="needs_review", error=detail)
            return "needs_review", detail
        advance_counters(mw, outputs)  # signed: never to be derived again
        _finish(mw, op.id, quote_ids, op.unit, proofs)
        return "finished", t("minted {0} {1} in one batch").format(sum(p.amount for p in proofs), op.unit)
    if all(s == "PAID" for s in states.values()):
        keys = []
        for q in quote_ids:
            record = mw.store.mint_quote(q)
            keys.append(record.privkey if record is not None else None)
        proofs = await _send(mw, quote_ids, outputs, keys)  # the very same outputs (same counters)
        _finish(mw, op.id, quote_ids, op.unit, proofs)
        return "finished", t("minted {0} {1} in one batch (request sent again)").format(
            sum(p.amount for p in proofs), op.unit
        )
    detail = t("the mint issued none of the batch: {0}").format(", ".join(f"{q} {s}" for q, s in states.items()))
    mw.store.update_operation(op.id, state="rolled_back", error=detail)
    return "rolled_back", detail
