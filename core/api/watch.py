"""Noticing that another process changed the wallet: a CLI command in a terminal, a second window.

SQLite bumps ``PRAGMA data_version`` on a connection whenever *another* connection commits to the same file. The
watcher keeps one idle connection of its own and compares that number: a read of a page already in memory, a few
microseconds and no lock, so the GUI can ask twice a second on its own loop. Its own writes count as "another
connection" too (the wallet's engine has its own connections); a redundant refresh is harmless.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from pathlib import Path
from typing import Any, Protocol

from core.config import Config

__all__ = ["ChangeWatcher", "DatabaseWatcher", "PostgresWatcher", "watcher_for"]


class ChangeWatcher(Protocol):
    def changed(self) -> bool: ...

    def close(self) -> None: ...


def watcher_for(config: Config) -> ChangeWatcher:
    """The watcher of ``config``'s wallet: SQLite's data version, or PostgreSQL's notifications (other tills)."""
    if config.db_url is None or config.db_url.startswith("sqlite"):
        path = config.database_path if config.db_url is None else Path(config.db_url.split("///", 1)[1])
        return DatabaseWatcher(path)
    return PostgresWatcher(config.db_url)


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


class PostgresWatcher:
    """``changed()`` is True once after commits by any till (or this one) to a PostgreSQL wallet: LISTEN/NOTIFY.

    Triggers on the tables a till shows send ``nutdesk_changes`` at each commit (migration 0008); one idle
    connection of its own LISTENs, and ``changed()`` only collects what already arrived (``timeout=0``: nothing
    waits on the GUI's loop). A lost connection says "no change" and is reconnected at most every 30 s.
    """

    RECONNECT_EVERY = 30.0

    def __init__(self, url: str) -> None:
        self._url = url.replace("postgresql+psycopg://", "postgresql://", 1)
        self._conn: Any = None
        self._next_try = 0.0
        self._connect()

    def _connect(self) -> None:
        import psycopg

        self._next_try = time.monotonic() + self.RECONNECT_EVERY
        try:
            self._conn = psycopg.connect(self._url, autocommit=True, connect_timeout=2)
            self._conn.execute("LISTEN nutdesk_changes")
        except psycopg.Error:
            self._conn = None

    def changed(self) -> bool:
        import psycopg

        if self._conn is None:
            if time.monotonic() < self._next_try:
                return False
            self._connect()
            return self._conn is not None  # back after a break: whatever happened meanwhile is news
        try:
            return bool(list(self._conn.notifies(timeout=0)))
        except psycopg.Error:
            self.close()
            return False

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None
