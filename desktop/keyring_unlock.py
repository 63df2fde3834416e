"""Remembering the wallet password in the OS keyring (optional: ``pip install nutdesk[keyring]``).

The keyring (GNOME Keyring / KWallet through Secret Service, macOS Keychain, Windows Credential Locker) keeps the
password under the user's login, so the wallet opens without a prompt while the database copied elsewhere stays
sealed. One entry per data directory (its absolute path). Without the ``keyring`` package, or with no usable
backend (a headless server, this test machine), every function says so and nothing else happens: the password is
then asked as before. Used by the CLI and the GUI; imports no Qt.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

__all__ = [
    "SERVICE_NAME",
    "available",
    "forget",
    "forget_db_password",
    "recall",
    "recall_db_password",
    "remember",
    "remember_db_password",
]

SERVICE_NAME = "nutdesk"
_log = logging.getLogger(__name__)


def _keyring() -> Any | None:
    """The keyring module when it has a usable backend, else None."""
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken backend configuration must not stop the wallet from opening
        _log.debug("no usable keyring: %s", exc)
        return None
    # "fail": no backend found (a headless machine); "null": the user turned the keyring off.
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    return keyring


def _account(data_dir: Path) -> str:
    return str(data_dir.expanduser().resolve())


def available() -> bool:
    return _keyring() is not None


def recall(data_dir: Path) -> str | None:
    """The remembered password of this data directory, or None (none saved, no keyring, or it failed)."""
    kr = _keyring()
    if kr is None:
        return None
    try:
        value = kr.get_password(SERVICE_NAME, _account(data_dir))
    except Exception as exc:  # a locked or unreachable keyring daemon: ask for the password instead
        _log.warning("could not read the OS keyring: %s", exc)
        return None
    return value if isinstance(value, str) and value else None


def remember(data_dir: Path, password: str) -> bool:
    """Save the password; False when there is no keyring or it refused."""
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.set_password(SERVICE_NAME, _account(data_dir), password)
    except Exception as exc:
        _log.warning("could not save to the OS keyring: %s", exc)
        return False
    return True


def forget(data_dir: Path) -> bool:
    """Remove the saved password; False when there was none (or no keyring)."""
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.delete_password(SERVICE_NAME, _account(data_dir))
    except Exception:  # PasswordDeleteError when nothing was saved
        return False
    return True


# A shop's PostgreSQL password (Settings → Database): one entry per database URL without its password.


def _db_account(url: str) -> str:
    from core.config import without_password

    return "db:" + without_password(url)


def recall_db_password(url: str) -> str | None:
    kr = _keyring()
    if kr is None:
        return None
    try:
        value = kr.get_password(SERVICE_NAME, _db_account(url))
    except Exception as exc:  # an unreachable keyring: the password may still come from PGPASSWORD or ~/.pgpass
        _log.warning("could not read the OS keyring: %s", exc)
        return None
    return value if isinstance(value, str) and value else None


def remember_db_password(url: str, password: str) -> bool:
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.set_password(SERVICE_NAME, _db_account(url), password)
    except Exception as exc:
        _log.warning("could not save to the OS keyring: %s", exc)
        return False
    return True


def forget_db_password(url: str) -> bool:
    kr = _keyring()
    if kr is None:
        return False
    try:
        kr.delete_password(SERVICE_NAME, _db_account(url))
    except Exception:
        return False
    return True
