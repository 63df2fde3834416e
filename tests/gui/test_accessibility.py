"""Every control of every view has an accessible name (what a screen reader says): a button's text, a field's
form label, or an explicit ``setAccessibleName``. The test walks the main window's views and the till's window and
fails on a control without one. The views' shortcuts are named in tooltips.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAccessible, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from core.api.service import WalletService
from core.config import Config
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.views.balances.view import BalancesView
from desktop.gui.views.history.view import HistoryView
from desktop.gui.views.pay.view import PayView
from desktop.gui.views.receive.view import ReceiveView
from desktop.gui.views.recovery.view import RecoveryView
from desktop.gui.views.send.view import SendView
from tests.gui.conftest import GuiHarness, until

CONTROLS = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QTabBar,
)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface is not None else "").strip()


def unnamed_controls(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or _internal(widget):
            continue
        if not accessible_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'} in {_path(widget)}")
    return missing


def _internal(widget: QWidget) -> bool:
    """Qt's own parts of a compound control: a spin box's line edit, a combo box's pop-up list, a line edit's clear
    button, a scroll area's scroll bars (all named through the control they belong to)."""
    parent = widget.parentWidget()
    if parent is None:
        return False
    if isinstance(parent, QAbstractSpinBox | QLineEdit | QAbstractItemView) or parent.objectName().startswith(
        "qt_scrollarea_"
    ):
        return True
    ancestor: QWidget | None = parent
    while ancestor is not None:
        if isinstance(ancestor, QComboBox):
            return True
        ancestor = ancestor.parentWidget()
    return False


def _path(widget: QWidget) -> str:
    names = []
    current: QWidget | None = widget.parentWidget()
    while current is not None:
        names.append(current.objectName() or type(current).__name__)
        current = current.parentWidget()
    return " < ".join(names[:4])


def test_every_control_in_every_view_has_an_accessible_name(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    service.create_wallet()
    run(service.close())
    session = gui.open(tmp_path / "w")
    assert session.window is not None
    missing: list[str] = []
    for view in session.window.views:
        missing += [f"{view.title}: {m}" for m in unnamed_controls(view)]
    till = session.view(PosLauncherView).enter(full_screen=False)  # the till's own window, every page of it
    try:
        missing += [f"till: {m}" for m in unnamed_controls(till)]
    finally:
        till.close()
    assert missing == [], "\n".join(missing)


def test_view_shortcuts_are_named_in_tooltips_and_work(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    service.create_wallet()
    run(service.close())
    session = gui.open(tmp_path / "w")
    window = session.window
    assert window is not None
    expected = {
        ReceiveView: ("receive_button", "Ctrl+Return"),
        SendView: ("send_button", "Ctrl+Return"),
        PayView: ("continue_button", "Ctrl+Return"),
        HistoryView: ("export_button", "Ctrl+S"),
        BalancesView: ("add_button", "Ctrl+N"),
        RecoveryView: ("recover_button", "Ctrl+R"),
    }
    for cls, (name, keys) in expected.items():
        button = getattr(session.view(cls), name)
        assert button.toolTip().endswith(f"({keys})") or button.toolTip() == keys, (cls.__name__, button.toolTip())
    history = session.view(HistoryView)
    window.show_view(history)
    window.activateWindow()
    history.table.setFocus()
    [find] = [s for s in history.findChildren(QShortcut) if s.key().toString() == "Ctrl+F"]
    find.activated.emit()  # what the key press does (offscreen, the window may not be active to take the key)
    run(until(lambda: QApplication.focusWidget() is history.search, what="Ctrl+F to focus the search"))
    assert "Ctrl+F" in history.search.toolTip()
