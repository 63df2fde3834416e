"""point of sale: the item catalog and the lines of a sale; sales accepted offline; giveaways

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pos_sales", schema=None) as batch_op:
        batch_op.add_column(sa.Column("offline", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("offline_state", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("loss", sa.BigInteger(), nullable=False, server_default="0"))
        batch_op.create_index(batch_op.f("ix_pos_sales_offline_state"), ["offline_state"], unique=False)
    op.create_table(
        "pos_items",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("price", sa.String(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("tax_rate", sa.String(), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    op.create_table(
        "pos_sale_lines",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("sale_id", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.String(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("category", sa.String(), nullable=False),
        sa.Column("tax_rate", sa.String(), nullable=False),
        sa.Column("discount", sa.String(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("tax", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pos_sale_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pos_sale_lines_sale_id"), ["sale_id"], unique=False)
    op.create_table(
        "pos_giveaways",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("unit", sa.String(), nullable=False),
        sa.Column("mint_url", sa.String(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("budget", sa.BigInteger(), nullable=False),
        sa.Column("per_claimant", sa.Integer(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "pos_giveaway_codes",
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("giveaway_id", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    with op.batch_alter_table("pos_giveaway_codes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pos_giveaway_codes_giveaway_id"), ["giveaway_id"], unique=False)
    op.create_table(
        "pos_giveaway_claims",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("giveaway_id", sa.String(), nullable=False),
        sa.Column("claimant", sa.String(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("token", sa.Text(), nullable=False),
        sa.Column("operation_id", sa.String(), nullable=False),
        sa.Column("created_at", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pos_giveaway_claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pos_giveaway_claims_claimant"), ["claimant"], unique=False)
        batch_op.create_index(batch_op.f("ix_pos_giveaway_claims_giveaway_id"), ["giveaway_id"], unique=False)


def downgrade() -> None:
    op.drop_table("pos_giveaway_claims")
    op.drop_table("pos_giveaway_codes")
    op.drop_table("pos_giveaways")
    with op.batch_alter_table("pos_sale_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pos_sale_lines_sale_id"))
    op.drop_table("pos_sale_lines")
    op.drop_table("pos_items")
    with op.batch_alter_table("pos_sales", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pos_sales_offline_state"))
        batch_op.drop_column("loss")
        batch_op.drop_column("offline_state")
        batch_op.drop_column("offline")
