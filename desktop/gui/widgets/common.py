"""Small shared pieces: amount formatting, headings, a mint chooser, a copy button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QPushButton, QWidget

from core.api.mint_labels import mint_titles
from core.api.service import WalletService
from desktop.gui.i18n import tr
from desktop.reports.formatting import money_text

__all__ = ["CopyButton", "MintCombo", "empty_state", "format_amount", "heading", "hint", "short_url", "shortcut"]


def format_amount(amount: int, unit: str) -> str:
    """``1,234 sat``; fiat units (amounts in cents) as ``12.34 USD`` — the one way amounts are written, shared
    with the reports and the CLI (``money_text``)."""
    return money_text(amount, unit)


def short_url(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://").rstrip("/")


def shortcut(scope: QWidget, keys: str, target: QWidget, action: Callable[[], object] | None = None) -> QShortcut:
    """A keyboard shortcut active while the focus is in ``scope`` (a view), named in ``target``'s tooltip so the
    keyboard is discoverable. Without ``action`` it clicks ``target`` (only when enabled and shown)."""
    sequence = QKeySequence(keys)
    bound = QShortcut(sequence, scope)
    bound.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def fire() -> None:
        if action is not None:
            action()
        elif isinstance(target, QAbstractButton) and target.isEnabled() and target.isVisible():
            target.click()

    bound.activated.connect(fire)
    keys_text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
    tip = target.toolTip()
    target.setToolTip(f"{tip} ({keys_text})" if tip else keys_text)
    return bound


def heading(text: str, *, size: float = 1.5) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * size)
    font.setBold(True)
    label.setFont(font)
    return label


def hint(text: str) -> QLabel:
    """A muted explanatory line under a heading or field."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setObjectName("hint")
    # A palette role, not a style sheet, so the muted colour follows light/dark switches.
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def empty_state(text: str, name: str) -> QLabel:
    """What an empty table says instead: what is (not) here and what to do next. Shown in the table's place."""
    label = hint(text)
    label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMinimumHeight(120)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class MintCombo(QComboBox):
    """The wallet's mints with their balance in ``unit``; ``current_url()`` is the choice."""

    def __init__(self, parent: QWidget | None = None, *, unit: str = "sat") -> None:
        super().__init__(parent)
        self.unit = unit
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def reload(self, service: WalletService, *, prefer_funded: bool = True) -> None:
        keep = self.current_url()
        self.blockSignals(True)
        self.clear()
        mints = service.list_mints()
        if prefer_funded:
            mints.sort(key=lambda m: -m.balances.get(self.unit, 0))
        titles = mint_titles(service)
        for m in mints:
            balance = m.balances.get(self.unit, 0)
            self.addItem(f"{titles.get(m.url, m.url)} — {format_amount(balance, self.unit)}", m.url)
            self.setItemData(self.count() - 1, m.url, 3)  # tooltip role
        index = self.findData(keep) if keep else -1
        self.setCurrentIndex(index if index >= 0 else (0 if self.count() else -1))
        self.blockSignals(False)
        self.currentIndexChanged.emit(self.currentIndex())

    def current_url(self) -> str:
        data = self.currentData()
        return str(data) if data else ""

    def select_url(self, url: str) -> None:
        index = self.findData(url)
        if index >= 0:
            self.setCurrentIndex(index)


class CopyButton(QPushButton):
    """Copies ``text()`` of a provider to the clipboard and says so for a moment."""

    def __init__(self, label: str = "Copy", parent: QWidget | None = None) -> None:
        super().__init__(label, parent)
        self._label = label
        self._text = ""
        self.clicked.connect(self._copy)

    def set_text(self, text: str) -> None:
        self._text = text
        self.setEnabled(bool(text))

    def _copy(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self._text)
        self.setText(tr("Copied ✓"))
        QTimer.singleShot(1500, lambda: self.setText(self._label))
