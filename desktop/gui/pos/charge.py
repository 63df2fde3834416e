"""The charge page: the amount due and the payment-request QR; or a pasted or scanned token; or a Lightning invoice.

A pasted token shows "Checking with the mint…" at once, with the seconds it has waited; meanwhile Cancel becomes
"Next sale" (the sale is set aside, not cancelled: the token may already be moving) and its outcome arrives as a
notice in Recent sales. A QR whose request names no way to deliver the payment (no Nostr relay, no payment endpoint)
is not shown as if a wallet could pay it alone: the page says so and points at the other ways to pay."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from core.api.pos import Sale, SaleState
from core.errors import NutdeskError, UserFacingError
from desktop.gui.dialogs import await_dialog
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.pos.model import TillModel, announce_sales
from desktop.gui.pos.style import ERROR_COLOR, OK_COLOR, big_button, scale_font, warning_label
from desktop.gui.tasks import run_blocking
from desktop.gui.widgets.qr import QrWidget
from desktop.gui.widgets.scan import camera_available, decode_qr

__all__ = ["STATUS_TEXT", "UNPAYABLE", "ChargePage"]

STATUS_TEXT = {
    SaleState.WAITING: QT_TR_NOOP("Waiting for payment…"),
    SaleState.RECEIVED: QT_TR_NOOP("Received — checking…"),
    SaleState.SETTLING: QT_TR_NOOP("Settling with the mint…"),
    SaleState.PAID: QT_TR_NOOP("PAID"),
    SaleState.FAILED: QT_TR_NOOP("Payment failed"),
    SaleState.CANCELLED: QT_TR_NOOP("Cancelled"),
}
CHECKING = QT_TR_NOOP("Checking with the mint…")
UNPAYABLE = QT_TR_NOOP(
    "A wallet that scans this QR cannot send the payment to the till by itself: the shop has no Nostr relay and no "
    "payment endpoint set up (POS settings). Take the customer's token — paste it, or scan the QR their wallet "
    "shows — or charge by Lightning."
)


class ChargePage(QWidget):
    """``on_paid`` hears the sale on screen paid; ``on_done`` that the cashier left the page (cancel, next sale)."""

    def __init__(self, model: TillModel, on_paid: Callable[[Sale], None], on_done: Callable[[], None]) -> None:
        super().__init__()
        self.model = model
        self.till = model.till
        self.ctx = model.ctx
        self._on_paid = on_paid
        self._on_done = on_done
        self._polling = False  # a Lightning status check is under way
        layout = QHBoxLayout(self)
        layout.addLayout(self._request_side(), 3)
        layout.addLayout(self._pay_side(), 2)
        self._poll = QTimer(self)
        self._poll.setInterval(1000)
        self._poll.timeout.connect(self._poll_lightning)
        self._tick = QTimer(self)  # the seconds shown while a token is being checked
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_checking)
        model.sale_changed.connect(self.sale_changed)

    def _request_side(self) -> QVBoxLayout:
        left = QVBoxLayout()
        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        self.due_label.setAccessibleName(tr("Amount due"))
        scale_font(self.due_label, 2.6, bold=True)
        left.addWidget(self.due_label)
        self.qr_caption = QLabel(tr("Scan with a Cashu wallet"))
        self.qr_caption.setWordWrap(True)
        scale_font(self.qr_caption, 1.3)
        left.addWidget(self.qr_caption)
        self.unpayable = warning_label("unpayableWarning", 1.4)
        left.addWidget(self.unpayable)
        self.qr = QrWidget(minimum=360)
        self.qr.setObjectName("chargeQr")
        self.qr.setAccessibleName(tr("Payment QR code"))
        left.addWidget(self.qr, 1)
        return left

    def _pay_side(self) -> QVBoxLayout:
        right = QVBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("chargeStatus")
        self.status_label.setWordWrap(True)
        scale_font(self.status_label, 2.0, bold=True)
        right.addWidget(self.status_label)
        self.reason_label = QLabel()
        self.reason_label.setObjectName("chargeReason")
        self.reason_label.setWordWrap(True)
        scale_font(self.reason_label, 1.3)
        right.addWidget(self.reason_label)
        right.addSpacing(20)
        right.addWidget(QLabel(tr("Or paste a token:")))
        self.token_input = QLineEdit()
        self.token_input.setObjectName("tokenInput")
        self.token_input.setAccessibleName(tr("Customer's token"))
        self.token_input.setPlaceholderText(tr("cashuB…"))
        scale_font(self.token_input, 1.2)
        self.token_input.returnPressed.connect(lambda: self.ctx.run(self.accept_token()))
        right.addWidget(self.token_input)
        row = QHBoxLayout()
        self.accept_button = big_button(tr("Accept token"), 1.3, "acceptToken", tr("Redeem the pasted token (Enter)"))
        self.accept_button.clicked.connect(lambda: self.ctx.run(self.accept_token()))
        self.scan_button = big_button(
            tr("Scan image…"), 1.3, "scanImage", tr("Read the customer's token QR from an image")
        )
        self.scan_button.clicked.connect(lambda: self.ctx.run(self.scan_image()))
        self.camera_button = big_button(tr("Camera…"), 1.3, "scanCamera", tr("Scan the customer's token QR"))
        self.camera_button.clicked.connect(lambda: self.ctx.run(self.scan_camera()))
        if not camera_available():
            self.camera_button.setEnabled(False)
            self.camera_button.setToolTip(tr("No camera detected: scan the customer's QR from an image instead"))
        for b in (self.accept_button, self.scan_button, self.camera_button):
            row.addWidget(b)
        right.addLayout(row)
        row2 = QHBoxLayout()
        self.ln_mint_button = big_button(
            tr("Lightning (mint)"), 1.3, "lightningMint", tr("An invoice from a trusted mint")
        )
        self.ln_mint_button.clicked.connect(lambda: self.ctx.run(self.show_lightning("mint")))
        self.ln_backend_button = big_button(
            tr("Lightning (my node)"), 1.3, "lightningBackend", tr("An invoice from my node")
        )
        self.ln_backend_button.clicked.connect(lambda: self.ctx.run(self.show_lightning("backend")))
        row2.addWidget(self.ln_mint_button)
        row2.addWidget(self.ln_backend_button)
        right.addLayout(row2)
        right.addStretch(1)
        self.cancel_button = big_button(tr("Cancel"), 1.6, "cancelCharge", tr("Back to the keypad (Esc)"))
        self.cancel_button.clicked.connect(self.cancel)
        right.addWidget(self.cancel_button)
        return right

    # --- showing the sale ----------------------------------------------------------------------

    def show_session(self) -> None:
        session = self.model.session
        assert session is not None
        sale = session.sale
        fiat = f"  ({sale.fiat_amount:,.2f} {sale.fiat_currency})" if sale.fiat_amount is not None else ""
        self.due_label.setText(f"{sale.amount:,} {sale.unit}{fiat}")
        self.token_input.clear()
        self.ln_backend_button.setEnabled(bool(self.till.policy().backend and self.till.backends is not None))
        self.qr.set_text(session.request)
        if "nostr" in session.transports:  # the wallet messages the payment to the shop's relays (NIP-17)
            self.qr_caption.setText(tr("Scan with a Cashu wallet (payment request — sent to the shop over Nostr)"))
        elif self.model.payable_by_qr:
            self.qr_caption.setText(tr("Scan with a Cashu wallet (payment request)"))
        else:  # in-band only: the wallet cannot deliver the payment by itself
            self.qr_caption.setText(tr("Payment request: the customer's wallet shows a token — scan or paste it"))
        self.unpayable.setText(tr(UNPAYABLE))
        self.unpayable.setVisible(not self.model.payable_by_qr)
        if not self.model.payable_by_qr:
            self.token_input.setFocus()
        self.sale_changed(sale)

    def sale_changed(self, sale: Sale) -> None:
        if not self.model.current(sale.id):
            return
        checking = self.model.checking == sale.id
        if checking:
            self._show_checking()
            self._tick.start()
        else:
            self._tick.stop()
            self.status_label.setText(tr(STATUS_TEXT[sale.state]))
            color = {SaleState.FAILED: ERROR_COLOR, SaleState.PAID: OK_COLOR}.get(sale.state, "")
            self.status_label.setStyleSheet(f"color: {color}" if color else "")
            if sale.state is SaleState.FAILED:
                self.reason_label.setText(f"{sale.failure_detail}\n\n→ {sale.advice}")
            elif sale.state is SaleState.SETTLING:
                self.reason_label.setText(
                    tr("The mint is confirming. If the network broke, the sale settles by itself.")
                )
            else:
                self.reason_label.setText("")
        busy = checking or sale.state in (SaleState.RECEIVED, SaleState.SETTLING)
        self.accept_button.setEnabled(not busy)
        self.token_input.setReadOnly(busy)
        # While the mint decides, the sale cannot be cancelled (the token may be moving): the cashier can set it
        # aside and serve the next customer; its outcome comes as a notice in Recent sales.
        self.cancel_button.setText(tr("Next sale") if busy else tr("Cancel"))
        self.cancel_button.setToolTip(
            tr("Serve the next customer; this sale finishes by itself and shows in Recent sales")
            if busy
            else tr("Back to the keypad (Esc)")
        )
        if sale.state is SaleState.PAID:
            self._poll.stop()
            if (sale.payload or {}).get("via") == "nostr":  # paid in the background by the Nostr inbox
                announce_sales(self.ctx, [sale])
            self._on_paid(sale)

    def _show_checking(self) -> None:
        if self.model.checking is None:
            self._tick.stop()
            return
        waited = int(time.monotonic() - self.model.checking_since)
        self.status_label.setStyleSheet("")
        self.status_label.setText(
            tr(CHECKING) if waited < 3 else tr("Still checking with the mint ({0} s)…").format(waited)
        )
        self.reason_label.setText(
            tr(
                "Nothing to do but wait: the mint decides whether the token is good. If it is slow, press Next sale — "
                "this sale finishes by itself and shows in Recent sales."
            )
        )

    # --- paying --------------------------------------------------------------------------------

    async def accept_token(self) -> None:
        text = self.token_input.text().strip()
        if self.model.session is None or not text:
            return
        try:
            await self.model.pay_token(text)
        except NutdeskError as exc:
            self.reason_label.setText(str(exc))

    async def scan_image(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, tr("Scan a token from an image"), "", "Images (*.png *.jpg *.jpeg)")
        if path:
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
            self.reason_label.setText(tr("No Cashu token in that QR code: ask the customer to show their token."))
            return
        self.token_input.setText(token)
        await self.accept_token()

    async def show_lightning(self, source: str) -> None:
        if self.model.session is None:
            return
        try:
            self.model.lightning = await self.till.lightning_invoice(self.model.session.sale.id, source)
        except NutdeskError as exc:
            self.reason_label.setText(tr("No Lightning invoice: {0}").format(exc))
            return
        self.qr.set_text(self.model.lightning.bolt11)
        self.unpayable.hide()
        where = tr("the shop's Lightning node") if source == "backend" else tr("the shop's mint")
        self.qr_caption.setText(tr("Lightning invoice from {0}: pay with any Lightning wallet").format(where))
        self.reason_label.setText("")
        self._poll.start()

    def _poll_lightning(self) -> None:
        session = self.model.session
        if session is not None and self.model.lightning is not None and not self._polling:
            self._polling = True
            self.ctx.run(self._check_lightning(session.sale.id))

    async def _check_lightning(self, sale_id: str) -> None:
        try:
            sale = await self.till.check_lightning(sale_id)
        except NutdeskError as exc:  # the mint or the node did not answer: ask again at the next tick
            if self.model.current(sale_id):
                self.reason_label.setText(tr("Checking the invoice failed ({0}); retrying…").format(exc))
            return
        finally:
            self._polling = False
        if sale.state is SaleState.PAID:
            announce_sales(self.ctx, [sale])
            self.model.sales_changed.emit()

    def cancel(self) -> None:
        """Cancel the sale — or, while its token is with the mint, set it aside for the next customer."""
        session = self.model.session
        busy = session is not None and (
            self.model.checking == session.sale.id or session.sale.state in (SaleState.RECEIVED, SaleState.SETTLING)
        )
        if busy:
            self.model.set_aside()
            self.stop()
            self._on_done()
        else:  # the sale's row is written: on the core thread, the screen moves on once it is stored
            self.ctx.run(self._cancel_sale())

    async def _cancel_sale(self) -> None:
        try:
            await self.model.cancel()
        except UserFacingError as exc:
            self.reason_label.setText(str(exc))
            return
        self.stop()
        self._on_done()

    def stop(self) -> None:
        self._poll.stop()
        self._tick.stop()
        with contextlib.suppress(RuntimeError):
            self.token_input.setReadOnly(False)
