"""Which journal entries changed since the last look: ids only, so a window redraws those rows instead of all.

A window learns that the database changed (SQLite's data version: another process — a CLI command, a second
window, or this window's own commits) but not what. ``JournalCursor.changes()`` answers for the journal with one
read of the ``updated_at`` index: the ids and versions of the entries changed at or after the newest change it saw
(less a window of seconds, for a commit that took a while or a clock stepped back a little), compared with the
versions it saw then. No payloads, no JSON.

It answers ``None`` — "read everything" — when it cannot tell: more than a page of changes within the window (a
burst: for the window's seconds after it, each look reads everything), or fewer entries than before (the journal
is never deleted from, so that means the database was swapped under the window). A database shared by tills on
several machines (PostgreSQL) has one clock per till: a time cursor is not safe there, and the window reads
everything as before (``cursor_for`` gives no cursor).
"""

from __future__ import annotations

from typing import Protocol

from core.config import Config

__all__ = ["JournalCursor", "JournalReader", "cursor_for"]

PAGE = 200  # more changes than this at once: reading the history again costs less than naming them
WINDOW = 10.0  # seconds looked back past the newest change seen


class JournalReader(Protocol):
    def journal_changes(self, *, since: float | None, limit: int) -> tuple[list[tuple[str, int, float]], int]: ...


class JournalCursor:
    def __init__(self, store: JournalReader, *, page: int = PAGE, window: float = WINDOW) -> None:
        self._store = store
        self._page = page
        self._window = window
        self._at = 0.0  # the newest ``updated_at`` seen
        self._seen: dict[str, int] | None = None  # id → version of the entries changed within the window of it
        self._count = 0

    def mark(self) -> None:
        """Look now: later changes are measured from here."""
        rows, count = self._store.journal_changes(since=None, limit=self._page)
        self._remember(rows, count)

    def changes(self) -> list[str] | None:
        """The ids of the entries created or changed since the last look (newest change first); ``[]`` when the
        journal did not change; ``None`` when that cannot be told (then read everything)."""
        if self._seen is None:
            self.mark()
            return None
        seen = self._seen
        rows, count = self._store.journal_changes(since=self._at - self._window, limit=self._page + 1)
        complete = len(rows) <= self._page and count >= self._count
        changed = [id_ for id_, version, _ in rows if seen.get(id_) != version]
        self._remember(rows, count)
        return changed if complete else None

    def _remember(self, rows: list[tuple[str, int, float]], count: int) -> None:
        self._at = max([self._at, *(at for _, _, at in rows)])
        # Rows changed within the window of the newest: the next look reads them again and must know them.
        self._seen = {id_: version for id_, version, at in rows if at >= self._at - self._window}
        self._count = count


def cursor_for(config: Config, store: JournalReader) -> JournalCursor | None:
    """A cursor over ``store``'s journal when its clock is this machine's (SQLite); None for a shared PostgreSQL."""
    if config.db_url is None or config.db_url.startswith("sqlite"):
        return JournalCursor(store)
    return None
