"""The configuration object passed down from the front ends (no global settings).

Where the wallet lives and this till's name, first found wins: ``--db`` / ``--till`` (the front ends replace the
fields), ``NUTDESK_DB_URL`` / ``NUTDESK_TILL``, then ``database.json`` in the data directory (what the window's
Settings save, so the command line and the window open the same wallet), else the SQLite file in the data directory
and no till name. That file never holds the database password: it comes from the environment (``PGPASSWORD``),
``~/.pgpass`` or the OS keyring (the desktop adds it at start).
"""

from __future__ import annotations

import ipaddress
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import platformdirs

from core.errors import ConfigError, UserFacingError
from core.i18n import t

__all__ = [
    "DATABASE_FILE",
    "Config",
    "DatabaseChoice",
    "check_mint_url",
    "default_data_dir",
    "default_db_url",
    "default_till",
    "password_of",
    "plain_http_allowed",
    "read_database_choice",
    "with_password",
    "without_password",
    "write_database_choice",
]

APP_NAME = "nutdesk"
DATABASE_FILE = "database.json"


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


@dataclass(frozen=True)
class DatabaseChoice:
    """What ``database.json`` says: a database URL without its password (None: the SQLite file) and a till name."""

    url: str | None = None
    till: str = ""


def _split_credentials(url: str) -> tuple[str, str, str | None, str]:
    """(scheme://, user, password as written or None, host/rest) of a URL with ``user[:password]@``; user "" when
    none."""
    head, sep, tail = url.partition("://")
    authority, slash, path = tail.partition("/")
    if not sep or "@" not in authority:
        return head + sep, "", None, tail
    credentials, _, host = authority.rpartition("@")
    user, colon, password = credentials.partition(":")
    return head + sep, user, password if colon else None, host + slash + path


def password_of(url: str) -> str | None:
    """The password in ``url`` (percent-decoded), or None."""
    from urllib.parse import unquote

    password = _split_credentials(url)[2]
    return None if password is None else unquote(password)


def without_password(url: str) -> str:
    """``url`` with its password taken out (the user stays): what may be written to a file or shown."""
    head, user, _password, rest = _split_credentials(url)
    return f"{head}{user}@{rest}" if user else f"{head}{rest}"


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` (percent-encoded) for its user: only ever in memory."""
    from urllib.parse import quote

    head, user, _old, rest = _split_credentials(url)
    if not user:
        raise ConfigError(t("a database password needs a user name in the URL (postgresql://USER@host/database)"))
    return f"{head}{user}:{quote(password, safe='')}@{rest}"


def read_database_choice(data_dir: Path) -> DatabaseChoice:
    path = data_dir / DATABASE_FILE
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return DatabaseChoice()
    except (OSError, ValueError) as exc:
        raise ConfigError(t("cannot read {0}: {1}").format(path, exc)) from exc
    if not isinstance(raw, dict):
        raise ConfigError(t("cannot read {0}: not a JSON object").format(path))
    url = raw.get("url")
    till = raw.get("till")
    return DatabaseChoice(url if isinstance(url, str) and url else None, till.strip() if isinstance(till, str) else "")


def write_database_choice(data_dir: Path, choice: DatabaseChoice) -> Path:
    """Save the database and the till name for the next start (atomically); never a password."""
    url = choice.url.strip() if choice.url else None
    if url and password_of(url) is not None:
        url = without_password(url)  # the password goes to the environment or the keyring, never into this file
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DATABASE_FILE
    fd, tmp = tempfile.mkstemp(prefix=f".{DATABASE_FILE}.", dir=data_dir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump({"url": url, "till": choice.till.strip()}, handle, indent=2)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


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
        raise UserFacingError(t("{0!r} is not a mint URL: {1}").format(url, exc)) from exc
    if parts.scheme not in ("http", "https") or not host:
        raise UserFacingError(t("{0!r} is not a mint URL (it needs https:// and a host)").format(url))
    if parts.scheme == "http" and not plain_http_allowed(host):
        raise UserFacingError(
            t(
                "refusing mint {0}: plain http is only allowed for mints on this machine "
                "(loopback); anyone on the way could read and change its answers — use its "
                "https:// address"
            ).format(url)
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

    def __post_init__(self) -> None:
        # Neither given nor in the environment: what the Settings saved for this data directory.
        if self.db_url is None or not self.till:
            saved = read_database_choice(self.data_dir)
            if self.db_url is None and saved.url:
                object.__setattr__(self, "db_url", saved.url)
            if not self.till and saved.till:
                object.__setattr__(self, "till", saved.till)

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
