"""The till driven as a cashier would, against the real nutshell mint: keypad with a tip, the charge QR (a
NUT-18 request for the right amount), an underpaid token refused with advice, the right token paid, the
receipt (PDF), a refund in ecash, the Z-report (CSV), and the cashier lock.

With ``NUTDESK_POS_SCREENSHOTS=<dir>`` the screens are also saved as PNGs (docs/screenshots/pos_*.png)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from core.api.service import WalletService
from core.config import Config
from core.protocol.payment_requests import decode_payment_request
from desktop.gui.dialogs import PasswordDialog
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.pos.window import PosWindow
from tests.gui.conftest import GuiHarness, find_widget, make_funded_wallet, until, wait_for_dialog
from tests.peers.nutshell import NutshellMint

SHOTS = os.environ.get("NUTDESK_POS_SCREENSHOTS")


def shot(widget: QWidget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        assert widget.grab().save(str(Path(SHOTS) / f"pos_{name}.png"))


async def confirm_refund(expected: str) -> None:
    """Confirm the refund dialog, after checking it names the amount and the sale."""
    box = await wait_for_dialog(QMessageBox, "confirmDialog")
    assert expected in box.text(), box.text()
    [ok] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole]
    ok.click()


def test_a_sale_on_the_till_from_keypad_to_zreport(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    async def tokens() -> tuple[str, str]:
        await make_funded_wallet(tmp_path / "customer", gui_mint.url, 500)
        customer = WalletService.open(Config(data_dir=tmp_path / "customer"))
        try:
            customer.unlock()
            return (await customer.send(50, gui_mint.url)).token, (await customer.send(110, gui_mint.url)).token
        finally:
            await customer.close()

    short, full = run(tokens())
    run(make_funded_wallet(tmp_path / "shop", gui_mint.url, 0))
    session = gui.open(tmp_path / "shop")
    launcher = session.view(PosLauncherView)
    launcher.shop_name.setText("Corner Café")
    launcher.pin.setText("2468")
    run(launcher.save())
    assert launcher.message.text() == "Saved."
    till: PosWindow = launcher.enter(full_screen=False)

    async def scenario() -> None:
        for key in ("1", "0", "0"):
            till.keypad_page.keys[key].click()
        till.keypad_page.memo.setText("Espresso + croissant")
        till.keypad_page.tip_buttons[10].click()
        assert till.keypad_page.amount_label.text() == "100 sat" and "tip 10 sat" in till.keypad_page.fiat_hint.text()
        shot(till, "keypad")
        till.keypad_page.charge_button.click()
        await until(lambda: till.stack.currentWidget() is till.charge_page, what="the charge screen")
        request = decode_payment_request(till.charge_page.qr.text())
        assert (request.amount, request.unit, request.mints) == (110, "sat", (gui_mint.url,))
        assert (
            till.charge_page.due_label.text() == "110 sat"
            and till.charge_page.status_label.text() == "Waiting for payment…"
        )
        # No Nostr relay (and no payment endpoint): a wallet cannot deliver the payment alone — said, with the ways
        # that work, here and in the POS settings.
        warning = till.charge_page.unpayable
        assert warning.isVisible() and "no Nostr relay" in warning.text() and "paste it" in warning.text()
        assert "Lightning" in warning.text() and till.focusWidget() is till.charge_page.token_input
        assert not launcher.unpayable.isHidden() and "No Nostr relay" in launcher.unpayable.text()
        launcher.relays.setText("wss://relay.example")
        assert launcher.unpayable.isHidden()
        launcher.relays.setText("")
        shot(till, "charge")

        till.charge_page.token_input.setText(short)
        till.charge_page.accept_button.click()
        await until(lambda: till.charge_page.status_label.text() == "Payment failed", what="the refusal")
        assert (
            "60 sat missing" in till.charge_page.reason_label.text()
            and "full amount" in till.charge_page.reason_label.text()
        )

        till.charge_page.token_input.setText(full)
        till.charge_page.accept_button.click()
        await until(lambda: till.stack.currentWidget() is till.paid_page, what="the paid screen")
        await session.tasks.wait_idle()
        assert till.paid_page.paid_label.text() == "✓ PAID" and till.paid_page.paid_amount.text() == "110 sat"
        shot(till, "paid")

        till.show_receipt(till.model.paid_sale.id if till.model.paid_sale else "")
        receipt = till.receipt_page.receipt_view.toPlainText()
        assert "Corner Café" in receipt and "Espresso + croissant" in receipt and "Tip" in receipt
        assert "R-000001" in receipt and gui_mint.url in receipt
        pdf = till.receipt_page.save_receipt_pdf(str(tmp_path / "receipt.pdf"))
        assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
        till.receipt_page.refund_amount.setValue(30)
        till.receipt_page.refund_button.click()
        till.receipt_page.refund_button.click()  # a double click asks once and refunds once
        await confirm_refund("Refund 30 sat of sale R-000001 (110 sat")
        await until(lambda: "Refunded 30 sat of R-000001" in till.receipt_page.refund_message.text(), what="the refund")
        await session.tasks.wait_idle()
        assert till.receipt_page.refund_qr.text().startswith("cashu") and till.till.sale("R-000001").refunded == 30
        # Not refilled with the rest: another refund means typing an amount (and confirming it) again.
        assert till.receipt_page.refund_amount.value() == 0 and not till.receipt_page.refund_button.isEnabled()
        assert find_widget(QMessageBox, "confirmDialog") is None
        assert "Refunded" in till.receipt_page.receipt_view.toPlainText()
        shot(till, "receipt")

        till.zreport_button.click()
        text = till.zreport_page.zreport_view.toPlainText()
        assert "Z-report — Corner Café" in text and "swap" in text
        till.zreport_page.save_zreport_csv(str(tmp_path / "z.csv"))
        csv_text = (tmp_path / "z.csv").read_text()
        total = till.zreport_page.report.total if till.zreport_page.report else None
        assert total is not None and total.net == 110 - total.fees - 30  # received less fees and refunds
        assert "total,,1,110,10," in csv_text and f",30,1,{total.net}\n" in csv_text and "Net" in text
        shot(till, "zreport")

        # The cashier lock: the till cannot be left without the PIN.
        till.lock_button.click()
        await session.tasks.wait_idle()
        assert till.till.locked and "Locked" in till.lock_label.text()
        till.close()
        assert till.isVisible()
        leaving = session.tasks.start(till.ask_leave())
        dialog = await wait_for_dialog(PasswordDialog, "pinDialog")
        dialog.password.setText("1111")
        dialog.accept()
        assert await leaving is False and till.isVisible()
        leaving = session.tasks.start(till.ask_leave())
        dialog = await wait_for_dialog(PasswordDialog, "pinDialog")
        dialog.password.setText("2468")
        dialog.accept()
        assert await leaving is True
        await until(lambda: launcher.till_window is None, what="the till to close")

    run(scenario())


def test_the_keypad_takes_typed_digits_and_enter_charges(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any, qtbot: Any
) -> None:
    run(make_funded_wallet(tmp_path / "shop", gui_mint.url, 0))
    session = gui.open(tmp_path / "shop")
    till: PosWindow = session.view(PosLauncherView).enter(full_screen=False)
    till.new_sale()
    assert till.focusWidget() is till.keypad_page
    qtbot.keyClicks(till.keypad_page, "1250")
    qtbot.keyClick(till.keypad_page, Qt.Key.Key_Backspace)
    assert till.keypad_page.amount_label.text() == "125 sat"
    qtbot.keyClick(till.keypad_page, Qt.Key.Key_Return)

    async def charged() -> None:
        await until(lambda: till.stack.currentWidget() is till.charge_page, what="the charge screen")
        assert till.charge_page.due_label.text() == "125 sat"
        qtbot.keyClick(till, Qt.Key.Key_Escape)  # Esc cancels a sale that took nothing
        await till.ctx.tasks.wait_idle()
        assert till.stack.currentWidget() is till.keypad_page

    run(charged())
