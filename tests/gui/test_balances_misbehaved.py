"""Balances marks a mint whose answers broke the protocol (the mark the wallet stores in its settings)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from core.api.service import WalletService
from core.config import Config
from core.wallet.misbehaviour import mark_misbehaved
from desktop.gui.views.balances.model import BalancesModel
from desktop.gui.views.balances.state import BalanceEntry, BalancesState


def test_a_misbehaved_mint_is_marked_in_the_balances_table(qtmodeltester: Any) -> None:
    model = BalancesModel()
    model.set_rows(
        [
            BalanceEntry("http://127.0.0.1:1", "Liar", "sat", 100, 0, True, misbehaved="2026-11-30: inflated change"),
            BalanceEntry("http://127.0.0.1:2", "Honest", "sat", 50, 0, True),
        ],
        {},
    )
    qtmodeltester.check(model)
    liar, honest = (model.index(row, BalancesModel.STATUS) for row in range(2))
    assert "misbehaved" in model.data(liar)
    assert "inflated change" in model.data(liar, Qt.ItemDataRole.ToolTipRole)
    assert model.data(liar, Qt.ItemDataRole.ForegroundRole) is not None
    assert "misbehaved" not in model.data(honest)


def test_the_state_reads_the_mark_from_the_wallet(tmp_path: Path, run: Any) -> None:
    service = WalletService.open(Config(data_dir=tmp_path))
    service.create_wallet()
    try:
        service.store.upsert_mint("http://127.0.0.1:9", name="Liar", info={}, trusted=True)
        mark_misbehaved(service.store, "http://127.0.0.1:9", "a signature for an output of 4 signed as 4096")
        (entry,) = BalancesState(service).load()
        assert "4096" in entry.misbehaved
        assert service.misbehaved_mints() == {"http://127.0.0.1:9": entry.misbehaved}
    finally:
        # On the GUI tests' loop: asyncio.run or an async test would leave no current event loop for the tests after.
        run(service.close())
