"""The NIP-17 delivery log beside the webhooks' (one table, two channels that never read each other's rows): a
receipt waits while its sale settles (no attempt counted), is given up after the last attempt, and a cancelled
sale's receipt fails at once; a refused payer's pending receipt is forgotten. Claim messages and flyer links parse
and refuse what they are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.api.giveaway_page import claim_link, parse_claim_link
from core.api.pos import PosService, Webhook
from core.api.service import WalletService
from core.config import Config
from core.errors import UserFacingError
from core.nostr.crypto import NostrKeys
from core.pos.giveaway_claims import ClaimMessage
from core.pos.nostr_mail import RECEIPT_EVENT, TOKEN_EVENT
from core.pos.types import SaleState
from core.pos.webhooks import MAX_ATTEMPTS
from tests.peers.ports import free_port

TRUSTED = "https://mint.trusted.example"


async def test_receipts_wait_for_the_sale_retry_and_give_up_without_touching_webhooks(tmp_path: Path) -> None:
    wallet = WalletService.open(Config(data_dir=tmp_path / "shop"))
    wallet.create_wallet()
    down = f"ws://127.0.0.1:{free_port()}"  # nothing listens: every publish fails
    customer = NostrKeys.generate().public_hex
    try:
        async with PosService(wallet, webhook_base_delay=0.0) as pos:
            pos.configure(webhooks=(Webhook("http://127.0.0.1:9/hook", "s"),), trusted_mints=[TRUSTED])
            session = await pos.start_checkout(100)
            mail = pos.nostr_mail
            mail.timeout = 2.0
            receipt = mail.enqueue(customer, RECEIPT_EVENT, session.sale.id, [down])
            assert pos.webhook_log() == [], "the webhooks' log does not list NIP-17 messages"
            assert await pos.deliver_nostr_mail() == 0  # waiting: nothing is sent, no attempt counted
            assert [(d.state, d.attempts) for d in mail.repo.deliveries(nostr=True)] == [("pending", 0)]

            sale = pos.repo.update(session.sale.id, state=SaleState.RECEIVED)
            pos._paid(pos.repo.update(sale.id, state=SaleState.SETTLING, settlement="swap", received=100))
            [hook] = pos.webhook_log()
            assert hook.url.startswith("http") and hook.event == "sale.paid"
            for attempt in range(1, MAX_ATTEMPTS + 1):
                assert await pos.deliver_nostr_mail() == 0
                found = pos.receipt_delivery(sale.id)
                assert found is not None and found.id == receipt and found.attempts == attempt
            assert found.state == "failed" and down in found.last_error
            assert dict(pos.receipt(sale.id))["Receipt sent to"].endswith("(failed)")

            other = await pos.start_checkout(50)
            refused = mail.enqueue(customer, RECEIPT_EVENT, other.sale.id, [down])
            mail.repo.delete(refused)  # the payment that named the key was refused
            assert pos.receipt_delivery(other.sale.id) is None
            mail.enqueue(customer, RECEIPT_EVENT, other.sale.id, [down])
            pos.cancel(other.sale.id)
            await pos.deliver_nostr_mail()
            gone = pos.receipt_delivery(other.sale.id)
            assert gone is not None and gone.state == "failed" and "cancelled" in gone.last_error
            unfinished = mail.enqueue(customer, TOKEN_EVENT, "claim:x", [down])  # a claim a crash cut short
            await pos.deliver_nostr_mail()
            [cut] = [d for d in mail.repo.deliveries(nostr=True) if d.id == unfinished]
            assert cut.state == "failed" and "not finished" in cut.last_error
            assert cut.to_json()["to"].startswith("npub1")
    finally:
        await wallet.close()


def test_claim_messages_and_flyer_links() -> None:
    assert ClaimMessage.from_json({"giveaway": "g1", "code": " c0de "}) == ClaimMessage("g1", "c0de", None)
    assert ClaimMessage.from_json({"code": "c"}, giveaway="g2") == ClaimMessage("g2", "c", None)
    assert ClaimMessage.is_claim({"giveaway": "g1"}) and not ClaimMessage.is_claim({"id": "r", "proofs": []})
    with pytest.raises(UserFacingError, match="names its giveaway"):
        ClaimMessage.from_json({"code": "c"})
    with pytest.raises(UserFacingError, match="is text"):
        ClaimMessage.from_json({"giveaway": "g", "code": 7})
    link = claim_link("g1", "ab12", nostr="nprofile1xyz", post="http://127.0.0.1:8/cashu/giveaway/g1")
    assert link.startswith("nutdesk-giveaway:g1/ab12?")
    assert parse_claim_link(link) == ("g1", "ab12", {"nostr": "nprofile1xyz",
                                                     "post": "http://127.0.0.1:8/cashu/giveaway/g1"})  # fmt: skip
    assert parse_claim_link(claim_link("g1", "ab12")) == ("g1", "ab12", {})
    for bad in ("ab12", "nutdesk-giveaway:g1", "nutdesk-giveaway:/ab12"):
        with pytest.raises(UserFacingError):
            parse_claim_link(bad)
