"""``make screenshots``: start the app under Xvfb against local demo mints and save a PNG of every view.

Runs the real start-up path (``Session``) on the demo wallet of ``desktop.demo`` (FakeWallet mints, demo
funds), drives each view into a representative state (a token preview, a created token, a payment to
confirm, …) and saves ``docs/screenshots/<name>.png``. Starts its own Xvfb when there is no display.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "docs" / "screenshots"
SIZE = (1180, 780)


@contextlib.contextmanager
def virtual_display() -> Iterator[None]:
    """Xvfb on a free display number, unless a display exists already."""
    if os.environ.get("DISPLAY") and os.environ.get("NUTDESK_SCREENSHOTS_USE_DISPLAY"):
        yield
        return
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        sys.exit("screenshots: Xvfb is missing; run scripts/setup.sh test (it installs xvfb and the xcb libraries)")
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    process = subprocess.Popen(
        [xvfb, f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            sys.exit("screenshots: Xvfb did not start")
        time.sleep(0.05)
    old = os.environ.get("DISPLAY")
    os.environ["DISPLAY"] = f":{number}"
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    try:
        yield
    finally:
        process.terminate()
        process.wait(10)
        if old is None:
            os.environ.pop("DISPLAY", None)
        else:
            os.environ["DISPLAY"] = old


def demo_invoice(amount_sat: int, description: str) -> str:
    from bolt11 import Bolt11, MilliSatoshi, Tag, TagChar, Tags, encode

    tags = Tags(
        [
            Tag(TagChar.payment_hash, secrets.token_hex(32)),
            Tag(TagChar.payment_secret, secrets.token_hex(32)),
            Tag(TagChar.description, description),
            Tag(TagChar.expire_time, 3600),
        ]
    )
    invoice = Bolt11(currency="bc", amount_msat=MilliSatoshi(amount_sat * 1000), date=int(time.time()), tags=tags)
    return str(encode(invoice, secrets.token_hex(32)))


async def settle(seconds: float = 0.3) -> None:
    # Sleeping on the qasync loop lets Qt lay out and paint. No QApplication.processEvents() here: run from a
    # coroutine it steps other tasks re-entrantly ("Cannot enter into task"), e.g. the background recovery loop.
    await asyncio.sleep(seconds)


def save(widget: object, name: str) -> Path:
    from PySide6.QtWidgets import QWidget

    assert isinstance(widget, QWidget)
    path = OUT / f"{name}.png"
    if not widget.grab().save(str(path)):
        raise RuntimeError(f"could not save {path}")
    print(f"screenshots: {path.relative_to(REPO)}")
    return path


async def take_all() -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWizard

    from core.config import Config
    from desktop.demo import DemoEnvironment
    from desktop.gui.errors import ErrorReporter
    from desktop.gui.session import Session
    from desktop.gui.views.balances.view import BalancesView
    from desktop.gui.views.history.view import HistoryView
    from desktop.gui.views.pay.view import PayView
    from desktop.gui.views.receive.view import ReceiveView
    from desktop.gui.views.recovery.view import RecoveryView
    from desktop.gui.views.send.view import SendView
    from desktop.gui.views.settings.view import SettingsView
    from desktop.gui.wizard.wizard import FirstRunWizard

    OUT.mkdir(parents=True, exist_ok=True)
    reporter = ErrorReporter()
    demo = DemoEnvironment()
    print("screenshots: starting the demo mints…")
    await demo.start()
    scratch = Path(tempfile.mkdtemp(prefix="nutdesk-shots-"))
    try:
        settings = QSettings(str(scratch / "settings.ini"), QSettings.Format.IniFormat)

        # The first-run wizard, on an empty data directory.
        first = Session(Config(data_dir=scratch / "new"), reporter, settings, fetch_rates=False)
        started = first.tasks.start(first.start())
        for _ in range(500):
            if first.wizard is not None:
                break
            await asyncio.sleep(0.02)
        assert first.wizard is not None, "the first-run wizard did not open"
        wizard: FirstRunWizard = first.wizard
        wizard.resize(700, 540)
        await settle()
        save(wizard, "wizard-1-welcome")
        wizard.next()
        await settle()
        save(wizard, "wizard-2-words")
        wizard.next()
        for position, edit in wizard.confirm.fields.items():
            edit.setText(wizard.state.words[position])
        await settle()
        save(wizard, "wizard-3-confirm")
        wizard.next()
        await settle()
        save(wizard, "wizard-4-password")
        wizard.next()
        wizard.mint.probe.url.setText(demo.mints[0].url)
        await wizard.mint.probe.probe()
        await settle()
        save(wizard, "wizard-5-mint")
        wizard.button(QWizard.WizardButton.CancelButton).click()
        await started
        await first.close()

        # The main window on the demo wallet.
        session = Session(Config(data_dir=demo.wallet_dir), reporter, settings, demo=True, fetch_rates=False)
        assert await session.start()
        window = session.open_window()
        window.resize(*SIZE)
        window.show()
        await settle(0.5)

        balances = session.view(BalancesView)
        await balances.check_mints()
        window.show_view(balances)
        await settle()
        save(window, "balances")

        receive = session.view(ReceiveView)
        window.show_view(receive)
        gift = await session.service.send(1_000, demo.mints[1].url, memo="birthday gift")
        receive.input.setPlainText(gift.token)
        await receive.update_preview()
        await settle()
        save(window, "receive-token")
        receive.input.clear()
        receive.tabs.setCurrentIndex(1)
        receive.ln_amount.setValue(2_500)
        await receive.lightning.create(2_500, demo.mints[0].url)
        request = str(receive.lightning.quote.request)
        receive.invoice_qr.set_text(request)
        receive.invoice_text.setText(request[:60] + "…")
        receive.copy_invoice.set_text(request)
        receive.ln_status.setText("Waiting for the payment…")
        receive.ln_progress.show()
        await settle()
        save(window, "receive-lightning")
        receive.ln_progress.hide()
        receive.tabs.setCurrentIndex(0)

        send = session.view(SendView)
        window.show_view(send)
        send.amount.setValue(1_500)
        send.memo.setText("for the pizza")
        await send.create_token()
        await settle()
        save(window, "send")

        pay = session.view(PayView)
        window.show_view(pay)
        pay.input.setPlainText(demo_invoice(2_100, "Two coffees at the corner café"))
        await pay.prepare()
        await settle()
        save(window, "pay-confirm")
        await pay.pay()
        await settle()
        save(window, "pay-result")

        history = session.view(HistoryView)
        history.refresh()
        window.show_view(history)
        await settle()
        save(window, "history")

        recovery = session.view(RecoveryView)
        window.show_view(recovery)
        await recovery.reconcile(apply=False)
        await settle()
        save(window, "recovery")

        from desktop.gui.views.vault.view import VaultView

        vault = session.view(VaultView)
        window.show_view(vault)
        vault.amount.setValue(5_000)
        vault.recipient.setText("npub10elfcs4fr0l0r8af98jlmgdh9c8tcxjvz9qkw038js35mp4dma8qzvjptg")
        vault.memo.setText("Thank you for the design work")
        await vault.write_cheque()
        await vault.check()
        await settle()
        save(window, "vault")

        settings_view = session.view(SettingsView)
        if session.backends is not None:
            fake = next(t["type"] for t in session.backends.types() if t["type"].lower() == "fake")
            session.backends.add("demo-wallet", fake, {"balance": "250000"})
            settings_view.refresh()
            settings_view.backends_table.selectRow(0)
            await settings_view.test_backend()
        window.show_view(settings_view)
        await settle()
        save(window, "settings")

        from desktop.gui.pos.view import PosLauncherView

        pos_view = session.view(PosLauncherView)
        pos_view.shop_name.setText("Corner Café")
        pos_view.relays.setText("wss://relay.damus.io wss://nos.lol")
        pos_view.save()
        pos_view.cashiers.add("Ann", "1111")
        pos_view.cashiers.add("Bob", "2222")
        pos_view.webhooks.add("https://shop.example/cashu-events")
        window.show_view(pos_view)
        await settle()
        save(window, "pos-settings")

        from PySide6.QtWidgets import QApplication

        from desktop.gui.palette import apply_palette

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_palette(app, dark=True)
        window.show_view(balances)
        await settle()
        save(window, "balances-dark")
        apply_palette(app, dark=False)

        if reporter.history:
            raise RuntimeError(f"errors while taking screenshots: {reporter.history!r}")
        window.close()
        await session.close()
    finally:
        await demo.stop()
        shutil.rmtree(scratch, ignore_errors=True)


def main() -> int:
    with virtual_display():
        from desktop.app import NutdeskEventLoop, make_application

        app = make_application()
        loop = NutdeskEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            loop.run_until_complete(take_all())
    return 0


if __name__ == "__main__":
    sys.exit(main())
