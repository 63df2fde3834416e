"""The operations of a period one by one, for the exports (history CSV, Beancount), and the rate of one operation."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, text

from core.analytics.opened import journal_data, opened_text
from core.analytics.periods import Period
from core.analytics.sql import KIND_CATEGORY, LIGHTNING_KINDS, dialect_of
from core.storage.exact import ExactDecimal, as_decimal
from core.storage.models import OperationRow

__all__ = ["HistoryEntry", "first_operation_at", "iter_entries", "set_fiat_rate"]


def first_operation_at(conn: Connection, period: Period) -> float:
    """The period's start; for "all time" the first operation's time (or the end when there is none)."""
    if period.start is not None:
        return period.start
    first = conn.execute(text("SELECT MIN(created_at) FROM operations")).scalar()
    return float(first) if first is not None else period.end


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
    fiat_rate: Decimal | None  # exact (``core.storage.exact``)
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
    sql = dialect_of(conn)
    start = first_operation_at(conn, period)
    params: dict[str, Any] = {"start": start, "end": period.end}
    state_filter = ""
    if states is not None:
        names = [f":s{i}" for i in range(len(states))]
        state_filter = f"AND o.state IN ({', '.join(names)})"
        params.update({f"s{i}": s for i, s in enumerate(states)})
    if sql.sealed:
        # PostgreSQL cannot open a sealed entry: a transfer's whole entry is read (its column type opens it in
        # Python) in place of its destination, and both fields are taken from it below.
        dest_sql, step_sql = "CASE WHEN o.kind = 'transfer' THEN o.data_json ELSE NULL END AS data", "NULL"
    else:
        data = "nd_open(o.data_json)"
        dest_sql = f"CASE WHEN o.kind = 'transfer' THEN COALESCE({sql.json_text(data, 'dest_mint')}, '') ELSE '' END"
        step_sql = f"CASE WHEN o.kind = 'transfer' THEN {sql.json_text(data, 'step')} ELSE NULL END"
    query = (
        "SELECT o.id, o.created_at, o.kind, o.state, o.mint_url, o.unit, o.amount, o.fee, o.memo, o.fiat_rate, "
        "o.fiat_currency, COALESCE(f.input_fee, 0), COALESCE(f.fee_reserve, 0), COALESCE(f.tip, 0), "
        f"{dest_sql}, COALESCE(f.internal, FALSE), {step_sql} "
        "FROM operations o LEFT JOIN operation_facts f ON f.operation_id = o.id "
        f"WHERE o.created_at >= :start AND o.created_at < :end {state_filter} ORDER BY o.created_at, o.id"
    )
    statement = text(query).columns(data=OperationRow.__table__.c.data_json.type) if sql.sealed else text(query)
    result = conn.execution_options(yield_per=batch).execute(statement, params)
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
        if sql.sealed:
            opened_data = journal_data(dest)
            dest, step = opened_text(opened_data.get("dest_mint")) or "", opened_text(opened_data.get("step"))
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
            fiat_rate=as_decimal(rate),
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
                fiat_rate=as_decimal(rate), fiat_currency=cur, input_fee=0, fee_reserve=0,
                tip=0, dest_mint="",
            )  # fmt: skip


def set_fiat_rate(conn: Connection, operation_id: str, rate: Decimal, currency: str) -> bool:
    """Record the exchange rate (fiat per BTC) an operation happened at; False when there is no such operation."""
    result = conn.execute(
        # updated_at moves so that operation_facts picks the rate up at its next catch-up.
        # The rate binds through the column's type: NUMERIC on PostgreSQL, its exact string on SQLite.
        text(
            "UPDATE operations SET fiat_rate = :rate, fiat_currency = :cur, updated_at = :now WHERE id = :id"
        ).bindparams(bindparam("rate", type_=ExactDecimal())),
        {"rate": rate, "cur": currency.upper(), "id": operation_id, "now": time.time()},
    )
    return bool(result.rowcount)
