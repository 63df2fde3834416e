"""Giveaways against the real nutshell mint, through the CLI: one-time codes, each claim a journaled send whose token
a customer's wallet receives; the second claim of a code refused; the giveaway stops at its budget (and closes);
a claim without a Nostr key or code refused; a closed giveaway pays nothing. A Nostr claimant (the key in their NUT-18
request) paid over the request's Nostr transport once per period, the giveaway closing at its budget."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.api.giveaways import GiveawayService
from core.errors import UserFacingError
from core.nostr.crypto import NostrKeys, nprofile_encode
from core.protocol.payment_requests import PaymentRequest, Transport
from tests.fakes.nwc_service import LocalNostrRelay
from tests.integration.wallet_helpers import fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint


async def test_a_giveaway_refuses_a_second_claim_and_stops_at_its_budget(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    shop = tmp_path / "shop"
    async with open_wallet(shop) as wallet:
        await fund(wallet, nutshell_mint.url, 1_000)
    created = nutdesk(
        shop, "pos", "giveaway", "create", "Launch day", "--amount", "100", "--budget", "250", "--codes", "3"
    )  # fmt: skip
    gid, codes = created["giveaway"]["id"], created["codes"]
    assert len(codes) == 3 and created["giveaway"]["state"] == "open"

    first = nutdesk(shop, "pos", "giveaway", "claim", gid, "--code", codes[0])["claim"]
    assert first["amount"] == 100 and first["token"].startswith("cashu")
    again = nutdesk(shop, "pos", "giveaway", "claim", gid, "--code", codes[0], check=False)
    assert again["error"]["message"] == "this code was already claimed"
    nutdesk(shop, "pos", "giveaway", "claim", gid, "--code", codes[1])
    over = nutdesk(shop, "pos", "giveaway", "claim", gid, "--code", codes[2], check=False)
    assert over["error"]["message"] == "the giveaway Launch day has given out its budget"
    [listed] = nutdesk(shop, "pos", "giveaway", "list")["giveaways"]
    assert (listed["spent"], listed["claims"], listed["left"], listed["state"]) == (200, 2, 50, "closed")
    wrong = nutdesk(shop, "pos", "giveaway", "claim", gid, "--code", "nope", check=False)
    assert wrong["error"]["message"] == "this code is not one of the giveaway's"

    async with open_wallet(tmp_path / "customer") as customer:
        received = await customer.receive(first["token"], trust=True)
        assert received.amount + received.fee == 100
    async with open_wallet(shop) as wallet:
        sends = [op for op in wallet.store.operations(kinds=("send",)) if op.data.get("giveaway") == gid]
        assert len(sends) == 2 and {op.state for op in sends} == {"done"}  # every claim journaled

    other = nutdesk(shop, "pos", "giveaway", "create", "Flyers", "--amount", "10", "--budget", "100")["giveaway"]
    creq = PaymentRequest(amount=10, unit="sat").encode_creqa()  # no Nostr key: not a claimant
    refused = nutdesk(shop, "pos", "giveaway", "claim", other["id"], "--request", creq, check=False)
    assert refused["error"]["message"] == "the payment request carries no Nostr key: claim with a one-time code"
    assert nutdesk(shop, "pos", "giveaway", "close", other["id"])["giveaway"]["state"] == "closed"


async def test_a_nostr_claimant_is_paid_over_their_request_once_per_period(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    async with LocalNostrRelay() as relay, open_wallet(tmp_path / "shop") as shop:
        await fund(shop, nutshell_mint.url, 500)
        service = GiveawayService(shop)
        made, codes = service.create("Zap day", 20, 40, per_claimant=1, period="1d", mint=nutshell_mint.url)
        assert codes == []

        def creq(keys: NostrKeys, rid: str) -> str:
            target = nprofile_encode(keys.public_hex, [relay.url])
            request = PaymentRequest(id=rid, amount=20, unit="sat", transports=(Transport("nostr", target),))
            return request.encode_creqa()

        ann, bob, cy = NostrKeys.generate(), NostrKeys.generate(), NostrKeys.generate()
        paid = await service.claim(made.id, request=creq(ann, "a1"))
        assert paid.amount == 20 and paid.operation_id
        with pytest.raises(UserFacingError, match="already claimed within the period"):
            await service.claim(made.id, request=creq(ann, "a2"))  # the same key, a new request
        await service.claim(made.id, request=creq(bob, "b1"))
        with pytest.raises(UserFacingError, match="has given out its budget"):
            await service.claim(made.id, request=creq(cy, "c1"))
        assert service.giveaway(made.id).spent == 40 and service.giveaway(made.id).state == "closed"
