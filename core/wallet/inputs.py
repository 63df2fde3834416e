"""Choosing and reserving inputs as one step, so parallel commands on one wallet queue instead of colliding.

The selection reads the unspent proofs and reserves the chosen ones inside one ``atomic()`` transaction (on
SQLite a ``BEGIN IMMEDIATE``: one process at a time), so two commands never hand out the same proofs. On
PostgreSQL the tills do not take turns: a proof another till's transaction holds is skipped by the reservation
(``FOR UPDATE SKIP LOCKED``) and the selection at once chooses among the others. When the
unspent proofs do not cover the amount but proofs reserved by operations still running would, the command waits
for them to finish (their change comes back) and says so after a few seconds; it gives up after ``WAIT_LIMIT``.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import TypeVar

from core.errors import InsufficientBalance
from core.ports.storage import ProofsTaken, ProofState, StaleState
from core.protocol.models import Proof
from core.wallet.context import MintWallet

__all__ = ["WAIT_LIMIT", "with_reserved_inputs"]

log = logging.getLogger(__name__)

T = TypeVar("T")

WAIT_LIMIT = 120.0  # seconds a command waits for another one's reserved ecash to come back
NOTICE_AFTER = 3.0
POLL = 0.2


def _in_use(mw: MintWallet, unit: str) -> int:
    """Ecash of ``unit`` at this mint reserved by operations still running (its change may come back)."""
    return sum(p.amount for p in mw.store.proofs(mint_url=mw.url, unit=unit, states=(ProofState.RESERVED,)))


async def with_reserved_inputs(mw: MintWallet, unit: str, plan: Callable[[list[Proof]], T]) -> T:
    """Run ``plan(unspent proofs)`` inside one transaction; it selects and reserves (journal entry included).

    ``plan`` raises ``InsufficientBalance`` when the proofs do not cover it: then, while other operations hold
    reserved ecash here, wait and try again.
    """
    started = time.monotonic()
    noticed = False
    held: set[str] = set()  # proofs another till's transaction holds (PostgreSQL): chosen around at once
    while True:
        try:
            with mw.store.atomic(row_locks=True):
                available = mw.store.proofs(mint_url=mw.url, unit=unit)
                return plan([p for p in available if p.secret not in held] if held else available)
        except ProofsTaken as exc:
            held |= exc.secrets
            continue
        except StaleState:
            pass  # another process reserved some of them between our read and write (no IMMEDIATE lock): again
        except InsufficientBalance:
            if held:
                held.clear()  # perhaps only because of proofs held a moment ago: look again after a pause
            elif not _in_use(mw, unit) or time.monotonic() - started > WAIT_LIMIT:
                raise
        waited = time.monotonic() - started
        if waited > NOTICE_AFTER and not noticed:
            noticed = True
            log.warning(
                "another operation on this wallet is using the ecash at %s; waiting for it to finish (up to %d s)",
                mw.url,
                int(WAIT_LIMIT),
            )
        await asyncio.sleep(POLL)
