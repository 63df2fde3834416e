"""Selling from the catalog: items (add, list, remove, CSV import and export), a basket charged as one sale whose
lines are recorded with it, stock counted out when the sale is paid, and the lines on the receipt.

A layer over ``Transports``; ``core.api.pos.PosService`` is on top and supplies ``start_checkout``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any, TextIO

from core.errors import UserFacingError
from core.i18n import t
from core.pos.catalog import SAT, Item, SaleLine, price_lines, read_items_csv, write_items_csv
from core.pos.catalog_repo import CatalogRepository
from core.pos.checkout import CheckoutSession
from core.pos.signed import receipt_record, sign_receipt
from core.pos.transports import Transports
from core.pos.types import Sale, SaleState

__all__ = ["Selling"]

_MEMO_MAX = 120


class Selling(Transports):
    @property
    def catalog(self) -> CatalogRepository:
        return CatalogRepository(self.repo.db)

    # --- the catalog ---------------------------------------------------------------------------

    def items(self) -> list[Item]:
        return self.catalog.items()

    def item(self, name: str) -> Item:
        found = self.catalog.item(name)
        if found is None:
            raise UserFacingError(t("no item {0!r} in the catalog").format(name))
        return found

    def add_item(self, item: Item) -> Item:
        self._refuse_when_locked(t("change the catalog"))
        self._check_currency(item)
        self.catalog.save([item])
        return item

    def remove_item(self, name: str) -> None:
        self._refuse_when_locked(t("change the catalog"))
        if not self.catalog.remove(self.item(name).name):
            raise UserFacingError(t("no item {0!r} in the catalog").format(name))

    def import_items(self, source: TextIO) -> list[Item]:
        """Add or replace the items of a CSV file (all or none: a bad line refuses the file)."""
        self._refuse_when_locked(t("change the catalog"))
        items = read_items_csv(source)
        for item in items:
            self._check_currency(item)
        self.catalog.save(items)
        return items

    def export_items(self, out: TextIO) -> int:
        items = self.items()
        write_items_csv(items, out)
        return len(items)

    def _check_currency(self, item: Item) -> None:
        if item.currency != SAT and item.currency != self.currency().upper():
            raise UserFacingError(
                t("{0}: priced in {1}; the shop's currency is {2}").format(item.name, item.currency, self.currency())
            )

    # --- a basket ------------------------------------------------------------------------------

    def price_basket(self, basket: Sequence[tuple[str, int, Decimal]], custom: int = 0) -> list[SaleLine]:
        """The lines of ``(item name, quantity, discount %)`` entries (and a custom amount in sat, if any)."""
        entries = []
        for name, quantity, discount in basket:
            item = self.item(name)
            if item.stock is not None and quantity > item.stock:
                raise UserFacingError(t("only {0} × {1} in stock").format(item.stock, item.name))
            entries.append((item, quantity, discount))
        has_rate = self.rates is not None and self.rates.rate() is not None
        lines = price_lines(entries, (lambda fiat: self.fiat_to_amount(fiat)[0]) if has_rate else None)
        if custom:
            lines.append(SaleLine("Custom amount", 1, Decimal(custom), SAT, amount=custom))
        return lines

    async def charge_items(
        self,
        basket: Sequence[tuple[str, int, Decimal]],
        *,
        custom: int = 0,
        tip: int = 0,
        memo: str = "",
        cashier: str | None = None,
    ) -> CheckoutSession:
        """A sale of the basket's lines (and ``custom`` sat): its price is their sum; the lines are recorded."""
        lines = self.price_basket(basket, custom)
        if not lines:
            raise UserFacingError(t("the basket is empty"))
        base = sum(line.amount for line in lines)
        if not memo:
            memo = ", ".join(line.label for line in lines)
            memo = memo if len(memo) <= _MEMO_MAX else memo[: _MEMO_MAX - 1] + "…"
        session = await self.start_checkout(base, tip=tip, memo=memo, cashier=cashier)
        self.catalog.add_lines(session.sale.id, lines)
        return session

    def sales_stats(self, since: float = 0.0) -> dict[str, list[dict[str, object]]]:
        """For analytics: best sellers, sales per category and offline losses since ``since`` (unix time)."""
        return self.catalog.stats(since)

    def sale_lines(self, sale_id: str) -> list[SaleLine]:
        sale = self._sale(sale_id)
        return self.catalog.lines([sale.id]).get(sale.id, [])

    def _paid(self, sale: Sale, **fields: Any) -> Sale:
        sale = super()._paid(sale, **fields)
        lines = self.catalog.lines([sale.id]).get(sale.id)
        if lines:  # a sale is paid once (the state machine): its items leave the stock once
            self.catalog.take_stock(lines)
        return sale

    def receipt(self, sale_id: str) -> list[tuple[str, str]]:
        """The receipt's rows, with one row per line and the tax included per rate after the total."""
        rows = super().receipt(sale_id)
        lines = self.sale_lines(sale_id)
        if not lines:
            return rows
        unit = self._sale(sale_id).unit
        rows = [row for row in rows if row[0] != "Items"]  # the lines say it
        at = next((i for i, (label, _) in enumerate(rows) if label == "Price"), len(rows))
        rows[at:at] = [(line.label, f"{line.amount:,} {unit}") for line in lines]
        taxes: dict[Decimal, int] = {}
        for line in lines:
            if line.tax_rate:
                taxes[line.tax_rate] = taxes.get(line.tax_rate, 0) + line.tax
        at = next((i + 1 for i, (label, _) in enumerate(rows) if label == "Total"), len(rows))
        rows[at:at] = [(f"incl. tax {rate.normalize():f}%", f"{tax:,} {unit}") for rate, tax in sorted(taxes.items())]
        return rows

    def signed_receipt(self, sale_id: str) -> dict[str, Any]:
        """The paid sale's receipt as a Nostr event signed by the shop's key (``core.pos.signed``)."""
        sale = self._sale(sale_id)
        if sale.state is not SaleState.PAID:
            raise UserFacingError(
                t("{0} is {1}: only a paid sale has a signed receipt").format(sale.receipt_id, sale.state)
            )
        record = receipt_record(sale, self.policy().shop_name, self.sale_lines(sale.id), offline=bool(sale.offline))
        return sign_receipt(self.nostr_keys(), record)

    # --- what the facade provides --------------------------------------------------------------

    async def start_checkout(
        self, base: int, *, tip: int = 0, memo: str = "", fiat: Decimal | None = None, cashier: str | None = None
    ) -> CheckoutSession:
        raise NotImplementedError
