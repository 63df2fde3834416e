"""The Recovery view: an operation left unfinished by a crash is listed while its mint is down, retried from the
view once the mint is back, and the start-up pass of the app resumes what it can on its own."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.api.service import WalletService
from core.config import Config
from desktop.gui.views.balances.view import BalancesView
from desktop.gui.views.recovery.model import AttentionModel
from desktop.gui.views.recovery.view import RecoveryView
from tests.gui.conftest import FAST, GuiHarness, make_funded_wallet, until
from tests.peers.nutshell import NutshellMint


@pytest.fixture
def own_mint() -> Iterator[NutshellMint]:
    mint = NutshellMint(name="Recovery Test Mint", extra_env=FAST)
    mint.start()
    yield mint
    mint.cleanup()


def crash_send(data_dir: Path, mint_url: str, amount: int) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), "send", str(amount), "--mint", mint_url],
        env={**os.environ, "NUTDESK_FAILPOINT": "send:after_sent"},
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == -9


def test_a_crashed_send_is_listed_while_the_mint_is_down_and_retried_from_the_view(
    gui: GuiHarness, run: Any, tmp_path: Path, own_mint: NutshellMint
) -> None:
    data = tmp_path / "wallet"
    run(make_funded_wallet(data, own_mint.url, 200))
    crash_send(data, own_mint.url, 50)
    own_mint.stop()

    session = gui.open(data)
    view = session.view(RecoveryView)
    session.window.show_view(view)  # on screen: it follows the start-up pass as it goes

    def first_row() -> Any:
        return view.model.data(view.model.index(0, 0), AttentionModel.RowRole) if view.model.rowCount() else None

    # First listed as unfinished; once the start-up pass fails to reach the mint, as a pending failure.
    run(until(lambda: first_row() is not None and first_row().status == "pending", what="the failure recorded"))
    row = first_row()
    assert (row.kind, row.amount, row.status) == ("send", 50, "pending")
    assert "cannot connect to mint" in row.reason
    # The window opened and shows the balance although the mint is offline.
    assert session.view(BalancesView).model.rowCount() == 1

    own_mint.start()
    view.table.selectRow(0)
    view.retry_button.click()
    run(until(lambda: view.model.rowCount() == 0, what="the row to go once resumed"))
    run(session.tasks.wait_idle())
    assert "finished" in view.result.text()
    assert [(b.balance, b.pending) for b in session.service.balances()] == [(149, 50)]

    view.check_button.click()
    run(session.tasks.wait_idle())
    assert "the mint agrees" in view.reconcile_result.text()
    assert not view.apply_button.isEnabled()
    assert gui.errors() == []


def test_the_app_resumes_an_unfinished_operation_at_start_up(
    gui: GuiHarness, run: Any, tmp_path: Path, gui_mint: NutshellMint
) -> None:
    data = tmp_path / "wallet"
    run(make_funded_wallet(data, gui_mint.url, 128))
    crash_send(data, gui_mint.url, 100)
    session = gui.open(data)
    run(until(lambda: session.service.store.operations(states=("sent",)) == [], what="the start-up resume"))
    run(until(lambda: session.view(RecoveryView).model.rowCount() == 0, what="the view to refresh"))
    assert [(b.balance, b.pending) for b in session.service.balances()] == [(27, 100)]


def test_retry_and_dismiss_are_disabled_while_nothing_needs_attention(
    gui: GuiHarness, tmp_path: Path, run: Any
) -> None:
    data = tmp_path / "wallet"
    service = WalletService.open(Config(data_dir=data))
    service.create_wallet()
    run(service.close())
    view = gui.open(data).view(RecoveryView)
    assert view.model.rowCount() == 0 and view.empty.isVisibleTo(view)
    assert not view.retry_button.isEnabled() and not view.dismiss_button.isEnabled()
    assert view.recover_button.isEnabled()
