"""Opening the wallet database: SQLite in WAL mode (one machine) or PostgreSQL (a shop's tills sharing one wallet),
schema brought up to date by Alembic migrations."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from core.errors import DatabaseUnreachable, StorageError
from core.i18n import t
from core.storage.dialects import (
    WRITER_LOCK_KEY,
    is_connection_lost,
    is_sqlite,
    normalize_url,
    take_writer_lock,
    url_for_humans,
)
from core.storage.sealed import install_vault

__all__ = ["MIGRATIONS_DIR", "Database"]

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers (the GUI) run beside the single writer; FULL sync because a lost commit can be lost money.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


_REVISION = re.compile(r"""^(down_)?revision\b[^=\n]*=\s*(None|["']([\w-]+)["'])\s*$""", re.MULTILINE)


def head_revision() -> str | None:
    """The newest migration's id, read from the files of ``versions/``; None when that is not a single line of
    history (a branch, or a file this reader does not understand), which leaves the decision to Alembic."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = {m.group(1) or "": m.group(3) for m in _REVISION.finditer(path.read_text(encoding="utf-8"))}
        if "" not in found or found[""] is None or "down_" not in found:
            return None
        revisions.add(found[""])
        parent = found["down_"]
        if parent is not None:
            parents.add(parent)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


class Database:
    """One engine per wallet database. ``session()`` yields a session that commits on success."""

    def __init__(self, url: str) -> None:
        url = normalize_url(url)
        self.url = url
        try:
            # pool_pre_ping: a PostgreSQL server restarted under a till leaves dead pooled connections behind.
            self.engine: Engine = create_engine(url, future=True, pool_pre_ping=not is_sqlite(url))
            install_vault(self.engine)  # sealed columns: the key of this wallet, bound to this engine
            if is_sqlite(url):
                event.listen(self.engine, "connect", _sqlite_pragmas)
            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
            self.upgrade()
        except OperationalError as exc:
            if is_sqlite(url):
                raise StorageError(
                    t("cannot open the wallet database {0}: {1}").format(url_for_humans(url), exc)
                ) from exc
            raise DatabaseUnreachable(
                t("cannot reach the wallet database {0}: {1}").format(url_for_humans(url), exc)
            ) from exc
        except SQLAlchemyError as exc:
            raise StorageError(t("cannot open the wallet database {0}: {1}").format(url_for_humans(url), exc)) from exc

    @property
    def is_sqlite(self) -> bool:
        return is_sqlite(self.url)

    @classmethod
    def open_file(cls, path: Path) -> Database:
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(f"sqlite:///{path}")

    def upgrade(self) -> None:
        """Bring the schema to the newest migration (a no-op when it already is).

        Alembic is imported only when an upgrade is due: importing it is most of a CLI command's start-up, and
        comparing the stored revision with the head read from the migration files costs a millisecond."""
        head = head_revision()
        if head is not None:
            try:
                with self.engine.connect() as connection:
                    current = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
            except SQLAlchemyError:
                current = []  # a new file: no table yet
            if current == [head]:
                return
        from alembic import command
        from alembic.config import Config as AlembicConfig

        cfg = AlembicConfig()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.engine.begin() as connection:
            if not self.is_sqlite:
                # Tills starting together on a new PostgreSQL wallet: one migrates, the others then find it done.
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": WRITER_LOCK_KEY})
            cfg.attributes["connection"] = connection
            command.upgrade(cfg, "head")

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except SQLAlchemyError as exc:
            with contextlib.suppress(SQLAlchemyError):  # the connection is gone: the server rolls back by itself
                session.rollback()
            if isinstance(exc, DBAPIError) and not self.is_sqlite and is_connection_lost(exc):
                raise DatabaseUnreachable(
                    t("the wallet database {0} does not answer; nothing was recorded: {1}").format(
                        url_for_humans(self.url), exc.orig
                    )
                ) from exc
            raise StorageError(t("database error: {0}").format(exc)) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    @contextmanager
    def writer(self) -> Iterator[Session]:
        """``session()`` holding the writer's lock from its first statement (one writer at a time, every process)."""
        with self.session() as session:
            take_writer_lock(session, self.url)
            yield session

    def close(self) -> None:
        self.engine.dispose()
