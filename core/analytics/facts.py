"""``operation_facts``: the few figures the reports need from a done operation's journal data, extracted once.

Parsing ``data_json`` (kilobytes of blinded outputs per entry) is what makes a report over a long history
slow, so the facts of each done Lightning payment, sale and issue are copied into a narrow table by one SQL
statement, incrementally: every operation changed since the last catch-up (``operations.updated_at``, with a
safety margin for writes that committed late). ``nd_open``/``nd_seal`` read through sealed columns of a
password-protected wallet (``core.storage.sealed``). Idempotent (``INSERT OR REPLACE``); the 0003 migration ran
the same statement over the history that existed then.

Facts per operation: NUT-02 input fee (``ceil(Σ input_fee_ppk / 1000)`` over the input proofs the journal
names) and the inputs' total for melts and transfers, the quote's Lightning fee reserve, a sale's
``data.tip``, and ``internal`` for an issue that minted the destination side of one of our transfers.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

__all__ = ["FACT_KINDS", "MARK_SETTING", "catch_up"]

FACT_KINDS = ("melt", "transfer", "sale", "issue")
MARK_SETTING = "analytics_facts_mark"
# A write that took its timestamp before our last catch-up but committed after it is still seen.
MARGIN_SECONDS = 300.0

_INPUT_SECRET = "(CASE WHEN j.type = 'object' THEN json_extract(j.value, '$.secret') ELSE j.value END)"

SYNC_SQL = (
    "INSERT OR REPLACE INTO operation_facts (operation_id, kind, mint_url, unit, created_at, amount, fee, "
    "fiat_rate, fiat_currency, input_fee, fee_reserve, total_in, tip, internal) "
    "SELECT o.id, o.kind, o.mint_url, o.unit, o.created_at, o.amount, o.fee, o.fiat_rate, o.fiat_currency, "
    "CASE WHEN o.kind IN ('melt', 'transfer') THEN COALESCE(("
    "  SELECT (SUM(COALESCE(k.input_fee_ppk, 0)) + 999) / 1000 FROM json_each(nd_open(o.data_json), '$.inputs') AS j"
    f"  JOIN proofs p ON p.secret = nd_seal('proofs.secret', {_INPUT_SECRET})"
    "  LEFT JOIN keysets k ON k.id = p.keyset_id), 0) "
    "ELSE o.fee END, "
    "CASE WHEN o.kind IN ('melt', 'transfer') THEN COALESCE(("
    "  SELECT mq.fee_reserve FROM melt_quotes mq WHERE mq.quote = json_extract(nd_open(o.data_json), '$.quote')), 0) "
    "ELSE 0 END, "
    "CASE WHEN o.kind IN ('melt', 'transfer') THEN ("
    "  SELECT SUM(p.amount) FROM json_each(nd_open(o.data_json), '$.inputs') AS j"
    f"  JOIN proofs p ON p.secret = nd_seal('proofs.secret', {_INPUT_SECRET})) "
    "ELSE NULL END, "
    "CASE WHEN o.kind = 'sale' THEN COALESCE(CAST(json_extract(nd_open(o.data_json), '$.tip') AS INTEGER), 0) "
    "ELSE 0 END, "
    "CASE WHEN o.kind = 'issue' AND json_extract(nd_open(o.data_json), '$.quote') IN "
    "  (SELECT json_extract(nd_open(t.data_json), '$.dest_quote') FROM operations t WHERE t.kind = 'transfer') "
    "THEN 1 ELSE 0 END "
    "FROM operations o "
    # The unary + keeps SQLite on ix_operations_updated_at (only what changed since the mark).
    "WHERE +o.state = 'done' AND +o.kind IN ('melt', 'transfer', 'sale', 'issue') AND o.updated_at >= :mark"
)


def catch_up(conn: Connection) -> int:
    """Extract the facts of every operation changed since the last catch-up; returns how many rows it wrote.

    Runs in the caller's transaction (commit it).
    """
    stored = conn.execute(text("SELECT nd_open(value) FROM settings WHERE key = :k"), {"k": MARK_SETTING}).scalar()
    latest = conn.execute(text("SELECT MAX(updated_at) FROM operations")).scalar()
    if latest is None:
        return 0
    mark = float(stored) - MARGIN_SECONDS if stored is not None else float("-inf")
    written = conn.execute(text(SYNC_SQL), {"mark": mark}).rowcount
    if stored is None or float(latest) > float(stored):
        conn.execute(
            text("INSERT OR REPLACE INTO settings (key, value) VALUES (:k, :v)"),
            {"k": MARK_SETTING, "v": repr(float(latest))},
        )
    return int(written or 0)
