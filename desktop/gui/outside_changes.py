"""What another process wrote, told to the views: the journal entries it changed named, so History redraws those.

The session's watcher says only *that* the database changed (another process, or this one's own commits). This
asks the journal which entries changed since the last look (``core.api.journal_cursor``: ids from the
``updated_at`` index, on the core thread — never the Qt one) and sends one change event: the areas any write may
touch, naming those entries. When the journal did not change, History is left alone; when the cursor cannot tell
(a burst of changes, a database without one), every view reads everything, as before.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from core.api.journal_cursor import JournalCursor
from desktop.gui.changes import announce_journal
from desktop.gui.context import BALANCES, HISTORY, MINTS, SALES, SENT, SETTINGS, AppContext
from desktop.gui.core_worker import CoreWorker
from desktop.gui.views.recovery.view import RECOVERY

__all__ = ["AREAS", "OutsideChanges"]

log = logging.getLogger(__name__)

# What another process may have written: a CLI command touches any of it.
AREAS = (BALANCES, HISTORY, MINTS, SENT, RECOVERY, SALES, SETTINGS)


class OutsideChanges:
    def __init__(self, ctx: AppContext, worker: CoreWorker, cursor: JournalCursor | None) -> None:
        self.ctx = ctx
        self.worker = worker
        self.cursor = cursor
        self._task: asyncio.Future[Any] | None = None
        self._again = False
        # Measured from now: what is in the journal already is what the views read at start-up.
        self._marked = asyncio.ensure_future(self._mark(cursor)) if cursor is not None else None

    async def _mark(self, cursor: JournalCursor) -> None:
        with contextlib.suppress(Exception):  # a cursor that could not look answers "read everything" next time
            await self.worker.call(cursor.mark)

    def notice(self) -> None:
        """The database changed: find out what (off the Qt thread), then tell the views. A change noticed while
        looking is looked at once that look is done (one look at a time, none lost)."""
        if self.cursor is None:
            self.ctx.changed(*AREAS)
            return
        if self._task is not None and not self._task.done():
            self._again = True
            return
        self._task = asyncio.ensure_future(self._look(self.cursor))

    async def _look(self, cursor: JournalCursor) -> None:
        if self._marked is not None:
            await self._marked  # the start-up look first (it never raises)
        while True:
            self._again = False
            try:
                ids = await self.worker.call(cursor.changes)
            except Exception:  # the database busy or gone: every view reads what it can
                log.debug("could not read the journal's changes", exc_info=True)
                ids = None
            self.tell(ids)
            if not self._again:
                return

    def tell(self, ids: list[str] | None) -> None:
        """One change event for the journal entries ``ids`` changed (None: not known; []: the journal did not)."""
        announce_journal(self.ctx, ids, *AREAS)

    def close(self) -> None:
        for task in (self._marked, self._task):
            if task is not None:
                task.cancel()
        self._marked = self._task = None
