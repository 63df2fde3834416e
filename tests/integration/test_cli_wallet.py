"""The CLI as a new user runs it, one process per command, against a real mint."""

from __future__ import annotations

from pathlib import Path

from tests.integration.wallet_helpers import nutdesk
from tests.peers.nutshell import NutshellMint, make_bolt11


def test_cli_end_to_end_mint_send_receive_pay_history(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    assert len(nutdesk(alice, "init")["mnemonic"].split()) == 12
    added = nutdesk(alice, "mint", "add", url, "--trust")
    assert added["url"] == url and added["trusted"] is True and "sat" in added["units"]
    assert "FakeWallet" in added["motd"]

    invoice = nutdesk(alice, "invoice", "500", "--mint", url, "--wait")
    assert invoice["request"].startswith("lnbc") and invoice["amount"] == 500 and invoice["state"] == "ISSUED"
    assert nutdesk(alice, "balance") == {
        "mints": [{"url": url, "unit": "sat", "balance": 500, "pending": 0}],
        "total": {"sat": 500},
    }

    sent = nutdesk(alice, "send", "100", "--mint", url)
    assert sent["token"].startswith("cashuB") and sent["amount"] == 100
    nutdesk(bob, "init")
    received = nutdesk(bob, "receive", sent["token"], "--trust")
    assert received == {"amount": 100 - received["fee"], "fee": received["fee"], "mint": url, "unit": "sat"}

    paid = nutdesk(alice, "pay", make_bolt11(50), "--yes")
    assert paid["paid"] is True and paid["amount"] == 50
    balance = nutdesk(alice, "balance")["mints"][0]
    assert balance["balance"] == 500 - 100 - sent["fee"] - 50 - paid["fee"]

    kinds = [e["kind"] for e in nutdesk(alice, "history")["entries"]]
    assert kinds == ["melt", "send", "issue"]


def test_cli_restore_after_losing_the_database(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    data = tmp_path / "wallet"
    words = nutdesk(data, "init")["mnemonic"]
    nutdesk(data, "mint", "add", url, "--trust")
    nutdesk(data, "invoice", "321", "--mint", url, "--wait")
    for path in data.glob("wallet.sqlite3*"):
        path.unlink()
    assert nutdesk(data, "init", "--restore", input=words + "\n") == {"restored": True, "data_dir": str(data)}
    assert nutdesk(data, "restore", "--mint", url) == {"restored": {url: 321}}
    assert nutdesk(data, "balance")["total"] == {"sat": 321}


def test_cli_errors_are_one_line_with_a_stable_code(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    data = tmp_path / "w"
    nutdesk(data, "init")
    bad = nutdesk(data, "receive", "cashuBnotatoken", check=False)
    assert bad["error"]["code"] == "invalid-token"
    offline = nutdesk(data, "mint", "add", "http://127.0.0.1:9", check=False)
    assert offline["error"]["code"] == "mint-unreachable"
    nutdesk(data, "mint", "add", nutshell_mint.url)
    poor = nutdesk(data, "send", "10", "--mint", nutshell_mint.url, check=False)
    assert poor["error"]["code"] == "insufficient-balance"
