"""The till against real peers, as the cashier sees it: the cashier lock keeps the main window (Settings, the
seed, token export) out of reach and caps refunds; a sale left "settling" is settled by the background loop
without opening POS mode; Lightning from a trusted mint's quote and from the shop's own node; and the
settlement modes: ecash from a mint the shop does not trust refused in trusted-only mode, forwarded (melted) to
the merchant's real LNbits in hold-when-trusted mode, and a spent token refused with what to do.

(The trusted swap with a tip, the underpayment and the refund are driven in ``test_pos_sales.py``.)
With ``NUTDESK_POS_SCREENSHOTS=<dir>`` the lock and Lightning screens are saved too."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from backends.fake import network
from backends.registry import default_registry
from core.analytics.periods import parse_period
from core.api.analytics import AnalyticsService
from core.api.backends import BackendsService
from core.api.pos import PosService, SaleState
from core.api.service import WalletService
from core.config import Config
from desktop.gui.dialogs import PasswordDialog
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.pos.window import PosWindow
from desktop.gui.views.settings.view import SettingsView
from desktop.gui.widgets.qr import qr_image
from desktop.gui.widgets.scan import camera_available, decode_qr
from tests.gui.conftest import GuiHarness, make_funded_wallet, until, wait_for_dialog
from tests.gui.test_pos_sales import confirm_refund, shot
from tests.integration import pos_fixtures
from tests.peers.lnbits import LNbitsServer
from tests.peers.nutshell import NutshellMint

lnbits_server = pos_fixtures.lnbits_server
lnbits_mint = pos_fixtures.lnbits_mint


async def customer_tokens(data_dir: Path, mint_url: str, *amounts: int) -> list[str]:
    await make_funded_wallet(data_dir, mint_url, sum(amounts) + 20)
    customer = WalletService.open(Config(data_dir=data_dir))
    try:
        customer.unlock()
        return [(await customer.send(a, mint_url)).token for a in amounts]
    finally:
        await customer.close()


async def pin(value: str) -> None:
    dialog = await wait_for_dialog(PasswordDialog, "pinDialog")
    dialog.password.setText(value)
    dialog.accept()


async def type_and_charge(till: PosWindow, digits: str) -> None:
    till.new_sale()
    for key in digits:
        till.keypad_page.keys[key].click()
    till.keypad_page.charge_button.click()
    await until(lambda: till.stack.currentWidget() is till.charge_page, what="the charge screen")


async def pay_with(till: PosWindow, token: str, outcome: str) -> None:
    till.charge_page.token_input.setText(token)
    till.charge_page.accept_button.click()
    if outcome == "paid":
        await until(lambda: till.stack.currentWidget() is till.paid_page, what="the paid screen")
    else:
        await until(lambda: till.charge_page.status_label.text() == "Payment failed", what="the refusal")


def test_a_locked_till_keeps_the_main_window_out_of_reach_and_caps_refunds(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    [token] = run(customer_tokens(tmp_path / "customer", gui_mint.url, 100))
    run(make_funded_wallet(tmp_path / "shop", gui_mint.url, 0))
    session = gui.open(tmp_path / "shop")
    main = session.window
    assert main is not None and main.isVisible()
    launcher = session.view(PosLauncherView)
    launcher.pin.setText("2468")
    launcher.locked_max_refund.setValue(20)
    run(launcher.save())
    assert launcher.message.text() == "Saved." and launcher.till.policy().locked_max_refund == 20
    till = launcher.enter(full_screen=False)
    settings = session.view(SettingsView)

    async def scenario() -> None:
        await type_and_charge(till, "100")
        await pay_with(till, token, "paid")
        sale_id = till.model.paid_sale.id if till.model.paid_sale else ""

        till.lock_button.click()
        await session.tasks.wait_idle()
        assert till.till.locked and till.lock_label.text() == "Locked" and till.lock_button.text() == "Unlock…"
        assert till.isVisible() and till.isFullScreen()
        # The main window — Settings, the seed, token export — is hidden and disabled …
        assert not main.isVisible() and not main.isEnabled() and not settings.isVisible()
        # … and stays so: showing or activating it brings the till back instead.
        main.show()
        main.activateWindow()
        await asyncio.sleep(0.1)
        assert not main.isVisible() and QApplication.activeWindow() is not main
        main.show_view(settings)
        await asyncio.sleep(0.05)
        assert not settings.isVisible()
        # The till cannot be closed or taken out of full screen.
        till.close()
        till.showNormal()
        await asyncio.sleep(0.1)
        assert till.isVisible() and till.isFullScreen()
        shot(till, "locked")

        # Refunds only up to the configured limit while locked.
        till.show_receipt(sale_id)
        assert till.receipt_page.refund_message.text() == "Locked till: refunds up to 20 sat"
        till.receipt_page.refund_amount.setValue(30)
        till.receipt_page.refund_button.click()
        await confirm_refund("Refund 30 sat of sale")
        await session.tasks.wait_idle()
        assert "a locked till refunds at most 20 sat" in till.receipt_page.refund_message.text()
        assert till.till.sale(sale_id).refunded == 0 and till.receipt_page.refund_qr.text() == ""
        till.receipt_page.refund_amount.setValue(20)
        till.receipt_page.refund_button.click()
        await confirm_refund("Refund 20 sat of sale")
        await session.tasks.wait_idle()
        assert till.receipt_page.refund_qr.text().startswith("cashu") and till.till.sale(sale_id).refunded == 20

        # A wrong PIN changes nothing; the right one unlocks and brings the main window back (POS mode stays).
        till.lock_button.click()
        await pin("1111")
        await session.tasks.wait_idle()
        assert till.till.locked and till.lock_label.text() == "Locked — wrong PIN" and not main.isVisible()
        till.lock_button.click()
        await pin("2468")
        await session.tasks.wait_idle()
        assert not till.till.locked and till.lock_button.text() == "Lock" and till.lock_label.text() == ""
        assert main.isVisible() and main.isEnabled() and till.isVisible() and not till.isFullScreen()
        main.show_view(settings)
        assert settings.isVisible()

    run(scenario())


def test_a_till_left_locked_comes_back_locked_after_a_restart(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "shop", gui_mint.url, 0))
    first = gui.open(tmp_path / "shop")
    launcher = first.view(PosLauncherView)
    launcher.pin.setText("2468")
    run(launcher.save())
    till = launcher.enter(full_screen=False)
    till.lock_button.click()
    run(first.tasks.wait_idle())
    assert till.till.locked
    # The app goes away with the till locked (killed, crashed, the power cut): no unlock, no leaving.
    run(first.close())
    till.hide()
    till.deleteLater()

    second = gui.session(tmp_path / "shop")
    assert run(second.start())
    main = second.open_window()
    second.show()
    relaunched = second.view(PosLauncherView).till_window

    async def scenario() -> None:
        await asyncio.sleep(0.1)
        assert relaunched is not None and relaunched.till.locked
        assert relaunched.isVisible() and relaunched.isFullScreen() and relaunched.lock_label.text() == "Locked"
        assert not main.isVisible() and not main.isEnabled()
        relaunched.lock_button.click()
        await pin("2468")
        await second.tasks.wait_idle()
        assert not relaunched.till.locked and main.isVisible() and main.isEnabled()

    run(scenario())


def test_the_app_opens_on_the_locked_till_with_the_pin_pad_ready_after_a_lock_with_the_app_closed(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any, qtbot: Any
) -> None:
    """`pos lock` (or a crash) with the app closed: the app must not exit at once with no window (issue 16)."""
    shop = tmp_path / "shop"
    run(make_funded_wallet(shop, gui_mint.url, 0))

    async def lock_from_the_cli() -> None:
        wallet = WalletService.open(Config(data_dir=shop))
        wallet.unlock()
        async with PosService(wallet) as pos:
            pos.configure(pin="2468")
            pos.lock()
        await wallet.close()

    run(lock_from_the_cli())
    session = gui.session(shop)
    assert run(session.start())
    main = session.open_window()  # the app's start-up path (desktop.app._run)
    session.show()
    till = session.view(PosLauncherView).till_window

    async def scenario() -> None:
        running = asyncio.ensure_future(main.wait_closed())  # the app lives as long as this waits
        for _ in range(3):  # let the waiter take its first step (where it used to return at once)
            await asyncio.sleep(0)
        await until(lambda: till is not None and till.isVisible(), what="the locked till")
        assert till is not None and till.till.locked and till.isFullScreen()
        assert not running.done(), "the app would exit with no window"
        assert till.pin_input.isVisible() and till.focusWidget() is till.pin_input, "the PIN pad is ready"
        assert till.lock_label.text() == "Locked" and not main.isVisible()
        qtbot.keyClicks(till.pin_input, "1111")
        qtbot.keyClick(till.pin_input, Qt.Key.Key_Return)
        await session.tasks.wait_idle()
        assert till.till.locked and till.lock_label.text() == "Locked — wrong PIN"
        qtbot.keyClicks(till.pin_input, "2468")
        qtbot.keyClick(till.pin_input, Qt.Key.Key_Return)
        await session.tasks.wait_idle()
        assert not till.till.locked and not till.pin_input.isVisible()
        assert main.isVisible() and main.isEnabled() and not running.done()
        main.close()
        await until(running.done, what="the app to end when its main window is closed")

    run(scenario())


def test_a_sale_left_settling_is_settled_by_the_background_loop_without_pos_mode(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    [token] = run(customer_tokens(tmp_path / "customer", gui_mint.url, 100))
    shop = tmp_path / "shop"
    run(make_funded_wallet(shop, gui_mint.url, 0))
    # The CLI is killed after the swap request left: the sale is "settling", its journal entry "sent".
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--json", "--data-dir", str(shop), "pos", "charge", "100", "--token", token],
        capture_output=True,
        text=True,
        env={**os.environ, "NUTDESK_FAILPOINT": "sale:after_sent"},
        timeout=120,
    )
    assert result.returncode == -9, result.stderr

    session = gui.session(shop)
    session.recovery_interval = 3600.0
    session.pos_interval = 0.2
    assert run(session.start())
    session.open_window().show()
    launcher = session.view(PosLauncherView)
    [sale] = launcher.till.sales()

    async def settled() -> None:
        await until(lambda: launcher.till.sale(sale.id).state is SaleState.PAID, what="the sale to be settled")

    run(settled())
    assert launcher.till_window is None  # POS mode was never opened
    paid = launcher.till.sale(sale.id)
    assert paid.net == 100 - paid.fee and paid.operation_id is not None
    done = session.service.store.operations(kinds=("sale",), states=("done",))
    assert [op.id for op in done] == [paid.operation_id]  # counted once
    assert sum(b.balance for b in session.service.balances()) == paid.net


def test_lightning_on_the_charge_screen_from_the_mint_and_from_the_shops_node(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "shop", gui_mint.url, 0))
    session = gui.open(tmp_path / "shop")
    assert session.backends is not None
    net_name = f"gui-pos-{tmp_path.name}"
    session.backends.add("till", "Fake", {"account": "merchant", "network": net_name})
    launcher = session.view(PosLauncherView)
    launcher.till.configure(backend="till")
    till = launcher.enter(full_screen=False)
    net = network(net_name)
    net.credit("customer", 1_000_000)

    async def scenario() -> None:
        # From the trusted mint's quote: FakeWallet pays it; the till mints it and shows PAID.
        await type_and_charge(till, "50")
        till.charge_page.ln_mint_button.click()
        await until(lambda: till.charge_page.qr.text().startswith("lnbc"), what="the mint's invoice")
        assert (
            till.charge_page.qr_caption.text()
            == "Lightning invoice from the shop's mint: pay with any Lightning wallet"
        )
        shot(till, "lightning")
        await until(lambda: till.stack.currentWidget() is till.paid_page, what="the paid screen")
        assert till.paid_page.paid_label.text() == "✓ PAID" and till.paid_page.paid_amount.text() == "50 sat"
        assert f"Lightning, minted at {gui_mint.url}" in till.paid_page.paid_detail.text()

        # From the shop's own node: the customer pays the backend's invoice.
        await type_and_charge(till, "30")
        assert till.charge_page.ln_backend_button.isEnabled()
        till.charge_page.ln_backend_button.click()
        await until(lambda: till.charge_page.qr.text().startswith("lnbc"), what="the node's invoice")
        assert "from the shop's Lightning node" in till.charge_page.qr_caption.text()
        net.pay("customer", till.charge_page.qr.text())
        await until(lambda: till.stack.currentWidget() is till.paid_page, what="the paid screen")
        assert till.paid_page.paid_amount.text() == "30 sat"
        assert "Lightning, paid to the shop's node (till)" in till.paid_page.paid_detail.text()
        await session.tasks.wait_idle()

    run(scenario())
    assert net.account("merchant").balance_msat == 30_000
    sales = launcher.till.sales()
    assert [(s.state, s.settlement, s.amount) for s in sales] == [
        (SaleState.PAID, "lightning", 30),
        (SaleState.PAID, "lightning", 50),
    ]
    # Each is one journal entry of kind "sale": analytics counts them once.
    ops = session.service.store.operations(kinds=("sale",), states=("done",))
    assert sorted(op.id for op in ops) == sorted(s.operation_id or "" for s in sales)
    snap = AnalyticsService(session.service).snapshot(parse_period("all", granularity="day"))
    assert (sum(r.count for r in snap.sales), sum(r.sales for r in snap.sales)) == (2, 80)
    assert sum(b.balance for b in session.service.balances()) == 50  # the node's sale is not ecash


def test_settlement_modes_refused_untrusted_forwarded_to_lnbits_and_a_spent_token(
    gui: GuiHarness,
    gui_mint: NutshellMint,
    lnbits_server: LNbitsServer,
    lnbits_mint: NutshellMint,
    tmp_path: Path,
    run: Any,
) -> None:
    merchant = lnbits_server.create_wallet("merchant")

    async def prepare() -> tuple[str, str, str]:
        await make_funded_wallet(tmp_path / "customer", gui_mint.url, 100)
        customer = WalletService.open(Config(data_dir=tmp_path / "customer"))
        try:
            customer.unlock()
            await pos_fixtures.buy_ecash(customer, lnbits_server, lnbits_mint.url, 1_200)
            untrusted = (await customer.send(100, lnbits_mint.url)).token
            forwarded = (await customer.send(1_000, lnbits_mint.url)).token
            spent = (await customer.send(40, gui_mint.url)).token
            await customer.reclaim(spent)  # the customer spends it elsewhere first
        finally:
            await customer.close()
        await make_funded_wallet(tmp_path / "shop", gui_mint.url, 0)
        shop = WalletService.open(Config(data_dir=tmp_path / "shop"))
        try:
            shop.unlock()
            backends = BackendsService(shop, default_registry(plugin_dirs=[]))
            backends.add("merchant", "lnbits", {"url": lnbits_server.url, "key": merchant.inkey})
            await backends.aclose()
        finally:
            await shop.close()
        return untrusted, forwarded, spent

    untrusted, forwarded, spent = run(prepare())
    session = gui.open(tmp_path / "shop")
    launcher = session.view(PosLauncherView)
    assert launcher.till.policy().mode == "trusted_only"
    till = launcher.enter(full_screen=False)

    async def scenario() -> None:
        # Trusted-only: ecash from the LNbits mint is refused before anything is redeemed.
        await type_and_charge(till, "100")
        await pay_with(till, untrusted, "failed")
        assert f"{lnbits_mint.url} is not one of this shop's trusted mints" in till.charge_page.reason_label.text()
        assert "This shop does not accept that mint" in till.charge_page.reason_label.text()
        assert session.service.store.get_mint(lnbits_mint.url) is None
        till.charge_page.cancel()
        await session.tasks.wait_idle()

        # A spent token: the mint says so, nothing is kept, the cashier is told what to do.
        await type_and_charge(till, "40")
        await pay_with(till, spent, "failed")
        assert "already spent" in till.charge_page.reason_label.text()
        assert "Ask the customer for another token or to pay by Lightning" in till.charge_page.reason_label.text()
        assert till.charge_page.cancel_button.isEnabled() and till.charge_page.accept_button.isEnabled()
        till.charge_page.cancel()
        await session.tasks.wait_idle()

        # Hold-when-trusted with the merchant's LNbits: the same kind of ecash is now melted to the merchant.
        launcher.mode.setCurrentIndex(launcher.mode.findData("hold_when_trusted"))
        launcher.backend.setCurrentIndex(launcher.backend.findData("merchant"))
        await launcher.save()
        assert launcher.message.text() == "Saved."
        await type_and_charge(till, "1000")
        await pay_with(till, forwarded, "paid")
        assert till.paid_page.paid_label.text() == "✓ PAID" and till.paid_page.paid_amount.text() == "1,000 sat"
        assert f"Forwarded over Lightning from {lnbits_mint.url}" in till.paid_page.paid_detail.text()
        await session.tasks.wait_idle()

    run(scenario(), 120)
    [paid, failed_spent, cancelled] = [s for s in launcher.till.sales(limit=None)][:3]
    assert (paid.state, paid.settlement) == (SaleState.PAID, "melt")
    assert failed_spent.state is SaleState.CANCELLED and failed_spent.failure_reason == "spent"
    assert cancelled.failure_reason == "untrusted-mint"
    melt = session.service.store.get_operation(paid.forward_operation_id or "")
    assert melt is not None and (melt.kind, melt.state) == ("melt", "done")
    assert lnbits_server.balance_msat(merchant) == melt.amount * 1000 and 970 <= melt.amount < 1_000
    assert isinstance(launcher.till, PosService)


def test_the_customers_token_qr_scanned_at_the_till_pays_the_sale(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    [token] = run(customer_tokens(tmp_path / "customer", gui_mint.url, 40))
    run(make_funded_wallet(tmp_path / "shop", gui_mint.url, 0))
    session = gui.open(tmp_path / "shop")
    till = session.view(PosLauncherView).enter(full_screen=False)
    # The camera button is there; without a camera (this machine) it is off and says what to do instead.
    assert till.charge_page.camera_button.isEnabled() == camera_available()
    if not camera_available():
        assert "scan the customer's QR from an image" in till.charge_page.camera_button.toolTip()

    async def scenario() -> None:
        await type_and_charge(till, "40")
        menu, paper = qr_image("https://example.com/menu"), qr_image(token)
        assert menu is not None and paper is not None
        await till.charge_page.use_scanned(decode_qr(menu))
        assert "No Cashu token in that QR code" in till.charge_page.reason_label.text()
        found = decode_qr(paper)
        assert found == [token]
        await till.charge_page.use_scanned(found)
        await until(lambda: till.stack.currentWidget() is till.paid_page, what="the paid screen")
        assert till.paid_page.paid_amount.text().startswith("40 sat")

    run(scenario())
