"""An offline sale on the till: the mint (behind a proxy) is stopped, the customer's token is within the shop's
offline cap and carries DLEQ proofs, so the till takes it — "PAID · OFFLINE", the receipt says "Accepted offline"
— and redeems it when the mint is back. With ``NUTDESK_POS_SCREENSHOTS=<dir>``: pos_offline_paid.png and
pos_offline_receipt.png."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.api.service import WalletService
from core.config import Config
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.pos.window import PosWindow
from tests.gui.conftest import GuiHarness, make_funded_wallet, until
from tests.gui.test_pos_sales import shot
from tests.peers.flaky_proxy import FlakyProxy
from tests.peers.nutshell import NutshellMint


def test_an_offline_sale_is_taken_while_the_mint_is_down_and_redeemed_later(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    proxy = FlakyProxy(gui_mint.port)
    run(proxy.start())

    async def token() -> str:
        await make_funded_wallet(tmp_path / "customer", proxy.url, 300)
        customer = WalletService.open(Config(data_dir=tmp_path / "customer"))
        try:
            customer.unlock()
            return (await customer.send(120, proxy.url)).token
        finally:
            await customer.close()

    try:
        paying = run(token())
        run(make_funded_wallet(tmp_path / "shop", proxy.url, 0))
        session = gui.open(tmp_path / "shop")
        launcher = session.view(PosLauncherView)
        launcher.shop_name.setText("Market stall")
        launcher.offline.sale_cap.setValue(200)
        run(launcher.save())
        till: PosWindow = launcher.enter(full_screen=False)

        async def scenario() -> None:
            await proxy.stop()
            for key in ("1", "2", "0"):
                till.keypad_page.keys[key].click()
            till.keypad_page.charge_button.click()
            await until(lambda: till.stack.currentWidget() is till.charge_page, what="the charge screen")
            till.charge_page.token_input.setText(paying)
            till.charge_page.accept_button.click()
            await until(lambda: till.stack.currentWidget() is till.paid_page, what="the paid screen")
            await session.tasks.wait_idle()
            assert till.paid_page.paid_label.text() == "✓ PAID · OFFLINE"
            assert "accepted offline" in till.paid_page.paid_detail.text()
            shot(till, "offline_paid")
            sale = till.model.paid_sale
            assert sale is not None and sale.offline_state == "pending"
            till.show_receipt(sale.id)
            assert "Accepted offline" in till.receipt_page.receipt_view.toPlainText()
            shot(till, "offline_receipt")

            await proxy.start()
            await till.till.housekeeping()
            redeemed = till.till.sale(sale.id)
            assert redeemed.offline_state == "redeemed" and redeemed.net == 120 - redeemed.fee

        run(scenario())
    finally:
        run(proxy.stop())
