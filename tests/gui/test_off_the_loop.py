"""The wallet's work runs on the core worker, off the Qt thread, against the real nutshell mint: the database writes
of a send made in the Send view, every small write a view makes (a mint trusted, a setting saved, the till locked),
and the spend behind a PIN prompt — whose dialog is still shown on the Qt thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QInputDialog
from sqlalchemy import event

from core.api.mint_labels import mint_label
from core.api.payments import fiat_currency, nostr_relays
from core.api.spending_pin import guard_of
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.views.balances.view import BalancesView
from desktop.gui.views.pin.widgets import PinDialog
from desktop.gui.views.send.view import ExportDialog, SendView
from desktop.gui.views.settings.view import SettingsView
from tests.gui.conftest import GuiHarness, make_funded_wallet, until, wait_for_dialog
from tests.peers.nutshell import NutshellMint

_WRITES = ("INSERT", "UPDATE", "DELETE")


def _record_writes(session: Any) -> list[int]:
    """The thread of every INSERT/UPDATE/DELETE and of every commit that follows one, on the wallet's engine."""
    threads: list[int] = []
    engine = session.core_service.store.db.engine

    def on_execute(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(_WRITES):
            threads.append(threading.get_ident())
            conn.info["wrote"] = True

    def on_commit(conn: Any) -> None:
        if conn.info.pop("wrote", False):  # a commit that syncs writes to the disk (a reader's is free)
            threads.append(threading.get_ident())

    event.listen(engine, "before_cursor_execute", on_execute)
    event.listen(engine, "commit", on_commit)
    return threads


def test_the_database_writes_of_a_send_in_the_send_view_run_off_the_qt_thread(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 400))
    session = gui.open(tmp_path / "w")
    view = session.view(SendView)
    session.window.show_view(view)
    writes = _record_writes(session)

    async def send() -> None:
        view.amount.setValue(120)
        view.send_button.click()
        await session.tasks.wait_idle()

    run(send())
    assert view.token_text.toPlainText().startswith("cashuB")
    assert [b.pending for b in session.service.balances()] == [120]
    gui_thread = threading.get_ident()
    assert writes, "the send wrote nothing?"
    assert gui_thread not in writes
    assert set(writes) == {session.worker.thread.ident}


def test_the_pin_prompt_of_a_spend_run_by_the_worker_is_shown_on_the_qt_thread(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 300))
    session = gui.open(tmp_path / "w")
    guard = guard_of(session.service.store)
    run(guard.set_pin_async("2468"))
    run(guard.set_threshold_async(100, current="2468"))
    guard.revoke()  # no grant left from setting it: the send must ask
    asked_from: list[int] = []
    prompter = guard.prompter
    assert prompter is not None

    async def recording(message: str, error: Any) -> str | None:
        asked_from.append(threading.get_ident())
        return await prompter(message, error)

    guard.prompter = recording
    view = session.view(SendView)
    session.window.show_view(view)

    async def send() -> None:
        view.amount.setValue(150)
        view.send_button.click()
        dialog = await wait_for_dialog(PinDialog)
        app = QApplication.instance()
        assert app is not None
        assert dialog.thread() == app.thread()  # created (and shown) on the Qt thread
        dialog.password.setText("2468")
        dialog._check()
        await until(lambda: not dialog.isVisible(), what="the PIN dialog to close")
        await session.tasks.wait_idle()

    run(send())
    assert asked_from == [session.worker.thread.ident]  # the spend asked from the core worker's thread
    assert view.token_text.toPlainText().startswith("cashuB")
    assert [b.pending for b in session.service.balances()] == [150]


def test_closing_the_session_drains_and_stops_the_core_worker(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
    session = gui.open(tmp_path / "w")
    worker = session.worker
    assert worker.thread.is_alive()
    run(session.close())
    assert not worker.thread.is_alive() and worker.loop.is_closed()
    run(session.close())  # twice is safe: what is left runs on the Qt loop


def test_every_small_write_a_view_makes_runs_off_the_qt_thread(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    """Trusting and labelling a mint, exporting a token, the currency and relays, the till's settings, cashiers,
    lock and unlock, a giveaway created and closed, the shift closed: each writes (one fsync'd commit), and none on
    the Qt thread. (The ``gui`` fixture fails any scenario with such a write; here each action is checked by name.)"""
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 200))
    session = gui.open(tmp_path / "w")
    writes = gui.writes
    qt_thread = threading.get_ident()
    done: list[str] = []

    def action(name: str, act: Callable[[], Coroutine[Any, Any, None]]) -> None:
        before = len(writes.threads)
        run(act())
        run(session.tasks.wait_idle())
        wrote = writes.threads[before:]
        assert wrote, f"{name}: nothing was written"
        assert qt_thread not in wrote, f"{name} wrote on the Qt thread: " + "\n".join(writes.on_qt_thread)
        assert session.worker.thread.ident in wrote, name
        done.append(name)

    balances = session.view(BalancesView)
    session.window.show_view(balances)

    async def distrust_in_balances() -> None:
        balances.table.selectRow(0)
        balances.trust_button.click()

    action("trust a mint (Balances)", distrust_in_balances)
    assert not session.service.list_mints()[0].trusted

    settings = session.view(SettingsView)
    session.window.show_view(settings)
    settings.refresh()

    async def trust_in_settings() -> None:
        settings.mints_table.selectRow(0)
        settings.trust_button.click()

    action("trust a mint (Settings)", trust_in_settings)
    assert session.service.list_mints()[0].trusted

    async def label() -> None:
        settings.mints_table.selectRow(0)
        settings.label_mint_button.click()
        dialog = await wait_for_dialog(QInputDialog, "textDialog")
        dialog.setTextValue("Corner mint")
        dialog.accept()

    action("label a mint", label)
    assert mint_label(session.service, gui_mint.url) == "Corner mint"

    async def currency() -> None:
        settings.currency.setCurrentText("EUR")
        settings.currency.activated.emit(settings.currency.currentIndex())

    action("change the fiat currency", currency)
    assert fiat_currency(session.service) == "EUR"

    async def relays() -> None:
        settings.relays.setText("wss://relay.one.example")
        settings.relays_button.click()

    action("change the relays", relays)
    assert nostr_relays(session.service) == ["wss://relay.one.example"]

    send = session.view(SendView)
    session.window.show_view(send)
    target = tmp_path / "out" / "token.cashu"

    async def make_token() -> None:
        send.amount.setValue(20)
        send.send_button.click()

    action("send", make_token)

    async def export() -> None:
        send.export_button.click()
        dialog = await wait_for_dialog(ExportDialog)
        dialog.path.setText(str(target))
        dialog._check()

    action("export a token to a file", export)
    assert [t.file_path for t in session.service.sent_tokens()] == [str(target)]

    launcher = session.view(PosLauncherView)
    session.window.show_view(launcher)

    async def configure() -> None:
        launcher.shop_name.setText("Corner shop")
        launcher.pin.setText("2468")
        launcher.save_button.click()

    action("configure the till", configure)
    assert launcher.till.policy().shop_name == "Corner shop" and launcher.message.text() == "Saved."

    async def add_cashier() -> None:
        assert await launcher.cashiers.add("ann", "1111")

    action("add a cashier", add_cashier)

    async def remove_cashier() -> None:
        launcher.cashiers.items.setCurrentRow(0)
        launcher.cashiers.remove_button.click()

    action("remove a cashier", remove_cashier)
    assert launcher.till.policy().cashiers == ()

    box = launcher.giveaways

    async def create_giveaway() -> None:
        box.name.setText("Flyers")
        box.amount.setValue(5)
        box.budget.setValue(10)
        box.create_button.click()

    action("create a giveaway", create_giveaway)
    assert box.list.count() == 1 and box.message.text().startswith("Giveaway Flyers created")

    async def close_giveaway() -> None:
        box.list.setCurrentRow(0)
        box.close_button.click()

    action("close a giveaway", close_giveaway)
    assert [g.state for g in box.service.giveaways()] == ["closed"]

    till = launcher.enter(full_screen=False)

    async def lock() -> None:
        till.lock_button.click()

    action("lock the till", lock)
    assert till.till.locked and till.lock_label.text() == "Locked"

    async def unlock() -> None:
        till.pin_input.setText("2468")
        till.pin_input.returnPressed.emit()

    action("unlock the till", unlock)
    assert not till.till.locked and till.lock_label.text() == ""

    async def close_shift() -> None:
        till.zreport_page.close_shift_button.click()

    action("close the shift", close_shift)
    assert till.zreport_page.report is not None
    assert writes.on_qt_thread == []
    assert len(done) == 15
