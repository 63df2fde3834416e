"""The wallet's database as the front ends see it: moving a SQLite wallet into a shop's PostgreSQL database."""

from __future__ import annotations

from pathlib import Path

from core.api.service import WalletService
from core.errors import ConfigError
from core.i18n import t
from core.storage.copy import copy_wallet, holds_wallet
from core.storage.db import Database
from core.storage.dialects import is_postgresql, url_for_humans

__all__ = ["copy_to_postgresql", "url_for_humans"]


def copy_to_postgresql(service: WalletService, url: str) -> dict[str, int]:
    """Copy the SQLite wallet of ``service``'s data directory into the empty PostgreSQL database ``url``; rows copied
    per table.

    The source is the SQLite file that holds the wallet: the one ``service`` opened, or else the data directory's
    ``wallet.sqlite3`` — also when the Settings saved a PostgreSQL choice (``database.json``, often the very target)
    and ``service`` opened that one. Refused when no SQLite file holds a wallet: the wallet already lives in
    PostgreSQL, and moving it from there is ``pg_dump``'s job.
    """
    if not is_postgresql(url):
        raise ConfigError(t("{0} is not a postgresql:// URL").format(url_for_humans(url)))
    own = service.store.db
    if own.is_sqlite:
        path = Path(own.engine.url.database or service.config.database_path)
        if not holds_wallet(own):
            raise ConfigError(
                t("there is no wallet in {0} to copy: create or restore one first (nutdesk init)").format(path)
            )
        return copy_wallet(own, path, url)
    path = service.config.database_path
    if path.is_file():
        source = Database.open_file(path)
        try:
            if holds_wallet(source):
                return copy_wallet(source, path, url)
        finally:
            source.close()
    raise ConfigError(
        t(
            "this wallet already lives in PostgreSQL ({0}), and there is no wallet in {1}: db copy moves a wallet's "
            "SQLite file into PostgreSQL (between two PostgreSQL databases: pg_dump)"
        ).format(url_for_humans(own.url), path)
    )
