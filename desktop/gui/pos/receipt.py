"""The receipt page: a sale's receipt (print, PDF) and refunds in ecash.

A refund is never one click: the cashier confirms the amount and the sale; the button is disabled while it runs;
afterwards the amount is not refilled (a second click would refund the rest), so another refund means typing an
amount again. Each confirmation carries its own idempotency key (a retry of it is the same refund)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QSpinBox, QTextBrowser, QVBoxLayout, QWidget

from core.api.analytics import write_atomically
from core.api.pos import SaleState
from core.errors import NutdeskError, OutcomeUnknown
from desktop.gui.dialogs import confirm
from desktop.gui.i18n import tr
from desktop.gui.pos.model import TillModel
from desktop.gui.pos.printing import receipt_html, write_pdf
from desktop.gui.pos.style import big_button, scale_font
from desktop.gui.widgets.animated_qr import AnimatedQrWidget

__all__ = ["ReceiptPage"]


class ReceiptPage(QWidget):
    def __init__(self, model: TillModel, on_back: Callable[[], None]) -> None:
        super().__init__()
        self.model = model
        self.till = model.till
        self.ctx = model.ctx
        self.signed_event = ""  # the receipt's signed Nostr event (JSON), printed as its QR code
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.receipt_view = QTextBrowser()
        self.receipt_view.setObjectName("receiptView")
        self.receipt_view.setAccessibleName(tr("Receipt"))
        scale_font(self.receipt_view, 1.2)
        left.addWidget(self.receipt_view, 1)
        row = QHBoxLayout()
        for text, slot in ((tr("Print…"), self.print_receipt), (tr("Save PDF…"), lambda: self.save_receipt_pdf(None))):
            b = big_button(text, 1.2)
            b.clicked.connect(slot)
            row.addWidget(b)
        back = big_button(tr("Back"), 1.2, "receiptBack", tr("Back to the keypad"))
        back.clicked.connect(on_back)
        row.addWidget(back)
        left.addLayout(row)
        layout.addLayout(left, 3)
        layout.addLayout(self._refund_side(), 2)

    def _refund_side(self) -> QVBoxLayout:
        right = QVBoxLayout()
        right.addWidget(QLabel(tr("Refund in ecash")))
        self.refund_amount = QSpinBox()
        self.refund_amount.setObjectName("refundAmount")
        self.refund_amount.setAccessibleName(tr("Amount to refund"))
        self.refund_amount.setRange(0, 2_000_000_000)
        self.refund_amount.setSpecialValueText(tr("amount to refund"))
        self.refund_amount.valueChanged.connect(lambda _v: self._enable_refund())
        scale_font(self.refund_amount, 1.4)
        right.addWidget(self.refund_amount)
        self.refund_button = big_button(
            tr("Issue refund…"), 1.3, "refundButton", tr("Asks to confirm the amount and sale")
        )
        self.refund_button.clicked.connect(lambda: self.ctx.run(self.refund()))
        right.addWidget(self.refund_button)
        self.refund_message = QLabel()
        self.refund_message.setObjectName("refundMessage")
        self.refund_message.setWordWrap(True)
        right.addWidget(self.refund_message)
        self.refund_qr = AnimatedQrWidget(minimum=240)  # long refund tokens animate (NUT-16)
        self.refund_qr.setObjectName("refundQr")
        self.refund_qr.setAccessibleName(tr("Refund token QR code"))
        right.addWidget(self.refund_qr, 1)
        self.refund_save = big_button(tr("Save token to file…"), 1.1, "saveRefund")
        self.refund_save.clicked.connect(lambda: self.save_refund_token(None))
        right.addWidget(self.refund_save)
        return right

    def show_sale(self, sale_id: str, *, prefill: bool = True) -> None:
        sale = self.till.sale(sale_id)
        self.model.receipt_sale = sale
        self.receipt_view.setHtml(self._html(sale.id))
        left = sale.refundable if sale.state is SaleState.PAID else 0
        self.refund_amount.setMaximum(max(left, 0))
        self.refund_amount.setValue(left if prefill else 0)
        self.refund_amount.setEnabled(left > 0)
        limit = self.till.policy().locked_max_refund
        unfinished = sum(r.amount for r in self.till.refunds(sale.id, finished=False))
        if unfinished:
            self.refund_message.setText(
                tr(
                    "A refund of {0:,} {1} is still being finished with the mint: it completes by itself — "
                    "do not refund it again."
                ).format(unfinished, sale.unit)
            )
        elif left <= 0 and sale.refunded:
            self.refund_message.setText(tr("{0} is fully refunded.").format(sale.receipt_id))
        elif self.till.locked and limit:
            self.refund_message.setText(tr("Locked till: refunds up to {0:,} {1}").format(limit, sale.unit))
        else:
            self.refund_message.setText("")
        self.refund_qr.set_text("")
        self.refund_save.setEnabled(False)
        self._enable_refund()

    def _enable_refund(self) -> None:
        sale = self.model.receipt_sale
        self.refund_button.setEnabled(
            sale is not None and not self.model.refunding and 0 < self.refund_amount.value() <= sale.refundable
        )

    async def refund(self) -> None:
        request = self.model.refund_request(self.refund_amount.value())
        if request is None or self.model.refunding or not self.refund_button.isEnabled():
            return
        self.refund_button.setEnabled(False)  # a second click while asking is not a second refund
        self.refund_amount.setEnabled(False)
        if not await confirm(
            self, tr("Refund"), request.question, yes=tr("Refund {0:,} {1}").format(request.amount, request.sale.unit)
        ):
            self.refund_amount.setEnabled(True)
            self._enable_refund()
            return
        self.refund_message.setText(
            tr("Refunding {0:,} {1} of {2}…").format(request.amount, request.sale.unit, request.sale.receipt_id)
        )
        try:
            refund = await self.model.refund(request)
        except OutcomeUnknown as exc:
            self.show_sale(request.sale.id, prefill=False)
            self.refund_message.setText(
                tr(
                    "The mint did not answer ({0}). The refund is kept and finishes by itself when the mint is back "
                    "(Recovery): do not refund {1} again."
                ).format(exc, request.sale.receipt_id)
            )
            return
        except NutdeskError as exc:
            self.show_sale(request.sale.id, prefill=False)
            self.refund_message.setText(str(exc))
            return
        self.show_sale(request.sale.id, prefill=False)  # not refilled: another refund means typing an amount
        self.show_token(refund.token)
        self.refund_message.setText(
            tr("Refunded {0:,} {1} of {2}: let the customer scan this token.").format(
                refund.amount, refund.unit, request.sale.receipt_id
            )
        )

    def show_token(self, token: str) -> None:
        self.refund_qr.set_text(token)
        self.refund_save.setEnabled(True)

    def save_refund_token(self, path: str | None) -> None:
        token = self.model.last_refund_token
        if not token:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save the refund token"), "refund.cashu")
        if path:
            write_atomically(path, lambda f: f.write(token + "\n"))

    def print_receipt(self) -> None:
        if self.model.receipt_sale is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.receipt_view.document().print_(printer))
        dialog.show()

    def save_receipt_pdf(self, path: str | None) -> Path | None:
        sale = self.model.receipt_sale
        if sale is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save the receipt"), f"{sale.receipt_id}.pdf")
        if not path:
            return None
        return write_pdf(self._html(sale.id), Path(path), sale.receipt_id)

    def _html(self, sale_id: str) -> str:
        """The receipt, with its signed event as a QR code once the sale is paid."""
        sale = self.till.sale(sale_id)
        signed = json.dumps(self.till.signed_receipt(sale.id)) if sale.state is SaleState.PAID else ""
        self.signed_event = signed
        refund_tills = [r.till for r in self.till.refunds(sale.id)]  # the rows' order: oldest first
        return receipt_html(self.till.receipt(sale.id), signed, sale.till, refund_tills)
