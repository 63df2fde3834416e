"""The wallet database: migrations, NUT-13 counters, proof reservation, atomic writes, the rate of the moment."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import inspect, select

from core.errors import StorageError
from core.protocol.models import Proof
from core.storage.db import Database
from core.storage.models import OperationRow
from core.storage.store import Store


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same wallet store on each database a wallet can live in."""
    if request.param == "sqlite":
        s = Store(Database.open_file(tmp_path / "w.sqlite3"))
    else:
        s = Store(Database(request.getfixturevalue("pg_url")))
    s.upsert_mint("http://mint", name="m", info={})
    s.upsert_keyset(
        id="01aa",
        mint_url="http://mint",
        unit="sat",
        active=True,
        input_fee_ppk=100,
        final_expiry=None,
        keys={1: "02" + "11" * 32},
    )
    yield s
    s.close()


def proofs(*amounts: int) -> list[Proof]:
    return [Proof(id="01aa", amount=a, secret=f"secret-{i}-{a}", C="02" + "22" * 32) for i, a in enumerate(amounts)]


def test_a_new_database_is_migrated_to_the_newest_schema_in_wal_mode(tmp_path: Path) -> None:
    db = Database.open_file(tmp_path / "fresh.sqlite3")
    tables = set(inspect(db.engine).get_table_names())
    assert {"mints", "keysets", "proofs", "operations", "failed_transactions", "alembic_version"} <= tables
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    db.close()
    Database.open_file(tmp_path / "fresh.sqlite3").close()  # opening again is a no-op upgrade


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_the_migrations_build_exactly_the_schema_the_models_describe(
    dialect: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Every migration, 0001 to the newest, on an empty database of each kind."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from core.storage.models import Base

    if dialect == "sqlite":
        db = Database.open_file(tmp_path / "fresh.sqlite3")
    else:
        db = Database(request.getfixturevalue("pg_url"))
        assert db.engine.dialect.name == "postgresql"
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    db.close()
    assert diff == [], "a model changed without a migration (or the other way round)"


def test_counters_are_never_handed_out_twice(store: Store) -> None:
    assert store.reserve_counters("01aa", 3) == 0
    assert store.reserve_counters("01aa", 2) == 3
    with pytest.raises(RuntimeError), store.atomic():
        # Inside a transaction they commit with it: rolled back, no request ever used them (none is sent from
        # inside a transaction), so they may be handed out again.
        assert store.reserve_counters("01aa", 2) == 5
        raise RuntimeError("the operation failed")
    assert store.reserve_counters("01aa", 1) == 5
    assert store.reserve_counters("01aa", 1) == 6


def test_proofs_can_be_reserved_by_one_operation_only(store: Store) -> None:
    store.add_proofs(proofs(1, 2, 4), ys=["y1", "y2", "y4"], mint_url="http://mint", unit="sat")
    secrets = [p.secret for p in store.proofs()]
    store.reserve_proofs(secrets[:2], "op-1")
    # SQLite's compare-and-set finds the row no longer unspent; PostgreSQL's row locks name it taken.
    with pytest.raises(StorageError, match=r"no longer unspent|taken by another operation"):
        store.reserve_proofs(secrets[1:], "op-2")
    assert [p.amount for p in store.proofs()] == [4], "the failed reservation took nothing"
    (row,) = store.balances()
    assert (row.balance, row.pending) == (4, 3)


def test_an_atomic_block_writes_all_or_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.atomic():
        store.add_proofs(proofs(8), ys=["y8"], mint_url="http://mint", unit="sat")
        store.create_operation(kind="receive", mint_url="http://mint", unit="sat", amount=8)
        raise RuntimeError("crash before commit")
    assert store.proofs() == []
    assert store.operations() == []


def test_storing_the_same_proof_twice_counts_it_once(store: Store) -> None:
    store.add_proofs(proofs(16), ys=["y16"], mint_url="http://mint", unit="sat")
    store.add_proofs(proofs(16), ys=["y16"], mint_url="http://mint", unit="sat")
    assert [b.balance for b in store.balances()] == [16]


def test_each_operation_records_the_exchange_rate_of_its_moment(store: Store) -> None:
    store.fiat_quote = lambda: (Decimal("65000.50"), "EUR")
    with_rate = store.create_operation(kind="issue", mint_url="http://mint", unit="sat", amount=1)
    store.fiat_quote = lambda: None
    without = store.create_operation(kind="issue", mint_url="http://mint", unit="sat", amount=1)
    with store.db.session() as s:
        rows = {r.id: (r.fiat_rate, r.fiat_currency) for r in s.scalars(select(OperationRow))}
    assert rows == {with_rate: (Decimal("65000.50"), "EUR"), without: (None, None)}
