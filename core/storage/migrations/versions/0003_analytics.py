"""analytics: the fiat rate of each operation, covering indexes for the reports

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fiat_rate", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("fiat_currency", sa.String(), nullable=True))
        batch_op.create_index(
            "ix_operations_analytics",
            [
                "state",
                "created_at",
                "kind",
                "mint_url",
                "unit",
                "amount",
                "fee",
                "fiat_rate",
                "fiat_currency",
            ],
            unique=False,
        )
        batch_op.create_index("ix_operations_kind_created_at", ["kind", "created_at"], unique=False)
    with op.batch_alter_table("proofs", schema=None) as batch_op:
        batch_op.create_index("ix_proofs_state_mint_unit_amount", ["state", "mint_url", "unit", "amount"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("proofs", schema=None) as batch_op:
        batch_op.drop_index("ix_proofs_state_mint_unit_amount")
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.drop_index("ix_operations_kind_created_at")
        batch_op.drop_index("ix_operations_analytics")
        batch_op.drop_column("fiat_currency")
        batch_op.drop_column("fiat_rate")
