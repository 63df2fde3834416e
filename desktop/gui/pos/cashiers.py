"""Cashiers: set up in the POS settings (a name and a PIN each), and signing in at the till — allowed while it is
locked, which is how a shift changes hands. Sales and refunds carry the name; the Z-report totals per cashier."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from core.api.pos import PosService
from core.errors import UserFacingError
from desktop.gui.context import AppContext
from desktop.gui.core_worker import call_on_core_of
from desktop.gui.dialogs import await_dialog
from desktop.gui.i18n import tr
from desktop.gui.pos.listbox import PolicyListBox

__all__ = ["CashierDialog", "CashiersBox", "sign_in"]


class CashierDialog(QDialog):
    """A new cashier (``names`` None: a name field) or signing in (one of ``names``), with a PIN."""

    def __init__(self, names: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashierDialog")
        self.setWindowTitle(tr("Sign in") if names is not None else tr("Add a cashier"))
        form = QFormLayout(self)
        self.name = QLineEdit()
        self.names = QComboBox()
        if names is None:
            form.addRow(tr("Name:"), self.name)
        else:
            self.names.addItems(names)
            form.addRow(tr("Cashier:"), self.names)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(tr("4 to 12 digits"))
        form.addRow(tr("PIN:"), self.pin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen(self) -> str:
        return self.names.currentText() if self.names.count() else self.name.text()


async def sign_in(till: PosService, parent: QWidget) -> str | None:
    """Ask who takes the till and their PIN; the error when it is wrong, None when cancelled or signed in."""
    dialog = CashierDialog([c.name for c in till.policy().cashiers], parent)
    try:
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
            return None
        try:
            await call_on_core_of(till, till.sign_in, dialog.chosen(), dialog.pin.text())  # stored: off the Qt thread
        except UserFacingError as exc:
            return str(exc)
        return None
    finally:
        dialog.deleteLater()


class CashiersBox(PolicyListBox):
    def __init__(self, ctx: AppContext, till: PosService) -> None:
        message = tr("Each cashier signs in at the till with their own PIN; the Z-report counts each.")
        super().__init__(tr("Cashiers"), ctx, till, list_name="cashierNames", message=message)
        # Who is signed in at which till (a shop's tills share the wallet, and so the cashiers).
        self.signed_in = QLabel()
        self.signed_in.setObjectName("cashierSignIns")
        self.signed_in.setWordWrap(True)
        self.body.addWidget(self.signed_in)
        self.refresh()

    def refresh(self) -> None:
        super().refresh()
        signed = self.till.signed_in_tills()
        here = [tr("{0} at till {1}").format(name, till) if till else name for till, name in signed.items()]
        self.signed_in.setText(tr("Signed in: {0}").format(", ".join(here)) if here else tr("Nobody is signed in."))

    def entries(self) -> list[str]:
        return [c.name for c in self.till.policy().cashiers]

    def remove_entry(self, name: str) -> None:
        self.till.remove_cashier(name)

    async def add(self, name: str, pin: str) -> bool:
        try:
            await self.ctx.write(self.till.add_cashier, name, pin)
        except UserFacingError as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText(tr("Added {0}.").format(name.strip()))
        self.refresh()
        return True

    async def ask_add(self) -> None:
        dialog = CashierDialog(None, self)
        try:
            if await await_dialog(dialog) == QDialog.DialogCode.Accepted:
                await self.add(dialog.name.text(), dialog.pin.text())
        finally:
            dialog.deleteLater()
