"""The wallet's work runs on the core worker, off the Qt thread, against the real nutshell mint: the database writes
of a send made in the Send view, and the spend behind a PIN prompt — whose dialog is still shown on the Qt thread."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from sqlalchemy import event

from core.api.spending_pin import guard_of
from desktop.gui.views.pin.widgets import PinDialog
from desktop.gui.views.send.view import SendView
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
