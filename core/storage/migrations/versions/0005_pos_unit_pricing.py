"""point of sale: sales paid with ecash of another unit (dollar tokens for a sat sale) and the price used

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("pos_sales", schema=None) as batch_op:
        batch_op.add_column(sa.Column("paid_unit", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("unit_price", sa.Float(), nullable=True))
        batch_op.add_column(sa.Column("price_source", sa.String(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("pos_sales", schema=None) as batch_op:
        batch_op.drop_column("price_source")
        batch_op.drop_column("unit_price")
        batch_op.drop_column("paid_unit")
