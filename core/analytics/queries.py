"""The ledger queries behind the Analytics view and the reports. Every figure is aggregated by SQLite
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

The SQL is SQLite's (``date(…, 'unixepoch', 'localtime')``; the facts' ``json_extract``, ``json_each``): the
dialect the wallet ships with. A PostgreSQL port replaces ``_bucket_sql`` and ``facts.SYNC_SQL``.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import Connection, text

from core.analytics.periods import Granularity, Period, buckets_between
from core.analytics.types import (
    AnalyticsSnapshot,
    BalancePoint,
    ExposureRow,
    FailureRow,
    FeeRow,
    FlowRow,
    SalesRow,
)

__all__ = [
    "KIND_CATEGORY",
    "HistoryEntry",
    "MintInfo",
    "build_snapshot",
    "iter_entries",
    "period_start",
    "set_fiat_rate",
]

KIND_CATEGORY = {
    "issue": "received_lightning",
    "receive": "received_ecash",
    "sale": "sale",
    "reclaim": "reclaimed",
    "restore": "restored",
    "send": "sent_ecash",
    "melt": "paid_lightning",
    "transfer": "transfer_out",
}
LIGHTNING_KINDS = ("melt", "transfer")
FAILED_STATES = ("failed", "rolled_back")
OPEN_FAILURES = ("pending", "needs-review", "failed-terminal")
CENT = Decimal("0.01")
SATS_PER_BTC = 100_000_000


@dataclass(frozen=True)
class MintInfo:
    name: str
    trusted: bool


def _bucket_sql(column: str, granularity: Granularity, utc: bool) -> str:
    tz = "" if utc else ", 'localtime'"
    if granularity == "day":
        return f"date({column}, 'unixepoch'{tz})"
    if granularity == "week":
        # 'weekday 0' moves forward to Sunday (or stays), '-6 days' back to that week's Monday.
        return f"date({column}, 'unixepoch'{tz}, 'weekday 0', '-6 days')"
    return f"strftime('%Y-%m-01', {column}, 'unixepoch'{tz})"


def _fiat_sql(value: str, prefix: str = "") -> str:
    """The fiat value of ``value`` (an amount column or expression) of one operation row, or NULL."""
    p = prefix
    return (
        f"(CASE WHEN {p}unit = 'sat' AND {p}fiat_rate IS NOT NULL AND upper({p}fiat_currency) = :cur "
        f"THEN ({value}) * {p}fiat_rate / {SATS_PER_BTC}.0 "
        f"WHEN {p}unit = 'sat' AND :fallback IS NOT NULL THEN ({value}) * :fallback / {SATS_PER_BTC}.0 "
        f"WHEN lower({p}unit) = lower(:cur) THEN ({value}) / 100.0 "
        "ELSE NULL END)"
    )


def _money(value: Any) -> Decimal | None:
    if value is None:
        return None
    # Floats from SQL sums: round away the binary noise, then to cents.
    return Decimal(repr(round(float(value), 6))).quantize(CENT, ROUND_HALF_UP)


def _add(a: Decimal | None, b: Decimal | None) -> Decimal | None:
    if a is None:
        return b
    if b is None:
        return a
    return a + b


def _params(period: Period, start: float, currency: str, fallback_rate: float | None) -> dict[str, Any]:
    return {"start": start, "end": period.end, "cur": currency.upper(), "fallback": fallback_rate}


def period_start(conn: Connection, period: Period) -> float:
    """The period's start; for "all time" the first operation's time (or the end when there is none)."""
    if period.start is not None:
        return period.start
    first = conn.execute(text("SELECT MIN(created_at) FROM operations")).scalar()
    return float(first) if first is not None else period.end


# --- flows and balances ------------------------------------------------------------------------


def _flows(conn: Connection, period: Period, params: Mapping[str, Any]) -> tuple[list[FlowRow], int, int]:
    bucket = _bucket_sql("created_at", period.granularity, period.utc)
    rows = conn.execute(
        text(
            f"SELECT {bucket} AS bucket, mint_url, unit, kind, COUNT(*), SUM(amount), SUM(fee), "
            f"SUM({_fiat_sql('amount')}), SUM({_fiat_sql('fee')}), "
            f"SUM(CASE WHEN {_fiat_sql('amount')} IS NULL THEN 1 ELSE 0 END) "
            "FROM operations INDEXED BY ix_operations_analytics "
            "WHERE state = 'done' AND created_at >= :start AND created_at < :end "
            "GROUP BY bucket, mint_url, unit, kind"
        ),
        params,
    ).all()
    # The mintings that finished a transfer between our own mints: not money received from anyone.
    transfer_in = conn.execute(
        text(
            f"SELECT {bucket} AS bucket, mint_url, unit, COUNT(*), SUM(amount), SUM(fee), "
            f"SUM({_fiat_sql('amount')}), SUM({_fiat_sql('fee')}) FROM operation_facts "
            "WHERE kind = 'issue' AND internal AND created_at >= :start AND created_at < :end "
            "GROUP BY bucket, mint_url, unit"
        ),
        params,
    ).all()
    moved = {(b, m, u): (c, a, f, fa, ff) for b, m, u, c, a, f, fa, ff in transfer_in}
    flows: list[FlowRow] = []
    entries = unpriced = 0
    for b, mint, unit, kind, count, amount, fee, fiat_amount, fiat_fee, no_rate in rows:
        entries += int(count)
        unpriced += int(no_rate or 0)
        category = KIND_CATEGORY.get(kind)
        if category is None:
            continue
        count, amount, fee = int(count), int(amount or 0), int(fee or 0)
        fa, ff = _money(fiat_amount), _money(fiat_fee)
        if kind == "issue" and (b, mint, unit) in moved:
            t_count, t_amount, t_fee, t_fa, t_ff = moved[(b, mint, unit)]
            t_amount, t_fee = int(t_amount or 0), int(t_fee or 0)
            flows.append(
                FlowRow(b, mint, unit, "transfer_in", int(t_count), t_amount, t_fee, _money(t_fa), _money(t_ff))
            )
            count, amount, fee = count - int(t_count), amount - t_amount, fee - t_fee
            fa = None if fa is None else fa - (_money(t_fa) or Decimal(0))
            ff = None if ff is None else ff - (_money(t_ff) or Decimal(0))
            if count == 0:
                continue
        flows.append(FlowRow(b, mint, unit, category, count, amount, fee, fa, ff))
    flows += _saga_transfers_in(conn, bucket, params)
    flows.sort(key=lambda f: (f.bucket, f.mint_url, f.unit, f.category))
    return flows, entries, unpriced


# A transfer is one journal entry (a saga: melt at the source, mint at the target): its arrival at the target is
# no entry of its own, so the target's "transfer_in" is read from the finished transfer's data.
_SAGA_DONE = (
    "state = 'done' AND kind = 'transfer' AND json_extract(nd_open(data_json), '$.step') = 'done' "
    "AND created_at >= :start AND created_at < :end"
)


def _saga_transfers_in(conn: Connection, bucket: str, params: Mapping[str, Any]) -> list[FlowRow]:
    rows = conn.execute(
        text(
            f"SELECT {bucket} AS bucket, json_extract(nd_open(data_json), '$.dest_mint') AS dest, unit, COUNT(*), "
            f"SUM(amount), SUM({_fiat_sql('amount')}), SUM({_fiat_sql('0')}) FROM operations "
            f"WHERE {_SAGA_DONE} GROUP BY bucket, dest, unit"
        ),
        params,
    ).all()
    return [
        FlowRow(b, dest, unit, "transfer_in", int(c), int(a or 0), 0, _money(fa), _money(ff))
        for b, dest, unit, c, a, fa, ff in rows
    ]


def _opening_balances(conn: Connection, params: Mapping[str, Any]) -> dict[tuple[str, str], tuple[int, Decimal | None]]:
    rows = conn.execute(
        text(
            f"SELECT mint_url, unit, kind, SUM(amount), SUM(fee), SUM({_fiat_sql('amount')}), "
            f"SUM({_fiat_sql('fee')}) FROM operations INDEXED BY ix_operations_ledger "
            "WHERE state = 'done' AND created_at < :start GROUP BY kind, mint_url, unit"
        ),
        params,
    ).all()
    opening: dict[tuple[str, str], tuple[int, Decimal | None]] = {}
    for mint, unit, kind, amount, fee, fiat_amount, fiat_fee in rows:
        category = KIND_CATEGORY.get(kind)
        if category is None:
            continue
        row = FlowRow(
            "", mint, unit, category, 0, int(amount or 0), int(fee or 0), _money(fiat_amount), _money(fiat_fee)
        )
        sats, fiat = opening.get((mint, unit), (0, None))
        opening[(mint, unit)] = (sats + row.balance_change, _add(fiat, _fiat_change(row)))
    for row in _saga_transfers_in(conn, "''", {**params, "end": params["start"], "start": float("-inf")}):
        sats, fiat = opening.get((row.mint_url, row.unit), (0, None))
        opening[(row.mint_url, row.unit)] = (sats + row.balance_change, _add(fiat, _fiat_change(row)))
    return opening


def _fiat_change(row: FlowRow) -> Decimal | None:
    if row.incoming:
        return row.fiat_amount
    if row.fiat_amount is None and row.fiat_fee is None:
        return None
    return -((row.fiat_amount or Decimal(0)) + (row.fiat_fee or Decimal(0)))


def _balance_series(
    buckets: list[str], flows: list[FlowRow], opening: dict[tuple[str, str], tuple[int, Decimal | None]]
) -> list[BalancePoint]:
    change: dict[tuple[str, str, str], tuple[int, Decimal | None]] = {}
    keys = set(opening)
    for f in flows:
        keys.add((f.mint_url, f.unit))
        sats, fiat = change.get((f.bucket, f.mint_url, f.unit), (0, None))
        change[(f.bucket, f.mint_url, f.unit)] = (sats + f.balance_change, _add(fiat, _fiat_change(f)))
    points: list[BalancePoint] = []
    for mint, unit in sorted(keys):
        sats, fiat = opening.get((mint, unit), (0, None))
        for b in buckets:
            d_sats, d_fiat = change.get((b, mint, unit), (0, None))
            sats, fiat = sats + d_sats, _add(fiat, d_fiat)
            points.append(BalancePoint(b, mint, unit, sats, fiat))
    totals: dict[tuple[str, str], tuple[int, Decimal | None]] = {}
    for p in points:
        sats, fiat = totals.get((p.bucket, p.unit), (0, None))
        totals[(p.bucket, p.unit)] = (sats + p.balance, _add(fiat, p.fiat))
    for unit in sorted({u for _, u in keys}):
        for b in buckets:
            sats, fiat = totals.get((b, unit), (0, None))
            points.append(BalancePoint(b, "*", unit, sats, fiat))
    return points


# --- sales, fees, exposure, failures -----------------------------------------------------------


def _sales(conn: Connection, period: Period, params: Mapping[str, Any]) -> list[SalesRow]:
    bucket = _bucket_sql("created_at", period.granularity, period.utc)
    rows = conn.execute(
        text(
            f"SELECT {bucket} AS bucket, unit, COUNT(*), SUM(amount), SUM(tip), "
            f"SUM({_fiat_sql('amount - tip')}), SUM({_fiat_sql('tip')}) FROM operation_facts "
            "WHERE kind = 'sale' AND created_at >= :start AND created_at < :end "
            "GROUP BY bucket, unit ORDER BY bucket, unit"
        ),
        params,
    ).all()
    return [
        SalesRow(b, unit, int(count), int(amount or 0) - int(tips or 0), int(tips or 0), _money(fs), _money(ft))
        for b, unit, count, amount, tips, fs, ft in rows
    ]


def _lightning_fees(conn: Connection, params: Mapping[str, Any]) -> dict[tuple[str, str], tuple[int, ...]]:
    rows = conn.execute(
        text(
            "SELECT mint_url, unit, COUNT(*), SUM(amount), SUM(fee), SUM(fee_reserve), SUM(input_fee), "
            "SUM(COALESCE(total_in, amount + fee)) FROM operation_facts "
            "WHERE kind IN ('melt', 'transfer') AND created_at >= :start AND created_at < :end "
            "GROUP BY mint_url, unit"
        ),
        params,
    ).all()
    return {(m, u): tuple(int(v or 0) for v in rest) for m, u, *rest in rows}


def _fees(conn: Connection, flows: list[FlowRow], params: Mapping[str, Any]) -> list[FeeRow]:
    ppk = {
        (m, u): int(v or 0)
        for m, u, v in conn.execute(
            text("SELECT mint_url, unit, MAX(input_fee_ppk) FROM keysets WHERE active GROUP BY mint_url, unit")
        ).all()
    }
    lightning = _lightning_fees(conn, params)
    per_mint: dict[tuple[str, str], list[Any]] = defaultdict(lambda: [0, 0, 0, None])  # volume, fees, swap fees, fiat
    for f in flows:
        slot = per_mint[(f.mint_url, f.unit)]
        if f.category != "restored":
            slot[0] += f.amount
        slot[1] += f.fee
        if f.category not in ("paid_lightning", "transfer_out"):
            slot[2] += f.fee
        slot[3] = _add(slot[3], f.fiat_fee)
    out = []
    for (mint, unit), (volume, fees, swap_fees, fiat_fees) in sorted(per_mint.items()):
        count, amount, fee, reserve, melt_input_fee, total_in = lightning.get((mint, unit), (0, 0, 0, 0, 0, 0))
        paid = fee - melt_input_fee
        out.append(
            FeeRow(
                mint_url=mint,
                unit=unit,
                fee_ppk=ppk.get((mint, unit), 0),
                volume=volume,
                fees=fees,
                input_fees=swap_fees + melt_input_fee,
                lightning_payments=count,
                lightning_amount=amount,
                lightning_reserve=reserve,
                lightning_paid=paid,
                reserve_returned=reserve - paid,
                change_returned=total_in - amount - fee,
                fiat_fees=fiat_fees,
            )
        )
    return out


def _exposure(conn: Connection, flows: list[FlowRow], mints: Mapping[str, MintInfo]) -> list[ExposureRow]:
    held: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for mint, unit, state, amount in conn.execute(
        text(
            "SELECT mint_url, unit, state, SUM(amount) FROM proofs WHERE state IN ('unspent', 'reserved', 'pending') "
            "GROUP BY state, mint_url, unit"
        )
    ).all():
        held[(mint, unit)][0 if state == "unspent" else 1] += int(amount or 0)
    usage: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for f in flows:
        usage[(f.mint_url, f.unit)][0] += f.count
        usage[(f.mint_url, f.unit)][1] += f.amount
    for key in usage:
        held.setdefault(key, [0, 0])
    unit_totals: dict[str, int] = defaultdict(int)
    for (_, unit), (balance, _pending) in held.items():
        unit_totals[unit] += balance
    rows = []
    for (mint, unit), (balance, pending) in sorted(held.items()):
        info = mints.get(mint, MintInfo(mint, False))
        total = unit_totals[unit]
        share = (Decimal(balance) * 100 / Decimal(total)).quantize(CENT) if total else Decimal("0.00")
        ops, volume = usage.get((mint, unit), [0, 0])
        rows.append(ExposureRow(mint, info.name, info.trusted, unit, balance, pending, share, ops, volume))
    return rows


def _failures(conn: Connection, period: Period, buckets: list[str], params: Mapping[str, Any]) -> list[FailureRow]:
    counts: dict[str, dict[str, int]] = {b: defaultdict(int) for b in buckets}
    op_bucket = _bucket_sql("created_at", period.granularity, period.utc)
    for b, state, n in conn.execute(
        text(
            f"SELECT {op_bucket} AS bucket, state, COUNT(*) FROM operations "
            "WHERE state IN ('failed', 'rolled_back') AND created_at >= :start AND created_at < :end "
            "GROUP BY bucket, state"
        ),
        params,
    ).all():
        counts.setdefault(b, defaultdict(int))[str(state)] += int(n)
    for b, status, n in conn.execute(
        text(
            f"SELECT {op_bucket} AS bucket, status, COUNT(*) FROM failed_transactions "
            "WHERE created_at >= :start AND created_at < :end GROUP BY bucket, status"
        ),
        params,
    ).all():
        key = "open" if status in OPEN_FAILURES else str(status)
        counts.setdefault(b, defaultdict(int))[key] += int(n)
    return [
        FailureRow(
            b,
            failed=c["failed"],
            rolled_back=c["rolled_back"],
            recovered=c["recovered"],
            open=c["open"],
            dismissed=c["dismissed"],
        )
        for b, c in sorted(counts.items())
    ]


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

    start = period_start(conn, period)
    params = _params(period, start, currency, fallback_rate)
    buckets = buckets_between(start, period.end, period.granularity, period.utc)
    flows, entries, unpriced = _flows(conn, period, params)
    lap("flows")
    balances = _balance_series(buckets, flows, _opening_balances(conn, params))
    lap("balances")
    sales = _sales(conn, period, params)
    lap("sales")
    fees = _fees(conn, flows, params)
    lap("fees")
    exposure = _exposure(conn, flows, mints or {})
    lap("exposure")
    failures = _failures(conn, period, buckets, params)
    lap("failures")
    return AnalyticsSnapshot(
        period=period,
        start=start,
        currency=currency.upper(),
        buckets=buckets,
        flows=flows,
        balances=balances,
        sales=sales,
        fees=fees,
        exposure=exposure,
        failures=failures,
        entries=entries,
        unpriced=unpriced,
        timings=timings,
    )


# --- entries, one by one (exports) -------------------------------------------------------------


@dataclass(frozen=True)
class HistoryEntry:
    """One operation for the exports, with what the accounting needs beside the journal's columns."""

    id: str
    time: float
    kind: str
    category: str
    state: str
    mint_url: str
    unit: str
    amount: int
    fee: int
    memo: str
    fiat_rate: float | None
    fiat_currency: str | None
    input_fee: int  # Lightning payments: the mint's input fee (the rest of ``fee`` is the Lightning fee)
    fee_reserve: int  # Lightning payments: the quote's fee reserve
    tip: int  # sales
    dest_mint: str  # transfers out: where the value went

    @property
    def lightning_fee(self) -> int:
        return self.fee - self.input_fee if self.kind in LIGHTNING_KINDS else 0

    @property
    def swap_fee(self) -> int:
        return self.input_fee if self.kind in LIGHTNING_KINDS else self.fee


def iter_entries(
    conn: Connection, period: Period, *, states: tuple[str, ...] | None = ("done",), batch: int = 2000
) -> Iterator[HistoryEntry]:
    """The operations of the period, oldest first, streamed in batches (never the whole history at once)."""
    start = period_start(conn, period)
    params: dict[str, Any] = {"start": start, "end": period.end}
    state_filter = ""
    if states is not None:
        names = [f":s{i}" for i in range(len(states))]
        state_filter = f"AND o.state IN ({', '.join(names)})"
        params.update({f"s{i}": s for i, s in enumerate(states)})
    sql = (
        "SELECT o.id, o.created_at, o.kind, o.state, o.mint_url, o.unit, o.amount, o.fee, o.memo, o.fiat_rate, "
        "o.fiat_currency, COALESCE(f.input_fee, 0), COALESCE(f.fee_reserve, 0), COALESCE(f.tip, 0), "
        "CASE WHEN o.kind = 'transfer' THEN COALESCE(json_extract(nd_open(o.data_json), '$.dest_mint'), '') "
        "ELSE '' END, "
        "COALESCE(f.internal, 0), "
        "CASE WHEN o.kind = 'transfer' THEN json_extract(nd_open(o.data_json), '$.step') ELSE NULL END "
        "FROM operations o LEFT JOIN operation_facts f ON f.operation_id = o.id "
        f"WHERE o.created_at >= :start AND o.created_at < :end {state_filter} ORDER BY o.created_at, o.id"
    )
    result = conn.execution_options(yield_per=batch).execute(text(sql), params)
    for row in result:
        (
            op_id,
            created,
            kind,
            state,
            mint,
            unit,
            amount,
            fee,
            memo,
            rate,
            cur,
            in_fee,
            reserve,
            tip,
            dest,
            t_in,
            step,
        ) = row
        category = "transfer_in" if t_in else KIND_CATEGORY.get(kind, kind)
        yield HistoryEntry(
            id=op_id,
            time=float(created),
            kind=kind,
            category=category,
            state=state,
            mint_url=mint,
            unit=unit,
            amount=int(amount),
            fee=int(fee),
            memo=memo or "",
            fiat_rate=None if rate is None else float(rate),
            fiat_currency=cur,
            input_fee=int(in_fee),
            fee_reserve=int(reserve),
            tip=int(tip),
            dest_mint=dest or "",
        )
        if step == "done" and state == "done" and dest:
            # A transfer saga's arrival at the target (no entry of its own): the target's side of the same transfer.
            yield HistoryEntry(
                id=f"{op_id}:in", time=float(created), kind="issue", category="transfer_in", state=state,
                mint_url=dest, unit=unit, amount=int(amount), fee=0, memo=memo or "",
                fiat_rate=None if rate is None else float(rate), fiat_currency=cur, input_fee=0, fee_reserve=0,
                tip=0, dest_mint="",
            )  # fmt: skip


def set_fiat_rate(conn: Connection, operation_id: str, rate: float, currency: str) -> bool:
    """Record the exchange rate (fiat per BTC) an operation happened at; False when there is no such operation."""
    result = conn.execute(
        # updated_at moves so that operation_facts picks the rate up at its next catch-up.
        text("UPDATE operations SET fiat_rate = :rate, fiat_currency = :cur, updated_at = :now WHERE id = :id"),
        {"rate": rate, "cur": currency.upper(), "id": operation_id, "now": time.time()},
    )
    return bool(result.rowcount)
