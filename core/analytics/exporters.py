"""Exports: the history as CSV, a report (``AnalyticsSnapshot``) as CSV or JSON, and an accounting ledger in
Beancount format. Entries are streamed (``iter_entries``); nothing here touches the database.

Beancount ledger: one account per mint and unit (``Assets:Cashu:<Mint>:SATS``), fees as expenses per mint
(``Expenses:Fees:Mint:<Mint>`` for NUT-02 input fees, ``Expenses:Fees:Lightning:<Mint>`` for Lightning fees),
transfers between our own mints through ``Assets:Cashu:InTransit``. Every transaction balances in its own
commodity; its fiat value at the rate recorded when it happened is in its metadata (``fiat-value``), and
each day's recorded rate becomes a ``price`` directive.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import TextIO

from core.analytics.queries import HistoryEntry
from core.analytics.types import CATEGORY_LABELS, AnalyticsSnapshot

__all__ = [
    "HISTORY_FIELDS",
    "BeancountAccounts",
    "entry_fiat_value",
    "report_csv",
    "report_json",
    "write_beancount",
    "write_history_csv",
]

HISTORY_FIELDS = [
    "time",
    "id",
    "kind",
    "category",
    "state",
    "mint",
    "unit",
    "amount",
    "fee",
    "input_fee",
    "lightning_fee",
    "fee_reserve",
    "tip",
    "balance_change",
    "fiat_currency",
    "fiat_rate",
    "fiat_value",
    "memo",
]
OUTGOING_KINDS = frozenset({"send", "melt", "transfer"})
SATS_PER_BTC = Decimal(100_000_000)
CENT = Decimal("0.01")
FIAT_UNITS = frozenset({"usd", "eur", "gbp", "chf", "cad", "aud", "jpy"})


def _iso(epoch: float, utc: bool) -> str:
    moment = dt.datetime.fromtimestamp(epoch, dt.UTC) if utc else dt.datetime.fromtimestamp(epoch).astimezone()
    return moment.isoformat(timespec="seconds")


def balance_change(e: HistoryEntry) -> int:
    if e.state != "done":
        return 0
    return -(e.amount + e.fee) if e.kind in OUTGOING_KINDS else e.amount


def entry_fiat_value(amount: int, e: HistoryEntry, currency: str) -> Decimal | None:
    """``amount`` (of the entry's unit) in ``currency`` at the rate recorded with the entry."""
    if e.unit == "sat" and e.fiat_rate is not None and (e.fiat_currency or "").upper() == currency.upper():
        rate = e.fiat_rate
        return (Decimal(amount) * rate / SATS_PER_BTC).quantize(CENT, ROUND_HALF_UP)
    if e.unit.lower() == currency.lower():
        return (Decimal(amount) / 100).quantize(CENT)
    return None


def write_history_csv(entries: Iterable[HistoryEntry], out: TextIO, *, currency: str = "USD", utc: bool = False) -> int:
    """One row per operation; returns how many were written."""
    writer = csv.DictWriter(out, fieldnames=HISTORY_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for e in entries:
        fiat = entry_fiat_value(e.amount, e, currency)
        writer.writerow(
            {
                "time": _iso(e.time, utc),
                "id": e.id,
                "kind": e.kind,
                "category": e.category,
                "state": e.state,
                "mint": e.mint_url,
                "unit": e.unit,
                "amount": e.amount,
                "fee": e.fee,
                "input_fee": e.swap_fee,
                "lightning_fee": e.lightning_fee,
                "fee_reserve": e.fee_reserve,
                "tip": e.tip,
                "balance_change": balance_change(e),
                "fiat_currency": currency.upper() if fiat is not None else "",
                "fiat_rate": "" if e.fiat_rate is None else str(e.fiat_rate),
                "fiat_value": "" if fiat is None else str(fiat),
                "memo": e.memo,
            }
        )
        count += 1
    return count


def report_json(snapshot: AnalyticsSnapshot) -> str:
    return json.dumps(snapshot.to_json(), indent=2, sort_keys=True) + "\n"


def report_csv(snapshot: AnalyticsSnapshot) -> str:
    """The report in one long table: ``section,bucket,mint,unit,metric,value`` (easy to pivot in a spreadsheet)."""
    rows: list[tuple[str, str, str, str, str, object]] = []
    for unit in snapshot.units:
        for metric, value in snapshot.totals(unit).items():
            rows.append(("totals", "", "", unit, metric, value))
        for metric, fiat in snapshot.fiat_totals(unit).items():
            if fiat is not None:
                rows.append(("totals", "", "", unit, f"{metric}_{snapshot.currency.lower()}", fiat))
    for f in snapshot.flows:
        rows.append(("flows", f.bucket, f.mint_url, f.unit, f"{f.category}_amount", f.amount))
        rows.append(("flows", f.bucket, f.mint_url, f.unit, f"{f.category}_fee", f.fee))
        rows.append(("flows", f.bucket, f.mint_url, f.unit, f"{f.category}_count", f.count))
    for b in snapshot.balances:
        rows.append(("balance", b.bucket, b.mint_url, b.unit, "balance", b.balance))
    for s in snapshot.sales:
        rows += [
            ("sales", s.bucket, "", s.unit, "count", s.count),
            ("sales", s.bucket, "", s.unit, "sales", s.sales),
            ("sales", s.bucket, "", s.unit, "tips", s.tips),
        ]
    for fee in snapshot.fees:
        for metric, value in fee.to_json().items():
            if metric not in ("mint", "unit"):
                rows.append(("fees", "", fee.mint_url, fee.unit, metric, "" if value is None else value))
    for x in snapshot.exposure:
        for metric in ("balance", "pending", "share", "operations", "volume"):
            rows.append(("exposure", "", x.mint_url, x.unit, metric, x.to_json()[metric]))
    for fr in snapshot.failures:
        for metric, value in fr.to_json().items():
            if metric != "bucket":
                rows.append(("failures", fr.bucket, "", "", metric, value))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["section", "bucket", "mint", "unit", "metric", "value"])
    writer.writerows(rows)
    return buffer.getvalue()


# --- Beancount ---------------------------------------------------------------------------------


def _component(text: str) -> str:
    """A Beancount account component: starts with a capital letter or digit; letters, digits, dashes."""
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "Mint"
    return cleaned[0].upper() + cleaned[1:]


def commodity(unit: str) -> str:
    return {"sat": "SATS", "msat": "MSATS"}.get(unit, unit.upper())


def _quantity(amount: int, unit: str) -> str:
    if unit in FIAT_UNITS:
        return str((Decimal(amount) / 100).quantize(CENT))
    return str(amount)


@dataclass
class BeancountAccounts:
    """Account names; change them to fit an existing ledger."""

    assets: str = "Assets:Cashu"
    in_transit: str = "Assets:Cashu:InTransit"
    received_lightning: str = "Income:Cashu:Received:Lightning"
    received_ecash: str = "Income:Cashu:Received:Ecash"
    sales: str = "Income:Cashu:Sales"
    tips: str = "Income:Cashu:Tips"
    sent_ecash: str = "Expenses:Cashu:Sent:Ecash"
    paid_lightning: str = "Expenses:Cashu:Paid:Lightning"
    mint_fees: str = "Expenses:Fees:Mint"
    lightning_fees: str = "Expenses:Fees:Lightning"
    restored: str = "Equity:Cashu:Restored"


class _MintNames:
    def __init__(self, names: Mapping[str, str]) -> None:
        self._names = dict(names)
        self._components: dict[str, str] = {}
        self._used: set[str] = set()

    def component(self, url: str) -> str:
        if url not in self._components:
            base = re.sub(r"^https?://", "", url).rstrip("/")
            name = _component(self._names.get(url) or base)
            candidate, n = name, 2
            while candidate in self._used:
                candidate, n = f"{name}-{n}", n + 1
            self._used.add(candidate)
            self._components[url] = candidate
        return self._components[url]


def _postings(e: HistoryEntry, a: BeancountAccounts, names: _MintNames) -> list[tuple[str, int]]:
    """(account, amount in the entry's unit); they sum to zero."""
    c = commodity(e.unit)
    mint = names.component(e.mint_url)
    asset = f"{a.assets}:{mint}:{c}"
    swap_fee, ln_fee = e.swap_fee, e.lightning_fee
    fees = [(f"{a.mint_fees}:{mint}", swap_fee), (f"{a.lightning_fees}:{mint}", ln_fee)]
    fees = [(account, amount) for account, amount in fees if amount]
    category = e.category
    if category == "transfer_in":
        return [(asset, e.amount), (f"{a.in_transit}:{c}", -e.amount)]
    if category == "received_lightning":
        return [(asset, e.amount), *fees, (a.received_lightning, -(e.amount + e.fee))]
    if category in ("received_ecash", "reclaimed"):
        counter = a.received_ecash if category == "received_ecash" else a.sent_ecash
        return [(asset, e.amount), *fees, (counter, -(e.amount + e.fee))]
    if category == "sale":
        postings = [(asset, e.amount), *fees, (a.sales, -(e.amount + e.fee - e.tip))]
        if e.tip:
            postings.append((a.tips, -e.tip))
        return postings
    if category == "restored":
        return [(asset, e.amount), (a.restored, -e.amount)]
    if category == "sent_ecash":
        return [(asset, -(e.amount + e.fee)), *fees, (a.sent_ecash, e.amount)]
    if category == "paid_lightning":
        return [(asset, -(e.amount + e.fee)), *fees, (a.paid_lightning, e.amount)]
    if category == "transfer_out":
        return [(asset, -(e.amount + e.fee)), *fees, (f"{a.in_transit}:{c}", e.amount)]
    return []


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_beancount(
    entries: Iterable[HistoryEntry],
    out: TextIO,
    *,
    mint_names: Mapping[str, str] | None = None,
    currency: str = "USD",
    utc: bool = False,
    accounts: BeancountAccounts | None = None,
    title: str = "Nutdesk",
) -> int:
    """Write a Beancount ledger of the (done) entries; returns the number of transactions."""
    a = accounts or BeancountAccounts()
    names = _MintNames(mint_names or {})
    cur = currency.upper()
    body: list[str] = []
    opened: dict[str, str] = {}  # account → the date it is first used
    prices: dict[str, Decimal] = {}
    count = 0
    for e in entries:
        if e.state != "done":
            continue
        postings = _postings(e, a, names)
        if not postings:
            continue
        day = (dt.datetime.fromtimestamp(e.time, dt.UTC) if utc else dt.datetime.fromtimestamp(e.time)).date()
        date = day.isoformat()
        c = commodity(e.unit)
        narration = e.memo or (f"to {e.dest_mint}" if e.dest_mint else "")
        lines = [f"{date} * {_quote(CATEGORY_LABELS.get(e.category, e.kind))} {_quote(narration)}"]
        lines.append(f"  nutdesk-id: {_quote(e.id)}")
        lines.append(f"  time: {_quote(_iso(e.time, utc))}")
        if e.kind in ("melt", "transfer"):
            lines.append(f"  fee-reserve: {e.fee_reserve} {c}")
        fiat = entry_fiat_value(e.amount, e, cur)
        if fiat is not None:
            lines.append(f"  fiat-value: {fiat} {cur}")
            if e.fiat_rate is not None and e.unit == "sat":
                rate = e.fiat_rate
                lines.append(f"  fiat-rate: {rate} {cur}")
                prices[date] = rate / SATS_PER_BTC
        for account, amount in postings:
            opened.setdefault(account, date)
            lines.append(f"  {account:<60} {_quantity(amount, e.unit):>16} {c}")
        body.append("\n".join(lines) + "\n")
        count += 1
    head = [f'option "title" {_quote(title)}', f'option "operating_currency" {_quote(cur)}', ""]
    for account, date in sorted(opened.items(), key=lambda kv: (kv[1], kv[0])):
        head.append(f"{date} open {account}")
    out.write("\n".join(head) + "\n\n")
    out.write("\n".join(body))
    if prices:
        out.write("\n")
        for date, price in sorted(prices.items()):
            out.write(f"{date} price SATS {price.normalize():f} {cur}\n")
    return count
