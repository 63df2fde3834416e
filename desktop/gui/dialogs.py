"""Dialogs inside coroutines, without nested event loops: ``open()`` the dialog, await its ``finished``.

(``QDialog.exec`` inside a coroutine re-enters the Qt loop under qasync and can deadlock; this is the
future-based equivalent of ``await qasync.asyncWrap(dialog.exec)`` that tests can drive.)
"""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.i18n import tr

__all__ = ["PasswordDialog", "ask_password", "ask_text", "await_dialog", "confirm"]


async def await_dialog(dialog: QDialog) -> int:
    """Show ``dialog`` window-modally and wait for it to close; returns its result code."""
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def done(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(done)
    dialog.open()
    try:
        return await future
    finally:
        dialog.finished.disconnect(done)


async def confirm(parent: QWidget | None, title: str, text: str, *, yes: str = "OK") -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("confirmDialog")
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(ok)
    await await_dialog(box)
    accepted = box.clickedButton() is ok
    box.deleteLater()
    return accepted


class PasswordDialog(QDialog):
    """Asks for a password (optionally twice, for a new one)."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str, *, repeat: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setObjectName("password")
        form.addRow(tr("Password:"), self.password)
        self.repeat: QLineEdit | None = None
        if repeat:
            self.repeat = QLineEdit()
            self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
            self.repeat.setObjectName("repeat")
            form.addRow(tr("Repeat:"), self.repeat)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(380, self.sizeHint().height())

    def _check(self) -> None:
        if self.repeat is not None and self.repeat.text() != self.password.text():
            self.show_error(tr("The two passwords differ."))
            return
        self.accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def value(self) -> str:
        return self.password.text()


async def ask_text(parent: QWidget | None, title: str, prompt: str, text: str = "", *, name: str = "") -> str | None:
    """One line of text (the pre-filled ``text`` selected), or None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setObjectName(name or "textDialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(prompt)
    dialog.setTextValue(text)
    accepted = await await_dialog(dialog) == QDialog.DialogCode.Accepted
    value = dialog.textValue()
    dialog.deleteLater()
    return value if accepted else None


async def ask_password(parent: QWidget | None, title: str, prompt: str, *, repeat: bool = False) -> str | None:
    """The password typed, or None when cancelled."""
    dialog = PasswordDialog(parent, title, prompt, repeat=repeat)
    try:
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()
    finally:
        dialog.deleteLater()
