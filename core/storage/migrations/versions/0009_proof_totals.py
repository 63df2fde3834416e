"""balances as running totals (proof_totals, kept by triggers on proofs); a covering index for coin selection

Revision ID: 0009
Revises: 0008

On SQLite, triggers, not Python, keep the totals: every statement that inserts, moves or deletes proofs (the
repositories, recovery, a copy of the wallet, raw SQL) updates them in its own transaction, so they cannot drift
from the proofs. On PostgreSQL the table stays empty and the repository aggregates the proofs: there the tills
reserve proofs at once under row locks (``FOR UPDATE SKIP LOCKED``), and a totals row updated by every reservation
would make them queue on it again, or deadlock two tills' transactions that move proofs in several statements.

A later migration that rebuilds ``proofs`` on SQLite (``batch_alter_table`` with a column change copies the table
and drops the old one) drops these triggers with it: it must create them again (``create_triggers``).
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_KEY = "mint_url, unit, keyset_id, state, amount"

_SQLITE_ADD = (
    f"INSERT INTO proof_totals ({_KEY}, proof_count) "
    "VALUES (NEW.mint_url, NEW.unit, NEW.keyset_id, NEW.state, NEW.amount, 1) "
    f"ON CONFLICT ({_KEY}) DO UPDATE SET proof_count = proof_count + 1;"
)
_SQLITE_REMOVE = (
    "UPDATE proof_totals SET proof_count = proof_count - 1 WHERE mint_url = OLD.mint_url AND unit = OLD.unit "
    "AND keyset_id = OLD.keyset_id AND state = OLD.state AND amount = OLD.amount;"
)
_SQLITE_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in ("mint_url", "unit", "keyset_id", "state", "amount"))
_SQLITE_TRIGGERS = (
    f"CREATE TRIGGER nd_proof_totals_insert AFTER INSERT ON proofs BEGIN {_SQLITE_ADD} END",
    f"CREATE TRIGGER nd_proof_totals_update AFTER UPDATE OF {_KEY} ON proofs WHEN {_SQLITE_CHANGED} "
    f"BEGIN {_SQLITE_REMOVE} {_SQLITE_ADD} END",
    f"CREATE TRIGGER nd_proof_totals_delete AFTER DELETE ON proofs BEGIN {_SQLITE_REMOVE} END",
)

# SQLite's planner, with no statistics, takes ``state IN (…)`` for selective and walks every unspent proof through
# an index on ``state`` instead of looking the named secrets up by key (a reservation of 18 proofs read 100,000
# index entries: a quarter of a second). Statistics of a typical wallet's shape (a handful of states, one proof per
# secret or Y) make it look the secrets up. Fixed numbers, not ANALYZE: a new wallet is empty when it is migrated.
_PROOF_INDEX_STATS = {
    "ix_proofs_keyset_id": "100000 20000",
    "ix_proofs_mint_unit_state": "100000 30000 30000 25000",
    "ix_proofs_operation_id": "100000 10",
    "ix_proofs_state_mint_unit_amount": "100000 25000 25000 25000 2000",
    "ix_proofs_selection": "100000 25000 25000 25000 25000 2000 1",
}


def _sqlite_plan_statistics() -> None:
    bind = op.get_bind()
    stats = dict(_PROOF_INDEX_STATS)
    for _seq, name, unique, *_rest in bind.exec_driver_sql("PRAGMA index_list('proofs')").all():
        if unique and name not in stats:
            stats[name] = "100000 1"  # the primary key (secret) and Y
    bind.exec_driver_sql("ANALYZE sqlite_schema")  # creates sqlite_stat1 when there is none
    bind.exec_driver_sql("DELETE FROM sqlite_stat1 WHERE tbl = 'proofs'")
    for name, stat in sorted(stats.items()):
        bind.exec_driver_sql("INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('proofs', ?, ?)", (name, stat))
    bind.exec_driver_sql("ANALYZE sqlite_schema")  # and this connection plans with them from now on


_TRIGGER_NAMES = ("nd_proof_totals_insert", "nd_proof_totals_update", "nd_proof_totals_delete")


def create_triggers() -> None:
    for statement in _SQLITE_TRIGGERS:
        op.execute(statement)


def drop_triggers() -> None:
    for name in _TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")


def upgrade() -> None:
    op.create_table(
        "proof_totals",
        sa.Column("mint_url", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("keyset_id", sa.String(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("amount", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("proof_count", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("mint_url", "unit", "keyset_id", "state", "amount"),
    )
    op.create_index("ix_proofs_selection", "proofs", ["state", "mint_url", "unit", "keyset_id", "amount", "y"])
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL aggregates the proofs instead (core.storage.repos.proofs: the tills' row locks)
    # The backfill and the triggers in one transaction with the writer's lock held (core.storage.db): no proof
    # changes between the count and the first trigger.
    op.execute(f"INSERT INTO proof_totals ({_KEY}, proof_count) SELECT {_KEY}, COUNT(*) FROM proofs GROUP BY {_KEY}")
    create_triggers()
    _sqlite_plan_statistics()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'proofs'")
        drop_triggers()
    op.drop_index("ix_proofs_selection", "proofs")
    op.drop_table("proof_totals")
