"""The whole shop's Z-report (#17): two named tills on one SQLite wallet; its per-till lines (sales by the till that
sold, refunds by the till that paid out) add up to the shop's totals, in the report, its CSV and ``nutdesk pos
zreport --shop`` (JSON and text), and it is titled as the whole shop rather than as a shift."""

from __future__ import annotations

import asyncio
import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.api.pos import PosService
from core.api.service import WalletService
from core.config import Config
from tests.unit.test_reports_both_databases import nutdesk, sell

KEYS = ("count", "amount", "tips", "fees", "refunds", "refund_count", "net")


def shop_wallet(data_dir: Path) -> None:
    """T1 sells three sales and refunds 750 of T2's; T2 sells two and refunds 300 of T1's."""
    service = WalletService.open(Config(data_dir=data_dir))
    service.create_wallet(None)
    sell(service.store.db)
    service.store.close()


def said(data_dir: Path, *args: str) -> list[str]:
    """The lines a command prints for people (in English)."""
    env = {k: v for k, v in os.environ.items() if k not in ("NUTDESK_DB_URL", "NUTDESK_TILL", "NUTDESK_PASSWORD")}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env={**env, "LANG": "C", "LANGUAGE": "C"}, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def test_shop_zreport_has_a_line_per_till_that_adds_up_to_the_shop(tmp_path: Path) -> None:
    shop_wallet(tmp_path)
    service = WalletService.open(Config(data_dir=tmp_path, till="T1"))
    try:
        till = PosService(service)
        report = till.shop_zreport()
        assert report.shop_wide and not till.zreport().shop_wide
        assert sorted(report.by_till) == ["T1", "T2"]
        t1, t2 = report.by_till["T1"], report.by_till["T2"]
        assert (t1.count, t1.amount, t1.tips, t1.fees, t1.refunds) == (3, 5350, 100, 3, 750)
        assert (t2.count, t2.amount, t2.tips, t2.fees, t2.refunds) == (2, 840, 50, 0, 300)
        for key in KEYS:
            assert getattr(report.total, key) == sum(getattr(t, key) for t in report.by_till.values()), key
        # Each till's own report is its line of the shop's.
        assert till.zreport().total.to_json() == t1.to_json()
        out = io.StringIO()
        till.write_zreport_csv(report, out)
        rows = list(csv.reader(io.StringIO(out.getvalue())))
        assert rows[0][:4] == ["shop", report.shop, "shift", "whole shop"]
        tills = {r[1]: r for r in rows if r and r[0] == "till"}
        assert sorted(tills) == ["T1", "T2"]
        [total] = [r for r in rows if r and r[0] == "total"]
        for i in range(2, 11):  # count … net: the till rows add up to the total row
            assert int(total[i]) == int(tills["T1"][i]) + int(tills["T2"][i])
        sales_header = next(r for r in rows if r and r[0] == "receipt")
        till_col = sales_header.index("till")
        assert sorted(r[till_col] for r in rows[rows.index(sales_header) + 1 :]) == ["T1", "T1", "T1", "T2", "T2"]
        asyncio.run(till.close())
    finally:
        asyncio.run(service.close())


def test_cli_shop_zreport_json_and_text_show_each_till(tmp_path: Path) -> None:
    shop_wallet(tmp_path)
    z = nutdesk(tmp_path, None, "--till", "T1", "pos", "zreport", "--shop")
    assert z["scope"] == "shop" and z["shift"] is None and z["till"] == ""
    assert sorted(z["by_till"]) == ["T1", "T2"]
    for key in KEYS:
        assert z["total"][key] == z["by_till"]["T1"][key] + z["by_till"]["T2"][key], key
    assert (z["by_till"]["T1"]["amount"], z["by_till"]["T2"]["refunds"]) == (5350, 300)
    own = nutdesk(tmp_path, None, "--till", "T2", "pos", "zreport")
    assert own["scope"] == "till" and isinstance(own["shift"], int) and own["till"] == "T2"
    assert own["by_till"]["T2"] == z["by_till"]["T2"]

    lines = said(tmp_path, "--till", "T1", "pos", "zreport", "--shop")
    assert "all tills" in lines[0] and "shift" not in lines[0]
    [t1] = [line for line in lines if line.strip().startswith("till T1")]
    [t2] = [line for line in lines if line.strip().startswith("till T2")]
    assert "3 sales" in t1 and "5350 sat" in t1 and "refunds 750 (1)" in t1
    assert "2 sales" in t2 and "840 sat" in t2 and "refunds 300 (1)" in t2


def test_cashier_sign_ins_name_their_till_in_the_cli_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shop_wallet(tmp_path)
    monkeypatch.setenv("NUTDESK_POS_PIN", "2468")
    for name in ("ann", "cem"):
        nutdesk(tmp_path, None, "--till", "T1", "pos", "cashier", "add", name)
    assert nutdesk(tmp_path, None, "--till", "T1", "pos", "sign-in", "ann") == {"signed_in": "ann", "till": "T1"}
    assert nutdesk(tmp_path, None, "--till", "T2", "pos", "sign-in", "cem") == {"signed_in": "cem", "till": "T2"}
    listed = nutdesk(tmp_path, None, "--till", "T2", "pos", "cashier", "list")
    assert listed["till"] == "T2" and listed["signed_in"] == "cem"
    assert listed["tills"] == {"T1": "ann", "T2": "cem"}
    assert nutdesk(tmp_path, None, "--till", "T1", "pos", "sign-out") == {"signed_in": "", "till": "T1"}
    assert nutdesk(tmp_path, None, "--till", "T2", "pos", "cashier", "list")["tills"] == {"T2": "cem"}

    assert said(tmp_path, "--till", "T1", "pos", "cashier", "list") == ["ann, cem", "Signed in: cem at till T2"]
