"""The configuration object passed down from the front ends (no global settings)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

__all__ = ["Config", "default_data_dir"]

APP_NAME = "nutdesk"


def default_data_dir() -> Path:
    """``NUTDESK_DATA_DIR`` if set, else the platform's user data directory."""
    env = os.environ.get("NUTDESK_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Config:
    data_dir: Path = field(default_factory=default_data_dir)
    # Plain HTTP is refused for mints unless they are on loopback (tests, a shop-internal mint).
    request_timeout: float = 30.0
    # A melt blocks while the mint pays over Lightning: minutes, not seconds.
    melt_timeout: float = 600.0

    @property
    def database_path(self) -> Path:
        return self.data_dir / "wallet.sqlite3"

    @property
    def logs_dir(self) -> Path:
        return self.data_dir / "logs"
