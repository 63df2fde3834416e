"""Exchange rates and unit prices are stored exactly (``core.storage.exact``): a rate with more digits than a double
keeps survives a journaled operation, the analytics facts and exports, and a sale, digit for digit, on SQLite and on
PostgreSQL; migration 0010 rewrites the doubles of an older wallet as the decimals they read as before."""

from __future__ import annotations

import csv
import io
import json
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import create_engine, select, text

from core.analytics import facts
from core.analytics.exporters import write_history_csv
from core.analytics.periods import parse_period
from core.analytics.queries import build_snapshot, iter_entries, set_fiat_rate
from core.pos.pricing import price_from_rate
from core.pos.repo import SaleRepository
from core.pos.types import SaleState
from core.storage.copy import copy_wallet
from core.storage.db import MIGRATIONS_DIR, Database
from core.storage.dialects import normalize_url
from core.storage.models import OperationFactRow, OperationRow, PosSaleRow
from core.storage.sealed import vault_of
from core.storage.store import Store

LONG_RATE = Decimal("91234.123456789012345678")  # 23 significant digits; a double keeps 15
LATER_RATE = Decimal("64250.100000000000000001")
MINT = "http://127.0.0.1:1"


@pytest.fixture(params=["sqlite", "postgresql", "postgresql-sealed"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A wallet database of each kind (a PostgreSQL wallet with a password reads its sealed columns in Python)."""
    if request.param == "sqlite":
        found = Database.open_file(tmp_path / "w.sqlite3")
    else:
        found = Database(request.getfixturevalue("pg_url"))
        if request.param == "postgresql-sealed":
            vault_of(found.engine).set_key(b"\x05" * 64, seal_writes=True)
    yield found
    found.close()


def test_a_long_rate_survives_a_journaled_operation_digit_for_digit(db: Database) -> None:
    store = Store(db)
    store.fiat_quote = lambda: (LONG_RATE, "EUR")
    op_id = store.create_operation(kind="sale", mint_url=MINT, unit="sat", amount=1_000, data={"tip": 0})
    store.update_operation(op_id, state="done")
    store.fiat_quote = None
    later = store.create_operation(kind="sale", mint_url=MINT, unit="sat", amount=500, data={"tip": 0})
    store.update_operation(later, state="done")
    with db.engine.begin() as conn:
        assert set_fiat_rate(conn, later, LATER_RATE, "eur")  # a rate recorded afterwards (raw SQL)
        facts.catch_up(conn)  # the analytics copy of the rate
    with db.session() as s:
        journal = {k: v for k, v in s.execute(select(OperationRow.id, OperationRow.fiat_rate))}
        copied = {k: v for k, v in s.execute(select(OperationFactRow.operation_id, OperationFactRow.fiat_rate))}
    assert journal == copied == {op_id: LONG_RATE, later: LATER_RATE}
    assert all(str(rate) in (str(LONG_RATE), str(LATER_RATE)) for rate in journal.values())
    with db.engine.connect() as conn:
        entries = list(iter_entries(conn, parse_period("all")))
    assert {e.id: e.fiat_rate for e in entries} == journal
    out = io.StringIO()
    write_history_csv(entries, out, currency="EUR")
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert (rows[op_id]["fiat_rate"], rows[later]["fiat_rate"]) == (str(LONG_RATE), str(LATER_RATE))
    # 1,000 sat at 91,234.12… EUR/BTC: 0.912341… EUR
    assert (rows[op_id]["fiat_value"], rows[later]["fiat_value"]) == ("0.91", "0.32")
    # The Analytics figures (SQL sums, the rate cast to a double on both databases): the same on each.
    with db.engine.connect() as conn:
        totals = build_snapshot(conn, parse_period("all"), currency="EUR").fiat_totals()
    print(f"\n{db.engine.dialect.name}: recorded {LONG_RATE}, read {journal[op_id]} (journal, facts, CSV); {totals}")
    assert (totals["sale"], totals["fees"]) == (Decimal("1.23"), Decimal("0.00"))  # 0.9123… + 0.3212… EUR


def test_a_long_rate_and_unit_price_survive_a_sale_digit_for_digit(db: Database) -> None:
    repo = SaleRepository(db)
    price = price_from_rate("usd", LONG_RATE)
    assert len(price.sat_per_unit.as_tuple().digits) > 15
    sale = repo.create_sale(
        unit="sat", amount=2_000, base_amount=2_000, tip=0, fee_advance=0, memo="", cashier="",
        fiat_currency="USD", fiat_amount=Decimal("1.82"), fiat_rate=LONG_RATE, request_id=uuid.uuid4().hex,
    )  # fmt: skip
    assert sale.fiat_rate == LONG_RATE
    repo.claim_secrets(sale.id, ["s1"], {"proofs": []}, paid_unit="usd", unit_price=price.sat_per_unit)
    repo.update(sale.id, state=SaleState.SETTLING)
    repo.update(sale.id, state=SaleState.PAID, mint_url=MINT, settlement="swap", received=220, net=220)
    read = repo.get(sale.id)
    assert read is not None and read.state is SaleState.PAID
    assert isinstance(read.fiat_rate, Decimal) and str(read.fiat_rate) == str(LONG_RATE)
    assert isinstance(read.unit_price, Decimal) and str(read.unit_price) == str(price.sat_per_unit)
    shown = json.loads(json.dumps(read.to_json()))
    assert (shown["fiat_rate"], shown["unit_price"]) == (str(LONG_RATE), str(price.sat_per_unit))
    with db.session() as s:
        stored = s.execute(select(PosSaleRow.fiat_rate, PosSaleRow.unit_price)).one()
    assert tuple(stored) == (LONG_RATE, price.sat_per_unit)
    print(f"\n{db.engine.dialect.name}: rate {read.fiat_rate} EUR/BTC, price {read.unit_price} sat/cent")


def test_a_long_rate_is_copied_from_a_sqlite_wallet_into_postgresql_digit_for_digit(
    tmp_path: Path, pg_url: str
) -> None:
    path = tmp_path / "w.sqlite3"
    source = Store(Database.open_file(path))
    source.fiat_quote = lambda: (LONG_RATE, "EUR")
    op_id = source.create_operation(kind="receive", mint_url=MINT, unit="sat", amount=1, state="done")
    try:
        assert copy_wallet(source.db, path, pg_url)["operations"] == 1
    finally:
        source.close()
    target = Database(pg_url)
    try:
        with target.session() as s:
            row = s.get(OperationRow, op_id)
            assert row is not None and str(row.fiat_rate) == str(LONG_RATE)
    finally:
        target.close()


# Doubles as an older wallet holds them, and the decimals they read as until now (``repr``: the shortest).
OLD_DOUBLES = {"a": 97123.45, "b": 0.1 + 0.2, "c": 60000.0, "d": 1.2345678901234568e-05, "e": None}
READ_BEFORE = {
    "a": Decimal("97123.45"),
    "b": Decimal("0.30000000000000004"),  # 17 digits: more than the 15 a plain double → text cast keeps
    "c": Decimal("60000.0"),
    "d": Decimal("0.000012345678901234568"),
    "e": None,
}


@pytest.mark.parametrize("dialect", ["sqlite", "postgresql"])
def test_the_migration_rewrites_old_doubles_as_they_read_before(
    dialect: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}" if dialect == "sqlite" else request.getfixturevalue("pg_url")
    engine = create_engine(normalize_url(url))
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0008")
        for key, value in OLD_DOUBLES.items():
            conn.execute(
                text(
                    "INSERT INTO operations (id, kind, mint_url, unit, amount, fee, state, data_json, memo, error, "
                    "created_at, updated_at, fiat_rate, fiat_currency) "
                    "VALUES (:id, 'sale', :m, 'sat', 1, 0, 'done', '{}', '', '', 1, 1, :r, 'USD')"
                ),
                {"id": key, "m": MINT, "r": value},
            )
            conn.execute(
                text(
                    "INSERT INTO operation_facts (operation_id, kind, mint_url, unit, created_at, amount, fee, "
                    "fiat_rate, fiat_currency, input_fee, fee_reserve, tip, internal) "
                    "VALUES (:id, 'sale', :m, 'sat', 1, 1, 0, :r, 'USD', 0, 0, 0, FALSE)"
                ),
                {"id": key, "m": MINT, "r": value},
            )
            conn.execute(
                text(
                    "INSERT INTO pos_sales (id, number, state, unit, amount, base_amount, tip, fee_advance, memo, "
                    "cashier, fiat_rate, unit_price, request_id, mint_url, received, net, fee, change, settlement, "
                    "failure_reason, failure_detail, created_at, updated_at) VALUES (:id, :n, 'paid', 'sat', 1, 1, "
                    "0, 0, '', '', :r, :r, :id, :m, 1, 1, 0, 0, 'swap', '', '', 1, 1)"
                ),
                {"id": key, "n": ord(key), "m": MINT, "r": value},
            )
    engine.dispose()
    db = Database(url)  # upgrades to head: 0010 rewrites the rates
    try:
        with db.session() as s:
            ops = {k: v for k, v in s.execute(select(OperationRow.id, OperationRow.fiat_rate))}
            fact_rows = s.execute(select(OperationFactRow.operation_id, OperationFactRow.fiat_rate)).all()
            sales = {r.id: (r.fiat_rate, r.unit_price) for r in s.scalars(select(PosSaleRow))}
        assert ops == dict(fact_rows) == READ_BEFORE
        assert sales == {k: (v, v) for k, v in READ_BEFORE.items()}
        assert [str(ops[k]) for k in "abcd"] == [str(READ_BEFORE[k]) for k in "abcd"]
        print(f"\n{dialect}: " + ", ".join(f"{OLD_DOUBLES[k]!r} → {ops[k]}" for k in "abcd"))
        with db.engine.begin() as conn:  # and back: the doubles again (a downgrade cannot keep more digits)
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0008")
            back = dict(conn.execute(text("SELECT id, fiat_rate FROM operations")).all())
        assert back == OLD_DOUBLES
    finally:
        db.close()
