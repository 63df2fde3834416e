"""The paid page: a big PAID, the amount, how it settled, and change for an overpayment given as ecash."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.api.pos import Refund, Sale
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.pos.model import TillModel
from desktop.gui.pos.style import OK_COLOR, big_button, scale_font
from desktop.gui.widgets.common import format_amount

__all__ = ["PaidPage"]

HOW = {
    "swap": QT_TR_NOOP("Ecash kept at"),
    "melt": QT_TR_NOOP("Forwarded over Lightning from"),
    "lightning": QT_TR_NOOP("Lightning, minted at"),
}


class PaidPage(QWidget):
    """``on_receipt`` opens a sale's receipt (with ``on_change_given``'s token when change was given);
    ``on_new_sale`` goes back to the keypad."""

    def __init__(
        self,
        model: TillModel,
        on_receipt: Callable[[str], None],
        on_new_sale: Callable[[], None],
        on_change_given: Callable[[Refund], None],
    ) -> None:
        super().__init__()
        self.model = model
        self.till = model.till
        self.ctx = model.ctx
        self._on_receipt = on_receipt
        self._on_change_given = on_change_given
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.paid_label = QLabel(tr("✓ PAID"))
        self.paid_label.setObjectName("paidLabel")
        self.paid_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paid_label.setStyleSheet(f"color: white; background: {OK_COLOR}; border-radius: 24px; padding: 30px")
        scale_font(self.paid_label, 6.0, bold=True)
        layout.addWidget(self.paid_label)
        self.paid_amount = QLabel()
        self.paid_amount.setObjectName("paidAmount")
        self.paid_amount.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scale_font(self.paid_amount, 2.4, bold=True)
        layout.addWidget(self.paid_amount)
        self.paid_detail = QLabel()
        self.paid_detail.setObjectName("paidDetail")
        self.paid_detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paid_detail.setWordWrap(True)
        scale_font(self.paid_detail, 1.4)
        layout.addWidget(self.paid_detail)
        layout.addStretch(1)
        row = QHBoxLayout()
        self.change_button = big_button(
            tr("Give change as ecash"), 1.5, "giveChange", tr("The overpayment, as a token")
        )
        self.change_button.clicked.connect(lambda: self.ctx.run(self.give_change()))
        receipt = big_button(tr("Receipt"), 1.5, "paidReceipt", tr("Print, save or refund"))
        receipt.clicked.connect(lambda: self._on_receipt(self.model.paid_sale.id if self.model.paid_sale else ""))
        new = big_button(tr("New sale"), 1.5, "newSale", tr("Back to the keypad"))
        new.clicked.connect(on_new_sale)
        for b in (self.change_button, receipt, new):
            row.addWidget(b)
        layout.addLayout(row)

    def show_sale(self, sale: Sale) -> None:
        self.model.paid_sale = sale
        # Taken while its mint was unreachable: paid for the customer; the till redeems it when the mint is back.
        self.paid_label.setText(tr("✓ PAID · OFFLINE") if sale.offline else tr("✓ PAID"))
        fiat = (
            tr(" · {0:,.2f} {1}").format(sale.fiat_amount, sale.fiat_currency) if sale.fiat_amount is not None else ""
        )
        self.paid_amount.setText(f"{sale.amount:,} {sale.unit}{fiat}")
        backend = (sale.payload or {}).get("backend")
        if sale.settlement == "lightning" and backend:
            detail = tr("Lightning, paid to the shop's node ({0})").format(backend)
        else:
            detail = f"{tr(HOW.get(sale.settlement, sale.settlement))} {sale.mint_url}".strip()
        if paid_with := sale.paid_with():
            detail += tr("\nPaid with {0}").format(paid_with)
        if sale.change:
            detail += tr("\nOverpaid by {0}").format(format_amount(sale.change, sale.ecash_unit))
        if sale.failure_detail:
            detail += f"\n{sale.failure_detail}"
        self.paid_detail.setText(detail + tr("\nReceipt {0}").format(sale.receipt_id))
        self.change_button.setVisible(sale.change > 0)
        self.change_button.setEnabled(True)

    async def give_change(self) -> None:
        sale = self.model.paid_sale
        if sale is None or not sale.change:
            return
        self.change_button.setEnabled(False)  # one click, one token
        # Change of dollar ecash for a sat sale is given in sat, at the price the sale was paid at.
        self.model.receipt_sale = sale
        request = self.model.refund_request(sale.in_sale_unit(sale.change))
        if request is None:
            return
        try:
            refund = await self.model.refund(request)
        except BaseException:
            self.change_button.setEnabled(True)
            raise
        self.change_button.setVisible(False)
        self._on_change_given(refund)
