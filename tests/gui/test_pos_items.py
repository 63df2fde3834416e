"""The till's item grid against the real nutshell mint: items tapped into the basket, a quantity raised, a line
discounted, a custom keypad amount on top, the charge QR for the sum, paid with ecash, and the lines on the
receipt with its signed QR. With ``NUTDESK_POS_SCREENSHOTS=<dir>``: pos_items.png, pos_signed_receipt.png."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from core.api.pos import Item, PosService
from core.api.service import WalletService
from core.config import Config
from core.pos.signed import verify_receipt
from core.protocol.payment_requests import decode_payment_request
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.pos.window import PosWindow
from tests.gui.conftest import GuiHarness, make_funded_wallet, until
from tests.gui.test_pos_sales import shot
from tests.peers.nutshell import NutshellMint


def test_a_basket_from_the_item_grid_is_charged_paid_and_itemised_on_the_receipt(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    async def setup() -> str:
        await make_funded_wallet(tmp_path / "customer", gui_mint.url, 500)
        customer = WalletService.open(Config(data_dir=tmp_path / "customer"))
        try:
            customer.unlock()
            token = (await customer.send(385, gui_mint.url)).token
        finally:
            await customer.close()
        await make_funded_wallet(tmp_path / "shop", gui_mint.url, 0)
        shop = WalletService.open(Config(data_dir=tmp_path / "shop"))
        try:
            shop.unlock()
            async with PosService(shop) as pos:
                pos.add_item(Item.make("Espresso", "100", category="Drinks", tax_rate="7", stock="5"))
                pos.add_item(Item.make("Croissant", "150", category="Food", tax_rate="19"))
                pos.add_item(Item.make("Water", "50", category="Drinks"))
        finally:
            await shop.close()
        return token

    token = run(setup())
    session = gui.open(tmp_path / "shop")
    launcher = session.view(PosLauncherView)
    launcher.shop_name.setText("Corner Café")
    run(launcher.save())
    till: PosWindow = launcher.enter(full_screen=False)
    page = till.keypad_page
    grid = page.item_grid

    async def scenario() -> None:
        assert set(grid.buttons) == {"Espresso", "Croissant", "Water"}
        grid.buttons["Espresso"].click()
        grid.plus.click()  # two espressos
        grid.buttons["Croissant"].click()
        grid.discount.setValue(10)  # the selected line (the croissant): 135
        assert grid.total.text() == "Basket: 335 sat"
        for key in ("5", "0"):  # a custom amount on top
            page.keys[key].click()
        assert "items 335 sat + this amount" in page.fiat_hint.text()
        grid.category.setCurrentText("Drinks")
        assert set(grid.buttons) == {"Espresso", "Water"}
        grid.category.setCurrentText("All")
        shot(till, "items")
        page.charge_button.click()
        await until(lambda: till.stack.currentWidget() is till.charge_page, what="the charge screen")
        assert decode_payment_request(till.charge_page.qr.text()).amount == 385
        till.charge_page.token_input.setText(token)
        till.charge_page.accept_button.click()
        await until(lambda: till.stack.currentWidget() is till.paid_page, what="the paid screen")
        await session.tasks.wait_idle()
        sale = till.model.paid_sale
        assert sale is not None
        till.show_receipt(sale.id)
        receipt = till.receipt_page.receipt_view.toPlainText()
        assert "2 × Espresso" in receipt and "1 × Croissant (−10%)" in receipt and "Custom amount" in receipt
        assert "incl. tax 19%" in receipt
        # The signed receipt: its QR holds the shop's signed Nostr event, which checks out.
        assert "Signed by the shop (Nostr event): scan to verify" in receipt
        check = verify_receipt(json.loads(till.receipt_page.signed_event), till.till.nostr_keys().npub)
        assert check.ok and check.record is not None and check.record["total"] == 385
        pdf = till.receipt_page.save_receipt_pdf(str(tmp_path / "receipt.pdf"))
        assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
        shot(till, "signed_receipt")
        till.zreport_button.click()
        report = till.zreport_page.zreport_view.toPlainText()
        assert "Tax included" in report and "Best sellers" in report and "Espresso" in report
        assert till.till.item("Espresso").stock == 3
        till.new_sale()
        assert not grid.basket

        # The POS settings: offline acceptance and a giveaway with one-time codes.
        launcher.offline.locked.setChecked(True)
        launcher.offline.sale_cap.setValue(100)
        await launcher.save()
        policy = till.till.policy()
        assert (policy.offline_locked, policy.offline_sale_cap, policy.offline_mint_cap) == (True, 100, 0)
        box = launcher.giveaways
        box.name.setText("Flyers")
        box.amount.setValue(10)
        box.budget.setValue(100)
        box.codes.setValue(2)
        await box.create_giveaway()
        assert box.message.text().startswith("Giveaway Flyers created. One-time codes") and box.list.count() == 1
        code = box.message.text().split(": ")[-1].split()[0]
        box.list.setCurrentRow(0)
        box.code.setText(code)
        await box.claim_code()
        assert box.message.text() == "Claimed 10: let the customer scan the token."
        assert box.token_qr.text().startswith("cashu")
        shot(launcher, "settings_edge")
        box.code.setText(code)
        await box.claim_code()
        assert box.message.text() == "this code was already claimed" and box.token_qr.isHidden()

    run(scenario())
