"""Signed receipts against the real nutshell mint, through the CLI: a catalog sale paid with ecash, its receipt
printed as a Nostr event that nostr-sdk verifies (id and signature) and that commits to the redeemed proofs;
``receipt verify`` accepts it (with the shop's npub, without a wallet) and refuses an altered amount, another
shop's key, and an unpaid sale's receipt."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import nostr_sdk as ns

from core.protocol.tokens import decode_token
from tests.integration.wallet_helpers import fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint


async def test_a_receipt_is_a_nostr_event_signed_by_the_shop_that_anyone_can_check(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    shop = tmp_path / "shop"
    async with open_wallet(shop) as wallet:
        await wallet.add_mint(nutshell_mint.url, trusted=True)
    nutdesk(shop, "pos", "policy", "--shop-name", "Corner Café", "--trust", nutshell_mint.url)
    nutdesk(shop, "pos", "item", "add", "Coffee", "300", "--tax-rate", "7")
    async with open_wallet(tmp_path / "customer") as customer:
        await fund(customer, nutshell_mint.url, 1_000)
        token = (await customer.send(650, nutshell_mint.url)).token
    sale = nutdesk(shop, "pos", "charge", "--item", "Coffee:2", "50", "--token", token)["sale"]
    assert sale["state"] == "paid" and sale["amount"] == 650

    printed = nutdesk(shop, "pos", "receipt", sale["receipt"], "--out", str(tmp_path / "receipt.json"))
    event = printed["event"]
    parsed = ns.Event.from_json(json.dumps(event))
    assert parsed.verify() and parsed.verify_signature() and parsed.verify_id()  # any Nostr library checks it
    assert parsed.kind().as_u16() == 9321
    npub = nutdesk(shop, "pos", "policy", "--relay", "wss://relay.invalid")["nostr_npub"]
    assert ns.PublicKey.parse(npub).to_hex() == parsed.author().to_hex()
    record = json.loads(event["content"])
    assert (record["shop"], record["receipt"], record["total"], record["unit"]) == (
        "Corner Café",
        "R-000001",
        650,
        "sat",
    )
    assert [(line["name"], line["quantity"], line["amount"]) for line in record["lines"]] == [
        ("Coffee", 2, 600), ("Custom amount", 1, 50),
    ]  # fmt: skip
    secrets = sorted(p.secret for p in decode_token(token).proofs)
    assert record["proofs"] == hashlib.sha256("\n".join(secrets).encode()).hexdigest()

    # Anyone can check it: no wallet needed, from a file or the text.
    elsewhere = tmp_path / "someone"
    checked = nutdesk(elsewhere, "receipt", "verify", str(tmp_path / "receipt.json"), "--shop", npub)
    assert checked["ok"] and checked["record"]["receipt"] == "R-000001"
    assert nutdesk(elsewhere, "receipt", "verify", json.dumps(event))["ok"]
    altered = {**event, "content": event["content"].replace('"total":650', '"total":65')}
    refused = nutdesk(elsewhere, "receipt", "verify", json.dumps(altered), check=False)
    assert "signature does not match" in refused["error"]["message"]
    other = ns.Keys.generate().public_key().to_bech32()
    refused = nutdesk(elsewhere, "receipt", "verify", json.dumps(event), "--shop", other, check=False)
    assert "another key than the shop's" in refused["error"]["message"]
    unpaid = nutdesk(shop, "pos", "charge", "10")["sale"]
    refused = nutdesk(shop, "pos", "receipt", unpaid["receipt"], check=False)
    assert refused["error"]["message"] == "R-000002 is waiting: only a paid sale has a signed receipt"
