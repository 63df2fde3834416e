"""The ``pay`` and ``decode`` commands end to end (subprocess CLI, real nutshell mint, local LNURL service)."""

from __future__ import annotations

from pathlib import Path

from tests.fakes.lnurl_server import FakeLnurlServer
from tests.integration.wallet_helpers import nutdesk
from tests.peers.nutshell import NutshellMint, make_bolt11


def test_cli_pays_a_lightning_address_with_a_comment_and_shows_the_message(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    wallet = tmp_path / "w"
    nutdesk(wallet, "init")
    nutdesk(wallet, "mint", "add", nutshell_mint.url, "--trust")
    nutdesk(wallet, "invoice", "200", "--mint", nutshell_mint.url, "--wait")
    with FakeLnurlServer() as server:
        bob = server.add_user("bob", comment_allowed=40, success_message="Thanks, Bob")
        decoded = nutdesk(wallet, "decode", "lightning:" + server.address("bob").upper())
        assert (decoded["kind"], decoded["address"], decoded["uri_scheme"]) == (
            "lightning_address",
            server.address("bob"),
            "lightning",
        )
        paid = nutdesk(wallet, "pay", server.address("bob"), "--amount", "30", "--comment", "rent", "--yes")
        assert bob.callbacks == [{"amount": "30000", "comment": "rent"}]
    assert (paid["paid"], paid["kind"], paid["amount"], paid["mint"]) == (
        True,
        "lightning_address",
        30,
        nutshell_mint.url,
    )
    assert paid["success_action"] == {"tag": "message", "message": "Thanks, Bob"}
    assert nutdesk(wallet, "balance")["total"] == {"sat": 200 - 30 - paid["fee"]}

    unconfirmed = nutdesk(wallet, "pay", make_bolt11(10), check=False)  # stdin is no terminal
    assert unconfirmed["error"]["code"] == "user-error" and "--yes" in unconfirmed["error"]["message"]
    bolt11 = nutdesk(wallet, "pay", make_bolt11(10), "--mint", nutshell_mint.url, "--yes")
    assert (bolt11["paid"], bolt11["kind"], bolt11["amount"]) == (True, "bolt11", 10)


def test_cli_errors_for_what_cannot_be_paid(tmp_path: Path) -> None:
    wallet = tmp_path / "w"
    nutdesk(wallet, "init")
    unknown = nutdesk(wallet, "decode", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", check=False)
    assert unknown["error"]["code"] == "unsupported-input"
    assert "on-chain address" in unknown["error"]["message"]
    token = nutdesk(wallet, "pay", "hello world", "--yes", check=False)
    assert token["error"]["code"] == "unsupported-input"
    empty = nutdesk(wallet, "pay", make_bolt11(10), "--yes", check=False)
    assert empty["error"]["code"] == "insufficient-balance"
