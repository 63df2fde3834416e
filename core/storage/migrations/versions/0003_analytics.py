"""analytics: the fiat rate of each operation, the operation_facts table, indexes for the reports

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# core.analytics.facts.SYNC_SQL as of this revision (a migration must not change when the app's code does).
_INPUT_SECRET = "(CASE WHEN j.type = 'object' THEN json_extract(j.value, '$.secret') ELSE j.value END)"
BACKFILL = (
    "INSERT OR REPLACE INTO operation_facts (operation_id, kind, mint_url, unit, created_at, amount, fee, "
    "fiat_rate, fiat_currency, input_fee, fee_reserve, total_in, tip, internal) "
    "SELECT o.id, o.kind, o.mint_url, o.unit, o.created_at, o.amount, o.fee, o.fiat_rate, o.fiat_currency, "
    "CASE WHEN o.kind IN ('melt', 'transfer') THEN COALESCE(("
    "  SELECT (SUM(COALESCE(k.input_fee_ppk, 0)) + 999) / 1000 FROM json_each(o.data_json, '$.inputs') AS j"
    f"  JOIN proofs p ON p.secret = {_INPUT_SECRET} LEFT JOIN keysets k ON k.id = p.keyset_id), 0) "
    "ELSE o.fee END, "
    "CASE WHEN o.kind IN ('melt', 'transfer') THEN COALESCE(("
    "  SELECT mq.fee_reserve FROM melt_quotes mq WHERE mq.quote = json_extract(o.data_json, '$.quote')), 0) "
    "ELSE 0 END, "
    "CASE WHEN o.kind IN ('melt', 'transfer') THEN ("
    "  SELECT SUM(p.amount) FROM json_each(o.data_json, '$.inputs') AS j"
    f"  JOIN proofs p ON p.secret = {_INPUT_SECRET}) "
    "ELSE NULL END, "
    "CASE WHEN o.kind = 'sale' THEN COALESCE(CAST(json_extract(o.data_json, '$.tip') AS INTEGER), 0) ELSE 0 END, "
    "CASE WHEN o.kind = 'issue' AND json_extract(o.data_json, '$.quote') IN "
    "  (SELECT json_extract(t.data_json, '$.dest_quote') FROM operations t WHERE t.kind = 'transfer') "
    "THEN 1 ELSE 0 END "
    "FROM operations o "
    "WHERE o.state = 'done' AND o.kind IN ('melt', 'transfer', 'sale', 'issue')"
)


def upgrade() -> None:
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fiat_rate", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("fiat_currency", sa.String(), nullable=True))
        batch_op.create_index(
            "ix_operations_analytics",
            ["state", "created_at", "kind", "mint_url", "unit", "amount", "fee", "fiat_rate", "fiat_currency"],
            unique=False,
        )
        batch_op.create_index(
            "ix_operations_ledger",
            ["state", "kind", "mint_url", "unit", "created_at", "amount", "fee", "fiat_rate", "fiat_currency"],
            unique=False,
        )
        batch_op.create_index("ix_operations_kind_created_at", ["kind", "created_at"], unique=False)
        batch_op.create_index("ix_operations_updated_at", ["updated_at"], unique=False)
    with op.batch_alter_table("proofs", schema=None) as batch_op:
        batch_op.create_index("ix_proofs_state_mint_unit_amount", ["state", "mint_url", "unit", "amount"], unique=False)
    op.create_table(
        "operation_facts",
        sa.Column("operation_id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("mint_url", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("fee", sa.BigInteger(), nullable=False),
        sa.Column("fiat_rate", sa.Float(), nullable=True),
        sa.Column("fiat_currency", sa.String(), nullable=True),
        sa.Column("input_fee", sa.BigInteger(), nullable=False),
        sa.Column("fee_reserve", sa.BigInteger(), nullable=False),
        sa.Column("total_in", sa.BigInteger(), nullable=True),
        sa.Column("tip", sa.BigInteger(), nullable=False),
        sa.Column("internal", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("operation_id"),
    )
    with op.batch_alter_table("operation_facts", schema=None) as batch_op:
        batch_op.create_index("ix_operation_facts_kind_created_at", ["kind", "created_at"], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        op.execute(BACKFILL)
        op.execute(
            "INSERT OR REPLACE INTO settings (key, value) "
            "SELECT 'analytics_facts_mark', CAST(MAX(updated_at) AS TEXT) FROM operations HAVING COUNT(*) > 0"
        )


def downgrade() -> None:
    op.execute("DELETE FROM settings WHERE key = 'analytics_facts_mark'")
    with op.batch_alter_table("operation_facts", schema=None) as batch_op:
        batch_op.drop_index("ix_operation_facts_kind_created_at")
    op.drop_table("operation_facts")
    with op.batch_alter_table("proofs", schema=None) as batch_op:
        batch_op.drop_index("ix_proofs_state_mint_unit_amount")
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.drop_index("ix_operations_updated_at")
        batch_op.drop_index("ix_operations_kind_created_at")
        batch_op.drop_index("ix_operations_ledger")
        batch_op.drop_index("ix_operations_analytics")
        batch_op.drop_column("fiat_currency")
        batch_op.drop_column("fiat_rate")
