"""The shell: fonts, the main window, navigation shortcuts, remembered size, the error hook, clean close."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from core.errors import InsufficientBalance, MintUnreachable, UserCancelled
from desktop.gui.errors import ErrorReporter, describe_error, install_excepthook
from desktop.gui.views.send.view import SendView
from desktop.gui.views.settings.view import SettingsView
from tests.gui.conftest import GuiHarness, make_funded_wallet, until
from tests.peers.nutshell import NutshellMint


def test_a_real_font_family_is_installed(qtbot: QtBot) -> None:
    # Without a font every text renders as empty boxes, silently.
    assert "DejaVu Sans" in QFontDatabase.families()


def test_the_window_has_every_view_and_ctrl_number_switches_between_them(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
    session = gui.open(tmp_path / "w")
    window = session.window
    assert window is not None
    assert window.windowTitle().startswith("Nutdesk ")
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "Balances",
        "Receive",
        "Send",
        "Pay",
        "History",
        "Analytics",
        "Recovery",
        "Settings",
        "Point of sale",
        "Files & cheques",
    ]
    window.activateWindow()
    run(until(window.isActiveWindow, what="the window to be active"))
    QTest.keyClick(window.nav, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_view(), SendView)
    QTest.keyClick(window.nav, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(window.current_view(), SettingsView)


def test_the_window_remembers_its_size(gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
    first = gui.open(tmp_path / "w")
    assert first.window is not None
    first.window.resize(700, 520)
    first.window.close()
    run(first.close())
    second = gui.open(tmp_path / "w")
    assert second.window is not None
    assert (second.window.width(), second.window.height()) == (700, 520)


def test_errors_become_readable_dialogs_and_the_hook_catches_slot_errors(qtbot: QtBot) -> None:
    reporter = ErrorReporter()
    undo = install_excepthook(reporter)
    try:
        try:
            raise InsufficientBalance("no mint holds 5000 sat")
        except InsufficientBalance as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        reporter.report(UserCancelled())  # silent
        try:
            raise RuntimeError("boom")
        except RuntimeError as exc:
            reporter.report(exc)
    finally:
        undo()
    assert [type(e) for e in reporter.history] == [InsufficientBalance, RuntimeError]
    boxes = reporter.open_dialogs
    assert boxes[0].text().startswith("No mint holds 5000 sat. Choose a smaller amount")
    assert "boom" in boxes[1].text() and "Traceback" in boxes[1].detailedText()
    assert boxes[1].icon() == QMessageBox.Icon.Critical
    for box in boxes:
        box.close()
    title, message = describe_error(MintUnreachable(mint_url="http://x"))
    assert title == "Outcome not known yet" and "Nothing is lost" in message


def test_closing_the_session_closes_the_database_and_the_window(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
    session = gui.open(tmp_path / "w")
    window = session.window
    assert window is not None and window.isVisible()

    async def close_it() -> None:
        window.close()
        await until(lambda: not window.isVisible())
        await session.close()

    run(close_it())
    assert session.window is None and session.payments is None
