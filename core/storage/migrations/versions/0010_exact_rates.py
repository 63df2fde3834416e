"""exchange rates and unit prices stored exactly: NUMERIC on PostgreSQL, the decimal's string on SQLite

A double keeps 15 significant digits; a rate or a price is a ``Decimal`` of any length. Each stored double is
rewritten as the decimal it reads as today (the shortest one that names it, ``repr``), so no figure changes.

Revision ID: 0010
Revises: 0009
"""

from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# (table, primary key, columns)
_COLUMNS = (
    ("operations", "id", ("fiat_rate",)),
    ("operation_facts", "operation_id", ("fiat_rate",)),
    ("pos_sales", "id", ("fiat_rate", "unit_price")),
)


def _as_read_today(value: Any) -> Decimal:
    """What ``core.pos.pricing.from_column`` made of a stored double: the shortest decimal that names it."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(str(value))


def _stored(table: str, key: str, column: str) -> list[tuple[Any, Decimal]]:
    rows = op.get_bind().execute(sa.text(f"SELECT {key}, {column} FROM {table} WHERE {column} IS NOT NULL"))
    return [(k, _as_read_today(v)) for k, v in rows]


def upgrade() -> None:
    bind = op.get_bind()
    pg = bind.dialect.name == "postgresql"
    for table, key, columns in _COLUMNS:
        # Read before the type changes: SQLite's copy into the new table casts a REAL to TEXT with 15 digits
        # (and PostgreSQL's double → numeric cast keeps 15 too), so every value is written again below.
        before = {column: _stored(table, key, column) for column in columns}
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.alter_column(
                    column,
                    existing_type=sa.Float(),
                    type_=sa.Numeric() if pg else sa.Text(),
                    existing_nullable=True,
                    postgresql_using=f"{column}::numeric",
                )
        for column, values in before.items():
            if values:
                bind.execute(
                    sa.text(f"UPDATE {table} SET {column} = :v WHERE {key} = :k"),
                    [{"k": k, "v": v if pg else str(v)} for k, v in values],
                )


def downgrade() -> None:
    pg = op.get_bind().dialect.name == "postgresql"
    for table, _key, columns in reversed(_COLUMNS):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for column in columns:
                batch_op.alter_column(
                    column,
                    existing_type=sa.Numeric() if pg else sa.Text(),
                    type_=sa.Float(),
                    existing_nullable=True,
                    postgresql_using=f"{column}::double precision",
                )
