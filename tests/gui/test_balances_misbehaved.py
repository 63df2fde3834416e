"""Balances marks a mint whose answers broke the protocol (the mark the wallet stores in its settings), and shows
value in flight between mints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from core.api.service import WalletService
from core.config import Config
from core.wallet.misbehaviour import mark_misbehaved
from desktop.gui.views.balances.model import BalancesModel
from desktop.gui.views.balances.state import BalanceEntry, BalancesState
from desktop.gui.views.balances.view import BalancesView
from desktop.gui.views.history.view import HistoryView
from tests.gui.conftest import GuiHarness


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


def _transfer_in_flight(data_dir: Path, run: Any) -> None:
    """A wallet whose transfer of 300 sat from Mint A has been paid there and not yet minted at Mint B."""
    service = WalletService.open(Config(data_dir=data_dir))
    service.create_wallet()
    try:
        for url, name in (("http://127.0.0.1:7001", "Mint A"), ("http://127.0.0.1:7002", "Mint B")):
            service.store.upsert_mint(url, name=name, info={}, trusted=True)
        service.store.create_operation(
            kind="transfer",
            mint_url="http://127.0.0.1:7001",
            unit="sat",
            amount=300,
            data={"step": "mint", "dest_mint": "http://127.0.0.1:7002", "dest_amount": 300},
            state="sent",
        )
    finally:
        run(service.close())


def test_value_between_mints_shows_in_balances_with_what_happens_next(
    gui: GuiHarness, tmp_path: Path, run: Any
) -> None:
    """A transfer paid at the source and not yet minted at the target is in no proof: Balances says where it is."""
    _transfer_in_flight(tmp_path / "w", run)
    balances = gui.open(tmp_path / "w").view(BalancesView)
    balances.refresh()
    assert balances.in_flight.isVisibleTo(balances)
    text = balances.in_flight.text()
    assert text.startswith("In flight: 300 sat, from Mint A") and "waiting for Mint B" in text


def test_history_says_whom_a_transfer_in_flight_waits_for(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    _transfer_in_flight(tmp_path / "w", run)
    history = gui.open(tmp_path / "w").view(HistoryView)
    history.refresh()
    model = history.model
    state = model.index(0, model.STATE).data()
    assert state.startswith("waiting for Mint B"), state
