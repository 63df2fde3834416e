"""The catalog in Analytics: best sellers, sales per category and offline losses over an Analytics period.

The figures are ``core.pos``'s own (``CatalogRepository.stats``, what ``nutdesk pos item stats`` prints), read from
the wallet's database without opening a till: the Analytics view needs no running point of sale. Amounts are in
the sales' unit (sat); a loss is a double-spent offline token recorded against its sale (``core.pos.offline``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.analytics.periods import Period
from core.pos.catalog_repo import CatalogRepository

if TYPE_CHECKING:
    from core.api.service import WalletService

__all__ = ["CatalogStats", "CategorySales", "ItemSales", "SaleLoss", "catalog_stats"]


@dataclass(frozen=True)
class ItemSales:
    name: str
    quantity: int
    amount: int
    share: float  # percent of the period's catalog sales (by amount)


@dataclass(frozen=True)
class CategorySales:
    category: str
    amount: int
    share: float


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

    @property
    def total(self) -> int:
        return sum(i.amount for i in self.items)

    @property
    def total_loss(self) -> int:
        return sum(x.loss for x in self.losses)

    @property
    def empty(self) -> bool:
        return not (self.items or self.losses)

    def to_json(self) -> dict[str, Any]:
        return {
            "items": [{"name": i.name, "quantity": i.quantity, "amount": i.amount} for i in self.items],
            "categories": [{"category": c.category, "amount": c.amount} for c in self.categories],
            "losses": [{"receipt": x.receipt, "loss": x.loss, "mint": x.mint} for x in self.losses],
        }


def _share(amount: int, total: int) -> float:
    return round(100.0 * amount / total, 1) if total else 0.0


def catalog_stats(service: WalletService, period: Period) -> CatalogStats:
    """The catalog figures of ``period`` (blocking SQL: call it off the GUI thread)."""
    raw: dict[str, list[dict[str, Any]]] = CatalogRepository(service.store.db).stats(period.start or 0.0, period.end)
    total = sum(int(r["amount"]) for r in raw["items"])
    return CatalogStats(
        items=tuple(
            ItemSales(str(r["name"]), int(r["quantity"]), int(r["amount"]), _share(int(r["amount"]), total))
            for r in raw["items"]
        ),
        categories=tuple(
            CategorySales(str(r["category"]), int(r["amount"]), _share(int(r["amount"]), total))
            for r in raw["categories"]
        ),
        losses=tuple(SaleLoss(str(r["receipt"]), int(r["loss"]), str(r["mint"])) for r in raw["losses"]),
    )
