"""What differs between the two databases a wallet can live in: SQLite (one machine) and PostgreSQL (a shop's tills).

The rest of the storage layer speaks portable SQL; the few places where the engines differ ask here. The main one is
the writer's lock: SQLite has one database-wide write lock (``BEGIN IMMEDIATE`` takes it first, so what a unit of work
reads cannot change before it writes). PostgreSQL has no such lock, so a unit of work takes a transaction-level
advisory lock instead as its first statement: the same "one writer at a time" rule across every till, released by
the commit or rollback, and — under READ COMMITTED — every later statement of the transaction sees what the previous
holder committed.

Reserving proofs is the one write that does not queue behind that lock on PostgreSQL: a unit of work opened with
``atomic(row_locks=True)`` relies on compare-and-set and row locks alone, and the reservation claims only the rows
no other transaction holds (``SELECT … FOR UPDATE SKIP LOCKED``), so two tills reserving at once each get other
proofs at once instead of one waiting for the other's commit. SQLite has no row locks: there the same unit of work
takes the database's write lock as every other.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

__all__ = [
    "WRITER_LOCK_KEY",
    "has_row_locks",
    "is_connection_lost",
    "is_postgresql",
    "is_sqlite",
    "normalize_url",
    "skip_locked",
    "take_writer_lock",
    "url_for_humans",
]

# Any fixed 64-bit number: the advisory lock is per database, and one wallet is one database.
WRITER_LOCK_KEY = 0x6E75_7464_6573_6B01


def normalize_url(url: str) -> str:
    """The SQLAlchemy URL for ``url``: ``postgresql://`` (and ``postgres://``) use psycopg 3."""
    for prefix in ("postgresql://", "postgres://", "postgresql+psycopg2://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def is_postgresql(url: str) -> bool:
    return url.startswith("postgresql") or url.startswith("postgres://")


def url_for_humans(url: str) -> str:
    """``url`` without its password (for messages and logs)."""
    head, sep, tail = url.partition("://")
    if not sep or "@" not in tail:
        return url
    credentials, _, rest = tail.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{head}://{user}:***@{rest}" if ":" in credentials else f"{head}://{credentials}@{rest}"


def take_writer_lock(session: Session, url: str) -> None:
    """Make ``session``'s transaction the only writer until it ends (the first statement of the transaction)."""
    if is_sqlite(url):
        session.connection().exec_driver_sql("BEGIN IMMEDIATE")
    else:
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})


def has_row_locks(session: Session) -> bool:
    """Whether ``session``'s database locks rows (PostgreSQL), rather than the whole database (SQLite)."""
    return session.get_bind().dialect.name == "postgresql"


def skip_locked(query: Select[Any]) -> Select[Any]:
    """``query`` locking the rows it returns for this transaction and passing over those another one holds."""
    return query.with_for_update(skip_locked=True)


# SQLSTATEs that mean the server went away or refuses connections (class 08; admin/crash shutdown, starting up).
_GONE_STATES = ("57P01", "57P02", "57P03")


def is_connection_lost(exc: DBAPIError) -> bool:
    """Whether ``exc`` (from a PostgreSQL wallet) means the server could not be reached or stopped answering — as
    opposed to a statement it refused (a deadlock or a serialization failure is an OperationalError too)."""
    if exc.connection_invalidated:
        return True
    if not isinstance(exc, (OperationalError, InterfaceError)):
        return False
    state = getattr(exc.orig, "sqlstate", None)
    # psycopg reports a failed connection attempt with no SQLSTATE at all.
    return state is None or str(state).startswith("08") or state in _GONE_STATES
