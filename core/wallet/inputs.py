"""Choosing and reserving inputs as one step, so parallel commands on one wallet queue instead of colliding.

The selection reads the unspent proofs and reserves the chosen ones inside one ``atomic()`` transaction (on
SQLite a ``BEGIN IMMEDIATE``: one process at a time), so two commands never hand out the same proofs. When the
unspent proofs do not cover the amount but proofs reserved by operations still running would, the command waits
for them to finish (their change comes back) and says so after a few seconds; it gives up after ``WAIT_LIMIT``.

Reading: the selection pages through narrow (Y, keyset, amount) entries of the store's covering index, largest
first, one stream per keyset (inactive keysets' first), and stops as soon as the amount is covered; only the chosen
proofs are then read in full (secret, C, DLEQ, witness). A send of 1,000 sat from 100,000 proofs reads a few dozen
index entries, not 100,000 rows.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import time
from collections.abc import Callable, Iterator
from typing import TypeVar

from core.errors import InsufficientBalance
from core.ports.storage import ProofRef, ProofState, StaleState
from core.protocol.models import Proof
from core.wallet.context import MintWallet
from core.wallet.selection import select_exact_bounded, select_ordered

__all__ = [
    "WAIT_LIMIT",
    "choose_exact",
    "choose_inputs",
    "send_fee",
    "unspent_in_order",
    "with_reserved_inputs",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

WAIT_LIMIT = 120.0  # seconds a command waits for another one's reserved ecash to come back
NOTICE_AFTER = 3.0
POLL = 0.2
FIRST_PAGE = 32  # a typical send needs a handful of inputs; pages then double up to LAST_PAGE
LAST_PAGE = 8192


def _in_use(mw: MintWallet, unit: str) -> int:
    """Ecash of ``unit`` at this mint reserved by operations still running (its change may come back)."""
    return sum(t.amount for t in mw.store.keyset_totals(mw.url, unit, state=ProofState.RESERVED).values())


def _keyset_groups(mw: MintWallet, unit: str) -> list[list[str]]:
    """The keysets holding unspent ``unit`` here: the inactive ones (spent first), then the active ones."""
    kids = sorted(mw.store.keyset_totals(mw.url, unit))
    inactive = [k for k in kids if not mw.keychain.is_active(k)]
    active = [k for k in kids if mw.keychain.is_active(k)]
    return [group for group in (inactive, active) if group]


def _keyset_stream(mw: MintWallet, unit: str, keyset_id: str, at_most: int | None) -> Iterator[ProofRef]:
    """One keyset's unspent proofs of at most ``at_most``, largest first, read a page at a time (each page its own
    query: nothing stays open while the caller decides whether it wants more)."""
    before = None if at_most is None else (at_most + 1, "")
    size = FIRST_PAGE
    while True:
        page = mw.store.unspent_refs(mw.url, unit, keyset_id, before=before, limit=size)
        yield from page
        if len(page) < size:
            return
        before = (page[-1].amount, page[-1].y)
        size = min(size * 2, LAST_PAGE)


def _group_stream(mw: MintWallet, unit: str, kids: list[str], at_most: int | None = None) -> Iterator[ProofRef]:
    streams = [_keyset_stream(mw, unit, kid, at_most) for kid in kids]
    if len(streams) == 1:
        return streams[0]
    return heapq.merge(*streams, key=lambda r: (r.amount, r.y), reverse=True)


def unspent_in_order(mw: MintWallet, unit: str) -> Iterator[ProofRef]:
    """Every unspent proof of ``unit`` here in selection order (inactive keysets first, largest first), lazily."""
    for kids in _keyset_groups(mw, unit):
        yield from _group_stream(mw, unit, kids)


def _full(mw: MintWallet, refs: list[ProofRef]) -> list[Proof]:
    proofs = mw.store.proofs_by_ys([r.y for r in refs])
    if len(proofs) != len(refs):
        raise StaleState("a chosen proof disappeared while it was being read")  # another writer: choose again
    return proofs


def _input_refs(mw: MintWallet, unit: str, amount: int) -> tuple[list[ProofRef], int]:
    return select_ordered(unspent_in_order(mw, unit), amount, fee_ppk=mw.keychain.fee_ppk, unit=unit)


def _exact_refs(mw: MintWallet, unit: str, amount: int) -> list[ProofRef] | None:
    def bounded(kids: list[str]) -> Callable[[int], Iterator[ProofRef]]:
        return lambda at_most: _group_stream(mw, unit, kids, at_most)

    return select_exact_bounded([bounded(kids) for kids in _keyset_groups(mw, unit)], amount)


def choose_inputs(mw: MintWallet, unit: str, amount: int) -> tuple[list[Proof], int]:
    """Unspent inputs covering ``amount`` plus their own input fee, and that fee (nothing reserved)."""
    refs, fee = _input_refs(mw, unit, amount)
    return _full(mw, refs), fee


def choose_exact(mw: MintWallet, unit: str, amount: int) -> list[Proof] | None:
    """Unspent proofs summing exactly to ``amount`` (the greedy choice of ``select_exact``), or None."""
    refs = _exact_refs(mw, unit, amount)
    return None if refs is None else _full(mw, refs)


def send_fee(mw: MintWallet, unit: str, amount: int, *, locked: bool = False) -> int:
    """The input fee a send of ``amount`` would pay here (0 when existing proofs make it exactly and it is not
    locked), read as the send will choose — without reading any proof in full. Raises ``InsufficientBalance``."""
    if not locked and _exact_refs(mw, unit, amount) is not None:
        return 0
    return _input_refs(mw, unit, amount)[1]


async def with_reserved_inputs(mw: MintWallet, unit: str, plan: Callable[[], T]) -> T:
    """Run ``plan()`` inside one transaction; it selects (``choose_inputs``/``choose_exact``) and reserves
    (journal entry included).

    ``plan`` raises ``InsufficientBalance`` when the proofs do not cover it: then, while other operations hold
    reserved ecash here, wait and try again.
    """
    started = time.monotonic()
    noticed = False
    while True:
        try:
            with mw.store.atomic():
                return plan()
        except StaleState:
            pass  # another process reserved some of them between our read and write (no IMMEDIATE lock): again
        except InsufficientBalance:
            if not _in_use(mw, unit) or time.monotonic() - started > WAIT_LIMIT:
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
