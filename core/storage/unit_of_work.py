"""The unit of work: the session (transaction) of the task that opened ``atomic()``, never the shared store's.

Each repository method commits on its own, unless called inside ``with store.atomic():``, where all writes commit
together or not at all. The open transaction lives in a context variable: it belongs to the asyncio task (or thread)
that opened it, so another task's writes never join it, nor commit or roll back with it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from sqlalchemy.orm import Session

from core.storage.db import Database

__all__ = ["UnitOfWork", "now"]


def now() -> float:
    return time.time()


class UnitOfWork:
    db: Database
    _tx: ContextVar[Session | None]

    def _open_unit_of_work(self, db: Database) -> None:
        self.db = db
        self._tx = ContextVar(f"nutdesk-store-tx-{id(self)}", default=None)

    @contextmanager
    def atomic(self, *, row_locks: bool = False) -> Iterator[None]:
        """Group writes into one transaction (nesting joins the outer one).

        The transaction takes the writer's lock first (``BEGIN IMMEDIATE`` on SQLite, waiting up to the busy
        timeout for another process; an advisory lock on PostgreSQL, shared by every till: ``core.storage.dialects``),
        so what it reads cannot change before it writes — two processes selecting proofs take turns instead of
        picking the same ones.

        ``row_locks``: this unit of work is safe by compare-and-set and row locks alone (choosing and reserving
        inputs: a proof another till holds is skipped, ``ProofsTaken`` names it and the caller chooses again), so on
        PostgreSQL it does not queue behind the other tills' writes. SQLite takes its write lock all the same.
        """
        if self._tx.get() is not None:
            yield
            return
        opened = self.db.session() if row_locks and not self.db.is_sqlite else self.db.writer()
        with opened as session:
            token = self._tx.set(session)
            try:
                yield
            finally:
                self._tx.reset(token)

    @contextmanager
    def _session(self) -> Iterator[Session]:
        current = self._tx.get()
        if current is not None:
            yield current
            current.flush()
            return
        with self.db.session() as session:
            yield session

    @property
    def in_transaction(self) -> bool:
        """True inside this task's ``atomic()`` block."""
        return self._tx.get() is not None

    def close(self) -> None:
        self.db.close()
