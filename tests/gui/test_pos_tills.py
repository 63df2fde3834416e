"""Two named tills on one SQLite wallet, against the real nutshell mint: the GUI's till T1 and a second till T2 (a
``PosService`` over the same wallet file with ``till="T2"``) each sell; Recent sales shows which till sold each
sale, the receipt says "Till: T1" (and which till paid out each refund), the window names its till, and the
Z-report shows this till's totals or the whole shop's."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.api.pos import PosService, SaleState
from core.api.service import WalletService
from core.config import Config
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.session import Session
from tests.gui.conftest import GuiHarness, make_funded_wallet, until
from tests.gui.test_pos_modes import customer_tokens, pay_with, type_and_charge
from tests.gui.test_pos_sales import confirm_refund
from tests.peers.nutshell import NutshellMint


async def sell_at_t2(shop: Path, token: str, amount: int) -> None:
    """The second till sells ``amount`` sat, paid with ``token`` (as the till's own process would)."""
    service = WalletService.open(Config(data_dir=shop, till="T2"))
    try:
        service.unlock()
        async with PosService(service) as till:
            session = await till.start_checkout(amount)
            await till.pay_token(session.sale.id, token)
            assert till.sale(session.sale.id).state is SaleState.PAID
    finally:
        await service.close()


async def sign_in_at_t2(shop: Path, name: str, pin: str) -> None:
    """A cashier is set up and signs in at the second till (as at that till's own window)."""
    service = WalletService.open(Config(data_dir=shop, till="T2"))
    try:
        service.unlock()
        async with PosService(service) as till:
            till.add_cashier(name, pin)
            till.sign_in(name, pin)
    finally:
        await service.close()


def test_two_tills_show_which_till_sold_and_the_zreport_per_till_and_for_the_shop(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    t1_token, t2_token = run(customer_tokens(tmp_path / "customer", gui_mint.url, 30, 45))
    shop = tmp_path / "shop"
    run(make_funded_wallet(shop, gui_mint.url, 0))
    session = Session(Config(data_dir=shop, till="T1"), gui.reporter, gui.settings, fetch_rates=False)
    gui.sessions.append(session)
    assert run(session.start())
    session.open_window().show()
    launcher = session.view(PosLauncherView)
    till = launcher.enter(full_screen=False)
    assert "T1" in till.windowTitle() and till.till_label.text() == "Till: T1"

    async def scenario() -> None:
        await type_and_charge(till, "30")
        await pay_with(till, t1_token, "paid")
        await sell_at_t2(shop, t2_token, 45)
        till.new_sale()
        till.refresh_sales()
        rows = [till.keypad_page.sales_list.item(i).text() for i in range(till.keypad_page.sales_list.count())]
        assert len(rows) == 2, rows
        [t1_row] = [r for r in rows if "T1 · " in r]
        [t2_row] = [r for r in rows if "T2 · " in r]
        assert " 30 sat" in t1_row and " 45 sat" in t2_row

        # The receipt of T1's sale says which till sold it.
        [t1_sale] = [s for s in till.till.sales() if s.till == "T1"]
        till.show_receipt(t1_sale.id)
        await until(lambda: "Till" in till.receipt_page.receipt_view.toPlainText(), what="the receipt")
        assert "T1" in till.receipt_page.receipt_view.toPlainText()
        # A refund made here: its "Refunded" row names the till that paid it out.
        till.receipt_page.refund_amount.setValue(10)
        till.receipt_page.refund_button.click()
        await confirm_refund("Refund 10 sat")
        await until(lambda: "Refunded 10 sat" in till.receipt_page.refund_message.text(), what="the refund")
        till.show_receipt(t1_sale.id)
        [refunded] = [line for line in till.receipt_page.receipt_view.toPlainText().splitlines() if "10 sat (" in line]
        assert refunded.rstrip().endswith("· T1"), refunded

        # The Z-report: this till's own totals, then the whole shop's (both tills' open shifts).
        till.zreport_button.click()
        page = till.zreport_page
        assert page.this_till_button.isVisible() and page.whole_shop_button.isVisible()
        assert page.report is not None and (page.report.total.count, page.report.total.amount) == (1, 30)
        assert "This till: T1" in page.zreport_view.toPlainText()
        page.whole_shop_button.click()
        assert page.report is not None and (page.report.total.count, page.report.total.amount) == (2, 75)
        assert "Whole shop" in page.zreport_view.toPlainText()
        # Its per-till lines (T1 sold 30 and paid out the 10 refund, T2 sold 45) add up to the shop's total.
        whole = page.report
        assert whole.shop_wide and sorted(whole.by_till) == ["T1", "T2"]
        assert (whole.by_till["T1"].amount, whole.by_till["T1"].refunds, whole.by_till["T2"].amount) == (30, 10, 45)
        for key in ("count", "amount", "tips", "fees", "refunds", "net"):
            assert getattr(whole.total, key) == sum(getattr(t, key) for t in whole.by_till.values()), key
        shown = page.zreport_view.toPlainText()
        assert "By till" in shown and "whole shop" in shown and "Shift 0" not in shown
        by_till = shown[shown.index("By till") :]  # each table cell on its own line: name, sales, amount, …
        assert "\nT1\n1\n30\n" in by_till and "\nT2\n1\n45\n" in by_till and "\nTotal\n2\n75\n" in by_till
        pdf = page.save_zreport_pdf(str(tmp_path / "shop.pdf"))
        assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
        page.this_till_button.click()
        assert page.report is not None and page.report.total.amount == 30
        assert "By till" not in page.zreport_view.toPlainText()

    run(scenario())
    # The POS settings list the cashiers and who is signed in at which till.
    assert launcher.cashiers.signed_in.text() == "Nobody is signed in."
    run(sign_in_at_t2(shop, "cem", "2468"))
    launcher.cashiers.refresh()
    assert launcher.cashiers.signed_in.text() == "Signed in: cem at till T2"
