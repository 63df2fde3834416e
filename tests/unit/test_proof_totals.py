"""Balances as running totals: on SQLite ``proof_totals`` always equals a full recount of ``proofs`` after every kind
of proof change, a rolled-back transaction, and the migration that fills it for an old wallet; on PostgreSQL (where
the repository aggregates the proofs instead) the balances read are the same."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from core.errors import StorageError
from core.protocol.models import Proof
from core.storage.db import MIGRATIONS_DIR, Database
from core.storage.store import Store

MINT = "http://mint"
KEY = "mint_url, unit, keyset_id, state, amount"


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        s = Store(Database.open_file(tmp_path / "w.sqlite3"))
    else:
        s = Store(Database(request.getfixturevalue("pg_url")))
    s.upsert_mint(MINT, name="m", info={})
    yield s
    s.close()


def make(keyset: str, *amounts: int, tag: str = "") -> tuple[list[Proof], list[str]]:
    proofs = [
        Proof(id=keyset, amount=a, secret=f"s-{keyset}-{tag}{i}-{a}", C="02" + "22" * 32) for i, a in enumerate(amounts)
    ]
    return proofs, [f"y-{p.secret}" for p in proofs]


def totals(db: Database) -> dict[tuple[object, ...], int]:
    with db.engine.connect() as c:
        rows = c.execute(text(f"SELECT {KEY}, proof_count FROM proof_totals WHERE proof_count <> 0")).all()
    return {tuple(r[:5]): int(r[5]) for r in rows}


def recount(db: Database) -> dict[tuple[object, ...], int]:
    with db.engine.connect() as c:
        rows = c.execute(text(f"SELECT {KEY}, COUNT(*) FROM proofs GROUP BY {KEY}")).all()
    return {tuple(r[:5]): int(r[5]) for r in rows}


def check(store: Store) -> None:
    if store.db.is_sqlite:
        assert totals(store.db) == recount(store.db)
    else:
        assert totals(store.db) == {}, "PostgreSQL keeps no totals: the tills' reservations would queue on them"
    # The balances read from the totals say what an aggregate over the proofs says.
    with store.db.engine.connect() as c:
        rows = c.execute(
            text(
                "SELECT mint_url, unit, SUM(CASE WHEN state = 'unspent' THEN amount ELSE 0 END), "
                "SUM(CASE WHEN state IN ('reserved', 'pending') THEN amount ELSE 0 END) FROM proofs "
                "WHERE state <> 'spent' GROUP BY mint_url, unit ORDER BY mint_url, unit"
            )
        ).all()
    assert [(b.mint_url, b.unit, b.balance, b.pending) for b in store.balances()] == [
        (m, u, int(b), int(p)) for m, u, b, p in rows
    ]


def test_the_totals_follow_every_kind_of_proof_change(store: Store) -> None:
    sat, ys = make("01aa", 1, 2, 4, 8, 8, 16, 64)
    usd, usd_ys = make("01bb", 5, 10, 10)
    store.add_proofs(sat, ys=ys, mint_url=MINT, unit="sat")
    store.add_proofs(usd, ys=usd_ys, mint_url=MINT, unit="usd")
    store.add_proofs(sat[:2], ys=ys[:2], mint_url=MINT, unit="sat")  # stored again: counted once
    check(store)
    secrets = [p.secret for p in sat]
    store.reserve_proofs(secrets[:3], "op-1")
    check(store)
    store.move_proofs(secrets[:2], owner="op-1", expect=("reserved",), to="spent")
    store.set_proof_state(secrets[2:3], "unspent", operation_id="op-1")
    check(store)
    store.reserve_proofs(secrets[3:5], "op-2", state="pending")  # an offline send: pending until claimed
    store.set_proof_state([usd[0].secret], "spent", expect=("unspent",))
    check(store)
    with pytest.raises(StorageError):
        store.reserve_proofs(secrets[2:5], "op-3")  # two of them are pending: nothing changes
    check(store)
    assert store.keyset_balances(MINT) == {"01aa": 4 + 16 + 64, "01bb": 10 + 10}
    with store.db.engine.begin() as c:
        c.execute(text("DELETE FROM proofs WHERE amount IN (2, 64)"))  # no code path deletes proofs; SQL may
        c.execute(text("UPDATE proofs SET amount = 128, keyset_id = '01cc' WHERE amount = 16"))  # nor rewrites one
    check(store)


def test_a_rolled_back_transaction_leaves_the_totals_as_they_were(store: Store) -> None:
    kept, kept_ys = make("01aa", 32, 32)
    store.add_proofs(kept, ys=kept_ys, mint_url=MINT, unit="sat")
    before = totals(store.db)
    lost, lost_ys = make("01aa", 1, 2, tag="x")
    with pytest.raises(RuntimeError), store.atomic():
        store.add_proofs(lost, ys=lost_ys, mint_url=MINT, unit="sat")
        store.reserve_proofs([kept[0].secret], "op-crash")
        raise RuntimeError("the process dies before the commit")
    assert totals(store.db) == before
    check(store)


def test_balances_are_read_from_the_totals(tmp_path: Path) -> None:
    store = Store(Database.open_file(tmp_path / "w.sqlite3"))
    store.upsert_mint(MINT, name="m", info={})
    proofs, ys = make("01aa", 2, 4)
    store.add_proofs(proofs, ys=ys, mint_url=MINT, unit="sat")
    with store.db.engine.begin() as c:
        # Rows no trigger wrote: the balance must be what the totals say, not a count of the proofs.
        c.execute(
            text(f"INSERT INTO proof_totals ({KEY}, proof_count) VALUES ('{MINT}', 'sat', '01aa', 'unspent', 1000, 3)")
        )
    ((row),) = store.balances()
    store.close()
    assert row.balance == 3006


def test_the_migration_counts_the_proofs_of_an_existing_wallet(tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config as AlembicConfig

    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0008")  # a wallet of the release before the totals
        for i, (amount, state) in enumerate(
            [(1, "unspent"), (8, "unspent"), (8, "unspent"), (4, "pending"), (2, "spent")]
        ):
            connection.execute(
                text(
                    "INSERT INTO proofs (secret, y, keyset_id, mint_url, unit, amount, C, state, created_at, "
                    "updated_at) VALUES (:s, :y, '01aa', :m, 'sat', :a, '02', :st, 0, 0)"
                ),
                {"s": f"s{i}", "y": f"y{i}", "m": MINT, "a": amount, "st": state},
            )
    engine.dispose()
    store = Store(Database.open_file(path))  # upgrades to the newest schema
    try:
        check(store)
        ((row),) = store.balances()
        assert (row.balance, row.pending) == (17, 4)
        store.set_proof_state(["s0"], "spent", expect=("unspent",))  # and the triggers keep them from now on
        check(store)
    finally:
        store.close()
