"""The reports' reads inside sealed columns on a password-protected PostgreSQL wallet, opened in Python.

On SQLite the SQL opens a sealed journal entry itself (``nd_open``, a function the wallet registers on each
connection, ``core.storage.sealed``). PostgreSQL never gets the key, so there the few statements that look inside
``operations.data_json`` (the facts' sync, a transfer's destination in the flows and the exports) and the facts'
mark (``settings.value``) read the column through its model type, which opens it in Python, and do in Python what
the SQL did. Proof secrets are looked up through ``proofs.secret``'s type (sealed deterministically in Python, as an
ORM query does). The figures are the same as the SQL's (``core.analytics.facts.sync_sql``): the tests compare them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, bindparam, select, text

from core.analytics.sql import Dialect
from core.storage.models import Base

__all__ = ["journal_data", "opened_text", "read_mark", "sync_facts", "transfers_in", "write_mark"]

_T = Base.metadata.tables
_OPS, _PROOFS, _KEYSETS, _MELT_QUOTES, _SETTINGS = (
    _T[name] for name in ("operations", "proofs", "keysets", "melt_quotes", "settings")
)
_BATCH = 500  # journal entries (kilobytes each) opened at a time; also the size of a proof-secret lookup


def journal_data(value: str | None) -> dict[str, Any]:
    """An opened ``data_json`` as a dict ({} when empty or not an object, as the SQL's JSON functions give NULL)."""
    if not value:
        return {}
    try:
        data = json.loads(value)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def opened_text(value: Any) -> str | None:
    """A JSON value as SQL's ``->>`` gives it: strings as they are, numbers as text, objects/null as NULL."""
    if value is None or isinstance(value, dict | list):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), _BATCH):
        yield items[i : i + _BATCH]


# --- the facts' mark (a setting: sealed with the wallet's other settings) ------------------------------------------


def read_mark(conn: Connection, key: str) -> str | None:
    value = conn.execute(select(_SETTINGS.c.value).where(_SETTINGS.c.key == key)).scalar()
    return None if value is None else str(value)


def write_mark(conn: Connection, sql: Dialect, key: str, value: str) -> None:
    head, tail = sql.upsert("settings", ("key", "value"), "key")
    statement = text(f"{head} VALUES (:k, :v){tail}").bindparams(bindparam("v", type_=_SETTINGS.c.value.type))
    conn.execute(statement, {"k": key, "v": value})


# --- the facts ----------------------------------------------------------------------------------------------------


def _input_secrets(data: Mapping[str, Any]) -> list[str]:
    """The journal's input proofs: secrets, or proof objects with a ``secret`` (as ``Dialect.element_text``)."""
    inputs = data.get("inputs")
    if not isinstance(inputs, list):
        return []
    found = []
    for item in inputs:
        secret = opened_text(item.get("secret")) if isinstance(item, dict) else opened_text(item)
        if secret is not None:
            found.append(secret)
    return found


def _proofs_by_secret(conn: Connection, secrets: Iterable[str]) -> dict[str, tuple[int, int]]:
    """secret → (amount, its keyset's input_fee_ppk), for the proofs the wallet holds (secrets bound sealed)."""
    found: dict[str, tuple[int, int]] = {}
    wanted = sorted(set(secrets))
    joined = _PROOFS.outerjoin(_KEYSETS, _KEYSETS.c.id == _PROOFS.c.keyset_id)
    for chunk in _chunks(wanted):
        rows = conn.execute(
            select(_PROOFS.c.secret, _PROOFS.c.amount, _KEYSETS.c.input_fee_ppk)
            .select_from(joined)
            .where(_PROOFS.c.secret.in_(chunk))
        ).all()
        for secret, amount, ppk in rows:
            found[str(secret)] = (int(amount), int(ppk or 0))
    return found


def _fee_reserves(conn: Connection, quotes: Iterable[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(set(quotes))):
        rows = conn.execute(
            select(_MELT_QUOTES.c.quote, _MELT_QUOTES.c.fee_reserve).where(_MELT_QUOTES.c.quote.in_(chunk))
        ).all()
        found.update({str(q): int(r or 0) for q, r in rows})
    return found


def _transfer_dest_quotes(conn: Connection) -> set[str]:
    """The destination quotes of every transfer in the journal (any state, as the SQL's subquery)."""
    ids = list(conn.execute(select(_OPS.c.id).where(_OPS.c.kind == "transfer")).scalars())
    quotes: set[str] = set()
    for chunk in _chunks(ids):
        for value in conn.execute(select(_OPS.c.data_json).where(_OPS.c.id.in_(chunk))).scalars():
            quote = opened_text(journal_data(value).get("dest_quote"))
            if quote is not None:
                quotes.add(quote)
    return quotes


def sync_facts(conn: Connection, sql: Dialect, columns: tuple[str, ...], kinds: tuple[str, ...], mark: float) -> int:
    """What ``sync_sql`` does, for a wallet whose journal PostgreSQL cannot read: (re)write the facts of every done
    operation of ``kinds`` changed since ``mark``; returns how many rows it wrote."""
    ids = list(
        conn.execute(
            select(_OPS.c.id).where(_OPS.c.state == "done", _OPS.c.kind.in_(kinds), _OPS.c.updated_at >= mark)
        ).scalars()
    )
    if not ids:
        return 0
    head, tail = sql.upsert("operation_facts", columns, "operation_id")
    # The rate binds through its column's type (NUMERIC on PostgreSQL, the exact string on SQLite).
    upsert = text(f"{head} VALUES ({', '.join(':' + c for c in columns)}){tail}").bindparams(
        bindparam("fiat_rate", type_=_OPS.c.fiat_rate.type)
    )
    dest_quotes: set[str] | None = None
    written = 0
    for chunk in _chunks(ids):
        rows = conn.execute(
            select(
                _OPS.c.id, _OPS.c.kind, _OPS.c.mint_url, _OPS.c.unit, _OPS.c.created_at, _OPS.c.amount, _OPS.c.fee,
                _OPS.c.fiat_rate, _OPS.c.fiat_currency, _OPS.c.data_json,
            ).where(_OPS.c.id.in_(chunk))
        ).all()  # fmt: skip
        entries = [(row, journal_data(row.data_json)) for row in rows]
        lightning = [(row, data) for row, data in entries if row.kind in ("melt", "transfer")]
        proofs = _proofs_by_secret(conn, (s for _, data in lightning for s in _input_secrets(data)))
        reserves = _fee_reserves(conn, (q for _, d in lightning if (q := opened_text(d.get("quote"))) is not None))
        if dest_quotes is None and any(row.kind == "issue" for row, _ in entries):
            dest_quotes = _transfer_dest_quotes(conn)
        facts = []
        for row, data in entries:
            input_fee, fee_reserve, total_in, tip, internal = int(row.fee), 0, None, 0, False
            if row.kind in ("melt", "transfer"):
                held = [proofs[s] for s in _input_secrets(data) if s in proofs]
                # NUT-02: ceil(Σ input_fee_ppk / 1000) over the inputs the wallet knows (none: 0, as the SQL).
                input_fee = (sum(ppk for _, ppk in held) + 999) // 1000 if held else 0
                total_in = sum(amount for amount, _ in held) if held else None
                quote = opened_text(data.get("quote"))
                fee_reserve = reserves.get(quote, 0) if quote is not None else 0
            elif row.kind == "sale":
                tip = int(opened_text(data.get("tip")) or 0)
            elif row.kind == "issue":
                internal = opened_text(data.get("quote")) in (dest_quotes or set())
            values = (row.id, row.kind, row.mint_url, row.unit, row.created_at, row.amount, row.fee, row.fiat_rate,
                      row.fiat_currency, input_fee, fee_reserve, total_in, tip, internal)  # fmt: skip
            facts.append(dict(zip(columns, values, strict=True)))
        conn.execute(upsert, facts)
        written += len(facts)
    return written


# --- a transfer's arrival at its target -----------------------------------------------------------------------------


def transfers_in(
    conn: Connection, bucket: str, fiat_amount: str, fiat_zero: str, params: Mapping[str, Any]
) -> list[tuple[Any, ...]]:
    """What ``flows._saga_transfers_in``'s SQL gives — (bucket, dest, unit, count, amount, fiat amount, fiat fee) per
    bucket × destination × unit of the done transfers whose saga finished — with the destination read in Python."""
    rows = conn.execute(
        text(
            f"SELECT {bucket} AS bucket, unit, amount, {fiat_amount}, {fiat_zero}, data_json AS data FROM operations "
            "WHERE state = 'done' AND kind = 'transfer' AND created_at >= :start AND created_at < :end"
        ).columns(data=_OPS.c.data_json.type),
        params,
    ).all()
    groups: dict[tuple[Any, Any, Any], list[Any]] = {}
    for b, unit, amount, fiat, fee_fiat, value in rows:
        data = journal_data(value)
        if opened_text(data.get("step")) != "done":
            continue
        slot = groups.setdefault((b, opened_text(data.get("dest_mint")), unit), [0, 0, None, None])
        slot[0] += 1
        slot[1] += int(amount or 0)
        # SQL's SUM: NULLs skipped, NULL when every value is.
        slot[2] = slot[2] if fiat is None else (slot[2] or Decimal(0)) + Decimal(repr(float(fiat)))
        slot[3] = slot[3] if fee_fiat is None else (slot[3] or Decimal(0)) + Decimal(repr(float(fee_fiat)))
    return [(b, dest, unit, *values) for (b, dest, unit), values in groups.items()]
