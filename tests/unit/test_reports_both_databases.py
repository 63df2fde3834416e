"""The same wallet on SQLite, on PostgreSQL (a real server) and on a password-protected PostgreSQL (its journal sealed
in Python, which the server cannot open) gives the same figures: the ``report`` command's JSON, and ``pos zreport``
per till and for the whole shop — each run as a command in its own process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import text

from core.analytics.periods import parse_period
from core.api.analytics import AnalyticsService
from core.api.service import WalletService
from core.config import Config
from core.pos.repo import SaleRepository
from core.pos.types import SaleState
from core.storage.db import Database
from core.storage.sealed import is_sealed
from tests.peers.postgres import PostgresServer
from tests.unit.test_analytics_queries import A, B, script_journal

PASSWORD = "the shop's password"

# till → (cashier, price, tip, fee, settlement, mint) of each sale; refunds: (till, sale index, amount)
SALES = {
    "T1": [("ann", 1000, 100, 2, "swap", A), ("ann", 250, 0, 1, "melt", A), ("bob", 4000, 0, 0, "swap", B)],
    "T2": [("cem", 700, 50, 0, "swap", B), ("cem", 90, 0, 0, "lightning", "")],
}
REFUNDS = [("T2", "T1", 0, 300), ("T1", "T2", 0, 750)]  # a refund at one till of a sale made at the other


def sell(db: Database) -> None:
    sales: dict[str, list[str]] = {}
    for till, rows in SALES.items():
        repo = SaleRepository(db, till=till)
        for i, (cashier, price, tip, fee, settlement, mint) in enumerate(rows):
            sale = repo.create_sale(
                amount=price + tip, base_amount=price, tip=tip, unit="sat", request_id=f"{till}-{i}", cashier=cashier
            )
            repo.update(sale.id, state=SaleState.SETTLING)
            repo.update(sale.id, state=SaleState.PAID, settlement=settlement, fee=fee, mint_url=mint, received=price)
            sales.setdefault(till, []).append(sale.id)
    for till, sold_at, index, amount in REFUNDS:
        repo = SaleRepository(db, till=till)
        key = f"refund-{till}-{sold_at}"
        sale_id = sales[sold_at][index]
        assert repo.reserve_refund(
            key, sale_id, amount, 10_000, unit="sat", mint_url=A, cashier="dee", shift_id=repo.current_shift()
        )
        reserved = repo.refund(key)
        assert reserved is not None
        repo.finish_refund(reserved, token="cashuB-test", operation_id=f"op-{key}", fee=0, mint_url=A)


def sealed_journal(db: Database) -> bool:
    """Whether every journal entry and sale payload is sealed as the server stores it (no Nutdesk type in between)."""
    with db.engine.connect() as conn:
        values = conn.execute(
            text("SELECT data_json FROM operations UNION ALL SELECT payload_json FROM pos_sales "
                 "WHERE payload_json IS NOT NULL")
        ).scalars().all()  # fmt: skip
    return bool(values) and all(is_sealed(v) for v in values)


def nutdesk(data_dir: Path, db_url: str | None, *args: str, password: str | None = None) -> dict[str, Any]:
    db = ["--db", db_url] if db_url else []
    env = {k: v for k, v in os.environ.items() if k not in ("NUTDESK_DB_URL", "NUTDESK_TILL", "NUTDESK_PASSWORD")}
    if password is not None:
        env["NUTDESK_PASSWORD"] = password
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--json", "--data-dir", str(data_dir), *db, *args],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"nutdesk {' '.join(args)}: {done.stdout}{done.stderr}"
    return dict(json.loads(done.stdout)) if done.stdout.strip() else {}


def figures(data_dir: Path, db_url: str | None, password: str | None = None) -> dict[str, Any]:
    """What the commands say about the wallet: the report's figures and the Z-reports (without ids and times)."""
    out = data_dir / "figures.json"
    report_args = ("report", "--period", "2026-03", "--utc", "--format", "json", "--out", str(out))
    nutdesk(data_dir, db_url, *report_args, password=password)
    report = json.loads(out.read_text())
    report.pop("timings", None)
    zreports = {}
    for till, args in (("T1", ["--till", "T1"]), ("T2", ["--till", "T2"]), ("shop", ["--till", "T1"])):
        shop = ["--shop"] if till == "shop" else []
        z = nutdesk(data_dir, db_url, *args, "pos", "zreport", *shop, password=password)
        zreports[till] = {k: z[k] for k in ("total", "by_settlement", "by_cashier", "failed", "unit", "till")}
        zreports[till]["sales"], zreports[till]["refunds"] = len(z["sales"]), len(z["refunds"])
    return {"report": report, "zreports": zreports}


def test_report_and_zreports_per_till_and_shop_agree_on_sqlite_and_postgresql(
    tmp_path: Path, pg_url: str, postgres_server: PostgresServer
) -> None:
    seen = {}
    cases = (("sqlite", None, None), ("postgresql", pg_url, None), ("postgresql-sealed", postgres_server.new_database(),
             PASSWORD))  # fmt: skip
    for name, db_url, password in cases:
        data_dir = tmp_path / name
        service = WalletService.open(Config(data_dir=data_dir, db_url=db_url))
        service.create_wallet(None)
        script_journal(service.store)
        sell(service.store.db)
        if password is not None:  # the whole history sealed at once, as when a shop sets its password later
            service.set_password(None, password)
            assert sealed_journal(service.store.db)
        snapshot = AnalyticsService(service).snapshot(parse_period("2026-03", utc=True))
        assert snapshot.totals()["transfer_in"] == 500 and snapshot.balance_at_end() == 5779
        service.store.close()
        seen[name] = figures(data_dir, db_url, password)
    assert seen["sqlite"] == seen["postgresql"] == seen["postgresql-sealed"]
    z = seen["postgresql"]["zreports"]
    assert (z["T1"]["total"]["count"], z["T1"]["total"]["amount"], z["T1"]["total"]["refunds"]) == (3, 5350, 750)
    assert (z["T2"]["total"]["count"], z["T2"]["total"]["amount"], z["T2"]["total"]["refunds"]) == (2, 840, 300)
    for key in ("count", "amount", "tips", "fees", "refunds", "refund_count", "net"):
        assert z["shop"]["total"][key] == z["T1"]["total"][key] + z["T2"]["total"][key], key
    report = seen["postgresql"]["report"]
    assert report["entries"] == 6 and report["totals"]["sat"]["sale"] == 1100
