"""A repeat of something the wallet already did says so and exits 0, with no failed row left in the history:
``mint-quote ID`` after ``invoice --wait`` minted it, and receiving a token this wallet already received."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.integration.wallet_helpers import nutdesk
from tests.peers.nutshell import NutshellMint


def test_mint_quote_after_invoice_minted_it_says_already_minted_and_exits_0(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    data = tmp_path / "w"
    nutdesk(data, "init")
    nutdesk(data, "mint", "add", nutshell_mint.url, "--trust")
    invoice = nutdesk(data, "invoice", "119", "--mint", nutshell_mint.url, "--wait")
    again = nutdesk(data, "mint-quote", invoice["quote"])  # check=True: exit status 0
    assert again == {"quote": invoice["quote"], "minted": 0, "already_minted": 119}
    text = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "mint-quote", invoice["quote"]],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert text.returncode == 0 and text.stdout.startswith("Already minted:") and "119 sat" in text.stdout
    assert [(e["kind"], e["state"]) for e in nutdesk(data, "history")["entries"]] == [("issue", "done")]
    assert nutdesk(data, "balance")["total"] == {"sat": 119}


def test_receiving_a_token_twice_says_already_received_and_exits_0(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    for data in (alice, bob):
        nutdesk(data, "init")
        nutdesk(data, "mint", "add", nutshell_mint.url, "--trust")
    nutdesk(alice, "invoice", "200", "--mint", nutshell_mint.url, "--wait")
    token = nutdesk(alice, "send", "120", "--mint", nutshell_mint.url)["token"]
    first = nutdesk(bob, "receive", token)
    second = nutdesk(bob, "receive", token)
    assert second["already_received"] == first["amount"] and second["amount"] == 0
    assert [e["state"] for e in nutdesk(bob, "history")["entries"]] == ["done"]
    # Someone else's wallet holding the same (now spent) token still hears that it was spent.
    carol = tmp_path / "carol"
    nutdesk(carol, "init")
    nutdesk(carol, "mint", "add", nutshell_mint.url, "--trust")
    spent = nutdesk(carol, "receive", token, check=False)
    assert spent["error"]["code"] == "token-already-spent"
