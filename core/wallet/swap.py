"""NUT-03 swap inside the journal — the step shared by receive, send and reclaim.

The journal protocol (every write committed before the next network call):
``prepared`` (outputs with reserved counters and the inputs stored; no request yet) → ``sent`` (the
request may reach the mint) → ``done`` (new proofs stored, inputs spent, in one transaction) or
``failed`` (the mint definitely refused: inputs released). A network error after ``sent`` leaves the
operation ``sent``: the outcome is unknown, and recovery asks the mint.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.errors import DefinitelyFailed, MintUnreachable
from core.protocol.models import Proof
from core.recovery.failpoints import failpoint
from core.wallet.context import MintWallet
from core.wallet.outputs import PreparedOutput, verified_proofs

__all__ = ["release_inputs", "run_swap"]


def release_inputs(mw: MintWallet, op_id: str, own_inputs: Sequence[Proof], error: Exception) -> None:
    """The operation definitely failed: give its reserved inputs back and record why."""
    with mw.store.atomic():
        if own_inputs:
            mw.store.set_proof_state([p.secret for p in own_inputs], "unspent")
        mw.store.update_operation(op_id, state="failed", error=str(error))


async def run_swap(
    mw: MintWallet,
    op_id: str,
    kind: str,
    inputs: Sequence[Proof],
    outputs: Sequence[PreparedOutput],
    *,
    own_inputs: bool,
) -> list[Proof]:
    """Send the swap and return the new proofs (not yet stored: the caller stores them atomically)."""
    mw.store.update_operation(op_id, state="sent")
    failpoint(f"{kind}:after_sent")
    try:
        signatures = await mw.client.post_swap(list(inputs), [o.blinded_message() for o in outputs])
    except MintUnreachable as exc:
        if not exc.sent:
            release_inputs(mw, op_id, inputs if own_inputs else [], exc)
        mw.store.release(op_id)  # outcome unknown: the journal keeps it "sent" for recovery
        raise
    except DefinitelyFailed as exc:
        release_inputs(mw, op_id, inputs if own_inputs else [], exc)
        raise
    except BaseException:
        mw.store.release(op_id)
        raise
    failpoint(f"{kind}:after_response")
    try:
        return verified_proofs(mw, outputs, signatures)
    except BaseException:
        mw.store.release(op_id)
        raise
