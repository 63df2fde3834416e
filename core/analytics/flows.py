"""Flows per bucket × mint × unit × category, the opening balances before a period, and the balance series built
from both (the queries' part of ``core.analytics.queries.build_snapshot``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, text

from core.analytics import opened
from core.analytics.periods import Period
from core.analytics.sql import KIND_CATEGORY, SATS_PER_BTC, Dialect, add, money
from core.analytics.types import BalancePoint, FlowRow

__all__ = ["balance_series", "fiat_sql", "flows", "opening_balances"]


def fiat_sql(value: str, prefix: str = "") -> str:
    """The fiat value of ``value`` (an amount column or expression) of one operation row, or NULL."""
    p = prefix
    # The cast: PostgreSQL cannot tell a parameter's type from ``IS NOT NULL`` alone.
    fallback = "CAST(:fallback AS DOUBLE PRECISION)"
    # The stored rate is exact (PostgreSQL NUMERIC, SQLite the decimal's text: ``core.storage.exact``); the sums
    # compute in doubles on both databases, so SQLite and PostgreSQL give the same figures.
    rate = f"CAST({p}fiat_rate AS DOUBLE PRECISION)"
    return (
        f"(CASE WHEN {p}unit = 'sat' AND {p}fiat_rate IS NOT NULL AND upper({p}fiat_currency) = :cur "
        f"THEN ({value}) * {rate} / {SATS_PER_BTC}.0 "
        f"WHEN {p}unit = 'sat' AND {fallback} IS NOT NULL THEN ({value}) * {fallback} / {SATS_PER_BTC}.0 "
        f"WHEN lower({p}unit) = lower(:cur) THEN ({value}) / 100.0 "
        "ELSE NULL END)"
    )


def flows(conn: Connection, sql: Dialect, period: Period, params: Mapping[str, Any]) -> tuple[list[FlowRow], int, int]:
    bucket = sql.bucket("created_at", period.granularity, period.utc)
    rows = conn.execute(
        text(
            f"SELECT {bucket} AS bucket, mint_url, unit, kind, COUNT(*), SUM(amount), SUM(fee), "
            f"SUM({fiat_sql('amount')}), SUM({fiat_sql('fee')}), "
            f"SUM(CASE WHEN {fiat_sql('amount')} IS NULL THEN 1 ELSE 0 END) "
            f"FROM operations {sql.indexed_by('ix_operations_analytics')} "
            "WHERE state = 'done' AND created_at >= :start AND created_at < :end "
            "GROUP BY bucket, mint_url, unit, kind"
        ),
        params,
    ).all()
    # The mintings that finished a transfer between our own mints: not money received from anyone.
    transfer_in = conn.execute(
        text(
            f"SELECT {bucket} AS bucket, mint_url, unit, COUNT(*), SUM(amount), SUM(fee), "
            f"SUM({fiat_sql('amount')}), SUM({fiat_sql('fee')}) FROM operation_facts "
            "WHERE kind = 'issue' AND internal AND created_at >= :start AND created_at < :end "
            "GROUP BY bucket, mint_url, unit"
        ),
        params,
    ).all()
    moved = {(b, m, u): (c, a, f, fa, ff) for b, m, u, c, a, f, fa, ff in transfer_in}
    out: list[FlowRow] = []
    entries = unpriced = 0
    for b, mint, unit, kind, count, amount, fee, fiat_amount, fiat_fee, no_rate in rows:
        entries += int(count)
        unpriced += int(no_rate or 0)
        category = KIND_CATEGORY.get(kind)
        if category is None:
            continue
        count, amount, fee = int(count), int(amount or 0), int(fee or 0)
        fa, ff = money(fiat_amount), money(fiat_fee)
        if kind == "issue" and (b, mint, unit) in moved:
            t_count, t_amount, t_fee, t_fa, t_ff = moved[(b, mint, unit)]
            t_amount, t_fee = int(t_amount or 0), int(t_fee or 0)
            out.append(FlowRow(b, mint, unit, "transfer_in", int(t_count), t_amount, t_fee, money(t_fa), money(t_ff)))
            count, amount, fee = count - int(t_count), amount - t_amount, fee - t_fee
            fa = None if fa is None else fa - (money(t_fa) or Decimal(0))
            ff = None if ff is None else ff - (money(t_ff) or Decimal(0))
            if count == 0:
                continue
        out.append(FlowRow(b, mint, unit, category, count, amount, fee, fa, ff))
    out += _saga_transfers_in(conn, sql, bucket, params)
    out.sort(key=lambda f: (f.bucket, f.mint_url, f.unit, f.category))
    return out, entries, unpriced


def _saga_transfers_in(conn: Connection, sql: Dialect, bucket: str, params: Mapping[str, Any]) -> list[FlowRow]:
    """A transfer is one journal entry (a saga: melt at the source, mint at the target): its arrival at the target
    is no entry of its own, so the target's "transfer_in" is read from the finished transfer's data."""
    if sql.sealed:  # PostgreSQL cannot open the sealed entries: grouped in Python, the sums still the server's
        rows: Sequence[Any] = opened.transfers_in(conn, bucket, fiat_sql("amount"), fiat_sql("0"), params)
    else:
        rows = _saga_transfers_in_sql(conn, sql, bucket, params)
    return [
        FlowRow(b, dest, unit, "transfer_in", int(c), int(a or 0), 0, money(fa), money(ff))
        for b, dest, unit, c, a, fa, ff in rows
    ]


def _saga_transfers_in_sql(conn: Connection, sql: Dialect, bucket: str, params: Mapping[str, Any]) -> Sequence[Any]:
    data = "nd_open(data_json)"
    return conn.execute(
        text(
            f"SELECT {bucket} AS bucket, {sql.json_text(data, 'dest_mint')} AS dest, unit, COUNT(*), "
            f"SUM(amount), SUM({fiat_sql('amount')}), SUM({fiat_sql('0')}) FROM operations "
            f"WHERE state = 'done' AND kind = 'transfer' AND {sql.json_text(data, 'step')} = 'done' "
            "AND created_at >= :start AND created_at < :end GROUP BY bucket, dest, unit"
        ),
        params,
    ).all()


def opening_balances(
    conn: Connection, sql: Dialect, params: Mapping[str, Any]
) -> dict[tuple[str, str], tuple[int, Decimal | None]]:
    rows = conn.execute(
        text(
            f"SELECT mint_url, unit, kind, SUM(amount), SUM(fee), SUM({fiat_sql('amount')}), "
            f"SUM({fiat_sql('fee')}) FROM operations {sql.indexed_by('ix_operations_ledger')} "
            "WHERE state = 'done' AND created_at < :start GROUP BY kind, mint_url, unit"
        ),
        params,
    ).all()
    opening: dict[tuple[str, str], tuple[int, Decimal | None]] = {}
    for mint, unit, kind, amount, fee, fiat_amount, fiat_fee in rows:
        category = KIND_CATEGORY.get(kind)
        if category is None:
            continue
        row = FlowRow("", mint, unit, category, 0, int(amount or 0), int(fee or 0), money(fiat_amount), money(fiat_fee))
        sats, fiat = opening.get((mint, unit), (0, None))
        opening[(mint, unit)] = (sats + row.balance_change, add(fiat, fiat_change(row)))
    before = {**params, "end": params["start"], "start": float("-inf")}
    for row in _saga_transfers_in(conn, sql, "''", before):
        sats, fiat = opening.get((row.mint_url, row.unit), (0, None))
        opening[(row.mint_url, row.unit)] = (sats + row.balance_change, add(fiat, fiat_change(row)))
    return opening


def fiat_change(row: FlowRow) -> Decimal | None:
    if row.incoming:
        return row.fiat_amount
    if row.fiat_amount is None and row.fiat_fee is None:
        return None
    return -((row.fiat_amount or Decimal(0)) + (row.fiat_fee or Decimal(0)))


def balance_series(
    buckets: list[str], flows: list[FlowRow], opening: dict[tuple[str, str], tuple[int, Decimal | None]]
) -> list[BalancePoint]:
    change: dict[tuple[str, str, str], tuple[int, Decimal | None]] = {}
    keys = set(opening)
    for f in flows:
        keys.add((f.mint_url, f.unit))
        sats, fiat = change.get((f.bucket, f.mint_url, f.unit), (0, None))
        change[(f.bucket, f.mint_url, f.unit)] = (sats + f.balance_change, add(fiat, fiat_change(f)))
    points: list[BalancePoint] = []
    for mint, unit in sorted(keys):
        sats, fiat = opening.get((mint, unit), (0, None))
        for b in buckets:
            d_sats, d_fiat = change.get((b, mint, unit), (0, None))
            sats, fiat = sats + d_sats, add(fiat, d_fiat)
            points.append(BalancePoint(b, mint, unit, sats, fiat))
    totals: dict[tuple[str, str], tuple[int, Decimal | None]] = {}
    for p in points:
        sats, fiat = totals.get((p.bucket, p.unit), (0, None))
        totals[(p.bucket, p.unit)] = (sats + p.balance, add(fiat, p.fiat))
    for unit in sorted({u for _, u in keys}):
        for b in buckets:
            sats, fiat = totals.get((b, unit), (0, None))
            points.append(BalancePoint(b, "*", unit, sats, fiat))
    return points
