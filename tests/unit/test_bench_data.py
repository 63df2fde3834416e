"""The benchmark's synthetic wallet is one the CLI can read: its journal has the fields the wallet writes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from bench.history import build_history
from core.api.service import WalletService
from core.config import Config
from core.wallet.outputs import PreparedOutput

NUTDESK = [sys.executable, "-m", "desktop"]


def test_bench_history_journal_outputs_parse_as_prepared_outputs(tmp_path: Path) -> None:
    path = tmp_path / "wallet.sqlite3"
    build_history(path, 300)
    with sqlite3.connect(path) as db:
        payloads = [json.loads(row[0]) for row in db.execute("SELECT data_json FROM operations")]
    outputs = [o for data in payloads for o in data.get("outputs", [])]
    assert outputs
    for output in outputs:
        assert PreparedOutput.from_dict(output).keyset_id


def test_cli_commands_run_on_the_bench_history(tmp_path: Path) -> None:
    config = Config(data_dir=tmp_path / "w")
    build_history(config.database_path, 300)
    service = WalletService.open(config)
    service.create_wallet()
    service.store.close()
    env = {**os.environ, "NUTDESK_PASSWORD": ""}
    for command in (["--json", "balance"], ["history", "--csv", "--limit", "0"]):
        result = subprocess.run(
            [*NUTDESK, "--data-dir", str(config.data_dir), *command],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "KeyError" not in result.stderr
