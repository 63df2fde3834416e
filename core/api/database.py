"""The wallet's database as the front ends see it: moving a SQLite wallet into a shop's PostgreSQL database."""

from __future__ import annotations

from core.api.service import WalletService
from core.errors import ConfigError
from core.storage.copy import copy_wallet
from core.storage.dialects import is_postgresql, url_for_humans

__all__ = ["copy_to_postgresql", "url_for_humans"]


def copy_to_postgresql(service: WalletService, url: str) -> dict[str, int]:
    """Copy ``service``'s SQLite wallet into the empty PostgreSQL database ``url``; rows copied per table."""
    if service.config.db_url is not None:
        raise ConfigError("db copy moves a wallet's SQLite file: run it without --db / NUTDESK_DB_URL")
    if not is_postgresql(url):
        raise ConfigError(f"{url_for_humans(url)} is not a postgresql:// URL")
    return copy_wallet(service.store.db, service.config.database_path, url)
