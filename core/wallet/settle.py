"""What an operation does when its request to the mint fails: the verdict table applied to the journal.

``nothing-happened`` (a code that proves the mint did nothing, or a connection that never opened) releases the
inputs and marks the entry failed. Every other verdict keeps the entry and its reserved ecash. When the mint
*answered* (11001, 11002, 11003, 20002, 20005, code 0, ...), the wallet asks the mint's records at once — quote
state, NUT-07 states of the inputs, NUT-09 restore of the outputs — with the same rules recovery uses, so an
operation the mint performed before refusing finishes now. A dropped connection or a 5xx is left to recovery.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.errors import (
    MintRefused,
    MintRejected,
    MintUnreachable,
    OperationRolledBack,
    OperationUnresolved,
    OutcomeUnknown,
    PaymentPending,
    Verdict,
    verdict_of,
)
from core.i18n import t
from core.protocol.models import Proof
from core.wallet.context import MintWallet
from core.wallet.outputs import PreparedOutput

__all__ = ["Settled", "advance_counters", "after_failure", "raise_unsettled", "release_inputs"]


class Settled:
    """The mint's records settled a refused operation: ``result`` is ``finished`` or ``rolled_back``."""

    def __init__(self, result: str, detail: str) -> None:
        self.result = result
        self.detail = detail


def release_inputs(mw: MintWallet, op_id: str, own_inputs: Sequence[Proof], error: Exception) -> None:
    """The operation definitely failed: give its reserved inputs back and record why."""
    with mw.store.atomic():
        if own_inputs:
            secrets = [p.secret for p in own_inputs]
            mw.store.move_proofs(secrets, owner=op_id, expect=("reserved", "pending"), to="unspent")
        mw.store.update_operation(op_id, state="failed", error=str(error))


def advance_counters(mw: MintWallet, outputs: Sequence[PreparedOutput]) -> None:
    """Move each keyset's NUT-13 counter past ``outputs``: the mint has signed them, they are never reused."""
    highest: dict[str, int] = {}
    for output in outputs:
        if output.counter >= 0:
            highest[output.keyset_id] = max(highest.get(output.keyset_id, -1), output.counter)
    for keyset_id, counter in highest.items():
        mw.store.bump_counter(keyset_id, counter + 1)


async def after_failure(
    mw: MintWallet,
    op_id: str,
    exc: BaseException,
    *,
    own_inputs: Sequence[Proof],
    outputs: Sequence[PreparedOutput],
) -> Settled | None:
    """Apply ``exc``'s verdict to operation ``op_id``.

    Returns None when the caller should re-raise ``exc`` as it is (nothing happened: inputs released; or the
    outcome is unknown and recovery will ask later); a ``Settled`` when the mint's records settled it now. Raises
    ``OperationUnresolved`` when the mint answered but its records do not settle the operation yet.
    """
    verdict = verdict_of(exc)
    if verdict is Verdict.NOTHING_HAPPENED:
        release_inputs(mw, op_id, own_inputs, exc if isinstance(exc, Exception) else Exception(str(exc)))
        mw.store.release(op_id)
        return None
    if verdict is Verdict.OUTPUTS_SIGNED:
        advance_counters(mw, outputs)
    try:
        if not isinstance(exc, MintRejected):
            return None  # a dropped answer, a 5xx, a cancelled task: recovery asks the mint later
        mw.store.update_operation(op_id, error=f"the mint answered: {exc}")
        op = mw.store.get_operation(op_id)
        if op is None:
            return None
        # Imported here: recovery builds on the wallet's operations, and this is its one way back into them.
        from core.recovery.resume import resume_operation

        try:
            outcome = await resume_operation(mw, op)
        except (MintUnreachable, OutcomeUnknown) as unreachable:
            raise OperationUnresolved(
                t(
                    "the mint refused ({0}) and could not be asked what happened ({1}); the "
                    "operation is kept and recovery finishes it"
                ).format(exc, unreachable)
            ) from exc
        settled_op = mw.store.get_operation(op_id)
        if outcome.result == "rolled_back" and settled_op is not None and settled_op.state == "rolled_back":
            # Settled while the user waits: to them this operation failed (recovery's own roll-backs say so).
            mw.store.update_operation(
                op_id, state="failed", error=f"the mint refused ({exc}); {outcome.detail}", version=settled_op.version
            )
        if outcome.result in ("finished", "rolled_back"):
            return Settled(outcome.result, outcome.detail)
        if outcome.result == "pending" and op.kind in ("melt", "transfer"):
            raise PaymentPending(
                t("the Lightning payment is pending at the mint ({0})").format(outcome.detail)
            ) from exc
        raise OperationUnresolved(
            t("the mint refused ({0}); {1}. The operation is kept and recovery finishes it").format(exc, outcome.detail)
        ) from exc
    finally:
        mw.store.release(op_id)


def raise_unsettled(settled: Settled, exc: BaseException) -> None:
    """A refused operation the mint's records rolled back: say so with the most useful error."""
    if settled.result == "finished":
        return
    if isinstance(exc, MintRejected):
        # Now proven by the mint's records, not by the code: a refusal where nothing happened. It keeps the mint's
        # code, so a caller can still react to it (11003: repair the counters and try again).
        raise MintRefused(
            t("{0} (nothing happened: {1})").format(exc, settled.detail), mint_code=exc.mint_code, detail=exc.detail
        ) from exc
    raise OperationRolledBack(t("the mint refused ({0}); {1}").format(exc, settled.detail)) from exc
