"""The database and till name a front end shows and changes (the window's Settings): what is in use, a check that a
PostgreSQL URL answers, and saving the choice for the next start (``core.config``'s ``database.json``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from core.config import DatabaseChoice, read_database_choice, with_password, write_database_choice
from core.errors import ConfigError, UserFacingError
from core.i18n import t
from core.storage.dialects import is_postgresql, is_sqlite, normalize_url, url_for_humans

__all__ = [
    "DatabaseCheck",
    "DatabaseChoice",
    "check_database",
    "is_postgresql",
    "read_database_choice",
    "save_database_choice",
    "url_for_humans",
]

CONNECT_TIMEOUT = 5  # seconds: a check in the window waits no longer for a server that does not answer


@dataclass(frozen=True)
class DatabaseCheck:
    server: str  # "PostgreSQL 15.4 …"
    has_wallet: bool  # False: an empty database (``nutdesk db copy --to URL`` moves a wallet in)


def check_database(url: str, password: str | None = None) -> DatabaseCheck:
    """Connect to the PostgreSQL database ``url`` (with ``password`` when given) and say what the server is and
    whether a wallet lives there; ``UserFacingError`` saying why not. Blocks (network): call it off the Qt thread."""
    url = url.strip()
    if not is_postgresql(url):
        raise ConfigError(
            t("{0} is not a postgresql:// URL (e.g. postgresql://shop@books.local/nutdesk)").format(url_for_humans(url))
        )
    full = with_password(url, password) if password else url
    engine = create_engine(normalize_url(full), connect_args={"connect_timeout": CONNECT_TIMEOUT})
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar() or "")
            has_wallet = bool(conn.execute(text("SELECT to_regclass('operations') IS NOT NULL")).scalar())
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        reason = detail[0] if detail else type(exc).__name__
        raise UserFacingError(t("could not connect to {0}: {1}").format(url_for_humans(url), reason)) from exc
    finally:
        engine.dispose()
    return DatabaseCheck(f"PostgreSQL {version}", has_wallet)


def save_database_choice(data_dir: Path, url: str | None, till: str) -> Path:
    """Keep ``url`` (None or empty: this computer's SQLite file) and ``till`` for the next start; no password."""
    url = (url or "").strip() or None
    if url is not None and not (is_postgresql(url) or is_sqlite(url)):
        raise ConfigError(
            t("{0} is not a database URL: use postgresql://user@host/database").format(url_for_humans(url))
        )
    return write_database_choice(data_dir, DatabaseChoice(url, till.strip()))
