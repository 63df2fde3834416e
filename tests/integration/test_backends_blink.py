"""Blink and Flash specifics beyond the contract suite: USD wallets, live-price conversion, polling, status by
invoice only, rate limits and error shapes (against the local GraphQL server of tests/fakes/blink_server.py)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest

from backends.blink import BlinkBackend, FlashBackend
from backends.fake import FakeNetwork
from backends.registry import BackendRegistry
from core.errors import BackendError
from core.ports.lightning import PaymentState
from tests.fakes.blink_server import BlinkFake
from tests.fakes.server import LocalServer


@pytest.fixture
async def flash() -> AsyncIterator[tuple[BlinkFake, str]]:
    fake = BlinkFake(FakeNetwork(), flash=True)
    fake.add_account("alice", "fk_alice", usd_cents=1_000)  # $10 = 10,000 sat at 0.1 cent/sat
    fake.add_account("bob", "fk_bob")
    async with LocalServer(fake.app()) as srv:
        yield fake, srv.url + "/graphql"


async def test_flash_is_a_capability_flagged_variant(flash: tuple[BlinkFake, str]) -> None:
    _, url = flash
    registry = BackendRegistry().discover(plugin_dirs=[], entry_points=False)
    backend = registry.get("flash").from_options({"api_key": "fk_alice", "url": url})
    try:
        assert isinstance(backend, FlashBackend)
        caps = backend.capabilities
        assert (caps.streaming, caps.status_by_hash, caps.amountless) == (False, False, True)
        assert "usd" in caps.units
        status = await backend.status()
        assert (status.balance, status.unit) == (1_000, "usd")
    finally:
        await backend.aclose()


async def test_flash_usd_invoice_paid_and_polled_by_invoice(flash: tuple[BlinkFake, str]) -> None:
    fake, url = flash
    alice, bob = (
        FlashBackend(url, "fk_alice", currency="USD"),
        FlashBackend(url, "fk_bob", currency="USD", poll_interval=0.1),
    )
    seen = []

    async def consume() -> None:
        async for paid in bob.paid_invoices():
            seen.append(paid)

    task = asyncio.create_task(consume())
    try:
        invoice = await bob.create_invoice(250, unit="usd", memo="lunch")  # $2.50 = 2,500 sat
        assert invoice.unit == "usd"
        assert (await bob.invoice_status(invoice.payment_hash)).state is PaymentState.PENDING
        result = await alice.pay_invoice(invoice.bolt11)
        assert result.state is PaymentState.SETTLED
        # Flash has no status by hash: the invoice is asked for by its payment request.
        assert (await bob.invoice_status(invoice.payment_hash)).state is PaymentState.SETTLED
        assert "lnInvoicePaymentStatusByHash" not in fake.operations
        assert "lnInvoicePaymentStatus" in fake.operations
        # Outgoing: known to this session only, never "failed" for an unknown hash.
        assert (await alice.payment_status(invoice.payment_hash)).state is PaymentState.SETTLED
        assert (await alice.payment_status("00" * 32)).state is PaymentState.PENDING
        async with asyncio.timeout(5):
            while not seen:  # noqa: ASYNC110 - the polling stream delivers on its own schedule
                await asyncio.sleep(0.05)
        assert [(p.payment_hash, p.amount_msat) for p in seen] == [(invoice.payment_hash, 2_500_000)]
        assert (await bob.status()).balance == 250
        assert (await alice.status()).balance == 750
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await alice.aclose()
        await bob.aclose()


async def test_flash_pays_an_amountless_invoice_in_cents_at_the_live_price(flash: tuple[BlinkFake, str]) -> None:
    fake, url = flash
    fake.price_base = 50_000_000_000  # the price moves: 1 sat = 0.05 cent
    # The payee is an outside wallet with an amountless invoice.
    outside = fake.net.create_invoice("shop", None, memo="tip jar")
    alice = FlashBackend(url, "fk_alice", currency="USD")
    try:
        result = await alice.pay_invoice(outside.bolt11, amount_msat=400_000)  # 400 sat = 20 cents at this price
        assert result.state is PaymentState.SETTLED
        assert "realtimePrice" in fake.operations
        assert "lnNoAmountUsdInvoicePaymentSend" in fake.operations
        assert fake.net.account("shop").balance_msat == 400_000
        assert (await alice.status()).balance == round(fake.balance("alice:USD"))
        with pytest.raises(BackendError, match="amount is needed"):
            await alice.pay_invoice(fake.net.create_invoice("shop", None).bolt11)
    finally:
        await alice.aclose()


@pytest.mark.parametrize("flash_mode", [False, True], ids=["blink", "flash"])
async def test_rate_limits_are_waited_out(flash_mode: bool) -> None:
    fake = BlinkFake(FakeNetwork(), flash=flash_mode, rate_limit_every=2)
    fake.add_account("alice", "key_a", btc_sat=1_000, usd_cents=100)
    fake.add_account("bob", "key_b")
    async with LocalServer(fake.app()) as srv:
        alice = BlinkBackend(srv.url + "/graphql", "key_a")
        bob = BlinkBackend(srv.url + "/graphql", "key_b")
        try:
            invoice = await bob.create_invoice(100)
            assert (await alice.pay_invoice(invoice.bolt11)).state is PaymentState.SETTLED
            assert (await bob.status()).balance == 100_000
        finally:
            await alice.aclose()
            await bob.aclose()
    assert fake.rate_limited >= 2


async def test_blink_error_shapes() -> None:
    fake = BlinkFake(FakeNetwork())
    fake.add_account("alice", "key_a", btc_sat=100)
    async with LocalServer(fake.app()) as srv:
        alice = BlinkBackend(srv.url + "/graphql", "key_a")
        wrong = BlinkBackend(srv.url + "/graphql", "nope")
        try:
            with pytest.raises(BackendError, match="NOT_AUTHORIZED"):
                await wrong.status()
            own = await alice.create_invoice(10)
            self_pay = await alice.pay_invoice(own.bolt11)  # CANT_PAY_SELF in data.<mutation>.errors
            assert self_pay.state is PaymentState.FAILED
            assert "pay themselves" in self_pay.error
            usd_only = BlinkBackend(srv.url + "/graphql", "key_a", wallet_id="not-mine")
            with pytest.raises(BackendError, match="no BTC wallet"):
                await usd_only.status()
            await usd_only.aclose()
        finally:
            await alice.aclose()
            await wrong.aclose()
