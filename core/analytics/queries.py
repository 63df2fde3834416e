"""The ledger queries behind the Analytics view and the reports. Every figure is aggregated by the database
(GROUP BY over the covering index ``ix_operations_analytics``); Python only sees one row per
bucket × mint × unit × kind, never the history itself.

How operations count (state ``done`` only; the journal's other states are in the failure figures):

=========  ==================  ===================================================
kind       category            balance change at the mint
=========  ==================  ===================================================
issue      received_lightning  + amount  (``transfer_in`` when it mints a transfer)
receive    received_ecash      + amount  (amount is net of the input fee in ``fee``)
sale       sale                + amount  (a point-of-sale checkout; ``data.tip`` part of it)
reclaim    reclaimed           + amount
restore    restored            + amount
send       sent_ecash          − (amount + fee)
melt       paid_lightning      − (amount + fee)  (fee = input fee + Lightning fee paid)
transfer   transfer_out        − (amount + fee)
=========  ==================  ===================================================

Fiat values use the rate stored with each operation (``fiat_rate`` per BTC, ``fiat_currency``); a
``fallback_rate`` (e.g. today's) values entries without one, and fiat units (``usd`` cents …) count at face value.

What needs the journal's JSON data (Lightning fees, tips, transfers between our own mints) comes from
``operation_facts`` (see ``core.analytics.facts``), brought up to date before each snapshot.

The same queries run on SQLite (one machine) and PostgreSQL (a shop's tills): the few fragments where the two
differ (date buckets, JSON, SQLite's index hints) come from ``core.analytics.sql``. The queries live in
``flows`` (flows, opening balances, balance series), ``figures`` (sales, fees, exposure, failures) and ``entries``
(the exports' one-by-one entries); this module puts a snapshot together.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

from sqlalchemy import Connection

from core.analytics.entries import HistoryEntry, first_operation_at, iter_entries, set_fiat_rate
from core.analytics.figures import MintInfo, exposure, failures, fees, sales
from core.analytics.flows import balance_series, flows, opening_balances
from core.analytics.periods import Period, buckets_between
from core.analytics.sql import KIND_CATEGORY, dialect_of
from core.analytics.types import AnalyticsSnapshot

__all__ = [
    "KIND_CATEGORY",
    "HistoryEntry",
    "MintInfo",
    "build_snapshot",
    "iter_entries",
    "period_start",
    "set_fiat_rate",
]

period_start = first_operation_at


def build_snapshot(
    conn: Connection,
    period: Period,
    *,
    currency: str = "USD",
    fallback_rate: float | None = None,
    mints: Mapping[str, MintInfo] | None = None,
) -> AnalyticsSnapshot:
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = now - clock
        clock = now

    sql = dialect_of(conn)
    start = period_start(conn, period)
    params = {
        "start": start,
        "end": period.end,
        "cur": currency.upper(),
        "fallback": fallback_rate,
        **sql.params(period.utc),
    }
    buckets = buckets_between(start, period.end, period.granularity, period.utc)
    flow_rows, entries, unpriced = flows(conn, sql, period, params)
    lap("flows")
    balances = balance_series(buckets, flow_rows, opening_balances(conn, sql, params))
    lap("balances")
    sale_rows = sales(conn, sql, period, params)
    lap("sales")
    fee_rows = fees(conn, flow_rows, params)
    lap("fees")
    exposure_rows = exposure(conn, flow_rows, mints or {})
    lap("exposure")
    failure_rows = failures(conn, sql, period, buckets, params)
    lap("failures")
    return AnalyticsSnapshot(
        period=period,
        start=start,
        currency=currency.upper(),
        buckets=buckets,
        flows=flow_rows,
        balances=balances,
        sales=sale_rows,
        fees=fee_rows,
        exposure=exposure_rows,
        failures=failure_rows,
        entries=entries,
        unpriced=unpriced,
        timings=timings,
    )
