"""What a change touched, in detail: the change bus's payload with the operations, mints and units it names.

``ChangeBus.changed`` carries a frozenset of area names (``ctx.changed("balances", "history")``). ``Changes`` is
that frozenset (every ``HISTORY in what`` keeps working) plus, when the emitter knows them, the ids of the
operations it created or moved, the mints and the units: the History view then updates those rows instead of
reading the history again. An empty ``operations`` means "not said": a view reloads as before.

An operation whose result names no entry (a Lightning invoice minted, a batch, a self-check, a restore) is told
with ``journal_mark`` before and ``announce_since`` after: the journal entries changed meanwhile, by id.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from core.api.journal_cursor import JournalCursor
from desktop.gui.context import HISTORY

__all__ = ["Changes", "announce", "announce_journal", "announce_since", "journal_mark", "operations_of"]


class Changes(frozenset[str]):
    operations: frozenset[str]
    mints: frozenset[str]
    units: frozenset[str]

    def __new__(
        cls,
        areas: Iterable[str] = (),
        *,
        operations: Iterable[str] = (),
        mints: Iterable[str] = (),
        units: Iterable[str] = (),
    ) -> Changes:
        self = super().__new__(cls, areas)
        self.operations = frozenset(o for o in operations if o)
        self.mints = frozenset(m for m in mints if m)
        self.units = frozenset(u for u in units if u)
        return self

    def __repr__(self) -> str:
        return f"Changes({sorted(self)!r}, operations={sorted(self.operations)!r}, mints={sorted(self.mints)!r})"


def announce(
    ctx: Any, *areas: str, operations: Iterable[str] = (), mints: Iterable[str] = (), units: Iterable[str] = ()
) -> None:
    """``ctx.changed(*areas)``, naming what changed (``ctx`` is an ``AppContext``; its bus carries objects)."""
    ctx.bus.changed.emit(Changes(areas, operations=operations, mints=mints, units=units))


def operations_of(what: object) -> frozenset[str]:
    """The operation ids a change names; empty when it names none (a plain frozenset from ``ctx.changed``)."""
    return what.operations if isinstance(what, Changes) else frozenset()


async def journal_mark(ctx: Any) -> JournalCursor | None:
    """The journal's newest change now (read on the core thread): ``announce_since`` names what changed after it."""
    cursor = JournalCursor(ctx.service.store)
    try:
        await ctx.write(cursor.mark)
    except Exception:
        return None
    return cursor


async def announce_since(
    ctx: Any, cursor: JournalCursor | None, *areas: str, mints: Iterable[str] = (), units: Iterable[str] = ()
) -> None:
    """``announce`` naming the journal entries changed since ``cursor`` was marked (another task's may be among
    them: they changed too). Nothing changed: History is left alone; not known: every view reads everything."""
    ids = None
    if cursor is not None:
        with contextlib.suppress(Exception):
            ids = await ctx.write(cursor.changes)
    announce_journal(ctx, ids, *areas, mints=mints, units=units)


def announce_journal(
    ctx: Any, ids: list[str] | None, *areas: str, mints: Iterable[str] = (), units: Iterable[str] = ()
) -> None:
    """One change event for what a journal cursor answered: ``ids`` named; ``[]`` (the journal did not change):
    History is left alone; None (not known): every view reads everything."""
    if ids is None:
        ctx.changed(*areas)
    elif ids:
        announce(ctx, *areas, operations=ids, mints=mints, units=units)
    else:
        ctx.changed(*(a for a in areas if a != HISTORY))
