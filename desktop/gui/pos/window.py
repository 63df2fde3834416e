"""The till: one full window, large type, big touch targets. Keypad → charge (QR) → paid → receipt; recent
sales with receipts and refunds; the shift's Z-report; the cashier lock (a locked till is full screen, charges
and refunds within limits, and cannot be closed, minimized or left without the PIN; ``lock_changed`` tells the
launcher to hide the main window meanwhile)."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QImage
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.api.analytics import write_atomically
from core.api.pos import CheckoutSession, LightningCharge, PaymentRefused, PosService, Sale, SaleState, ZReport
from core.errors import NutdeskError, UserFacingError
from desktop.gui.context import BALANCES, HISTORY, AppContext
from desktop.gui.dialogs import PasswordDialog, await_dialog
from desktop.gui.pos.cashiers import sign_in
from desktop.gui.pos.printing import receipt_html, write_pdf, zreport_html
from desktop.gui.pos.state import KeypadEntry
from desktop.gui.tasks import run_blocking
from desktop.gui.widgets.common import format_amount
from desktop.gui.widgets.qr import QrWidget
from desktop.gui.widgets.scan import camera_available, decode_qr

__all__ = ["PosWindow"]

KEYS = ("7", "8", "9", "4", "5", "6", "1", "2", "3", "00", "0", "⌫")
STATUS_TEXT = {
    SaleState.WAITING: "Waiting for payment…",
    SaleState.RECEIVED: "Received — checking…",
    SaleState.SETTLING: "Settling with the mint…",
    SaleState.PAID: "PAID",
    SaleState.FAILED: "Payment failed",
    SaleState.CANCELLED: "Cancelled",
}


def _font(widget: QWidget, scale: float, bold: bool = False) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    widget.setFont(font)


def _button(text: str, scale: float = 1.6, name: str = "") -> QPushButton:
    button = QPushButton(text)
    _font(button, scale, bold=True)
    button.setMinimumHeight(int(28 * scale))
    if name:
        button.setObjectName(name)
    return button


class PosWindow(QWidget):
    """POS mode. ``leave()`` closes it (refused while locked without the PIN)."""

    closed = Signal()
    lock_changed = Signal(bool)

    def __init__(self, ctx: AppContext, pos: PosService) -> None:
        super().__init__()
        self.setObjectName("posWindow")
        self.setWindowTitle("Nutdesk — point of sale")
        self.ctx = ctx
        self.till = pos
        self.entry = KeypadEntry()
        self.session: CheckoutSession | None = None
        self.lightning: LightningCharge | None = None
        self.paid_sale: Sale | None = None
        self.receipt_sale: Sale | None = None
        self.report: ZReport | None = None
        self.last_refund_token = ""
        self._checking = False  # a Lightning status check is under way
        self._full_screen_before_lock = False
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        self.stack = QStackedWidget()
        self.keypad_page = self._keypad_page()
        self.charge_page = self._charge_page()
        self.paid_page = self._paid_page()
        self.receipt_page = self._receipt_page()
        self.zreport_page = self._zreport_page()
        for page in (self.keypad_page, self.charge_page, self.paid_page, self.receipt_page, self.zreport_page):
            self.stack.addWidget(page)
        layout.addWidget(self.stack, 1)
        self._poll = QTimer(self)
        self._poll.setInterval(1000)
        self._poll.timeout.connect(self._poll_lightning)
        self.refresh_sales()
        self._show_entry()
        self.resize(1280, 800)

    # --- the top bar ---------------------------------------------------------------------------

    def _top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.shop_label = QLabel(self.till.policy().shop_name)
        _font(self.shop_label, 1.6, bold=True)
        bar.addWidget(self.shop_label)
        bar.addStretch(1)
        self.lock_label = QLabel("")
        self.lock_label.setObjectName("lockLabel")
        self.lock_label.setStyleSheet("color: #b00020; font-weight: bold")
        _font(self.lock_label, 1.3)
        bar.addWidget(self.lock_label)
        # The PIN pad of a locked till: ready (focused) whenever the till shows locked, at start-up too.
        self.pin_input = QLineEdit()
        self.pin_input.setObjectName("pinInput")
        self.pin_input.setAccessibleName("PIN to unlock the till")
        self.pin_input.setPlaceholderText("PIN — Enter unlocks")
        self.pin_input.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_input.setMaximumWidth(220)
        _font(self.pin_input, 1.3)
        self.pin_input.returnPressed.connect(self._unlock_typed)
        self.pin_input.hide()
        bar.addWidget(self.pin_input)
        self.cashier_label = QLabel("")
        self.cashier_label.setObjectName("cashierLabel")
        _font(self.cashier_label, 1.2)
        bar.addWidget(self.cashier_label)
        self.cashier_button = _button("Cashier…", 1.2, "cashierButton")
        self.cashier_button.clicked.connect(lambda: self.ctx.run(self.ask_sign_in()))
        bar.addWidget(self.cashier_button)
        self._show_cashier()
        self.zreport_button = _button("Z-report", 1.2, "zreportButton")
        self.zreport_button.clicked.connect(self.show_zreport)
        self.lock_button = _button("Lock", 1.2, "lockButton")
        self.lock_button.clicked.connect(self._lock_clicked)
        self.exit_button = _button("Exit POS", 1.2, "exitButton")
        self.exit_button.clicked.connect(lambda: self.ctx.run(self.ask_leave()))
        for b in (self.zreport_button, self.lock_button, self.exit_button):
            bar.addWidget(b)
        return bar

    def _show_cashier(self) -> None:
        has_cashiers = bool(self.till.policy().cashiers)
        self.cashier_button.setVisible(has_cashiers)
        self.cashier_label.setText(f"Cashier: {self.till.cashier}" if self.till.cashier else "")
        if has_cashiers and not self.till.cashier:
            self.cashier_label.setText("No cashier signed in")

    async def ask_sign_in(self) -> None:
        """Who takes the till (their own PIN); allowed while locked — shifts change hands at a locked till."""
        error = await sign_in(self.till, self)
        self._show_cashier()
        if error:
            self.cashier_label.setText(error)

    # --- keypad --------------------------------------------------------------------------------

    def _keypad_page(self) -> QWidget:
        page = QWidget()
        outer = QHBoxLayout(page)
        left = QVBoxLayout()
        self.amount_label = QLabel()
        self.amount_label.setObjectName("amountDisplay")
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        _font(self.amount_label, 3.2, bold=True)
        left.addWidget(self.amount_label)
        self.fiat_hint = QLabel()
        self.fiat_hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        _font(self.fiat_hint, 1.3)
        left.addWidget(self.fiat_hint)
        units = QHBoxLayout()
        self.sat_button = _button("sat", 1.3, "satMode")
        self.fiat_button = _button(self.till.currency(), 1.3, "fiatMode")
        for b in (self.sat_button, self.fiat_button):
            b.setCheckable(True)
            units.addWidget(b)
        self.sat_button.setChecked(True)
        self.sat_button.clicked.connect(lambda: self._set_fiat(False))
        self.fiat_button.clicked.connect(lambda: self._set_fiat(True))
        self.fiat_button.setEnabled(self.ctx.rates is not None)
        self.fiat_button.setToolTip("" if self.ctx.rates else "No exchange rate source: enter sat")
        left.addLayout(units)
        grid = QGridLayout()
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate(KEYS):
            button = _button(key, 2.2)
            button.setMinimumHeight(72)
            button.clicked.connect(lambda _c=False, k=key: self.press(k))
            grid.addWidget(button, i // 3, i % 3)
            self.keys[key] = button
        left.addLayout(grid)
        self.memo = QLineEdit()
        self.memo.setObjectName("memo")
        self.memo.setPlaceholderText("Memo / order reference (optional)")
        _font(self.memo, 1.4)
        left.addWidget(self.memo)
        tips = QHBoxLayout()
        tips.addWidget(QLabel("Tip:"))
        self.tip_group = QButtonGroup(self)
        self.tip_buttons: dict[int | None, QPushButton] = {}
        for percent in (None, *self.till.policy().tip_presets):
            b = _button("No tip" if percent is None else f"{percent}%", 1.2)
            b.setCheckable(True)
            b.clicked.connect(lambda _c=False, p=percent: self._set_tip(p))
            self.tip_group.addButton(b)
            tips.addWidget(b)
            self.tip_buttons[percent] = b
        self.tip_buttons[None].setChecked(True)
        self.tip_custom = QSpinBox()
        self.tip_custom.setObjectName("customTip")
        self.tip_custom.setRange(0, 2_000_000_000)
        self.tip_custom.setPrefix("custom ")
        self.tip_custom.valueChanged.connect(self._custom_tip)
        _font(self.tip_custom, 1.2)
        tips.addWidget(self.tip_custom)
        left.addLayout(tips)
        self.keypad_error = QLabel()
        self.keypad_error.setWordWrap(True)
        self.keypad_error.setStyleSheet("color: #b00020")
        left.addWidget(self.keypad_error)
        self.charge_button = _button("Charge", 2.4, "chargeButton")
        self.charge_button.setMinimumHeight(84)
        self.charge_button.clicked.connect(lambda: self.ctx.run(self.charge()))
        left.addWidget(self.charge_button)
        outer.addLayout(left, 3)

        right = QVBoxLayout()
        title = QLabel("Recent sales")
        _font(title, 1.4, bold=True)
        right.addWidget(title)
        self.sales_list = QListWidget()
        self.sales_list.setObjectName("recentSales")
        _font(self.sales_list, 1.1)
        self.sales_list.itemActivated.connect(lambda item: self.show_receipt(str(item.data(Qt.ItemDataRole.UserRole))))
        right.addWidget(self.sales_list, 1)
        self.open_receipt_button = _button("Receipt / refund", 1.2)
        self.open_receipt_button.clicked.connect(self._open_selected)
        right.addWidget(self.open_receipt_button)
        outer.addLayout(right, 2)
        return page

    def press(self, key: str) -> None:
        self.entry.press(key)
        self._show_entry()

    def _set_fiat(self, fiat: bool) -> None:
        self.entry.fiat = fiat
        self.sat_button.setChecked(not fiat)
        self.fiat_button.setChecked(fiat)
        self._show_entry()

    def _set_tip(self, percent: int | None) -> None:
        self.entry.tip_percent = percent
        self.entry.tip_custom = 0
        self.tip_custom.blockSignals(True)
        self.tip_custom.setValue(0)
        self.tip_custom.blockSignals(False)
        self._show_entry()

    def _custom_tip(self, value: int) -> None:
        self.entry.tip_percent, self.entry.tip_custom = None, value
        self.tip_group.setExclusive(False)
        for b in self.tip_buttons.values():
            b.setChecked(False)
        self.tip_group.setExclusive(True)
        self._show_entry()

    def _base(self) -> tuple[int, object]:
        """(base amount in the shop's unit, the fiat amount entered or None)."""
        fiat = self.entry.fiat_amount()
        if fiat is None:
            return self.entry.value(), None
        sats, _, _ = self.till.fiat_to_amount(fiat)
        return sats, fiat

    def _show_entry(self) -> None:
        unit = self.till.policy().unit
        self.amount_label.setText(self.entry.display(unit, self.till.currency()))
        try:
            base, fiat = self._base()
        except UserFacingError as exc:
            self.fiat_hint.setText(str(exc))
            return
        tip = self.entry.tip(base)
        parts = []
        if fiat is not None:
            parts.append(f"= {base:,} {unit}")
        elif self.ctx.rates is not None and (value := self.ctx.fiat_value(base, unit)) is not None:
            parts.append(f"≈ {value:,.2f} {self.till.currency()}")
        if tip:
            parts.append(f"+ tip {tip:,} {unit}")
        self.fiat_hint.setText("  ".join(parts))

    async def charge(self) -> None:
        self.keypad_error.setText("")
        try:
            base, fiat = self._base()
            from decimal import Decimal

            session = await self.till.start_checkout(
                base,
                tip=self.entry.tip(base),
                memo=self.memo.text().strip(),
                fiat=fiat if isinstance(fiat, Decimal) else None,
            )
        except UserFacingError as exc:
            self.keypad_error.setText(str(exc))
            return
        self.session = session
        self.lightning = None
        session.watch(self._sale_changed)
        self._show_charge(session)
        self.stack.setCurrentWidget(self.charge_page)

    # --- charge --------------------------------------------------------------------------------

    def _charge_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        left = QVBoxLayout()
        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        _font(self.due_label, 2.6, bold=True)
        left.addWidget(self.due_label)
        self.qr_caption = QLabel("Scan with a Cashu wallet")
        _font(self.qr_caption, 1.3)
        left.addWidget(self.qr_caption)
        self.qr = QrWidget(minimum=360)
        self.qr.setObjectName("chargeQr")
        left.addWidget(self.qr, 1)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("chargeStatus")
        self.status_label.setWordWrap(True)
        _font(self.status_label, 2.0, bold=True)
        right.addWidget(self.status_label)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("chargeReason")
        self.reason_label.setWordWrap(True)
        _font(self.reason_label, 1.3)
        right.addWidget(self.reason_label)
        right.addSpacing(20)
        right.addWidget(QLabel("Or paste a token:"))
        self.token_input = QLineEdit()
        self.token_input.setObjectName("tokenInput")
        self.token_input.setPlaceholderText("cashuB…")
        _font(self.token_input, 1.2)
        self.token_input.returnPressed.connect(lambda: self.ctx.run(self.accept_token()))
        right.addWidget(self.token_input)
        row = QHBoxLayout()
        self.accept_button = _button("Accept token", 1.3, "acceptToken")
        self.accept_button.clicked.connect(lambda: self.ctx.run(self.accept_token()))
        self.scan_button = _button("Scan image…", 1.3)
        self.scan_button.clicked.connect(lambda: self.ctx.run(self.scan_image()))
        self.camera_button = _button("Camera…", 1.3, "scanCamera")
        self.camera_button.clicked.connect(lambda: self.ctx.run(self.scan_camera()))
        if not camera_available():
            self.camera_button.setEnabled(False)
            self.camera_button.setToolTip("No camera detected: scan the customer's QR from an image instead")
        row.addWidget(self.accept_button)
        row.addWidget(self.scan_button)
        row.addWidget(self.camera_button)
        right.addLayout(row)
        row2 = QHBoxLayout()
        self.ln_mint_button = _button("Lightning (mint)", 1.3, "lightningMint")
        self.ln_mint_button.clicked.connect(lambda: self.ctx.run(self.show_lightning("mint")))
        self.ln_backend_button = _button("Lightning (my node)", 1.3, "lightningBackend")
        self.ln_backend_button.clicked.connect(lambda: self.ctx.run(self.show_lightning("backend")))
        row2.addWidget(self.ln_mint_button)
        row2.addWidget(self.ln_backend_button)
        right.addLayout(row2)
        right.addStretch(1)
        self.cancel_button = _button("Cancel", 1.6, "cancelCharge")
        self.cancel_button.clicked.connect(self.cancel)
        right.addWidget(self.cancel_button)
        layout.addLayout(right, 2)
        return page

    def _show_charge(self, session: CheckoutSession) -> None:
        sale = session.sale
        fiat = f"  ({sale.fiat_amount:,.2f} {sale.fiat_currency})" if sale.fiat_amount is not None else ""
        self.due_label.setText(f"{sale.amount:,} {sale.unit}{fiat}")
        self.qr.set_text(session.request)
        if "nostr" in session.transports:  # the wallet messages the payment to the shop's relays (NIP-17)
            self.qr_caption.setText("Scan with a Cashu wallet (payment request — sent to the shop over Nostr)")
        else:
            self.qr_caption.setText("Scan with a Cashu wallet (payment request)")
        self.token_input.clear()
        self.ln_backend_button.setEnabled(bool(self.till.policy().backend and self.till.backends is not None))
        self._sale_changed(sale)

    def _sale_changed(self, sale: Sale) -> None:
        if self.session is None or sale.id != self.session.sale.id:
            return
        self.status_label.setText(STATUS_TEXT[sale.state])
        color = {SaleState.FAILED: "#b00020", SaleState.PAID: "#1b7f3b"}.get(sale.state, "")
        self.status_label.setStyleSheet(f"color: {color}" if color else "")
        if sale.state is SaleState.FAILED:
            self.reason_label.setText(f"{sale.failure_detail}\n\n→ {sale.advice}")
        elif sale.state is SaleState.SETTLING:
            self.reason_label.setText("The mint is confirming. If the network broke, the sale settles by itself.")
        else:
            self.reason_label.setText("")
        busy = sale.state in (SaleState.RECEIVED, SaleState.SETTLING)
        self.accept_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        if sale.state is SaleState.PAID:
            self._poll.stop()
            if (sale.payload or {}).get("via") == "nostr":  # paid in the background by the Nostr inbox
                self.ctx.changed(BALANCES, HISTORY)
            self.show_paid(sale)

    async def accept_token(self) -> None:
        if self.session is None:
            return
        text = self.token_input.text().strip()
        if not text:
            return
        with contextlib.suppress(PaymentRefused):  # the sale shows the reason and what to do
            await self.till.pay_token(self.session.sale.id, text)
        self.ctx.changed(BALANCES, HISTORY)
        self.refresh_sales()

    async def scan_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Scan a token from an image", "", "Images (*.png *.jpg *.jpeg)")
        if not path:
            return
        await self.use_scanned(await run_blocking(decode_qr, QImage(path)))

    async def scan_camera(self) -> None:
        from desktop.gui.widgets.camera import CameraScanDialog

        dialog = CameraScanDialog(self)
        try:
            if await await_dialog(dialog) == CameraScanDialog.DialogCode.Accepted and dialog.result_text:
                await self.use_scanned([dialog.result_text])
        finally:
            dialog.deleteLater()

    async def use_scanned(self, found: list[str]) -> None:
        """Pay the sale with the first Cashu token among scanned QR texts."""
        token = next((t for t in found if t.removeprefix("cashu:").startswith(("cashuA", "cashuB"))), None)
        if token is None:
            self.reason_label.setText("No Cashu token in that QR code: ask the customer to show their token.")
            return
        self.token_input.setText(token)
        await self.accept_token()

    async def show_lightning(self, source: str) -> None:
        if self.session is None:
            return
        try:
            self.lightning = await self.till.lightning_invoice(self.session.sale.id, source)
        except NutdeskError as exc:
            self.reason_label.setText(f"No Lightning invoice: {exc}")
            return
        self.qr.set_text(self.lightning.bolt11)
        where = "the shop's Lightning node" if source == "backend" else "the shop's mint"
        self.qr_caption.setText(f"Lightning invoice from {where}: pay with any Lightning wallet")
        self.reason_label.setText("")
        self._poll.start()

    def _poll_lightning(self) -> None:
        if self.session is not None and self.lightning is not None and not self._checking:
            self._checking = True
            self.ctx.run(self._check_lightning(self.session.sale.id))

    async def _check_lightning(self, sale_id: str) -> None:
        try:
            sale = await self.till.check_lightning(sale_id)
        except NutdeskError as exc:  # the mint or the node did not answer: ask again at the next tick
            self.reason_label.setText(f"Checking the invoice failed ({exc}); retrying…")
            return
        finally:
            self._checking = False
        if sale.state is SaleState.PAID:
            self.ctx.changed(BALANCES, HISTORY)
            self.refresh_sales()

    def cancel(self) -> None:
        if self.session is not None:
            try:
                self.till.cancel(self.session.sale.id)
            except UserFacingError as exc:
                self.reason_label.setText(str(exc))
                return
        self._poll.stop()
        self.session = None
        self.new_sale()

    # --- paid ----------------------------------------------------------------------------------

    def _paid_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        self.paid_label = QLabel("✓ PAID")
        self.paid_label.setObjectName("paidLabel")
        self.paid_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paid_label.setStyleSheet("color: white; background: #1b7f3b; border-radius: 24px; padding: 30px")
        _font(self.paid_label, 6.0, bold=True)
        layout.addWidget(self.paid_label)
        self.paid_amount = QLabel()
        self.paid_amount.setObjectName("paidAmount")
        self.paid_amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        _font(self.paid_amount, 2.4, bold=True)
        layout.addWidget(self.paid_amount)
        self.paid_detail = QLabel()
        self.paid_detail.setObjectName("paidDetail")
        self.paid_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paid_detail.setWordWrap(True)
        _font(self.paid_detail, 1.4)
        layout.addWidget(self.paid_detail)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.change_button = _button("Give change as ecash", 1.5, "giveChange")
        self.change_button.clicked.connect(lambda: self.ctx.run(self.give_change()))
        receipt = _button("Receipt", 1.5, "paidReceipt")
        receipt.clicked.connect(lambda: self.show_receipt(self.paid_sale.id if self.paid_sale else ""))
        new = _button("New sale", 1.5, "newSale")
        new.clicked.connect(self.new_sale)
        for b in (self.change_button, receipt, new):
            row.addWidget(b)
        layout.addLayout(row)
        return page

    def show_paid(self, sale: Sale) -> None:
        self.paid_sale = sale
        fiat = f" · {sale.fiat_amount:,.2f} {sale.fiat_currency}" if sale.fiat_amount is not None else ""
        self.paid_amount.setText(f"{sale.amount:,} {sale.unit}{fiat}")
        how = {"swap": "Ecash kept at", "melt": "Forwarded over Lightning from", "lightning": "Lightning, minted at"}
        backend = (sale.payload or {}).get("backend")
        if sale.settlement == "lightning" and backend:
            detail = f"Lightning, paid to the shop's node ({backend})"
        else:
            detail = f"{how.get(sale.settlement, sale.settlement)} {sale.mint_url}".strip()
        if paid_with := sale.paid_with():
            detail += f"\nPaid with {paid_with}"
        if sale.change:
            detail += f"\nOverpaid by {format_amount(sale.change, sale.ecash_unit)}"
        if sale.failure_detail:
            detail += f"\n{sale.failure_detail}"
        self.paid_detail.setText(detail + f"\nReceipt {sale.receipt_id}")
        self.change_button.setVisible(sale.change > 0)
        self.stack.setCurrentWidget(self.paid_page)
        self.refresh_sales()

    async def give_change(self) -> None:
        if self.paid_sale is None or not self.paid_sale.change:
            return
        # Change of dollar ecash for a sat sale is given in sat, at the price the sale was paid at.
        refund = await self.till.refund(self.paid_sale.id, self.paid_sale.in_sale_unit(self.paid_sale.change))
        self.last_refund_token = refund.token
        self.change_button.setVisible(False)
        self.show_receipt(self.paid_sale.id)
        self._show_refund_token(refund.token)

    def new_sale(self) -> None:
        self.entry.reset()
        self.memo.clear()
        self._set_tip(None)
        self.tip_buttons[None].setChecked(True)
        self.session = self.lightning = None
        self._show_entry()
        self.stack.setCurrentWidget(self.keypad_page)

    # --- receipts and refunds ------------------------------------------------------------------

    def _receipt_page(self) -> QWidget:
        page = QWidget()
        layout = QHBoxLayout(page)
        left = QVBoxLayout()
        self.receipt_view = QTextBrowser()
        self.receipt_view.setObjectName("receiptView")
        _font(self.receipt_view, 1.2)
        left.addWidget(self.receipt_view, 1)
        row = QHBoxLayout()
        for text, slot in (
            ("Print…", self.print_receipt),
            ("Save PDF…", lambda: self.save_receipt_pdf(None)),
            ("Back", self.new_sale),
        ):
            b = _button(text, 1.2)
            b.clicked.connect(slot)
            row.addWidget(b)
        left.addLayout(row)
        layout.addLayout(left, 3)
        right = QVBoxLayout()
        right.addWidget(QLabel("Refund in ecash"))
        self.refund_amount = QSpinBox()
        self.refund_amount.setObjectName("refundAmount")
        self.refund_amount.setRange(1, 2_000_000_000)
        _font(self.refund_amount, 1.4)
        right.addWidget(self.refund_amount)
        self.refund_button = _button("Issue refund", 1.3, "refundButton")
        self.refund_button.clicked.connect(lambda: self.ctx.run(self.refund()))
        right.addWidget(self.refund_button)
        self.refund_message = QLabel()
        self.refund_message.setWordWrap(True)
        right.addWidget(self.refund_message)
        self.refund_qr = QrWidget(minimum=240)
        self.refund_qr.setObjectName("refundQr")
        right.addWidget(self.refund_qr, 1)
        self.refund_save = _button("Save token to file…", 1.1)
        self.refund_save.clicked.connect(lambda: self.save_refund_token(None))
        right.addWidget(self.refund_save)
        layout.addLayout(right, 2)
        return page

    def show_receipt(self, sale_id: str) -> None:
        if not sale_id:
            return
        sale = self.till.sale(sale_id)
        self.receipt_sale = sale
        self.receipt_view.setHtml(receipt_html(self.till.receipt(sale_id)))
        left = sale.refundable
        self.refund_amount.setMaximum(max(left, 1))
        self.refund_amount.setValue(max(left, 1))
        self.refund_button.setEnabled(sale.state is SaleState.PAID and left > 0)
        limit = self.till.policy().locked_max_refund
        self.refund_message.setText(
            f"Locked till: refunds up to {limit:,} {sale.unit}" if self.till.locked and limit else ""
        )
        self.refund_qr.set_text("")
        self.refund_save.setEnabled(False)
        self.stack.setCurrentWidget(self.receipt_page)

    def _open_selected(self) -> None:
        item = self.sales_list.currentItem()
        if item is not None:
            self.show_receipt(str(item.data(Qt.ItemDataRole.UserRole)))

    async def refund(self) -> None:
        if self.receipt_sale is None:
            return
        try:
            refund = await self.till.refund(self.receipt_sale.id, self.refund_amount.value())
        except UserFacingError as exc:
            self.refund_message.setText(str(exc))
            return
        self.last_refund_token = refund.token
        self.ctx.changed(BALANCES, HISTORY)
        self.show_receipt(self.receipt_sale.id)
        self._show_refund_token(refund.token)
        self.refund_message.setText(f"Refund of {refund.amount:,} {refund.unit}: let the customer scan this token.")

    def _show_refund_token(self, token: str) -> None:
        self.refund_qr.set_text(token)
        self.refund_save.setEnabled(True)

    def save_refund_token(self, path: str | None) -> None:
        if not self.last_refund_token:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save the refund token", "refund.cashu")
        if path:
            token = self.last_refund_token
            write_atomically(path, lambda f: f.write(token + "\n"))

    def print_receipt(self) -> None:
        if self.receipt_sale is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.receipt_view.document().print_(printer))
        dialog.show()

    def save_receipt_pdf(self, path: str | None) -> Path | None:
        if self.receipt_sale is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save the receipt", f"{self.receipt_sale.receipt_id}.pdf")
        if not path:
            return None
        sale = self.receipt_sale
        return write_pdf(receipt_html(self.till.receipt(sale.id)), Path(path), sale.receipt_id)

    # --- recent sales --------------------------------------------------------------------------

    def refresh_sales(self) -> None:
        self.sales_list.clear()
        for sale in self.till.sales(limit=30):
            if sale.state is SaleState.CANCELLED:
                continue
            when = dt.datetime.fromtimestamp(sale.created_at).strftime("%H:%M")
            refunded = f" · refunded {sale.refunded:,}" if sale.refunded else ""
            item = QListWidgetItem(f"{when}  {sale.receipt_id}  {sale.amount:>8,} {sale.unit}  {sale.state}{refunded}")
            item.setData(Qt.ItemDataRole.UserRole, sale.id)
            self.sales_list.addItem(item)

    # --- Z-report ------------------------------------------------------------------------------

    def _zreport_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.zreport_view = QTextBrowser()
        self.zreport_view.setObjectName("zreportView")
        _font(self.zreport_view, 1.2)
        layout.addWidget(self.zreport_view, 1)
        row = QHBoxLayout()
        self.close_shift_button = _button("Close shift", 1.2, "closeShift")
        self.close_shift_button.clicked.connect(self.close_shift)
        for text, slot in (
            ("Print…", self.print_zreport),
            ("Save CSV…", lambda: self.save_zreport_csv(None)),
            ("Save PDF…", lambda: self.save_zreport_pdf(None)),
            ("Back", self.new_sale),
        ):
            b = _button(text, 1.2)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.insertWidget(0, self.close_shift_button)
        layout.addLayout(row)
        return page

    def show_zreport(self) -> None:
        self.report = self.till.zreport()
        self.zreport_view.setHtml(zreport_html(self.report))
        self.close_shift_button.setEnabled(not self.till.locked)
        self.stack.setCurrentWidget(self.zreport_page)

    def close_shift(self) -> None:
        try:
            self.report = self.till.close_shift()
        except UserFacingError as exc:
            self.zreport_view.append(f"<p style='color:#b00020'>{exc}</p>")
            return
        self.zreport_view.setHtml(zreport_html(self.report))
        self.refresh_sales()

    def print_zreport(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.zreport_view.document().print_(printer))
        dialog.show()

    def save_zreport_csv(self, path: str | None) -> None:
        report = self.report
        if report is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save the Z-report", f"zreport-{report.shift_id}.csv")
        if path:
            write_atomically(path, lambda f: self.till.write_zreport_csv(report, f))

    def save_zreport_pdf(self, path: str | None) -> None:
        if self.report is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Save the Z-report", f"zreport-{self.report.shift_id}.pdf")
        if path:
            write_pdf(zreport_html(self.report), Path(path), f"Z-report {self.report.shift_id}")

    # --- the cashier lock and leaving ----------------------------------------------------------

    def lock(self) -> None:
        """Lock the till (a PIN must be set): full screen, the main window hidden until the PIN is entered."""
        try:
            self.till.lock()
        except UserFacingError as exc:
            self.keypad_error.setText(str(exc))
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
            self.lock()

    def _show_lock(self) -> None:
        locked = self.till.locked
        self.lock_label.setText("Locked" if locked else "")
        self.lock_button.setText("Unlock…" if locked else "Lock")
        self.close_shift_button.setEnabled(not locked)
        self.pin_input.clear()
        self.pin_input.setVisible(locked)
        if locked:
            self.pin_input.setFocus()
        self.lock_changed.emit(locked)

    def _unlock_typed(self) -> None:
        """The PIN typed into the lock bar's field (Enter)."""
        pin, locked = self.pin_input.text(), self.till.locked
        self.pin_input.clear()
        if not locked or not pin:
            return
        try:
            self.till.unlock(pin)
        except UserFacingError:
            self.lock_label.setText("Locked — wrong PIN")
            self.pin_input.setFocus()
            return
        if not self._full_screen_before_lock:
            self.showNormal()
        self._show_lock()

    async def _ask_pin(self, why: str) -> bool:
        """Ask for the PIN and unlock the till with it; False when cancelled or wrong."""
        dialog = PasswordDialog(self, "Unlock the till", why)
        dialog.setObjectName("pinDialog")
        try:
            if await await_dialog(dialog) != PasswordDialog.DialogCode.Accepted:
                return False
            try:
                self.till.unlock(dialog.value())
            except UserFacingError:
                self.lock_label.setText("Locked — wrong PIN")
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
        return await self._ask_pin("Enter the PIN to unlock the till.")

    async def ask_leave(self) -> bool:
        """Leave POS mode; a locked till asks for the PIN first."""
        if self.till.locked and not await self._ask_pin("Enter the PIN to leave POS mode."):
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
        self._poll.stop()
        super().closeEvent(event)
        self.closed.emit()
