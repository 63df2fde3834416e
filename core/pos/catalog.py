"""The shop's item catalog and the basket, without I/O: items priced in sat or in the shop's fiat currency (a
Decimal), a category, a tax rate and an optional stock; basket lines with a quantity and a per-line discount; what a
basket costs in sat; and the catalog as CSV.

Prices include tax (a shop's shelf price): the tax of a line is ``amount × rate / (100 + rate)``, rounded half up,
so the Z-report can total it per rate. A fiat price is converted to sat at the sale's rate (``to_sat``), rounded
half up per line, so the lines always add up to the sale's price.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, TextIO

from core.errors import UserFacingError
from core.i18n import t

__all__ = [
    "CSV_COLUMNS",
    "Item",
    "SaleLine",
    "parse_item_spec",
    "price_lines",
    "read_items_csv",
    "tax_of",
    "write_items_csv",
]

CSV_COLUMNS = ("name", "price", "currency", "category", "tax_rate", "stock")
SAT = "sat"


def _decimal(text: object, what: str) -> Decimal:
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise UserFacingError(t("{0} is not a number: {1!r}").format(what, text)) from None
    if not value.is_finite():
        raise UserFacingError(t("{0} is not a number: {1!r}").format(what, text))
    return value


@dataclass(frozen=True)
class Item:
    """An item for sale. ``currency``: "sat" or the shop's fiat currency (``price`` then in it, e.g. 3.50 EUR)."""

    name: str
    price: Decimal
    currency: str = SAT
    category: str = ""
    tax_rate: Decimal = Decimal(0)  # percent, included in the price
    stock: int | None = None  # None: not counted

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise UserFacingError(t("an item needs a name"))
        if self.price < 0:
            raise UserFacingError(t("{0}: a price cannot be negative").format(self.name))
        if self.currency == SAT and self.price != self.price.to_integral_value():
            raise UserFacingError(t("{0}: a price in sat is a whole number").format(self.name))
        if not Decimal(0) <= self.tax_rate < Decimal(100):
            raise UserFacingError(t("{0}: a tax rate is a percentage from 0 to below 100").format(self.name))

    @property
    def price_text(self) -> str:
        return f"{int(self.price):,} sat" if self.currency == SAT else f"{self.price:,.2f} {self.currency}"

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "price": str(self.price), "currency": self.currency, "category": self.category,
                "tax_rate": str(self.tax_rate), "stock": self.stock}  # fmt: skip

    @classmethod
    def make(
        cls, name: str, price: object, currency: str = SAT, category: str = "", tax_rate: object = 0,
        stock: object = None,
    ) -> Item:  # fmt: skip
        """An item from user input (strings from the CLI or a CSV file)."""
        currency = (currency or SAT).strip()
        currency = SAT if currency.lower() == SAT else currency.upper()
        stock_text = "" if stock is None else str(stock).strip()
        return cls(
            name=name.strip(),
            price=_decimal(price, f"{name}: the price"),
            currency=currency,
            category=category.strip(),
            tax_rate=_decimal(tax_rate if str(tax_rate).strip() else 0, f"{name}: the tax rate"),
            stock=int(stock_text) if stock_text else None,
        )


@dataclass(frozen=True)
class SaleLine:
    """One line of a sale: ``quantity`` of an item (or a custom amount), less ``discount`` percent; ``amount`` is
    the line's total in sat and ``tax`` the tax it includes."""

    name: str
    quantity: int
    unit_price: Decimal  # in ``currency``
    currency: str
    category: str = ""
    tax_rate: Decimal = Decimal(0)
    discount: Decimal = Decimal(0)  # percent off the line
    amount: int = 0
    tax: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "quantity": self.quantity, "unit_price": str(self.unit_price),
                "currency": self.currency, "category": self.category, "tax_rate": str(self.tax_rate),
                "discount": str(self.discount), "amount": self.amount, "tax": self.tax}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SaleLine:
        return cls(
            name=str(data["name"]), quantity=int(data["quantity"]), unit_price=Decimal(str(data["unit_price"])),
            currency=str(data["currency"]), category=str(data.get("category", "")),
            tax_rate=Decimal(str(data.get("tax_rate", "0"))), discount=Decimal(str(data.get("discount", "0"))),
            amount=int(data["amount"]), tax=int(data.get("tax", 0)),
        )  # fmt: skip

    @property
    def label(self) -> str:
        off = f" (−{self.discount.normalize():f}%)" if self.discount else ""
        return f"{self.quantity} × {self.name}{off}"


def tax_of(amount: int, rate: Decimal) -> int:
    """The tax included in ``amount`` at ``rate`` percent (rounded half up)."""
    if not rate:
        return 0
    return int((Decimal(amount) * rate / (100 + rate)).to_integral_value(rounding=ROUND_HALF_UP))


def price_lines(basket: Sequence[tuple[Item, int, Decimal]], to_sat: Callable[[Decimal], int] | None) -> list[SaleLine]:
    """Sale lines for ``(item, quantity, discount %)`` entries; ``to_sat`` converts a fiat amount (None: no rate,
    so a fiat-priced item is refused)."""
    lines = []
    for item, quantity, discount in basket:
        if quantity <= 0:
            raise UserFacingError(t("{0}: the quantity must be at least 1").format(item.name))
        if not Decimal(0) <= discount <= Decimal(100):
            raise UserFacingError(t("{0}: a discount is a percentage from 0 to 100").format(item.name))
        gross = item.price * quantity * (100 - discount) / 100
        if item.currency == SAT:
            amount = int(gross.to_integral_value(rounding=ROUND_HALF_UP))
        elif to_sat is None:
            raise UserFacingError(
                t("{0} is priced in {1}: no fresh exchange rate to charge it").format(item.name, item.currency)
            )
        else:
            amount = to_sat(gross)
        lines.append(SaleLine(item.name, quantity, item.price, item.currency, item.category, item.tax_rate,
                              discount, amount, tax_of(amount, item.tax_rate)))  # fmt: skip
    return lines


def parse_item_spec(spec: str) -> tuple[str, int, Decimal]:
    """``NAME[:QTY][@DISCOUNT%]`` as the CLI takes it: ("Coffee", 2, 10) for ``Coffee:2@10``."""
    found = re.fullmatch(r"(.+?)(?::(\d+))?(?:@(\d+(?:\.\d+)?)%?)?", spec.strip())
    if not found or not found.group(1).strip():
        raise UserFacingError(t("an item is NAME[:QTY][@DISCOUNT%], not {0!r}").format(spec))
    return found.group(1).strip(), int(found.group(2) or 1), Decimal(found.group(3) or 0)


def write_items_csv(items: Iterable[Item], out: TextIO) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        writer.writerow((item.name, item.price, item.currency, item.category, item.tax_rate,
                         "" if item.stock is None else item.stock))  # fmt: skip


def read_items_csv(source: TextIO) -> list[Item]:
    """Items from CSV with a header row (``CSV_COLUMNS``; only name and price are required)."""
    reader = csv.DictReader(source)
    if reader.fieldnames is None or not {"name", "price"} <= {f.strip() for f in reader.fieldnames}:
        raise UserFacingError(t("the CSV needs a header row with at least: name, price"))
    items = []
    for number, row in enumerate(reader, start=2):
        row = {k.strip(): (v or "") for k, v in row.items() if k}
        if not row.get("name", "").strip():
            continue
        try:
            items.append(Item.make(row["name"], row["price"], row.get("currency", SAT), row.get("category", ""),
                                   row.get("tax_rate", "0"), row.get("stock") or None))  # fmt: skip
        except (UserFacingError, ValueError) as exc:
            raise UserFacingError(t("line {0}: {1}").format(number, exc)) from None
    return items


def restocked(item: Item, sold: int) -> Item:
    """``item`` after ``sold`` were sold (an uncounted stock stays uncounted)."""
    return item if item.stock is None else replace(item, stock=item.stock - sold)
