"""The till: one full window, large type, big touch targets. Its pages, one module each over one view-model
(model.py): the keypad and Recent sales (keypad.py) → the charge (charge.py) → paid (paid.py) → the receipt and
refunds (receipt.py); the shift's Z-report (zreport.py). This window holds the top bar and the cashier lock (a
locked till is full screen, charges and refunds within limits, and cannot be closed, minimized or left without the
PIN; ``lock_changed`` tells the launcher to hide the main window meanwhile)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from core.api.pos import PosService, Refund, Sale
from core.errors import UserFacingError
from desktop.gui.context import AppContext
from desktop.gui.dialogs import PasswordDialog, await_dialog
from desktop.gui.i18n import tr
from desktop.gui.pos.cashiers import sign_in
from desktop.gui.pos.charge import ChargePage
from desktop.gui.pos.keypad import KeypadPage
from desktop.gui.pos.model import TillModel
from desktop.gui.pos.paid import PaidPage
from desktop.gui.pos.receipt import ReceiptPage
from desktop.gui.pos.style import ERROR_COLOR, big_button, scale_font
from desktop.gui.pos.zreport import ZReportPage

__all__ = ["PosWindow"]


class PosWindow(QWidget):
    """POS mode. ``leave()`` closes it (refused while locked without the PIN)."""

    closed = Signal()
    lock_changed = Signal(bool)

    def __init__(self, ctx: AppContext, pos: PosService) -> None:
        super().__init__()
        self.setObjectName("posWindow")
        self.setWindowTitle(tr("Nutdesk — point of sale"))
        self.ctx = ctx
        self.till = pos
        self.model = TillModel(ctx, pos)
        self._full_screen_before_lock = False
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        self.stack = QStackedWidget()
        self.keypad_page = KeypadPage(self.model, self._charged, self.show_receipt)
        self.charge_page = ChargePage(self.model, self.show_paid, self.new_sale)
        self.paid_page = PaidPage(self.model, self.show_receipt, self.new_sale, self._change_given)
        self.receipt_page = ReceiptPage(self.model, self.new_sale)
        self.zreport_page = ZReportPage(self.model, self.new_sale)
        for page in (self.keypad_page, self.charge_page, self.paid_page, self.receipt_page, self.zreport_page):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.activated.connect(self._escape)
        self.resize(1280, 800)

    def _top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.shop_label = QLabel(self.till.policy().shop_name)
        scale_font(self.shop_label, 1.6, bold=True)
        bar.addWidget(self.shop_label)
        bar.addStretch(1)
        self.lock_label = QLabel("")
        self.lock_label.setObjectName("lockLabel")
        self.lock_label.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold")
        scale_font(self.lock_label, 1.3)
        bar.addWidget(self.lock_label)
        # The PIN pad of a locked till: ready (focused) whenever the till shows locked, at start-up too.
        self.pin_input = QLineEdit()
        self.pin_input.setObjectName("pinInput")
        self.pin_input.setAccessibleName(tr("PIN to unlock the till"))
        self.pin_input.setPlaceholderText(tr("PIN, then Enter"))
        self.pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_input.setMinimumWidth(200)
        self.pin_input.setMaximumWidth(260)
        scale_font(self.pin_input, 1.3)
        self.pin_input.returnPressed.connect(self._unlock_typed)
        self.pin_input.hide()
        bar.addWidget(self.pin_input)
        self.cashier_label = QLabel("")
        self.cashier_label.setObjectName("cashierLabel")
        scale_font(self.cashier_label, 1.2)
        bar.addWidget(self.cashier_label)
        self.cashier_button = big_button(tr("Cashier…"), 1.2, "cashierButton")
        self.cashier_button.clicked.connect(lambda: self.ctx.run(self.ask_sign_in()))
        bar.addWidget(self.cashier_button)
        self._show_cashier()
        self.zreport_button = big_button(tr("Z-report"), 1.2, "zreportButton")
        self.zreport_button.clicked.connect(self.show_zreport)
        self.lock_button = big_button(tr("Lock"), 1.2, "lockButton")
        self.lock_button.clicked.connect(self._lock_clicked)
        self.exit_button = big_button(tr("Exit POS"), 1.2, "exitButton")
        self.exit_button.clicked.connect(lambda: self.ctx.run(self.ask_leave()))
        for b in (self.zreport_button, self.lock_button, self.exit_button):
            bar.addWidget(b)
        return bar

    def _show_cashier(self) -> None:
        has_cashiers = bool(self.till.policy().cashiers)
        self.cashier_button.setVisible(has_cashiers)
        self.cashier_label.setText(tr("Cashier: {0}").format(self.till.cashier) if self.till.cashier else "")
        if has_cashiers and not self.till.cashier:
            self.cashier_label.setText(tr("No cashier signed in"))

    async def ask_sign_in(self) -> None:
        """Who takes the till (their own PIN); allowed while locked — shifts change hands at a locked till."""
        error = await sign_in(self.till, self)
        self._show_cashier()
        if error:
            self.cashier_label.setText(error)

    # --- moving between the pages --------------------------------------------------------------

    def _charged(self) -> None:
        self.charge_page.show_session()
        self.stack.setCurrentWidget(self.charge_page)

    def show_paid(self, sale: Sale) -> None:
        if self.stack.currentWidget() is self.paid_page and self.model.paid_sale and self.model.paid_sale.id == sale.id:
            return
        self.charge_page.stop()
        self.paid_page.show_sale(sale)
        self.stack.setCurrentWidget(self.paid_page)
        self.refresh_sales()

    def _change_given(self, refund: Refund) -> None:
        self.show_receipt(refund.sale_id)
        self.receipt_page.show_token(refund.token)

    def show_receipt(self, sale_id: str) -> None:
        if not sale_id:
            return
        self.receipt_page.show_sale(sale_id)
        self.stack.setCurrentWidget(self.receipt_page)

    def show_zreport(self) -> None:
        self.zreport_page.show_report()
        self.stack.setCurrentWidget(self.zreport_page)

    def new_sale(self) -> None:
        self.charge_page.stop()
        self.model.session = self.model.lightning = None
        self.keypad_page.reset()
        self.stack.setCurrentWidget(self.keypad_page)
        self.keypad_page.setFocus()  # typed digits and Enter work at once

    def refresh_sales(self) -> None:
        self.keypad_page.refresh_sales()

    def _escape(self) -> None:
        if self.stack.currentWidget() is self.charge_page:
            self.charge_page.cancel()
        elif self.stack.currentWidget() is not self.keypad_page:
            self.new_sale()

    # --- the cashier lock and leaving ----------------------------------------------------------

    async def lock(self) -> None:
        """Lock the till (a PIN must be set): full screen, the main window hidden until the PIN is entered."""
        try:
            await self.ctx.write(self.till.lock)  # the lock is stored (it survives a restart): on the core thread
        except UserFacingError as exc:
            self.keypad_page.keypad_error.setText(str(exc))
            return
        self.show_locked()

    def show_locked(self) -> None:
        """Present the locked till: at once after ``lock()``, or at start-up when the app was left locked."""
        self._full_screen_before_lock = self.isFullScreen()
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self._show_lock()

    def _lock_clicked(self) -> None:
        if self.till.locked:
            self.ctx.run(self.ask_unlock())
        else:
            self.ctx.run(self.lock())

    def _show_lock(self) -> None:
        locked = self.till.locked
        self.lock_label.setText(tr("Locked") if locked else "")
        self.lock_button.setText(tr("Unlock…") if locked else tr("Lock"))
        self.zreport_page.close_shift_button.setEnabled(not locked)
        self.pin_input.clear()
        self.pin_input.setVisible(locked)
        if locked:
            self.pin_input.setFocus()
        self.lock_changed.emit(locked)

    def _unlock_typed(self) -> None:
        """The PIN typed into the lock bar's field (Enter)."""
        pin, locked = self.pin_input.text(), self.till.locked
        self.pin_input.clear()
        if locked and pin:
            self.ctx.run(self._unlock_with(pin))

    async def _unlock_with(self, pin: str) -> None:
        try:
            await self.ctx.write(self.till.unlock, pin)
        except UserFacingError:
            self.lock_label.setText(tr("Locked — wrong PIN"))
            self.pin_input.setFocus()
            return
        if not self._full_screen_before_lock:
            self.showNormal()
        self._show_lock()

    async def _ask_pin(self, why: str) -> bool:
        """Ask for the PIN and unlock the till with it; False when cancelled or wrong."""
        dialog = PasswordDialog(self, tr("Unlock the till"), why)
        dialog.setObjectName("pinDialog")
        try:
            if await await_dialog(dialog) != PasswordDialog.DialogCode.Accepted:
                return False
            try:
                await self.ctx.write(self.till.unlock, dialog.value())
            except UserFacingError:
                self.lock_label.setText(tr("Locked — wrong PIN"))
                return False
        finally:
            dialog.deleteLater()
        if not self._full_screen_before_lock:
            self.showNormal()
        self._show_lock()
        return True

    async def ask_unlock(self) -> bool:
        """Unlock and stay in POS mode (the main window comes back)."""
        if not self.till.locked:
            return True
        return await self._ask_pin(tr("Enter the PIN to unlock the till."))

    async def ask_leave(self) -> bool:
        """Leave POS mode; a locked till asks for the PIN first."""
        if self.till.locked and not await self._ask_pin(tr("Enter the PIN to leave POS mode.")):
            return False
        self._show_lock()
        self.close()
        return True

    def changeEvent(self, event: QEvent) -> None:
        # A locked till cannot be minimized or taken out of full screen (the window manager, a shortcut).
        if event.type() == QEvent.Type.WindowStateChange and self.till.locked and not self.isFullScreen():
            QTimer.singleShot(0, self._back_to_full_screen)
        super().changeEvent(event)

    def _back_to_full_screen(self) -> None:
        if self.till.locked:
            self.showFullScreen()
            self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.till.locked:  # a locked cashier cannot leave POS mode (Alt+F4, the window manager)
            event.ignore()
            return
        self.charge_page.stop()
        super().closeEvent(event)
        self.closed.emit()
