"""Balances lets the user clear a mint's "misbehaved" mark: offered only for a marked mint, confirmed with the
mint's name and the recorded reason, written by the core worker (the ``gui`` fixture fails a write on the Qt
thread), and the row stops saying "misbehaved"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from core.api.service import WalletService
from core.config import Config
from core.wallet.misbehaviour import mark_misbehaved
from desktop.gui.views.balances.model import BalancesModel
from desktop.gui.views.balances.view import BalancesView
from tests.gui.conftest import GuiHarness, until, wait_for_dialog

LIAR, HONEST = "http://127.0.0.1:7101", "http://127.0.0.1:7102"
REASON = "a signature for an output of 4 signed as 4096"


def _wallet_with_a_marked_mint(data_dir: Path, run: Any) -> None:
    service = WalletService.open(Config(data_dir=data_dir))
    service.create_wallet()
    try:
        service.store.upsert_mint(LIAR, name="Liar", info={}, trusted=True)
        service.store.upsert_mint(HONEST, name="Honest", info={}, trusted=True)
        mark_misbehaved(service.store, LIAR, REASON)
    finally:
        run(service.close())


def _select(view: BalancesView, url: str) -> int:
    row = next(i for i, e in enumerate(view.state.entries) if e.mint_url == url)
    view.table.selectRow(row)
    return row


def _status(view: BalancesView, row: int) -> str:
    text: str = view.model.data(view.model.index(row, BalancesModel.STATUS))
    return text


def test_the_clear_action_is_offered_only_for_a_marked_mint(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    _wallet_with_a_marked_mint(tmp_path / "w", run)
    session = gui.open(tmp_path / "w")
    view = session.view(BalancesView)
    session.window.show_view(view)
    view.refresh()
    _select(view, HONEST)
    assert not view.clear_mark_button.isVisibleTo(view)
    _select(view, LIAR)
    assert view.clear_mark_button.isVisibleTo(view)
    assert view.clear_mark_button.text() == "Clear the misbehaved mark…"


def test_clearing_the_mark_asks_first_then_the_row_no_longer_says_misbehaved(
    gui: GuiHarness, tmp_path: Path, run: Any
) -> None:
    _wallet_with_a_marked_mint(tmp_path / "w", run)
    session = gui.open(tmp_path / "w")
    view = session.view(BalancesView)
    session.window.show_view(view)
    view.refresh()
    row = _select(view, LIAR)
    assert "misbehaved" in _status(view, row)

    async def answer(button: str) -> str:
        view.clear_mark_button.click()
        box = await wait_for_dialog(QMessageBox, "confirmDialog")
        asked = box.text()
        next(b for b in box.buttons() if b.text() == button).click()
        await session.tasks.wait_idle()
        return asked

    asked = run(answer("Cancel"))
    assert "Liar (127.0.0.1:7101)" in asked and REASON in asked
    assert LIAR in session.service.misbehaved_mints()  # cancelled: the mark stays
    assert "misbehaved" in _status(view, _select(view, LIAR))

    run(answer("Clear mark"))
    run(until(lambda: LIAR not in session.service.misbehaved_mints(), what="the mark cleared"))
    row = _select(view, LIAR)
    assert "misbehaved" not in _status(view, row)
    assert "MISBEHAVED" not in view.d_health.text()
    assert not view.clear_mark_button.isVisibleTo(view)
