"""The catalog's tables (``pos_items``, ``pos_sale_lines``, migration 0007). Each method is one transaction."""

from __future__ import annotations

import time
from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import func, select, update

from core.pos.catalog import Item, SaleLine
from core.storage.db import Database
from core.storage.models import PosItemRow, PosSaleLineRow, PosSaleRow

__all__ = ["CatalogRepository"]


def _item(row: PosItemRow) -> Item:
    return Item(row.name, Decimal(row.price), row.currency, row.category, Decimal(row.tax_rate), row.stock)


def _line(row: PosSaleLineRow) -> SaleLine:
    return SaleLine(row.name, row.quantity, Decimal(row.unit_price), row.currency, row.category,
                    Decimal(row.tax_rate), Decimal(row.discount), row.amount, row.tax)  # fmt: skip


class CatalogRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def items(self) -> list[Item]:
        with self.db.session() as s:
            rows = s.scalars(select(PosItemRow).order_by(PosItemRow.category, PosItemRow.name)).all()
            return [_item(r) for r in rows]

    def item(self, name: str) -> Item | None:
        """An item by name (exact first, else case-insensitive)."""
        with self.db.session() as s:
            row = s.get(PosItemRow, name)
            if row is None:
                lowered = name.strip().lower()
                row = next((r for r in s.scalars(select(PosItemRow)).all() if r.name.lower() == lowered), None)
            return None if row is None else _item(row)

    def save(self, items: Sequence[Item]) -> None:
        """Add or replace items (by name)."""
        with self.db.session() as s:
            for item in items:
                row = s.get(PosItemRow, item.name)
                if row is None:
                    row = PosItemRow(name=item.name, created_at=time.time())
                    s.add(row)
                row.price, row.currency, row.category = str(item.price), item.currency, item.category
                row.tax_rate, row.stock = str(item.tax_rate), item.stock

    def remove(self, name: str) -> bool:
        with self.db.session() as s:
            row = s.get(PosItemRow, name)
            if row is not None:
                s.delete(row)
            return row is not None

    def add_lines(self, sale_id: str, lines: Sequence[SaleLine]) -> None:
        with self.db.session() as s:
            for i, line in enumerate(lines):
                s.add(PosSaleLineRow(
                    sale_id=sale_id, position=i, name=line.name, quantity=line.quantity,
                    unit_price=str(line.unit_price), currency=line.currency, category=line.category,
                    tax_rate=str(line.tax_rate), discount=str(line.discount), amount=line.amount, tax=line.tax,
                ))  # fmt: skip

    def lines(self, sale_ids: Sequence[str]) -> dict[str, list[SaleLine]]:
        with self.db.session() as s:
            q = select(PosSaleLineRow).where(PosSaleLineRow.sale_id.in_(list(sale_ids)))
            found: dict[str, list[SaleLine]] = {}
            for row in s.scalars(q.order_by(PosSaleLineRow.sale_id, PosSaleLineRow.position)).all():
                found.setdefault(row.sale_id, []).append(_line(row))
            return found

    def take_stock(self, lines: Sequence[SaleLine]) -> None:
        """Count sold items out of their stock (one statement per item: several tills may sell at once)."""
        with self.db.session() as s:
            for line in lines:
                s.execute(
                    update(PosItemRow)
                    .where(PosItemRow.name == line.name, PosItemRow.stock.is_not(None))
                    .values(stock=PosItemRow.stock - line.quantity)
                )

    def stats(self, since: float = 0.0, until: float | None = None) -> dict[str, list[dict[str, object]]]:
        """Paid sales' lines in ``[since, until)``: items by quantity sold (best sellers) and amounts per category;
        and the offline losses."""
        when = PosSaleRow.paid_at >= since
        if until is not None:
            when = when & (PosSaleRow.paid_at < until)
        paid = (PosSaleRow.id == PosSaleLineRow.sale_id) & (PosSaleRow.state == "paid") & when
        with self.db.session() as s:
            items = s.execute(
                select(PosSaleLineRow.name, func.sum(PosSaleLineRow.quantity), func.sum(PosSaleLineRow.amount))
                .join(PosSaleRow, paid)
                .group_by(PosSaleLineRow.name)
                .order_by(func.sum(PosSaleLineRow.quantity).desc(), PosSaleLineRow.name)
            ).all()
            categories = s.execute(
                select(PosSaleLineRow.category, func.sum(PosSaleLineRow.amount))
                .join(PosSaleRow, paid)
                .group_by(PosSaleLineRow.category)
                .order_by(func.sum(PosSaleLineRow.amount).desc())
            ).all()
            losses = s.execute(
                select(PosSaleRow.number, PosSaleRow.loss, PosSaleRow.mint_url)
                .where(PosSaleRow.loss > 0, when)
                .order_by(PosSaleRow.number)
            ).all()
        return {
            "items": [{"name": n, "quantity": int(q), "amount": int(a)} for n, q, a in items],
            "categories": [{"category": c or "—", "amount": int(a)} for c, a in categories],
            "losses": [{"receipt": f"R-{n:06d}", "loss": int(lo), "mint": m} for n, lo, m in losses],
        }
