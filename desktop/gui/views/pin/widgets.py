"""The spending PIN in the GUI.

``install_gui_pin_prompter``: when a spend is above the limit, the facade asks this dialog for the PIN (inside the
same coroutine, so the send or payment simply continues once the PIN is right; a wrong one is shown and asked
again). The facade runs on the core worker's thread; the dialog is shown on the Qt loop and the answer sent back.
``PinSettingsBox``: set, change or remove the PIN and the limit, in Settings.
"""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QDialog, QGroupBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from core.api.service import WalletService
from core.api.spending_pin import SpendingPin, guard_of
from core.errors import UserFacingError
from desktop.gui.context import AppContext
from desktop.gui.core_worker import on_loop, unwrap
from desktop.gui.dialogs import PasswordDialog, await_dialog
from desktop.gui.i18n import tr
from desktop.gui.widgets.common import hint

__all__ = ["PinDialog", "PinSettingsBox", "install_gui_pin_prompter"]


class PinDialog(PasswordDialog):
    def __init__(self, parent: QWidget | None, title: str, prompt: str, *, repeat: bool = False) -> None:
        super().__init__(parent, title, prompt, repeat=repeat)
        self.setObjectName("pinDialog")
        self.password.setPlaceholderText(tr("PIN"))


async def ask_pin(
    parent: QWidget | None, title: str, prompt: str, *, error: str = "", repeat: bool = False
) -> str | None:
    dialog = PinDialog(parent, title, prompt, repeat=repeat)
    if error:
        dialog.show_error(error)
    try:
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()
    finally:
        dialog.deleteLater()


def install_gui_pin_prompter(service: WalletService, parent: QWidget | None) -> None:
    """Call on the Qt thread: the dialog is always shown on its loop, whichever thread runs the spend."""

    async def prompt(message: str, error: UserFacingError | None) -> str | None:
        return await ask_pin(parent, tr("Spending PIN"), message, error=str(error) if error else "")

    guard_of(unwrap(service).store).prompter = on_loop(prompt, asyncio.get_event_loop())


class PinSettingsBox(QGroupBox):
    """Settings → Spending PIN: the PIN (set, change, remove) and the limit above which it is asked."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__("Spending PIN")
        self.setObjectName("pinSettings")
        self.ctx = ctx
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                tr(
                    "Sends, payments, withdrawals and cheques above the limit ask for this PIN (not the wallet "
                    "password). Wrong PINs make the next attempt wait longer, even after a restart."
                )
            )
        )
        self.status = QLabel()
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.set_button = QPushButton(tr("Set PIN…"))
        self.clear_button = QPushButton(tr("Remove PIN…"))
        row.addWidget(self.set_button)
        row.addWidget(self.clear_button)
        row.addWidget(QLabel(tr("Ask above:")))
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 2_000_000_000)
        self.threshold.setSuffix(tr(" sat"))
        row.addWidget(self.threshold)
        self.save_button = QPushButton(tr("Save limit"))
        row.addWidget(self.save_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.set_button.clicked.connect(lambda: ctx.run(self.set_pin()))
        self.clear_button.clicked.connect(lambda: ctx.run(self.clear_pin()))
        self.save_button.clicked.connect(lambda: ctx.run(self.save_threshold()))
        self.refresh()

    @property
    def guard(self) -> SpendingPin:
        return guard_of(unwrap(self.ctx.service).store)

    def refresh(self) -> None:
        guard = self.guard
        self.threshold.setValue(guard.threshold)
        self.set_button.setText(tr("Change PIN…") if guard.configured else tr("Set PIN…"))
        self.clear_button.setEnabled(guard.configured)
        self.status.setText(
            tr("Set: spends above {0} sat ask for it.").format(guard.threshold)
            if guard.configured
            else tr("No spending PIN.")
        )

    async def _current(self, what: str) -> str | None:
        return await ask_pin(self, tr("Spending PIN"), tr("Enter the current spending PIN to {0}:").format(what))

    async def set_pin(self) -> None:
        current = None
        if self.guard.configured:
            current = await self._current(tr("change it"))
            if current is None:
                return
        new = await ask_pin(
            self, tr("New spending PIN"), tr("Choose a spending PIN (at least 4 characters):"), repeat=True
        )
        if new is None:
            return
        await self.ctx.on_core(self.guard.set_pin_async(new, current=current))  # scrypt and a commit: off the loop
        self.refresh()

    async def clear_pin(self) -> None:
        current = await self._current(tr("remove it"))
        if current is not None:
            await self.ctx.on_core(self.guard.clear_async(current))
            self.refresh()

    async def save_threshold(self) -> None:
        guard, amount = self.guard, self.threshold.value()
        current = None
        if guard.configured and amount > guard.threshold:
            current = await self._current(tr("raise the limit"))
            if current is None:
                self.refresh()
                return
        try:
            await self.ctx.on_core(guard.set_threshold_async(amount, current=current))
        finally:
            self.refresh()
