"""``operation_facts``: the few figures the reports need from a done operation's journal data, extracted once.

Parsing ``data_json`` (kilobytes of blinded outputs per entry) is what makes a report over a long history
slow, so the facts of each done Lightning payment, sale and issue are copied into a narrow table by one SQL
statement, incrementally: every operation changed since the last catch-up (``operations.updated_at``, with a
safety margin for writes that committed late). ``nd_open``/``nd_seal`` read through sealed columns of a
password-protected SQLite wallet (``core.storage.sealed``); a password-protected PostgreSQL wallet, whose server
never gets the key, has its entries opened and the same facts computed in Python (``core.analytics.opened``).
Idempotent (an upsert); the 0003 migration ran the same statement over the history that existed then.

Facts per operation: NUT-02 input fee (``ceil(Σ input_fee_ppk / 1000)`` over the input proofs the journal
names) and the inputs' total for melts and transfers, the quote's Lightning fee reserve, a sale's
``data.tip``, and ``internal`` for an issue that minted the destination side of one of our transfers.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from core.analytics import opened
from core.analytics.sql import Dialect, dialect_of

__all__ = ["FACT_KINDS", "MARK_SETTING", "catch_up", "sync_sql"]

FACT_KINDS = ("melt", "transfer", "sale", "issue")
MARK_SETTING = "analytics_facts_mark"
# A write that took its timestamp before our last catch-up but committed after it is still seen.
MARGIN_SECONDS = 300.0

_COLUMNS = ("operation_id", "kind", "mint_url", "unit", "created_at", "amount", "fee", "fiat_rate", "fiat_currency",
            "input_fee", "fee_reserve", "total_in", "tip", "internal")  # fmt: skip


def sync_sql(sql: Dialect) -> str:
    """The statement that (re)writes the facts of every done operation changed since ``:mark``."""
    data, t_data = "nd_open(o.data_json)", "nd_open(t.data_json)"
    inputs = sql.json_elements(data, "inputs", "j")
    secret = f"nd_seal('proofs.secret', {sql.element_text('j', 'secret')})"
    head, tail = sql.upsert("operation_facts", _COLUMNS, "operation_id")
    return (
        f"{head} "
        "SELECT o.id, o.kind, o.mint_url, o.unit, o.created_at, o.amount, o.fee, o.fiat_rate, o.fiat_currency, "
        # NUT-02: ceil(Σ input_fee_ppk / 1000); the cast keeps the division whole on PostgreSQL (SUM of a bigint
        # is numeric there).
        "CASE WHEN o.kind IN ('melt', 'transfer') THEN COALESCE(("
        f"  SELECT (CAST(SUM(COALESCE(k.input_fee_ppk, 0)) AS BIGINT) + 999) / 1000 FROM {inputs}"
        f"  JOIN proofs p ON p.secret = {secret}"
        "  LEFT JOIN keysets k ON k.id = p.keyset_id), 0) "
        "ELSE o.fee END, "
        "CASE WHEN o.kind IN ('melt', 'transfer') THEN COALESCE(("
        f"  SELECT mq.fee_reserve FROM melt_quotes mq WHERE mq.quote = {sql.json_text(data, 'quote')}), 0) "
        "ELSE 0 END, "
        "CASE WHEN o.kind IN ('melt', 'transfer') THEN ("
        f"  SELECT SUM(p.amount) FROM {inputs}"
        f"  JOIN proofs p ON p.secret = {secret}) "
        "ELSE NULL END, "
        f"CASE WHEN o.kind = 'sale' THEN COALESCE(CAST({sql.json_text(data, 'tip')} AS INTEGER), 0) "
        "ELSE 0 END, "
        f"CASE WHEN o.kind = 'issue' AND {sql.json_text(data, 'quote')} IN "
        f"  (SELECT {sql.json_text(t_data, 'dest_quote')} FROM operations t WHERE t.kind = 'transfer') "
        "THEN TRUE ELSE FALSE END "
        "FROM operations o "
        # The unary + keeps SQLite on ix_operations_updated_at (only what changed since the mark).
        f"WHERE {sql.no_index('o.state')} = 'done' "
        f"AND {sql.no_index('o.kind')} IN ('melt', 'transfer', 'sale', 'issue') "
        f"AND o.updated_at >= :mark{tail}"
    )


def catch_up(conn: Connection) -> int:
    """Extract the facts of every operation changed since the last catch-up; returns how many rows it wrote.

    Runs in the caller's transaction (commit it).
    """
    sql = dialect_of(conn)
    if sql.sealed:
        stored = opened.read_mark(conn, MARK_SETTING)
    else:
        stored = conn.execute(text("SELECT nd_open(value) FROM settings WHERE key = :k"), {"k": MARK_SETTING}).scalar()
    latest = conn.execute(text("SELECT MAX(updated_at) FROM operations")).scalar()
    if latest is None:
        return 0
    mark = float(stored) - MARGIN_SECONDS if stored is not None else float("-inf")
    if sql.sealed:
        written = opened.sync_facts(conn, sql, _COLUMNS, FACT_KINDS, mark)
    else:
        written = conn.execute(text(sync_sql(sql)), {"mark": mark}).rowcount
    if stored is None or float(latest) > float(stored):
        if sql.sealed:  # a setting like any other: sealed in Python
            opened.write_mark(conn, sql, MARK_SETTING, repr(float(latest)))
        else:
            head, tail = sql.upsert("settings", ("key", "value"), "key")
            conn.execute(text(f"{head} VALUES (:k, :v){tail}"), {"k": MARK_SETTING, "v": repr(float(latest))})
    return int(written or 0)
