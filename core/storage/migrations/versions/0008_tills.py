"""a shop with several tills: operations claimed by a lease (owner, expiry); sales, refunds and shifts name their till

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


# SQLite gets nd_open/nd_seal from the wallet at each connection (core.storage.sealed); PostgreSQL needs them in the
# database. Sealing happens in Python (the column types), never in PostgreSQL, so they pass values through.
_PG_FUNCTIONS = (
    "CREATE OR REPLACE FUNCTION nd_open(value text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT value'",
    "CREATE OR REPLACE FUNCTION nd_seal(label text, value text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT value'",
)


# Live across tills: a commit that changes what a till shows notifies every till LISTENing (core.api.watch), once
# per transaction (PostgreSQL folds identical notifications of one transaction into one).
_WATCHED = ("mints", "keysets", "proofs", "operations", "exported_tokens", "settings", "pos_sales", "pos_refunds")
_PG_NOTIFY = (
    "CREATE OR REPLACE FUNCTION nd_notify_change() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN PERFORM pg_notify('nutdesk_changes', ''); RETURN NULL; END $$"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in _PG_FUNCTIONS:
            op.execute(statement)
        op.execute(_PG_NOTIFY)
        for table in _WATCHED:
            op.execute(
                f"CREATE TRIGGER nd_changes_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION nd_notify_change()"
            )
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("lease_owner", sa.String(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("lease_expires", sa.Float(), nullable=False, server_default="0"))
    for table in ("pos_sales", "pos_refunds", "pos_shifts"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("till", sa.String(), nullable=False, server_default=""))
            batch_op.create_index(batch_op.f(f"ix_{table}_till"), ["till"], unique=False)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in _WATCHED:
            op.execute(f"DROP TRIGGER IF EXISTS nd_changes_{table} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS nd_notify_change()")
        op.execute("DROP FUNCTION IF EXISTS nd_open(text)")
        op.execute("DROP FUNCTION IF EXISTS nd_seal(text, text)")
    for table in ("pos_shifts", "pos_refunds", "pos_sales"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_till"))
            batch_op.drop_column("till")
    with op.batch_alter_table("operations", schema=None) as batch_op:
        batch_op.drop_column("lease_expires")
        batch_op.drop_column("lease_owner")
