"""The till's Nostr inbox survives anything a stranger sends: after each poisoned gift wrap (a seal of 3,000
nested brackets, a rumor whose created_at is 1e999, a payload with 1e999 as an amount, wrong types, ...) a
valid payment is still heard and counted, against the real nutshell mint and the local relay the Nostr tests use.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.api.payments import PaymentsService
from core.api.pos import PosService, SaleState
from core.api.service import WalletService
from core.nostr.crypto import NostrKeys, nip44_encrypt, sign_event
from core.nostr.nip17 import GIFT_WRAP, SEAL
from core.nostr.relay import publish
from tests.fakes.nwc_service import LocalNostrRelay
from tests.integration.test_nostr_payments import _until
from tests.integration.wallet_helpers import fund, open_wallet
from tests.peers.nutshell import NutshellMint


@pytest.fixture
async def relay() -> AsyncIterator[LocalNostrRelay]:
    async with LocalNostrRelay() as running:
        yield running


@pytest.fixture
async def till(tmp_path: Path, nutshell_mint: NutshellMint, relay: LocalNostrRelay) -> AsyncIterator[PosService]:
    async with open_wallet(tmp_path / "shop") as wallet:
        await wallet.add_mint(nutshell_mint.url, trusted=True)
        async with PosService(wallet) as pos:
            pos.configure(shop_name="Poison Café", trusted_mints=[nutshell_mint.url], nostr_relays=[relay.url])
            yield pos


@pytest.fixture
async def customer(tmp_path: Path, nutshell_mint: NutshellMint) -> AsyncIterator[WalletService]:
    async with open_wallet(tmp_path / "customer") as wallet:
        await fund(wallet, nutshell_mint.url, 300)
        yield wallet


def wrap_text(receiver_hex: str, seal_text: str) -> dict[str, object]:
    """A correctly signed gift wrap to ``receiver_hex`` whose encrypted seal is ``seal_text`` (any bytes)."""
    ephemeral = NostrKeys.generate()
    content = nip44_encrypt(ephemeral.secret, receiver_hex, seal_text)
    return sign_event(ephemeral, GIFT_WRAP, content, [["p", receiver_hex]], created_at=int(time.time()) - 60)


def seal_text(sender: NostrKeys, receiver_hex: str, rumor_text: str) -> str:
    """A correctly signed seal whose encrypted rumor is ``rumor_text``."""
    content = nip44_encrypt(sender.secret, receiver_hex, rumor_text)
    return json.dumps(sign_event(sender, SEAL, content, [], created_at=int(time.time()) - 60))


def rumor_text(sender: NostrKeys, *, created_at: str = "1700000000", content: str = '"hi"', tags: str = "[]") -> str:
    head = f'{{"pubkey": "{sender.public_hex}", "created_at": {created_at}, "kind": 14, '
    return head + f'"tags": {tags}, "content": {content}}}'


def poisons(shop: str) -> dict[str, dict[str, object]]:
    s = NostrKeys.generate()
    payload = json.dumps(json.dumps({"id": "x", "mint": "http://127.0.0.1:1", "unit": "sat", "proofs": []}))
    return {
        "a seal of 3000 nested brackets": wrap_text(shop, "[" * 3000),
        "a rumor of 3000 nested brackets": wrap_text(shop, seal_text(s, shop, "[" * 3000)),
        "created_at 1e999 in the rumor": wrap_text(shop, seal_text(s, shop, rumor_text(s, created_at="1e999"))),
        "created_at 1e300 in the rumor": wrap_text(shop, seal_text(s, shop, rumor_text(s, created_at="1e300"))),
        "an amount of 1e999 in the payload": wrap_text(
            shop, seal_text(s, shop, rumor_text(s, content=json.dumps('{"id": "x", "proofs": [{"amount": 1e999}]}')))
        ),
        "a payload for no mint": wrap_text(shop, seal_text(s, shop, rumor_text(s, content=payload))),
        "tags that are a number": wrap_text(shop, seal_text(s, shop, rumor_text(s, tags="5"))),
        "a seal that is not an object": wrap_text(shop, '"just a string"'),
        "a seal whose pubkey is a list": wrap_text(shop, json.dumps({"kind": 13, "pubkey": [1], "content": "x"})),
        "a lone surrogate": wrap_text(shop, seal_text(s, shop, rumor_text(s, content='"\\ud800"'))),
    }


async def pay_a_charge(till: PosService, customer: WalletService, amount: int) -> None:
    session = await till.start_checkout(amount)
    async with PaymentsService(customer) as payments:
        result = await payments.pay(await payments.prepare_payment(session.request))
    assert result.delivered
    await _until(lambda: session.state is SaleState.PAID)


async def test_the_inbox_handles_a_valid_payment_after_each_poisoned_event(
    till: PosService,
    customer: WalletService,
    relay: LocalNostrRelay,
    caplog: pytest.LogCaptureFixture,
) -> None:
    inbox = await till.start_nostr()
    await asyncio.wait_for(inbox.synced.wait(), 20)
    shop = till.nostr_keys().public_hex
    for i, (name, event) in enumerate(poisons(shop).items()):
        results = await publish(event, [relay.url])
        assert all(r.accepted for r in results), name
        await pay_a_charge(till, customer, 10 + i)
        assert inbox.running, f"the inbox stopped after {name}"
    assert inbox.restarts == 0
    paid = [s for s in till.sales() if s.state is SaleState.PAID]
    assert len(paid) == len(poisons(shop))
    # A poisoned event is logged once, even when relays send it again.
    first = next(iter(poisons(shop).values()))
    await publish(first, [relay.url])
    await publish(first, [relay.url])
    await pay_a_charge(till, customer, 9)
    assert sum(str(first["id"]) in r.getMessage() for r in caplog.records) <= 1


async def test_a_stopped_inbox_is_started_again_not_reused(
    till: PosService, customer: WalletService, relay: LocalNostrRelay
) -> None:
    inbox = await till.start_nostr()
    assert inbox._task is not None
    inbox._task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await inbox._task
    assert not inbox.running
    again = await till.start_nostr()
    assert again.running
    await asyncio.wait_for(again.synced.wait(), 20)
    await pay_a_charge(till, customer, 21)
