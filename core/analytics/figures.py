"""Sales, fees, exposure and failures: the figures of a snapshot beside the flows and balances."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, text

from core.analytics.flows import fiat_sql
from core.analytics.periods import Period
from core.analytics.sql import CENT, Dialect, add, money
from core.analytics.types import ExposureRow, FailureRow, FeeRow, FlowRow, SalesRow

__all__ = ["OPEN_FAILURES", "MintInfo", "exposure", "failures", "fees", "sales"]

OPEN_FAILURES = ("pending", "needs-review", "failed-terminal")


@dataclass(frozen=True)
class MintInfo:
    name: str
    trusted: bool


def sales(conn: Connection, sql: Dialect, period: Period, params: Mapping[str, Any]) -> list[SalesRow]:
    bucket = sql.bucket("created_at", period.granularity, period.utc)
    rows = conn.execute(
        text(
            f"SELECT {bucket} AS bucket, unit, COUNT(*), SUM(amount), SUM(tip), "
            f"SUM({fiat_sql('amount - tip')}), SUM({fiat_sql('tip')}) FROM operation_facts "
            "WHERE kind = 'sale' AND created_at >= :start AND created_at < :end "
            "GROUP BY bucket, unit ORDER BY bucket, unit"
        ),
        params,
    ).all()
    return [
        SalesRow(b, unit, int(count), int(amount or 0) - int(tips or 0), int(tips or 0), money(fs), money(ft))
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


def fees(conn: Connection, flows: list[FlowRow], params: Mapping[str, Any]) -> list[FeeRow]:
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
        slot[3] = add(slot[3], f.fiat_fee)
    out = []
    for (mint, unit), (volume, total_fees, swap_fees, fiat_fees) in sorted(per_mint.items()):
        count, amount, fee, reserve, melt_input_fee, total_in = lightning.get((mint, unit), (0, 0, 0, 0, 0, 0))
        paid = fee - melt_input_fee
        out.append(
            FeeRow(
                mint_url=mint,
                unit=unit,
                fee_ppk=ppk.get((mint, unit), 0),
                volume=volume,
                fees=total_fees,
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


def exposure(conn: Connection, flows: list[FlowRow], mints: Mapping[str, MintInfo]) -> list[ExposureRow]:
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


def failures(
    conn: Connection, sql: Dialect, period: Period, buckets: list[str], params: Mapping[str, Any]
) -> list[FailureRow]:
    counts: dict[str, dict[str, int]] = {b: defaultdict(int) for b in buckets}
    op_bucket = sql.bucket("created_at", period.granularity, period.utc)
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
