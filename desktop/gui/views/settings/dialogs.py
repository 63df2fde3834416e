"""The Settings view's dialogs: the recovery words, and a new Lightning backend with the options its type declares."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import tr
from desktop.gui.widgets.common import hint

__all__ = ["AddBackendDialog", "WordsDialog"]


class WordsDialog(QDialog):
    """The 12 recovery words, numbered, in a grid."""

    def __init__(self, words: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("wordsDialog")
        self.setWindowTitle(tr("Recovery words"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(tr("Anyone with these words can spend your ecash. Write them down; never type them online."))
        )
        grid = QGridLayout()
        for i, word in enumerate(words):
            label = QLabel(tr("{0:>2}. <b>{1}</b>").format(i + 1, word))
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(label, i % 6, i // 6)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)


class AddBackendDialog(QDialog):
    """Name, type, and the options that type declares (secrets masked)."""

    def __init__(self, types: list[dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addBackendDialog")
        self.setWindowTitle(tr("Add a Lightning backend"))
        self.types = {t["type"]: t for t in types}
        layout = QVBoxLayout(self)
        top = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("e.g. my-lnbits"))
        self.type = QComboBox()
        self.type.addItems(sorted(self.types))
        self.type.currentTextChanged.connect(self._build_options)
        top.addRow(tr("Name:"), self.name)
        top.addRow(tr("Type:"), self.type)
        layout.addLayout(top)
        self.options_box = QGroupBox(tr("Options"))
        self.options_form = QFormLayout(self.options_box)
        layout.addWidget(self.options_box)
        self.fields: dict[str, QLineEdit] = {}
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._build_options(self.type.currentText())
        self.resize(480, self.sizeHint().height())

    def _build_options(self, type_name: str) -> None:
        while self.options_form.rowCount():
            self.options_form.removeRow(0)
        self.fields = {}
        for option in self.types.get(type_name, {}).get("options", []):
            edit = QLineEdit()
            edit.setPlaceholderText(option.get("help") or "")
            if option.get("secret"):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.fields[option["name"]] = edit
            self.options_form.addRow(option["name"] + ("" if not option.get("required") else " *") + ":", edit)
        self.options_box.setVisible(bool(self.fields))

    def values(self) -> tuple[str, str, dict[str, str]]:
        options = {k: e.text() for k, e in self.fields.items() if e.text()}
        return self.name.text().strip(), self.type.currentText(), options
