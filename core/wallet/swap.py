"""NUT-03 swap inside the journal — the step shared by receive, send and reclaim.

The journal protocol (every write committed before the next network call):
``prepared`` (outputs with reserved counters and the inputs stored; no request yet) → ``sent`` (the
request may reach the mint) → ``done`` (new proofs stored, inputs spent, in one transaction) or
``failed`` (the mint's answer proves nothing happened: inputs released). Any other failure after ``sent`` leaves
the operation ``sent`` (see ``core.wallet.settle`` for the verdicts).
"""

from __future__ import annotations

from collections.abc import Sequence

from core.protocol.models import Proof
from core.recovery.failpoints import failpoint
from core.wallet.context import MintWallet
from core.wallet.outputs import PreparedOutput, verified_proofs
from core.wallet.settle import Settled, after_failure, release_inputs

__all__ = ["SwapRefused", "release_inputs", "run_swap"]


class SwapRefused(Exception):
    """The swap failed, but the mint's records settled the operation: ``settled`` says how; ``cause`` why."""

    def __init__(self, settled: Settled, cause: BaseException) -> None:
        super().__init__(settled.detail)
        self.settled = settled
        self.cause = cause


async def run_swap(
    mw: MintWallet,
    op_id: str,
    kind: str,
    inputs: Sequence[Proof],
    outputs: Sequence[PreparedOutput],
    *,
    own_inputs: bool,
) -> list[Proof]:
    """Send the swap and return the new proofs (not yet stored: the caller stores them atomically).

    On failure the verdict decides (``core.wallet.settle``): the original error is raised when nothing happened or
    the outcome is unknown; ``SwapRefused`` when the mint refused but its records settled the entry at once
    (finished: the new proofs are already stored; rolled back).
    """
    mw.store.update_operation(op_id, state="sent")
    failpoint(f"{kind}:after_sent")
    try:
        signatures = await mw.client.post_swap(list(inputs), [o.blinded_message() for o in outputs])
    except BaseException as exc:
        settled = await after_failure(mw, op_id, exc, own_inputs=inputs if own_inputs else [], outputs=outputs)
        if settled is None:
            raise
        raise SwapRefused(settled, exc) from exc
    failpoint(f"{kind}:after_response")
    try:
        return verified_proofs(mw, outputs, signatures)
    except BaseException:
        mw.store.release(op_id)
        raise
