"""Light and dark palettes that follow the system's colour scheme (Qt ≥ 6.5 reports it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["apply_palette", "dark_palette", "follow_system_scheme"]


def dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor(30, 31, 34), QColor(43, 45, 49), QColor(230, 230, 230)
    accent = QColor(247, 147, 26)  # bitcoin orange
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, window)
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, window)
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.ToolTipBase, base)
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.Highlight, accent)
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor(20, 20, 20))
        p.setColor(group, QPalette.ColorRole.Link, QColor(120, 170, 255))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor(150, 150, 150))
    disabled = QColor(120, 120, 120)
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, window)
    return p


def light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.Highlight, QColor(247, 147, 26))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor(20, 20, 20))
    return p


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_palette(app: QApplication, *, dark: bool | None = None) -> None:
    app.setStyle("Fusion")
    app.setPalette(dark_palette() if (is_dark() if dark is None else dark) else light_palette())


def follow_system_scheme(app: QApplication) -> None:
    apply_palette(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _scheme: apply_palette(app))
