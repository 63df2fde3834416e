"""A transfer between mints in the GUI (Balances → Transfer) above the spending limit opens the PIN dialog, against
two real nutshell mints: cancelling it moves nothing, the right PIN moves the value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from core.api.service import WalletService
from core.api.spending_pin import guard_of
from core.config import Config
from desktop.gui.changes import operations_of
from desktop.gui.views.balances.view import BalancesView, TransferDialog
from desktop.gui.views.pin.widgets import PinDialog
from tests.gui.conftest import FAST, GuiHarness, make_funded_wallet, until, wait_for_dialog
from tests.peers.nutshell import NutshellMint


async def _add_mint_and_pin(data_dir: Path, url: str) -> None:
    service = WalletService.open(Config(data_dir=data_dir))
    try:
        service.unlock()
        await service.add_mint(url, trusted=True)
        guard = guard_of(service.store)
        guard.set_pin("2468")
        guard.set_threshold(100, current="2468")
    finally:
        await service.close()


def test_a_transfer_above_the_limit_asks_for_the_pin(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    other = NutshellMint(name="GUI Second Mint", extra_env=FAST)
    try:
        other.start()
        run(make_funded_wallet(tmp_path / "w", gui_mint.url, 500))
        run(_add_mint_and_pin(tmp_path / "w", other.url))
        session = gui.open(tmp_path / "w")
        balances = session.view(BalancesView)
        session.window.show_view(balances)

        def held(url: str) -> int:
            return sum(b.balance for b in session.service.balances() if b.mint_url == url)

        async def move(pin: str | None) -> None:
            balances.transfer_button.click()
            dialog = await wait_for_dialog(TransferDialog)
            dialog.amount.setValue(200)
            dialog.source.select_url(gui_mint.url)
            dialog.destination.select_url(other.url)
            dialog.accept()
            asked = await wait_for_dialog(PinDialog)
            prompts = [label.text() for label in asked.findChildren(QLabel)]
            assert any(text.startswith("A transfer between mints of 200 sat is above") for text in prompts), prompts
            if pin is None:
                asked.reject()
            else:
                asked.password.setText(pin)
                asked._check()
            await until(lambda: not asked.isVisible(), what="the PIN dialog to close")
            await session.tasks.wait_idle()

        run(move(None))
        assert (held(gui_mint.url), held(other.url)) == (500, 0)
        assert [op.kind for op in session.service.history()].count("transfer") == 0

        changes: list[Any] = []
        session._watch_timer.stop()  # the Balances view's own change is counted, not the watcher's
        session.ctx.bus.changed.connect(changes.append)
        run(move("2468"))
        assert held(other.url) == 200 and held(gui_mint.url) < 300
        # Its change names the transfer's one entry and both mints: History redraws that row only.
        [moved] = [op.id for op in session.service.history() if op.kind == "transfer"]
        [named] = [c for c in changes if operations_of(c)]
        assert operations_of(named) == {moved} and named.mints == {gui_mint.url, other.url}
        assert gui.errors() == []
    finally:
        other.cleanup()
