"""History is read narrow (no journal payloads) and in batches; the CSV of the CLI is the same rows, streamed."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

from bench.history import build_history
from core.api.service import WalletService
from core.config import Config


def test_history_entries_are_the_operations_newest_first_in_batches(tmp_path: Path) -> None:
    config = Config(data_dir=tmp_path / "w")
    build_history(config.database_path, 250)
    service = WalletService.open(config)
    try:
        full = service.store.operations(limit=None)
        narrow = list(service.store.history_entries(limit=None, batch=7))
        assert [e.id for e in narrow] == [r.id for r in full]
        assert [(e.amount, e.fee, e.state, e.memo) for e in narrow] == [
            (r.amount, r.fee, r.state, r.memo) for r in full
        ]
        assert len(list(service.store.history_entries(limit=10))) == 10
    finally:
        service.store.close()


def test_cli_history_csv_lists_every_entry(tmp_path: Path) -> None:
    config = Config(data_dir=tmp_path / "w")
    build_history(config.database_path, 250)
    service = WalletService.open(config)
    service.create_wallet()
    ids = [r.id for r in service.store.operations(limit=None)]
    service.store.close()
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(config.data_dir), "history", "--csv", "--limit", "1000"],
        capture_output=True,
        text=True,
        env={**os.environ, "NUTDESK_PASSWORD": ""},
        timeout=120,
        check=True,
    )
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ids
