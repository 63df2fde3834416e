"""The item grid beside the keypad: a big button per catalog item (by category), and the basket — quantities, a
discount on the selected line, and the total. A keypad amount still charges on top of the basket (a custom line)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.api.pos import Item, PosService
from core.errors import UserFacingError
from desktop.gui.i18n import tr
from desktop.gui.pos.style import ERROR_COLOR, big_button, scale_font

__all__ = ["Basket", "ItemGrid"]

_ALL = "All"
_COLUMNS = 2  # touch-sized buttons beside the keypad


class Basket:
    """What the customer is buying: item name → [quantity, discount %], in the order they were added."""

    def __init__(self) -> None:
        self.entries: dict[str, list[int]] = {}

    def add(self, name: str, quantity: int = 1) -> None:
        entry = self.entries.setdefault(name, [0, 0])
        entry[0] += quantity
        if entry[0] <= 0:
            del self.entries[name]

    def discount(self, name: str, percent: int) -> None:
        if name in self.entries:
            self.entries[name][1] = percent

    def clear(self) -> None:
        self.entries.clear()

    def specs(self) -> list[tuple[str, int, Decimal]]:
        return [(name, qty, Decimal(discount)) for name, (qty, discount) in self.entries.items()]

    def __bool__(self) -> bool:
        return bool(self.entries)


class ItemGrid(QWidget):
    """``on_change`` hears every basket change (the keypad shows the total)."""

    def __init__(self, till: PosService, basket: Basket, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.setObjectName("itemGrid")
        self.till = till
        self.basket = basket
        self._on_change = on_change
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(tr("Items"))
        scale_font(title, 1.4, bold=True)
        top.addWidget(title)
        self.category = QComboBox()
        self.category.setObjectName("itemCategory")
        self.category.setAccessibleName(tr("Category"))
        scale_font(self.category, 1.2)
        self.category.currentTextChanged.connect(lambda _t: self._fill())
        top.addWidget(self.category, 1)
        layout.addLayout(top)
        self.empty = QLabel(tr("No items yet: add them with 'nutdesk pos item add' or import a CSV."))
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        holder = QWidget()
        self.grid = QGridLayout(holder)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 3)
        self.lines = QListWidget()
        self.lines.setObjectName("basket")
        self.lines.setAccessibleName(tr("Basket"))
        scale_font(self.lines, 1.2)
        layout.addWidget(self.lines, 2)
        row = QHBoxLayout()
        self.minus = big_button("−", 1.6, "basketMinus", tr("One less of the selected line"))
        self.plus = big_button("+", 1.6, "basketPlus", tr("One more of the selected line"))
        self.minus.clicked.connect(lambda: self._step(-1))
        self.plus.clicked.connect(lambda: self._step(1))
        self.discount = QSpinBox()
        self.discount.setObjectName("lineDiscount")
        self.discount.setAccessibleName(tr("Discount of the selected line, percent"))
        self.discount.setRange(0, 100)
        self.discount.setSuffix(tr(" % off"))
        scale_font(self.discount, 1.3)
        self.discount.valueChanged.connect(self._set_discount)
        self.clear = big_button(tr("Clear"), 1.3, "basketClear", tr("Empty the basket"))
        self.clear.clicked.connect(self.reset)
        for w in (self.minus, self.plus, self.discount, self.clear):
            row.addWidget(w)
        layout.addLayout(row)
        self.total = QLabel()
        self.total.setObjectName("basketTotal")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        scale_font(self.total, 1.5, bold=True)
        layout.addWidget(self.total)
        self.lines.currentRowChanged.connect(lambda _r: self._selected())
        self.reload()

    def reload(self) -> None:
        """Read the catalog again (items change from the CLI or an import)."""
        self.items = {i.name: i for i in self.till.items()}
        categories = sorted({i.category for i in self.items.values() if i.category})
        current = self.category.currentText()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItems([_ALL, *categories])
        self.category.setCurrentText(current if current in categories else _ALL)
        self.category.blockSignals(False)
        self.category.setVisible(bool(categories))
        self.empty.setVisible(not self.items)
        if self.parentWidget() is not None:  # no catalog: the till is the keypad alone, as it was
            self.setVisible(bool(self.items))
        self._fill()
        self.show_basket()

    def _fill(self) -> None:
        while self.grid.count():
            taken = self.grid.takeAt(0)
            if taken is not None and (w := taken.widget()) is not None:
                w.deleteLater()
        self.buttons = {}
        chosen = self.category.currentText()
        shown = [i for i in self.items.values() if chosen in ("", _ALL) or i.category == chosen]
        for n, item in enumerate(shown):
            button = big_button(self._button_text(item), 1.2, f"item:{item.name}", tr("Add {0}").format(item.name))
            button.setMinimumSize(110, 80)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setEnabled(item.stock is None or item.stock > 0)
            button.clicked.connect(lambda _c=False, name=item.name: self.add(name))
            self.grid.addWidget(button, n // _COLUMNS, n % _COLUMNS)
            self.buttons[item.name] = button

    @staticmethod
    def _button_text(item: Item) -> str:
        stock = f"\n{item.stock} left" if item.stock is not None else ""
        return f"{item.name}\n{item.price_text}{stock}"

    def add(self, name: str) -> None:
        self.basket.add(name)
        self.show_basket(select=name)

    def _name_at(self, row: int) -> str | None:
        item = self.lines.item(row)
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _step(self, delta: int) -> None:
        name = self._name_at(self.lines.currentRow())
        if name is not None:
            self.basket.add(name, delta)
            self.show_basket(select=name)

    def _selected(self) -> None:
        name = self._name_at(self.lines.currentRow())
        self.discount.blockSignals(True)
        self.discount.setValue(self.basket.entries[name][1] if name in self.basket.entries else 0)
        self.discount.blockSignals(False)

    def _set_discount(self, value: int) -> None:
        name = self._name_at(self.lines.currentRow())
        if name is not None:
            self.basket.discount(name, value)
            self.show_basket(select=name)

    def show_basket(self, select: str | None = None) -> None:
        self.lines.blockSignals(True)
        self.lines.clear()
        self.total.setStyleSheet("")
        try:
            priced = self.till.price_basket(self.basket.specs())
        except UserFacingError as exc:
            priced = []
            self.total.setText(str(exc))
            self.total.setStyleSheet(f"color: {ERROR_COLOR}")
        else:
            total = sum(line.amount for line in priced)
            self.total.setText(tr("Basket: {0:,} {1}").format(total, self.till.policy().unit) if priced else "")
        for line in priced:
            row = QListWidgetItem(f"{line.label:<28} {line.amount:>10,}")
            row.setData(Qt.ItemDataRole.UserRole, line.name)
            self.lines.addItem(row)
            if line.name == select:
                self.lines.setCurrentItem(row)
        self.lines.blockSignals(False)
        self._selected()
        self._on_change()

    def basket_total(self) -> int:
        """The basket's price in sat (0 when empty or not priceable)."""
        try:
            return sum(line.amount for line in self.till.price_basket(self.basket.specs()))
        except UserFacingError:
            return 0

    def reset(self) -> None:
        self.basket.clear()
        self.reload()
