"""Receipts and the shift close-out (Z-report): the figures, and the Z-report as CSV. Rendering to paper or
PDF is the desktop's (Qt) job; ``receipt_lines`` is the text both the screen and the printout show."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TextIO

from core.pos.catalog import SaleLine
from core.pos.types import Refund, Sale, SaleState, ShiftTotals, ZReport
from core.protocol.units import format_amount

__all__ = ["build_zreport", "receipt_lines", "write_zreport_csv"]


def _time(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S")


def receipt_lines(sale: Sale, shop: str, refunds: Sequence[Refund] = ()) -> list[tuple[str, str]]:
    """(label, value) rows of a receipt, in print order."""
    unit = sale.unit
    rows: list[tuple[str, str]] = [
        ("Shop", shop),
        ("Receipt", sale.receipt_id),
        ("Time", _time(sale.paid_at or sale.created_at)),
    ]
    if sale.memo:
        rows.append(("Items", sale.memo))
    rows.append(("Price", f"{sale.base_amount:,} {unit}"))
    if sale.tip:
        rows.append(("Tip", f"{sale.tip:,} {unit}"))
    if sale.fee_advance:
        rows.append(("Fee advance", f"{sale.fee_advance:,} {unit}"))
    rows.append(("Total", f"{sale.amount:,} {unit}"))
    if sale.fiat_amount is not None and sale.fiat_currency:
        rows.append(("Fiat value", f"{sale.fiat_amount:,.2f} {sale.fiat_currency}"))
    if sale.fiat_rate and sale.fiat_currency:
        rows.append(("Rate", f"{sale.fiat_rate:,.2f} {sale.fiat_currency}/BTC"))
    if paid_with := sale.paid_with():
        rows.append(("Paid with", paid_with))
    if sale.change:
        rows.append(("Overpaid", format_amount(sale.change, sale.ecash_unit)))
    if sale.mint_url:
        rows.append(("Mint", sale.mint_url))
    if sale.offline:
        how = "locked to the shop" if sale.offline == "locked" else "redeemed when the mint is back"
        rows.append(("Accepted offline", how))
    if sale.loss:
        rows.append(("Loss", f"{sale.loss:,} {unit} (the ecash was already spent)"))
    rows.append(("Paid by", {"swap": "Ecash", "melt": "Ecash (forwarded over Lightning)", "lightning": "Lightning"}
                 .get(sale.settlement, sale.settlement or "—")))  # fmt: skip
    rows.append(("Status", str(sale.state).upper()))
    for refund in refunds:
        rows.append(("Refunded", f"{refund.amount:,} {refund.unit} ({_time(refund.created_at)})"))
    if sale.cashier:
        rows.append(("Cashier", sale.cashier))
    return rows


def _add(totals: ShiftTotals, sale: Sale) -> None:
    totals.count += 1
    totals.amount += sale.amount
    totals.tips += sale.tip
    # Fees and change of a sale paid in another unit's ecash count at the price recorded with it.
    totals.fees += sale.in_sale_unit(sale.fee)
    totals.fee_advance += sale.fee_advance
    totals.change += sale.in_sale_unit(sale.change)
    totals.losses += sale.loss
    if sale.fiat_amount is not None and sale.fiat_currency:
        totals.fiat[sale.fiat_currency] = totals.fiat.get(sale.fiat_currency, Decimal(0)) + sale.fiat_amount


def build_zreport(
    shop: str,
    shift_id: int,
    opened_at: float,
    closed_at: float | None,
    sales: Sequence[Sale],
    refunds: Sequence[Refund],
    unit: str = "sat",
    failed_attempts: int | None = None,
    lines: dict[str, list[SaleLine]] | None = None,
    shop_wide: bool = False,
) -> ZReport:
    """Totals of a shift's paid sales by settlement kind, by cashier and by till, with tips, fees and refunds.

    ``shop_wide``: the sales and refunds are every till's open shift together (``shift_id`` is then meaningless).

    ``failed_attempts``: refused payments counted during the shift (a refused token, even if the sale was paid
    afterwards); without a count, the sales left failed."""
    total = ShiftTotals()
    by_settlement: dict[str, ShiftTotals] = {}
    by_cashier: dict[str, ShiftTotals] = {}
    by_till: dict[str, ShiftTotals] = {}
    paid = [s for s in sales if s.state is SaleState.PAID and s.unit == unit]
    for sale in paid:
        _add(total, sale)
        _add(by_settlement.setdefault(sale.settlement, ShiftTotals()), sale)
        _add(by_cashier.setdefault(sale.cashier or "—", ShiftTotals()), sale)
        _add(by_till.setdefault(sale.till or "—", ShiftTotals()), sale)
    settlement_of = {sale.id: sale.settlement for sale in sales}
    for refund in refunds:
        groups = [
            total,
            by_cashier.setdefault(refund.cashier or "—", ShiftTotals()),
            # The till that paid it out: its drawer gave the money back, whichever till sold.
            by_till.setdefault(refund.till or "—", ShiftTotals()),
        ]
        # A refund counts against the settlement kind of the sale it refunds, so the rows add up to the total.
        kind = settlement_of.get(refund.sale_id)
        if kind is not None:
            groups.append(by_settlement.setdefault(kind, ShiftTotals()))
        for group in groups:
            group.refunds += refund.amount
            group.refund_count += 1
    left_failed = sum(1 for s in sales if s.state is SaleState.FAILED)
    failed = left_failed if failed_attempts is None else max(failed_attempts, left_failed)
    taxes: dict[str, dict[str, int]] = {}
    items: dict[str, dict[str, int]] = {}
    categories: dict[str, int] = {}
    for sale in paid:
        for line in (lines or {}).get(sale.id, []):
            rate = taxes.setdefault(f"{line.tax_rate.normalize():f}", {"amount": 0, "tax": 0})
            rate["amount"] += line.amount
            rate["tax"] += line.tax
            item = items.setdefault(line.name, {"quantity": 0, "amount": 0})
            item["quantity"] += line.quantity
            item["amount"] += line.amount
            categories[line.category or "—"] = categories.get(line.category or "—", 0) + line.amount
    return ZReport(
        taxes=taxes,
        items=dict(sorted(items.items(), key=lambda kv: (-kv[1]["quantity"], kv[0]))),  # best sellers first
        categories=categories,
        shop=shop,
        shift_id=shift_id,
        opened_at=opened_at,
        closed_at=closed_at,
        unit=unit,
        total=total,
        by_settlement=by_settlement,
        by_cashier=by_cashier,
        by_till=by_till,
        shop_wide=shop_wide,
        failed=failed,
        sales=paid,
        refunds=list(refunds),
    )


_COLUMNS = ("group", "name", "count", "amount", "tips", "fees", "fee_advance", "change", "refunds", "refund_count",
            "net")  # fmt: skip


def write_zreport_csv(report: ZReport, out: TextIO) -> None:
    """The Z-report's totals (one row per settlement kind, per cashier, per till on the whole shop's, and the total),
    then every sale."""
    writer = csv.writer(out)
    closed = _time(report.closed_at) if report.closed_at else "open"
    shift = "whole shop" if report.shop_wide else report.shift_id
    writer.writerow(("shop", report.shop, "shift", shift, "opened", _time(report.opened_at), "closed",
                     closed, "unit", report.unit))  # fmt: skip
    writer.writerow(_COLUMNS)

    def row(group: str, name: str, t: ShiftTotals) -> None:
        writer.writerow((group, name, t.count, t.amount, t.tips, t.fees, t.fee_advance, t.change, t.refunds,
                         t.refund_count, t.net))  # fmt: skip

    for kind, totals in sorted(report.by_settlement.items()):
        row("settlement", kind, totals)
    for cashier, totals in sorted(report.by_cashier.items()):
        row("cashier", cashier, totals)
    if report.shop_wide:
        for till, totals in sorted(report.by_till.items()):
            row("till", till, totals)
    row("total", "", report.total)
    if report.taxes:
        writer.writerow(())
        writer.writerow(("tax_rate", "amount", "tax"))
        for rate, t in sorted(report.taxes.items(), key=lambda kv: Decimal(kv[0])):
            writer.writerow((rate, t["amount"], t["tax"]))
        writer.writerow(("item", "quantity", "amount"))
        for name, i in report.items.items():
            writer.writerow((name, i["quantity"], i["amount"]))
    writer.writerow(())
    writer.writerow(("receipt", "time", "amount", "tip", "fee", "settlement", "mint", "fiat", "currency", "rate",
                     "cashier", "till", "memo", "paid", "paid_unit", "unit_price"))  # fmt: skip
    for s in sorted(report.sales, key=lambda s: s.number):
        # Amounts in the report's unit; "paid" is the ecash handed over, in "paid_unit".
        writer.writerow((s.receipt_id, _time(s.paid_at or s.created_at), s.amount, s.tip, s.in_sale_unit(s.fee),
                         s.settlement, s.mint_url, s.fiat_amount if s.fiat_amount is not None else "",
                         s.fiat_currency or "", s.fiat_rate or "", s.cashier, s.till, s.memo, s.received, s.ecash_unit,
                         s.unit_price or ""))  # fmt: skip
