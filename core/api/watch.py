"""Noticing that another process changed the wallet: a CLI command in a terminal, a second window.

SQLite bumps ``PRAGMA data_version`` on a connection whenever *another* connection commits to the same file. The
watcher keeps one idle connection of its own and compares that number: a read of a page already in memory, a few
microseconds and no lock, so the GUI can ask twice a second on its own loop. Its own writes count as "another
connection" too (the wallet's engine has its own connections); a redundant refresh is harmless.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

__all__ = ["DatabaseWatcher"]


class DatabaseWatcher:
    """``changed()`` is True once after each commit made since the previous call (by anyone but the watcher)."""

    def __init__(self, path: Path) -> None:
        # Autocommit (isolation_level=None): the PRAGMA must not leave a read transaction open, or the watcher
        # would pin an old WAL snapshot and keep the checkpointer from truncating the log.
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=0.1
        )
        self._version = self._read()

    def _read(self) -> int:
        if self._conn is None:
            return -1
        try:
            row = self._conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:  # busy or gone: say "no change" now, look again next time
            return self._version
        return int(row[0])

    def changed(self) -> bool:
        version = self._read()
        if version == self._version:
            return False
        self._version = version
        return True

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
