"""The catalog in Analytics: best sellers, sales per category and offline losses over an Analytics period.

The figures are ``core.pos``'s own (``CatalogRepository.stats``, what ``nutdesk pos item stats`` prints), read from
the wallet's database without opening a till: the Analytics view needs no running point of sale. Amounts are in
the sales' unit (sat); a loss is a double-spent offline token recorded against its sale (``core.pos.offline``).
Each figure also has its value in the analytics currency at the rate recorded with each sale (``fiat_rate``, per
BTC); sales recorded without a rate in that currency are counted as ``unpriced``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from core.analytics.periods import Period
from core.pos.catalog_repo import CatalogRepository
from core.storage.models import PosSaleLineRow, PosSaleRow

if TYPE_CHECKING:
    from core.api.service import WalletService

__all__ = ["CatalogStats", "CategorySales", "ItemSales", "SaleLoss", "catalog_stats"]


@dataclass(frozen=True)
class ItemSales:
    name: str
    quantity: int
    amount: int
    share: float  # percent of the period's catalog sales (by amount)
    fiat: Decimal | None = None  # at the rates recorded with the sales (None: none had one)


@dataclass(frozen=True)
class CategorySales:
    category: str
    amount: int
    share: float
    fiat: Decimal | None = None


@dataclass(frozen=True)
class SaleLoss:
    receipt: str
    loss: int
    mint: str


@dataclass(frozen=True)
class CatalogStats:
    items: tuple[ItemSales, ...]  # best sellers first (by quantity, then name)
    categories: tuple[CategorySales, ...]  # largest first
    losses: tuple[SaleLoss, ...]  # by receipt number
    currency: str = ""
    unpriced: int = 0  # sales lines without a recorded rate in ``currency``

    @property
    def total(self) -> int:
        return sum(i.amount for i in self.items)

    @property
    def total_fiat(self) -> Decimal | None:
        priced = [i.fiat for i in self.items if i.fiat is not None]
        return sum(priced, Decimal(0)) if priced else None

    @property
    def total_loss(self) -> int:
        return sum(x.loss for x in self.losses)

    @property
    def empty(self) -> bool:
        return not (self.items or self.losses)

    def to_json(self) -> dict[str, Any]:
        return {
            "items": [
                {"name": i.name, "quantity": i.quantity, "amount": i.amount, "fiat": _text(i.fiat)} for i in self.items
            ],
            "categories": [
                {"category": c.category, "amount": c.amount, "fiat": _text(c.fiat)} for c in self.categories
            ],
            "losses": [{"receipt": x.receipt, "loss": x.loss, "mint": x.mint} for x in self.losses],
            "currency": self.currency,
            "unpriced": self.unpriced,
        }


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _share(amount: int, total: int) -> float:
    return round(100.0 * amount / total, 1) if total else 0.0


_SATS_PER_BTC = Decimal(100_000_000)
_CENT = Decimal("0.01")


def _fiat_values(
    service: WalletService, since: float, until: float, currency: str
) -> tuple[dict[str, Decimal], dict[str, Decimal], int]:
    """(item → value, category → value, unpriced lines) in ``currency`` at each sale's recorded rate."""
    paid = (PosSaleRow.id == PosSaleLineRow.sale_id) & (PosSaleRow.state == "paid")
    query = (
        select(PosSaleLineRow.name, PosSaleLineRow.category, PosSaleLineRow.amount, PosSaleRow.fiat_rate,
               PosSaleRow.fiat_currency, PosSaleRow.unit)
        .join(PosSaleRow, paid)
        .where(PosSaleRow.paid_at >= since, PosSaleRow.paid_at < until)
    )  # fmt: skip
    items: dict[str, Decimal] = {}
    categories: dict[str, Decimal] = {}
    unpriced = 0
    with service.store.db.session() as s:
        for name, category, amount, rate, fiat_currency, unit in s.execute(query):
            if not rate or unit != "sat" or (fiat_currency or "").upper() != currency.upper():
                unpriced += 1
                continue
            value = Decimal(amount) * Decimal(str(rate)) / _SATS_PER_BTC
            items[name] = items.get(name, Decimal(0)) + value
            key = category or "—"
            categories[key] = categories.get(key, Decimal(0)) + value
    return items, categories, unpriced


def _cents(value: Decimal | None) -> Decimal | None:
    return None if value is None else value.quantize(_CENT)


def catalog_stats(service: WalletService, period: Period, currency: str = "") -> CatalogStats:
    """The catalog figures of ``period``, valued in ``currency`` too when given (blocking SQL: call it off the GUI
    thread)."""
    since = period.start or 0.0
    raw: dict[str, list[dict[str, Any]]] = CatalogRepository(service.store.db).stats(since, period.end)
    total = sum(int(r["amount"]) for r in raw["items"])
    fiat_items, fiat_categories, unpriced = (
        _fiat_values(service, since, period.end, currency) if currency else ({}, {}, 0)
    )
    return CatalogStats(
        items=tuple(
            ItemSales(str(r["name"]), int(r["quantity"]), int(r["amount"]), _share(int(r["amount"]), total),
                      _cents(fiat_items.get(str(r["name"]))))
            for r in raw["items"]
        ),
        categories=tuple(
            CategorySales(str(r["category"]), int(r["amount"]), _share(int(r["amount"]), total),
                          _cents(fiat_categories.get(str(r["category"]))))
            for r in raw["categories"]
        ),
        losses=tuple(SaleLoss(str(r["receipt"]), int(r["loss"]), str(r["mint"])) for r in raw["losses"]),
        currency=currency.upper(),
        unpriced=unpriced,
    )  # fmt: skip
