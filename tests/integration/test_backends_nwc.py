"""NWC specifics: NIP-44 v2 by default, NIP-04 with a legacy wallet service, polling without notifications
(a real relay: nostr-sdk's in-process LocalRelay; the wallet service signs and encrypts with nostr-sdk)."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from backends.fake import FakeNetwork
from backends.nwc import NwcBackend, parse_nwc_uri
from core.errors import BackendError
from core.ports.lightning import PaidInvoice, PaymentState
from tests.fakes.nwc_service import LocalNostrRelay, NwcWalletService


async def _pay_and_stream(payer: NwcBackend, payee: NwcBackend) -> list[PaidInvoice]:
    seen: list[PaidInvoice] = []
    got = asyncio.Event()

    async def consume() -> None:
        async for paid in payee.paid_invoices():
            seen.append(paid)
            got.set()

    task = asyncio.create_task(consume())
    try:
        await asyncio.sleep(0.5)
        invoice = await payee.create_invoice(12, memo="nwc")
        result = await payer.pay_invoice(invoice.bolt11)
        assert result.state is PaymentState.SETTLED
        async with asyncio.timeout(10):
            await got.wait()
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    assert [(p.payment_hash, p.amount_msat) for p in seen] == [(invoice.payment_hash, 12_000)]
    return seen


@pytest.mark.parametrize(
    ("encryption", "notifications", "scheme"),
    [(("nip44_v2", "nip04"), True, "nip44_v2"), (("nip04",), True, "nip04"), (("nip44_v2",), False, "nip44_v2")],
    ids=["nip44-notifications", "legacy-nip04", "nip44-polling"],
)
async def test_encryption_and_stream_follow_the_info_event(
    encryption: tuple[str, ...], notifications: bool, scheme: str
) -> None:
    net = FakeNetwork()
    net.credit("alice", 100_000)
    async with LocalNostrRelay() as relay:
        service = NwcWalletService(net, relay.url, encryption=encryption, notifications=notifications)
        alice_uri, bob_uri = service.connect("alice"), service.connect("bob")
        async with service:
            alice, bob = NwcBackend(alice_uri, timeout=5), NwcBackend(bob_uri, timeout=5, poll_interval=0.1)
            assert (await alice.status()).balance == 100_000
            assert bob.capabilities.streaming is True  # assumed until the info event is read …
            await _pay_and_stream(alice, bob)
            assert bob.capabilities.streaming is notifications  # … then as the service declares
            assert {s for _, s in service.requests} == {scheme}
            assert (await bob.status()).balance == 12_000


def test_connection_uri_parsing() -> None:
    wallet, secret = "a" * 64, "b" * 64
    assert parse_nwc_uri(f"nostr+walletconnect://{wallet}?relay=wss://r.one&relay=wss://r.two&secret={secret}") == (
        wallet,
        ["wss://r.one", "wss://r.two"],
        secret,
    )
    for bad in ("https://example.com", f"nostr+walletconnect://{wallet}?secret={secret}", "nostr+walletconnect://x"):
        with pytest.raises(BackendError):
            parse_nwc_uri(bad)
