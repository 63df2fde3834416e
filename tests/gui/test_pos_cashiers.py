"""Cashiers as a shop sets them up: added in the POS settings with their own PINs, signing in at the till (also
while it is locked: a shift changes hands), and the Z-report totals per cashier."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.gui.pos.cashiers import CashierDialog
from desktop.gui.pos.view import PosLauncherView
from tests.gui.conftest import GuiHarness, make_funded_wallet, wait_for_dialog
from tests.gui.test_pos_modes import customer_tokens, pay_with, type_and_charge
from tests.peers.nutshell import NutshellMint


async def sign_in_as(till: Any, name: str, pin: str) -> None:
    till.cashier_button.click()
    dialog = await wait_for_dialog(CashierDialog, "cashierDialog")
    dialog.names.setCurrentText(name)
    dialog.pin.setText(pin)
    dialog.accept()
    await till.ctx.tasks.wait_idle()


def test_cashiers_sign_in_at_the_till_and_the_zreport_counts_each(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    ann_token, bob_token = run(customer_tokens(tmp_path / "customer", gui_mint.url, 30, 45))
    run(make_funded_wallet(tmp_path / "shop", gui_mint.url, 0))
    session = gui.open(tmp_path / "shop")
    launcher = session.view(PosLauncherView)
    box = launcher.cashiers
    assert not run(box.add("ann", "12"))
    assert box.message.text() == "a PIN is 4 to 12 digits"
    assert run(box.add("ann", "1111")) and run(box.add("bob", "2222"))
    assert [box.items.item(i).text() for i in range(box.items.count())] == ["ann", "bob"]
    launcher.pin.setText("9999")
    run(launcher.save())
    till = launcher.enter(full_screen=False)
    assert till.cashier_button.isVisible() and till.cashier_label.text() == "No cashier signed in"

    async def scenario() -> None:
        await sign_in_as(till, "ann", "2222")
        assert till.cashier_label.text() == "wrong cashier or PIN" and till.till.cashier == ""
        await sign_in_as(till, "ann", "1111")
        assert till.cashier_label.text() == "Cashier: ann"
        await type_and_charge(till, "30")
        await pay_with(till, ann_token, "paid")

        # The shift changes hands at a locked till: bob signs in without the manager's PIN; the lock stays.
        till.lock_button.click()
        await session.tasks.wait_idle()
        await sign_in_as(till, "bob", "2222")
        assert till.till.locked and till.cashier_label.text() == "Cashier: bob"
        await type_and_charge(till, "45")
        await pay_with(till, bob_token, "paid")

        report = till.till.zreport()
        assert {k: (t.count, t.amount) for k, t in report.by_cashier.items()} == {"ann": (1, 30), "bob": (1, 45)}
        till.zreport_button.click()
        assert (
            "ann" in till.zreport_page.zreport_view.toPlainText()
            and "bob" in till.zreport_page.zreport_view.toPlainText()
        )

    run(scenario())
