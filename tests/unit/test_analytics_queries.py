"""The analytics figures of a scripted journal (written through ``Store``, times and rates set by hand): exact
flows, balances, fees, sales, exposure, failures, fiat values, and the exports built on them."""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import bindparam, create_engine, text

from core.analytics.periods import bucket_label, parse_period
from core.api.analytics import AnalyticsService
from core.api.service import WalletService
from core.config import Config
from core.protocol.models import Proof
from core.storage.db import MIGRATIONS_DIR, Database
from core.storage.exact import ExactDecimal
from core.storage.sealed import is_sealed
from core.storage.store import Store
from tests.unit.test_analytics_beancount import check_beancount

A, B = "http://mint-a.test", "http://mint-b.test"
PASSWORD = "a till password"


def at(day: int, hour: int = 10, month: int = 3) -> float:
    return dt.datetime(2026, month, day, hour, tzinfo=dt.UTC).timestamp()


def _op(
    store: Store,
    kind: str,
    mint: str,
    amount: int,
    fee: int,
    when: float,
    *,
    data: dict[str, object] | None = None,
    state: str = "done",
    rate: int | None = None,
) -> str:
    op_id = store.create_operation(kind=kind, mint_url=mint, unit="sat", amount=amount, data=data, state=state)
    store.update_operation(op_id, fee=fee)
    with store.db.engine.begin() as conn:
        conn.execute(
            text(
                "UPDATE operations SET created_at = :t, updated_at = :t, fiat_rate = :r, fiat_currency = :c "
                "WHERE id = :id"
            ).bindparams(bindparam("r", type_=ExactDecimal())),
            {
                "t": when,
                "r": None if rate is None else Decimal(rate),
                "c": None if rate is None else "USD",
                "id": op_id,
            },
        )
    return op_id


def _proofs(store: Store, mint: str, keyset: str, amounts: list[int], state: str, prefix: str) -> list[str]:
    secrets = [f"{prefix}{i}" for i in range(len(amounts))]
    store.add_proofs(
        [Proof(id=keyset, amount=a, secret=s, C="02" + "00" * 32) for a, s in zip(amounts, secrets, strict=True)],
        ys=[f"y-{s}" for s in secrets],
        mint_url=mint,
        unit="sat",
        state=state,
    )
    return secrets


def script_journal(store: Store) -> None:
    """Two mints, a month of operations (receive, send, melt, a transfer between the mints, a sale, failures)."""
    store.upsert_mint(A, name="Mint A", info={}, trusted=True)
    store.upsert_mint(B, name="Mint B", info={}, trusted=False)
    store.upsert_keyset(
        id="00aa", mint_url=A, unit="sat", active=True, input_fee_ppk=100, final_expiry=None, keys={1: "x"}
    )
    store.upsert_keyset(id="00bb", mint_url=B, unit="sat", active=True, input_fee_ppk=0, final_expiry=None, keys={})
    _op(store, "issue", A, 5000, 0, at(27, month=2), data={"quote": "q-a"}, rate=50_000)
    _op(store, "receive", A, 990, 1, at(2), rate=60_000)
    _op(store, "send", A, 300, 1, at(2, 11))
    melt_inputs = _proofs(store, A, "00aa", [1024, 16], "spent", "melt-in-")
    store.save_melt_quote(
        quote="m1", mint_url=A, unit="sat", amount=1000, fee_reserve=20, request="lnbc1", state="PAID"
    )
    _op(store, "melt", A, 1000, 7, at(3), data={"quote": "m1", "inputs": melt_inputs}, rate=60_000)
    transfer_inputs = _proofs(store, A, "00aa", [512, 8], "spent", "transfer-in-")
    store.save_melt_quote(quote="m2", mint_url=A, unit="sat", amount=500, fee_reserve=10, request="lnbc2", state="PAID")
    _op(
        store,
        "transfer",
        A,
        500,
        3,
        at(9),
        data={"quote": "m2", "inputs": transfer_inputs, "dest_mint": B, "dest_quote": "mq-b"},
    )
    _op(store, "issue", B, 500, 0, at(9, 11), data={"quote": "mq-b"})
    _op(store, "sale", B, 1100, 0, at(10), data={"tip": 100}, rate=60_000)
    failed = _op(store, "receive", A, 50, 0, at(10, 12), state="failed")
    rolled = _op(store, "melt", A, 70, 0, at(11), state="rolled_back")
    for op_id, status, when in ((failed, "recovered", at(10, 12)), (rolled, "pending", at(11))):
        store.record_failure(
            operation_id=op_id,
            operation="x",
            mint_url=A,
            unit="sat",
            amount=1,
            reason_code="mint-unreachable",
            details="",
            status=status,
            next_retry_at=when,
        )
        with store.db.engine.begin() as conn:
            conn.execute(
                text("UPDATE failed_transactions SET created_at = :t WHERE operation_id = :id"),
                {"t": when, "id": op_id},
            )
    _proofs(store, A, "00aa", [2000], "unspent", "a-")
    _proofs(store, A, "00aa", [300], "pending", "a-pending-")
    _proofs(store, B, "00bb", [1000], "unspent", "b-")


@pytest.fixture(params=["sqlite", "postgresql", "postgresql-sealed"])
def wallet(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[WalletService]:
    """The same scripted journal in a SQLite wallet, in a PostgreSQL one (a real server) and in a password-protected
    PostgreSQL one (its journal sealed in Python, opened in Python for the reports): the same figures."""
    db_url = request.getfixturevalue("pg_url") if request.param.startswith("postgresql") else None
    service = WalletService.open(Config(data_dir=tmp_path, db_url=db_url))
    store = service.store
    if request.param == "postgresql-sealed":
        service.create_wallet(None, PASSWORD)
    script_journal(store)
    if request.param == "postgresql-sealed":
        with store.db.engine.connect() as conn:  # as the server holds them: no Nutdesk type in between
            entries = conn.execute(text("SELECT data_json FROM operations")).scalars().all()
            secrets = conn.execute(text("SELECT secret FROM proofs")).scalars().all()
        assert entries and secrets and all(is_sealed(v) for v in [*entries, *secrets])
    yield service
    store.close()


def test_flows_balances_and_sales_of_a_month_by_week(wallet: WalletService) -> None:
    snap = AnalyticsService(wallet).snapshot(parse_period("2026-03", utc=True, granularity="week"))
    assert snap.buckets == ["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"]
    flows = {(f.bucket, f.mint_url, f.category): (f.count, f.amount, f.fee) for f in snap.flows}
    assert flows == {
        ("2026-03-02", A, "received_ecash"): (1, 990, 1),
        ("2026-03-02", A, "sent_ecash"): (1, 300, 1),
        ("2026-03-02", A, "paid_lightning"): (1, 1000, 7),
        ("2026-03-09", A, "transfer_out"): (1, 500, 3),
        ("2026-03-09", B, "transfer_in"): (1, 500, 0),
        ("2026-03-09", B, "sale"): (1, 1100, 0),
    }
    assert snap.entries == 6 and snap.unpriced == 3
    balances = {(b.bucket, b.mint_url): b.balance for b in snap.balances}
    assert [balances[(b, A)] for b in snap.buckets] == [5000, 4682, 4179, 4179, 4179, 4179]
    assert [balances[(b, B)] for b in snap.buckets] == [0, 0, 1600, 1600, 1600, 1600]
    assert [balances[(b, "*")] for b in snap.buckets] == [5000, 4682, 5779, 5779, 5779, 5779]
    totals = snap.totals()
    assert totals["received_lightning"] == 0  # the issue at B finished our own transfer
    assert (totals["transfer_in"], totals["transfer_out"], totals["fees"]) == (500, 500, 12)
    [sales] = snap.sales
    assert (sales.bucket, sales.count, sales.sales, sales.tips) == ("2026-03-09", 1, 1000, 100)
    assert (sales.fiat_sales, sales.fiat_tips) == (Decimal("0.60"), Decimal("0.06"))


def test_fees_per_mint_split_lightning_reserve_paid_and_change(wallet: WalletService) -> None:
    snap = AnalyticsService(wallet).snapshot(parse_period("2026-03", utc=True))
    fees = {f.mint_url: f for f in snap.fees}
    a = fees[A]
    assert (a.fee_ppk, a.volume, a.fees, a.input_fees) == (100, 2790, 12, 4)
    assert (a.lightning_payments, a.lightning_amount, a.lightning_reserve) == (2, 1500, 30)
    assert (a.lightning_paid, a.reserve_returned, a.change_returned) == (8, 22, 50)
    assert a.effective_percent == Decimal("0.43")
    assert a.lightning_percent == Decimal("0.53")
    assert (fees[B].volume, fees[B].fees, fees[B].effective_percent) == (1600, 0, Decimal("0.00"))


def test_exposure_failures_and_fiat_at_the_recorded_rates(wallet: WalletService) -> None:
    snap = AnalyticsService(wallet).snapshot(parse_period("2026-03", utc=True, granularity="week"))
    exposure = {x.mint_url: x for x in snap.exposure}
    assert (exposure[A].balance, exposure[A].pending, exposure[A].share) == (2000, 300, Decimal("66.67"))
    assert (exposure[B].balance, exposure[B].share, exposure[B].trusted) == (1000, Decimal("33.33"), False)
    assert (exposure[A].operations, exposure[A].volume) == (4, 2790)
    failures = {f.bucket: f for f in snap.failures if f.total}
    assert list(failures) == ["2026-03-09"]
    f = failures["2026-03-09"]
    assert (f.failed, f.rolled_back, f.recovered, f.open, f.dismissed) == (1, 1, 1, 1, 0)
    fiat = snap.fiat_totals()
    # receive 990 sat and melt 1000 sat at 60,000 USD/BTC; send and transfer have no rate.
    assert fiat["received_ecash"] == Decimal("0.59")
    assert fiat["paid_lightning"] == Decimal("0.60")
    assert fiat["sent_ecash"] is None
    assert fiat["fees"] == Decimal("0.00")  # 1 + 7 sat at that rate round to 0.00 (and 0.0042)
    with_fallback = AnalyticsService(wallet).snapshot(parse_period("2026-03", utc=True), fallback_rate=100_000)
    assert with_fallback.unpriced == 0
    assert with_fallback.fiat_totals()["sent_ecash"] == Decimal("0.30")


def test_opening_balance_and_all_time(wallet: WalletService) -> None:
    analytics = AnalyticsService(wallet)
    all_time = analytics.snapshot(parse_period("all", utc=True, now=at(31)))
    assert all_time.buckets == ["2026-02-01", "2026-03-01"]
    assert all_time.balance_at_end() == 5779
    assert all_time.totals()["received_lightning"] == 5000
    first_week = analytics.snapshot(parse_period("2026-03-01..2026-03-07", utc=True))
    assert first_week.buckets[0] == "2026-03-01"
    assert first_week.balances[0].balance == 5000  # A on 1 March: the February issue, nothing else yet
    assert first_week.balance_at_end(A) == 4682


def test_a_rate_recorded_later_is_picked_up(wallet: WalletService) -> None:
    analytics = AnalyticsService(wallet)
    period = parse_period("2026-03", utc=True)
    assert analytics.snapshot(period).unpriced == 3
    send = next(o for o in wallet.store.operations(kinds=["send"]))
    analytics.record_fiat_rate(send.id, 80_000, "usd")
    snap = analytics.snapshot(period)
    assert snap.unpriced == 2
    assert snap.fiat_totals()["sent_ecash"] == Decimal("0.24")


def test_exports_history_csv_json_and_a_balanced_beancount_ledger(wallet: WalletService) -> None:
    analytics = AnalyticsService(wallet)
    period = parse_period("2026-03", utc=True)
    out = io.StringIO()
    assert analytics.export_history_csv(period, out) == 6
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("time,id,kind,category,state,mint,unit,amount,fee,input_fee,lightning_fee")
    melt = next(line for line in lines if ",melt," in line).split(",")
    header = lines[0].split(",")
    row = dict(zip(header, melt, strict=True))
    assert (row["amount"], row["fee"], row["input_fee"], row["lightning_fee"], row["fee_reserve"]) == (
        "1000",
        "7",
        "1",
        "6",
        "20",
    )
    assert (row["balance_change"], row["fiat_value"], row["fiat_rate"]) == ("-1007", "0.60", "60000")
    figures = json.loads(analytics.render(period, "json"))
    assert figures["totals"]["sat"]["sale"] == 1100 and figures["entries"] == 6
    ledger = analytics.render(parse_period("all", utc=True, now=at(31)), "beancount")
    transactions = check_beancount(ledger)
    assert len(transactions) == 7
    assert '2026-03-09 * "Transfer in"' in ledger
    assert "Expenses:Fees:Lightning:Mint-A  " in ledger or "Expenses:Fees:Lightning:Mint-A " in ledger
    assert "fiat-value: 0.60 USD" in ledger
    assert "2026-03-02 price SATS 0.0006 USD" in ledger
    balances = transactions_balance(transactions)
    assert balances["Assets:Cashu:Mint-A:SATS"] == 4179
    assert balances["Assets:Cashu:Mint-B:SATS"] == 1600
    assert balances["Assets:Cashu:InTransit:SATS"] == 0
    assert balances["Expenses:Fees:Lightning:Mint-A"] == 8
    assert balances["Expenses:Fees:Mint:Mint-A"] == 4
    assert balances["Income:Cashu:Tips"] == -100


def transactions_balance(transactions: list[list[tuple[str, int]]]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for postings in transactions:
        for account, amount in postings:
            totals[account] = totals.get(account, 0) + amount
    return totals


def test_migration_0003_fills_the_facts_of_an_existing_history(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0002")
        conn.execute(
            text(
                "INSERT INTO keysets (id, mint_url, unit, active, input_fee_ppk, keys_json, counter) "
                "VALUES ('00aa', :a, 'sat', 1, 400, '{}', 0)"
            ),
            {"a": A},
        )
        for secret, amount in (("s1", 64), ("s2", 64), ("s3", 4)):
            conn.execute(
                text(
                    "INSERT INTO proofs (secret, y, keyset_id, mint_url, unit, amount, C, state, created_at, "
                    "updated_at) VALUES (:s, :y, '00aa', :a, 'sat', :n, 'c', 'spent', 1, 1)"
                ),
                {"s": secret, "y": "y" + secret, "a": A, "n": amount},
            )
        conn.execute(
            text(
                "INSERT INTO melt_quotes (quote, mint_url, unit, amount, fee_reserve, request, state, created_at) "
                "VALUES ('mq', :a, 'sat', 100, 5, 'lnbc', 'PAID', 1)"
            ),
            {"a": A},
        )
        conn.execute(
            text(
                "INSERT INTO operations (id, kind, mint_url, unit, amount, fee, state, data_json, memo, error, "
                "created_at, updated_at) VALUES ('op1', 'melt', :a, 'sat', 100, 4, 'done', :d, '', '', :t, :t)"
            ),
            {"a": A, "d": json.dumps({"quote": "mq", "inputs": ["s1", "s2", "s3"]}), "t": at(5)},
        )
    engine.dispose()
    db = Database(url)  # upgrades to head
    with db.engine.connect() as conn:
        row = conn.execute(
            text("SELECT input_fee, fee_reserve, total_in, internal FROM operation_facts WHERE operation_id = 'op1'")
        ).one()
        mark = conn.execute(text("SELECT value FROM settings WHERE key = 'analytics_facts_mark'")).scalar()
    assert tuple(row) == (2, 5, 132, 0)  # ceil(3 × 400 / 1000) = 2
    assert mark is not None and float(mark) == pytest.approx(at(5))
    db.close()


def test_local_day_buckets_are_the_tills_own_days(wallet: WalletService, monkeypatch: pytest.MonkeyPatch) -> None:
    # Auckland is UTC+13 in March: the send at 11:00 UTC on 2 March is on 3 March there, on either database (the
    # PostgreSQL server is told this process's zone; SQLite's 'localtime' is it).
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    try:
        snap = AnalyticsService(wallet).snapshot(parse_period("2026-03-01..2026-03-12", granularity="day"))
        days = {f.category: f.bucket for f in snap.flows if f.mint_url == A}
        assert days["sent_ecash"] == bucket_label(at(2, 11), "day") == "2026-03-03"
        assert days["received_ecash"] == "2026-03-02"  # 10:00 UTC is 23:00 in Auckland
    finally:
        monkeypatch.undo()
        time.tzset()
