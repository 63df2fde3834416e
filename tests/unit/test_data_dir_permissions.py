"""The data directory is owner-only: 0700, every file in it 0600 — new ones, and old ones fixed on open."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

import pytest

from core.api import OwnerOnlyRotatingFileHandler
from core.api.service import WalletService
from core.config import Config


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> object:
    # The permissions must not depend on the user's umask: the common 022 would make files world-readable.
    previous = os.umask(0o022)
    yield None
    os.umask(previous)


def _write_something(service: WalletService) -> None:
    service.store.upsert_mint("http://127.0.0.1:1", name="m", info={})


async def test_a_new_data_directory_and_every_file_in_it_are_owner_only(tmp_path: Path, loose_umask: object) -> None:
    data_dir = tmp_path / "nested" / "wallet"
    service = WalletService.open(Config(data_dir=data_dir))
    try:
        service.create_wallet(None, None)
        _write_something(service)
        files = [p for p in data_dir.rglob("*") if p.is_file()]
        assert {p.name for p in files} >= {"wallet.sqlite3", "wallet.sqlite3-wal", "wallet.sqlite3-shm"}
        assert _mode(data_dir) == 0o700
        for f in files:
            assert _mode(f) == 0o600, f
    finally:
        await service.close()
    assert os.umask(0o022) == 0o022  # the private umask was only held while creating the files


async def test_an_existing_world_readable_data_directory_is_fixed_on_open(tmp_path: Path, loose_umask: object) -> None:
    data_dir = tmp_path / "old"
    first = WalletService.open(Config(data_dir=data_dir))
    first.create_wallet(None, None)
    await first.close()
    # As an older Nutdesk left it: 0755 directory, 0644 database, a world-readable log and settings file.
    (data_dir / "logs").mkdir()
    (data_dir / "logs" / "nutdesk.log").write_text("log")
    (data_dir / "settings.json").write_text("{}")
    os.chmod(data_dir, 0o755)
    os.chmod(data_dir / "logs", 0o755)
    for f in data_dir.rglob("*"):
        if f.is_file():
            os.chmod(f, 0o644)
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours to change")
    os.chmod(outside, 0o644)
    (data_dir / "link").symlink_to(outside)

    service = WalletService.open(Config(data_dir=data_dir))
    try:
        assert _mode(data_dir) == 0o700
        assert _mode(data_dir / "logs") == 0o700
        for name in ("wallet.sqlite3", "logs/nutdesk.log", "settings.json"):
            assert _mode(data_dir / name) == 0o600, name
        assert _mode(outside) == 0o644  # a symbolic link is not followed
    finally:
        await service.close()


def test_the_log_file_is_owner_only_also_after_a_rotation(tmp_path: Path, loose_umask: object) -> None:
    path = tmp_path / "logs" / "nutdesk.log"
    path.parent.mkdir()
    handler = OwnerOnlyRotatingFileHandler(path, maxBytes=200, backupCount=2, encoding="utf-8")
    logger = logging.getLogger("test.owner-only-log")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        for i in range(20):
            logger.warning("line %d of a log that rotates", i)
    finally:
        logger.removeHandler(handler)
        handler.close()
    files = sorted(path.parent.iterdir())
    assert len(files) == 3  # the log and two rotated ones
    for f in files:
        assert _mode(f) == 0o600, f
