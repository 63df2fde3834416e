"""The till's first page: the keypad (sat or the shop's currency), memo and tip, Charge — and Recent sales, where the
outcome of a sale the cashier moved on from shows as a notice."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.api.pos import SaleState
from core.errors import UserFacingError
from desktop.gui.i18n import tr
from desktop.gui.pos.items import Basket, ItemGrid
from desktop.gui.pos.model import Notice, TillModel
from desktop.gui.pos.state import KeypadEntry
from desktop.gui.pos.style import ERROR_COLOR, OK_COLOR, big_button, scale_font

__all__ = ["KEYS", "KeypadPage"]

KEYS = ("7", "8", "9", "4", "5", "6", "1", "2", "3", "00", "0", "⌫")


class KeypadPage(QWidget):
    """``on_charged`` hears a started checkout; ``on_open_receipt`` a sale id picked in Recent sales."""

    def __init__(self, model: TillModel, on_charged: Callable[[], None], on_open_receipt: Callable[[str], None]):
        super().__init__()
        self.model = model
        self.till = model.till
        self.ctx = model.ctx
        self.entry = KeypadEntry()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # typed digits and Enter (keyPressEvent)
        self._on_charged = on_charged
        self._on_open_receipt = on_open_receipt
        outer = QHBoxLayout(self)
        self.basket = Basket()
        self.item_grid = ItemGrid(self.till, self.basket, self._basket_changed)
        outer.addLayout(self._keypad(), 3)
        outer.addWidget(self.item_grid, 3)
        self.item_grid.setVisible(bool(self.item_grid.items))  # shown once the shop has a catalog
        outer.addLayout(self._recent(), 2)
        model.sales_changed.connect(self.refresh_sales)
        model.notice.connect(self._show_notice)
        self.refresh_sales()
        self.show_entry()

    def _keypad(self) -> QVBoxLayout:
        left = QVBoxLayout()
        self.amount_label = QLabel()
        self.amount_label.setObjectName("amountDisplay")
        self.amount_label.setAccessibleName(tr("Amount"))
        self.amount_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        scale_font(self.amount_label, 3.2, bold=True)
        left.addWidget(self.amount_label)
        self.fiat_hint = QLabel()
        self.fiat_hint.setAlignment(Qt.AlignmentFlag.AlignRight)
        scale_font(self.fiat_hint, 1.3)
        left.addWidget(self.fiat_hint)
        units = QHBoxLayout()
        self.sat_button = big_button(tr("sat"), 1.3, "satMode", tr("Enter the amount in sat"))
        self.fiat_button = big_button(
            self.till.currency(), 1.3, "fiatMode", tr("Enter the amount in the shop's currency")
        )
        for b in (self.sat_button, self.fiat_button):
            b.setCheckable(True)
            units.addWidget(b)
        self.sat_button.setChecked(True)
        self.sat_button.clicked.connect(lambda: self.set_fiat(False))
        self.fiat_button.clicked.connect(lambda: self.set_fiat(True))
        self.fiat_button.setEnabled(self.ctx.rates is not None)
        if self.ctx.rates is None:
            self.fiat_button.setToolTip(tr("No exchange rate source: enter sat"))
        left.addLayout(units)
        grid = QGridLayout()
        self.keys: dict[str, QPushButton] = {}
        for i, key in enumerate(KEYS):
            button = big_button(key, 2.2)
            button.setAccessibleName(tr("Delete") if key == "⌫" else key)
            button.setMinimumHeight(72)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typed digits go to the page, not to a key button
            button.clicked.connect(lambda _c=False, k=key: self.press(k))
            grid.addWidget(button, i // 3, i % 3)
            self.keys[key] = button
        left.addLayout(grid)
        self.memo = QLineEdit()
        self.memo.setObjectName("memo")
        self.memo.setAccessibleName(tr("Memo"))
        self.memo.setPlaceholderText(tr("Memo / order reference (optional)"))
        scale_font(self.memo, 1.4)
        left.addWidget(self.memo)
        left.addLayout(self._tips())
        self.keypad_error = QLabel()
        self.keypad_error.setWordWrap(True)
        self.keypad_error.setStyleSheet(f"color: {ERROR_COLOR}")
        left.addWidget(self.keypad_error)
        self.charge_button = big_button(
            tr("Charge"), 2.4, "chargeButton", tr("Show the payment QR (Enter; digits type)")
        )
        self.charge_button.setMinimumHeight(84)
        self.charge_button.clicked.connect(lambda: self.ctx.run(self.charge()))
        left.addWidget(self.charge_button)
        return left

    def _tips(self) -> QHBoxLayout:
        tips = QHBoxLayout()
        tips.addWidget(QLabel(tr("Tip:")))
        self.tip_group = QButtonGroup(self)
        self.tip_buttons: dict[int | None, QPushButton] = {}
        for percent in (None, *self.till.policy().tip_presets):
            b = big_button(tr("No tip") if percent is None else f"{percent}%", 1.2)
            b.setCheckable(True)
            b.clicked.connect(lambda _c=False, p=percent: self.set_tip(p))
            self.tip_group.addButton(b)
            tips.addWidget(b)
            self.tip_buttons[percent] = b
        self.tip_buttons[None].setChecked(True)
        self.tip_custom = QSpinBox()
        self.tip_custom.setObjectName("customTip")
        self.tip_custom.setAccessibleName(tr("Custom tip"))
        self.tip_custom.setRange(0, 2_000_000_000)
        self.tip_custom.setPrefix(tr("custom "))
        self.tip_custom.valueChanged.connect(self._custom_tip)
        scale_font(self.tip_custom, 1.2)
        tips.addWidget(self.tip_custom)
        return tips

    def _recent(self) -> QVBoxLayout:
        right = QVBoxLayout()
        title = QLabel(tr("Recent sales"))
        scale_font(title, 1.4, bold=True)
        right.addWidget(title)
        self.notice_label = QLabel()
        self.notice_label.setObjectName("salesNotice")
        self.notice_label.setWordWrap(True)
        scale_font(self.notice_label, 1.1)
        self.notice_label.hide()
        right.addWidget(self.notice_label)
        self.sales_list = QListWidget()
        self.sales_list.setObjectName("recentSales")
        self.sales_list.setAccessibleName(tr("Recent sales"))
        scale_font(self.sales_list, 1.1)
        self.sales_list.itemActivated.connect(
            lambda item: self._on_open_receipt(str(item.data(Qt.ItemDataRole.UserRole)))
        )
        right.addWidget(self.sales_list, 1)
        self.open_receipt_button = big_button(
            tr("Receipt / refund"), 1.2, "openReceipt", tr("The selected sale's receipt")
        )
        self.open_receipt_button.clicked.connect(self._open_selected)
        right.addWidget(self.open_receipt_button)
        return right

    # --- entry ---------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Typing works like the keypad (digits, Backspace), Enter charges — unless a text field has the keys."""
        key, text = event.key(), event.text()
        if text.isdigit() and len(text) == 1:
            self.press(text)
        elif key == Qt.Key.Key_Backspace:
            self.press("⌫")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.ctx.run(self.charge())
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def press(self, key: str) -> None:
        self.entry.press(key)
        self.show_entry()

    def set_fiat(self, fiat: bool) -> None:
        self.entry.fiat = fiat
        self.sat_button.setChecked(not fiat)
        self.fiat_button.setChecked(fiat)
        self.show_entry()

    def set_tip(self, percent: int | None) -> None:
        self.entry.tip_percent = percent
        self.entry.tip_custom = 0
        self.tip_custom.blockSignals(True)
        self.tip_custom.setValue(0)
        self.tip_custom.blockSignals(False)
        self.show_entry()

    def _custom_tip(self, value: int) -> None:
        self.entry.tip_percent, self.entry.tip_custom = None, value
        self.tip_group.setExclusive(False)
        for b in self.tip_buttons.values():
            b.setChecked(False)
        self.tip_group.setExclusive(True)
        self.show_entry()

    def base(self) -> tuple[int, Decimal | None]:
        """(base amount in the shop's unit, the fiat amount entered or None)."""
        fiat = self.entry.fiat_amount()
        if fiat is None:
            return self.entry.value(), None
        sats, _, _ = self.till.fiat_to_amount(fiat)
        return sats, fiat

    def show_entry(self) -> None:
        unit = self.till.policy().unit
        self.amount_label.setText(self.entry.display(unit, self.till.currency()))
        try:
            base, fiat = self.base()
        except UserFacingError as exc:
            self.fiat_hint.setText(str(exc))
            return
        in_basket = self.item_grid.basket_total() if self.basket else 0
        tip = self.entry.tip(base + in_basket)
        parts = []
        if in_basket:
            parts.append(tr("items {0:,} {1}").format(in_basket, unit) + (tr(" + this amount") if base else ""))
        if fiat is not None:
            parts.append(f"= {base:,} {unit}")
        elif self.ctx.rates is not None and (value := self.ctx.fiat_value(base, unit)) is not None:
            parts.append(f"≈ {value:,.2f} {self.till.currency()}")
        if tip:
            parts.append(f"+ tip {tip:,} {unit}")
        self.fiat_hint.setText("  ".join(parts))

    def _basket_changed(self) -> None:
        if hasattr(self, "amount_label"):  # not while the page is being built
            self.show_entry()

    def reset(self) -> None:
        self.entry.reset()
        self.item_grid.reset()
        self.memo.clear()
        self.set_tip(None)
        self.tip_buttons[None].setChecked(True)
        self.keypad_error.setText("")
        self.show_entry()

    async def charge(self) -> None:
        self.keypad_error.setText("")
        try:
            base, fiat = self.base()
            memo = self.memo.text().strip()
            if self.basket:  # the items, and the keypad's amount (if any) as a custom line on top
                total = base + self.item_grid.basket_total()
                await self.model.charge_items(self.basket.specs(), base, self.entry.tip(total), memo)
            else:
                await self.model.charge(base, self.entry.tip(base), memo, fiat)
        except UserFacingError as exc:
            self.keypad_error.setText(str(exc))
            return
        self._on_charged()

    # --- recent sales --------------------------------------------------------------------------

    def refresh_sales(self) -> None:
        self.sales_list.clear()
        for sale in self.till.sales(limit=30):
            if sale.state is SaleState.CANCELLED:
                continue
            when = dt.datetime.fromtimestamp(sale.created_at).strftime("%H:%M")
            refunded = f" · refunded {sale.refunded:,}" if sale.refunded else ""
            till = f"{sale.till} · " if sale.till else ""  # a shop's tills share the list: which one sold it
            item = QListWidgetItem(
                f"{when}  {till}{sale.receipt_id}  {sale.amount:>8,} {sale.unit}  {sale.state}{refunded}"
            )
            item.setData(Qt.ItemDataRole.UserRole, sale.id)
            self.sales_list.addItem(item)

    def _show_notice(self, notice: Notice) -> None:
        self.notice_label.setText(notice.text)
        self.notice_label.setStyleSheet(f"color: {OK_COLOR if notice.ok else ERROR_COLOR}; font-weight: bold")
        self.notice_label.show()
        self.refresh_sales()

    def _open_selected(self) -> None:
        item = self.sales_list.currentItem()
        if item is not None:
            self._on_open_receipt(str(item.data(Qt.ItemDataRole.UserRole)))
