"""The till's look: large type and big touch targets, shared by its pages."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

__all__ = ["ERROR_COLOR", "OK_COLOR", "big_button", "scale_font", "warning_label"]

ERROR_COLOR = "#b00020"
OK_COLOR = "#1b7f3b"


def scale_font(widget: QWidget, scale: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)


def big_button(text: str, scale: float = 1.6, name: str = "", tip: str = "") -> QPushButton:
    button = QPushButton(text)
    scale_font(button, scale, bold=True)
    button.setMinimumHeight(int(28 * scale))
    if name:
        button.setObjectName(name)
    button.setAccessibleName(text.rstrip("…"))
    if tip:
        button.setToolTip(tip)
    return button


def warning_label(name: str, scale: float = 1.2) -> QLabel:
    """A wrapped, amber notice (hidden until it has something to say)."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("background: #fff4ce; color: #4a3b00; border-radius: 6px; padding: 8px")
    scale_font(label, scale)
    label.hide()
    return label
