"""The configuration object passed down from the front ends (no global settings)."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

from core.errors import UserFacingError

__all__ = ["Config", "check_mint_url", "default_data_dir", "default_db_url", "default_till", "plain_http_allowed"]

APP_NAME = "nutdesk"


def default_data_dir() -> Path:
    """``NUTDESK_DATA_DIR`` if set, else the platform's user data directory."""
    env = os.environ.get("NUTDESK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_url() -> str | None:
    """``NUTDESK_DB_URL`` if set (a shop's PostgreSQL wallet), else None: the SQLite file in the data directory."""
    return os.environ.get("NUTDESK_DB_URL") or None


def default_till() -> str:
    """``NUTDESK_TILL`` if set, else empty: a wallet with one till needs no name for it."""
    return os.environ.get("NUTDESK_TILL", "").strip()


def plain_http_allowed(host: str) -> bool:
    """Plain http only to this machine (tests, a shop-internal mint behind a local proxy) or a ``.onion``.

    ``0.0.0.0`` and private ranges are *not* loopback: anyone on the path could read and change the answers.
    """
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost") or host.endswith(".onion"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_mint_url(url: str) -> str:
    """``url`` if the wallet may talk to it as a mint, else ``UserFacingError`` saying why."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError as exc:
        raise UserFacingError(f"{url!r} is not a mint URL: {exc}") from exc
    if parts.scheme not in ("http", "https") or not host:
        raise UserFacingError(f"{url!r} is not a mint URL (it needs https:// and a host)")
    if parts.scheme == "http" and not plain_http_allowed(host):
        raise UserFacingError(
            f"refusing mint {url}: plain http is only allowed for mints on this machine (loopback); "
            "anyone on the way could read and change its answers — use its https:// address"
        )
    return url


@dataclass(frozen=True)
class Config:
    data_dir: Path = field(default_factory=default_data_dir)
    # Plain HTTP is refused for mints unless they are on loopback (tests, a shop-internal mint): check_mint_url,
    # enforced by every MintClient. The timeouts are overall deadlines per request, not per read.
    request_timeout: float = 30.0
    # A melt blocks while the mint pays over Lightning: minutes, not seconds.
    melt_timeout: float = 600.0
    # Where the wallet lives: None is the SQLite file in ``data_dir``; ``postgresql://user@host/db`` is a database
    # several tills share (the password from the environment, e.g. PGPASSWORD, or ~/.pgpass — never a file here).
    db_url: str | None = field(default_factory=default_db_url)
    # This till's name in a shop of several: sales, refunds and sign-ins carry it; Z-reports are per till.
    till: str = field(default_factory=default_till)

    @property
    def lease_seconds(self) -> float:
        """How long a till's claim on an operation lasts without a step: past the longest request (a melt).

        ``NUTDESK_LEASE_SECONDS`` shortens it (the tests of a till killed mid-sale)."""
        env = os.environ.get("NUTDESK_LEASE_SECONDS")
        return float(env) if env else self.melt_timeout + 60.0

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.database_path}"

    @property
    def database_path(self) -> Path:
        return self.data_dir / "wallet.sqlite3"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"
