"""Choosing and reserving inputs as one step, so parallel commands on one wallet queue instead of colliding.

The selection reads the unspent proofs and reserves the chosen ones inside one ``atomic()`` transaction (on
SQLite a ``BEGIN IMMEDIATE``: one process at a time), so two commands never hand out the same proofs. On
PostgreSQL the tills do not take turns: a proof another till's transaction holds is skipped by the reservation
(``FOR UPDATE SKIP LOCKED``) and the selection at once chooses among the others. When the
unspent proofs do not cover the amount but proofs reserved by operations still running would, the command waits
for them to finish (their change comes back) and says so after a few seconds; it gives up after ``WAIT_LIMIT``.

Reading: the choice is planned from the running totals' counts per denomination (``core.wallet.denominations``:
how many proofs of each keyset and amount, no proof read), then only the chosen proofs are read in full (secret,
C, DLEQ, witness). Should a denomination hold fewer proofs than its count said (another process or till between
the two reads), the choice pages instead through narrow (Y, keyset, amount) entries of the covering index,
largest first, one stream per keyset, stopping once the amount is covered. Either way a send of 1,000 sat from
100,000 proofs reads a few dozen rows, not 100,000.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from functools import cached_property
from typing import TypeVar, overload

from core.errors import InsufficientBalance
from core.i18n import t
from core.ports.storage import ProofRef, ProofsTaken, ProofState, StaleState
from core.protocol.models import Proof
from core.wallet.context import MintWallet
from core.wallet.denominations import Denomination, plan_exact, plan_for_amount
from core.wallet.selection import select_exact, select_exact_bounded, select_for_amount, select_ordered

__all__ = [
    "WAIT_LIMIT",
    "Unspent",
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
        raise StaleState(t("a chosen proof disappeared while it was being read"))  # another writer: choose again
    return proofs


def _input_refs(mw: MintWallet, unit: str, amount: int) -> tuple[list[ProofRef], int]:
    return select_ordered(unspent_in_order(mw, unit), amount, fee_ppk=mw.keychain.fee_ppk, unit=unit)


def _exact_refs(mw: MintWallet, unit: str, amount: int) -> list[ProofRef] | None:
    def bounded(kids: list[str]) -> Callable[[int], Iterator[ProofRef]]:
        return lambda at_most: _group_stream(mw, unit, kids, at_most)

    return select_exact_bounded([bounded(kids) for kids in _keyset_groups(mw, unit)], amount)


def _denomination_groups(mw: MintWallet, unit: str) -> list[list[Denomination]]:
    """The unspent denominations here in selection order: inactive keysets' first, then largest first."""
    found = [Denomination(*d) for d in mw.store.denominations(mw.url, unit)]
    by_order = sorted(found, key=lambda d: (-d.amount, d.keyset_id))
    inactive = [d for d in by_order if not mw.keychain.is_active(d.keyset_id)]
    active = [d for d in by_order if mw.keychain.is_active(d.keyset_id)]
    return [group for group in (inactive, active) if group]


def _read(mw: MintWallet, unit: str, plan: list[Denomination]) -> list[Proof] | None:
    """The planned proofs in full; None when a denomination has fewer than its count said (another process changed
    the proofs between the two reads, outside a transaction): the caller then pages through the proofs instead."""
    proofs: list[Proof] = []
    for kid, value, count in plan:
        found = mw.store.unspent_proofs_of(mw.url, unit, kid, value, count)
        if len(found) < count:
            return None
        proofs.extend(found)
    return proofs


def choose_inputs(
    mw: MintWallet, unit: str, amount: int, *, held: frozenset[str] = frozenset()
) -> tuple[list[Proof], int]:
    """Unspent inputs covering ``amount`` plus their own input fee, and that fee (nothing reserved). ``held``: proofs
    another till's transaction holds (PostgreSQL), chosen around — from every proof, a moment of contention."""
    if held:
        free = [p for p in mw.store.proofs(mint_url=mw.url, unit=unit) if p.secret not in held]
        kc = mw.keychain
        return select_for_amount(free, amount, fee_ppk=kc.fee_ppk, is_active=kc.is_active, unit=unit)
    ordered = [d for group in _denomination_groups(mw, unit) for d in group]
    plan, fee = plan_for_amount(ordered, amount, fee_ppk=mw.keychain.fee_ppk, unit=unit)
    proofs = _read(mw, unit, plan)
    if proofs is not None:
        return proofs, fee
    refs, fee = _input_refs(mw, unit, amount)
    return _full(mw, refs), fee


def choose_exact(mw: MintWallet, unit: str, amount: int, *, held: frozenset[str] = frozenset()) -> list[Proof] | None:
    """Unspent proofs summing exactly to ``amount`` (the greedy choice of ``select_exact``), or None."""
    if held:
        free = [p for p in mw.store.proofs(mint_url=mw.url, unit=unit) if p.secret not in held]
        return select_exact(free, amount, is_active=mw.keychain.is_active)
    plan = plan_exact(_denomination_groups(mw, unit), amount)
    if plan is None:
        return None
    proofs = _read(mw, unit, plan)
    if proofs is not None:
        return proofs
    refs = _exact_refs(mw, unit, amount)
    return None if refs is None else _full(mw, refs)


def send_fee(mw: MintWallet, unit: str, amount: int, *, locked: bool = False) -> int:
    """The input fee a send of ``amount`` would pay here (0 when existing proofs make it exactly and it is not
    locked), planned as the send plans it, from the denominations' counts: no proof is read. Raises
    ``InsufficientBalance``."""
    groups = _denomination_groups(mw, unit)
    if not locked and plan_exact(groups, amount) is not None:
        return 0
    ordered = [d for group in groups for d in group]
    return plan_for_amount(ordered, amount, fee_ppk=mw.keychain.fee_ppk, unit=unit)[1]


class Unspent(Sequence[Proof]):
    """The unspent proofs a plan may choose from, less ``held`` (those another till's transaction holds), read only
    if the plan reads them: the send and melt plans call ``choose_inputs``/``choose_exact`` with ``held`` instead,
    which read only the proofs they choose."""

    def __init__(self, mw: MintWallet, unit: str, held: frozenset[str]) -> None:
        self.mw, self.unit, self.held = mw, unit, held

    @cached_property
    def _proofs(self) -> list[Proof]:
        every = self.mw.store.proofs(mint_url=self.mw.url, unit=self.unit)
        return [p for p in every if p.secret not in self.held] if self.held else every

    def __len__(self) -> int:
        return len(self._proofs)

    @overload
    def __getitem__(self, index: int) -> Proof: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Proof]: ...
    def __getitem__(self, index: int | slice) -> Proof | Sequence[Proof]:
        return self._proofs[index]


async def with_reserved_inputs(mw: MintWallet, unit: str, plan: Callable[[Unspent], T]) -> T:
    """Run ``plan(unspent)`` inside one transaction; it selects and reserves (journal entry included).

    ``plan`` raises ``InsufficientBalance`` when the proofs do not cover it: then, while other operations hold
    reserved ecash here, wait and try again. A proof another till's transaction holds (``ProofsTaken``, PostgreSQL)
    is left out of the next try at once.
    """
    started = time.monotonic()
    noticed = False
    held: set[str] = set()  # proofs another till's transaction holds (PostgreSQL): chosen around at once
    while True:
        try:
            with mw.store.atomic(row_locks=True):
                return plan(Unspent(mw, unit, frozenset(held)))
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
