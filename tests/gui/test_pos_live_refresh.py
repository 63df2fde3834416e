"""The point of sale follows the wallet file too: a sale or a settings change made by another process (the CLI,
another till) shows on this till's Recent sales and POS settings within a second, without a restart."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from core.api.service import WalletService
from core.config import Config
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.pos.window import PosWindow
from tests.gui.conftest import GuiHarness, until
from tests.gui.test_live_refresh import cli


def test_a_sale_and_settings_from_another_process_show_on_the_till(gui: GuiHarness, run: Any, tmp_path: Path) -> None:
    data = tmp_path / "shop"
    service = WalletService.open(Config(data_dir=data))
    service.create_wallet()
    run(service.close())
    session = gui.open(data)
    launcher = session.view(PosLauncherView)
    session.window.show_view(launcher)  # its settings form on screen (hidden, it catches up when shown)
    till: PosWindow = launcher.enter(full_screen=False)
    try:
        sales = till.keypad_page.sales_list
        before = sales.count()

        run(cli(data, "pos", "charge", "120", "--memo", "from the other till"))
        run(until(lambda: sales.count() == before + 1, what="the other process's sale in Recent sales"))
        assert "120" in sales.item(0).text()

        run(cli(data, "pos", "policy", "--shop-name", "Corner Café"))
        run(until(lambda: launcher.shop_name.text() == "Corner Café", what="the shop name saved elsewhere"))

        launcher.shop_name.setText("Being typed")  # an unsaved edit is never overwritten
        run(cli(data, "pos", "policy", "--shop-name", "Elsewhere again"))
        assert launcher.till.policy().shop_name == "Elsewhere again"
        run(asyncio.sleep(1.5))  # three polls of the wallet file: the change was seen, and left the edit alone
        assert launcher.shop_name.text() == "Being typed"
    finally:
        till.close()
