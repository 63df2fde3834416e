"""The window opens offscreen, with real fonts."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from pytestqt.qtbot import QtBot

from desktop.app import MainWindow


def test_a_real_font_family_is_installed(qtbot: QtBot) -> None:
    # Without a font every text renders as empty boxes, silently.
    assert "DejaVu Sans" in QFontDatabase.families()


def test_main_window_opens_with_the_version_in_its_title(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.isVisible()
    assert window.windowTitle().startswith("Nutdesk ")
