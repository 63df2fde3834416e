"""Harnesses for the backend contract suite: two wallets on one server (a funded payer, an empty payee) and
two backends that must fail (a wrong key, nothing listening), for every backend type."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field

import pytest

from backends.fake import FakeBackend, FakeNetwork
from backends.lnbits import LNbitsBackend
from core.ports.lightning import CreatedInvoice, LightningBackend, PaymentState
from tests.fakes.server import LocalServer
from tests.peers.lnbits import LNbitsServer, acquire_shared, release_shared
from tests.peers.ports import free_port

__all__ = ["HARNESSES", "Harness", "lnbits_session"]

FUNDED_SAT = 2_000


@dataclass
class Harness:
    payer: LightningBackend
    payee: LightningBackend
    bad_key: LightningBackend
    unreachable: LightningBackend
    funded_sat: int = FUNDED_SAT
    stream_warmup: float = 0.3
    stream_timeout: float = 10.0
    expired_invoice_states: tuple[PaymentState, ...] = (PaymentState.FAILED,)
    extra: dict[str, object] = field(default_factory=dict)
    # Makes an 8-sat invoice of the payee that expires in 1 s (Blink counts expiry in minutes: its harness makes
    # the invoice on the server's side).
    expiring_invoice: Callable[[], Awaitable[CreatedInvoice]] | None = None
    # Flash answers a payment with its status only: no preimage.
    preimage_on_pay: bool = True

    async def make_expiring_invoice(self) -> CreatedInvoice:
        if self.expiring_invoice is not None:
            return await self.expiring_invoice()
        return await self.payee.create_invoice(8, memo="expires", expiry=1)

    async def aclose(self) -> None:
        for backend in (self.payer, self.payee, self.bad_key, self.unreachable):
            await backend.aclose()


@pytest.fixture(scope="session")
def lnbits_session() -> Iterator[LNbitsServer]:
    """The session's LNbits (shared with other modules that import this fixture)."""
    server = acquire_shared()
    try:
        yield server
    finally:
        release_shared()


def _dead_url() -> str:
    return f"http://127.0.0.1:{free_port()}"


@asynccontextmanager
async def fake_harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    net = FakeNetwork()
    net.credit("payer", FUNDED_SAT * 1000)
    h = Harness(FakeBackend(net, "payer"), FakeBackend(net, "payee"), _BrokenFake(), _UnreachableFake())
    try:
        yield h
    finally:
        await h.aclose()


class _BrokenFake(FakeBackend):
    """The fake backend has no keys: a refusing one stands in for the bad-key case."""

    def __init__(self) -> None:
        super().__init__(FakeNetwork(), "nobody")

    async def status(self):  # type: ignore[no-untyped-def]
        from core.errors import BackendError

        raise BackendError("fake: unauthorised")


class _UnreachableFake(FakeBackend):
    def __init__(self) -> None:
        super().__init__(FakeNetwork(), "nobody")

    async def status(self):  # type: ignore[no-untyped-def]
        from core.errors import BackendUnavailable

        raise BackendUnavailable("fake: unreachable")

    async def pay_invoice(self, bolt11, *, fee_limit_msat=None, amount_msat=None):  # type: ignore[no-untyped-def]
        from core.errors import BackendUnavailable

        raise BackendUnavailable("fake: unreachable")


@asynccontextmanager
async def lnbits_harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    server: LNbitsServer = request.getfixturevalue("lnbits_server")
    payer_wallet = server.create_wallet("contract payer")
    payee_wallet = server.create_wallet("contract payee")
    server.credit(payer_wallet, FUNDED_SAT)
    h = Harness(
        LNbitsBackend(server.url, payer_wallet.adminkey),
        LNbitsBackend(server.url, payee_wallet.inkey),
        LNbitsBackend(server.url, "0" * 32),
        LNbitsBackend(_dead_url(), payer_wallet.adminkey),
        stream_warmup=0.5,
        # LNbits keeps an expired invoice "pending" (its status check does not expire it): never "failed"
        # is the rule that matters, and paying it is refused.
        expired_invoice_states=(PaymentState.PENDING, PaymentState.FAILED),
    )
    try:
        yield h
    finally:
        await h.aclose()


@asynccontextmanager
async def lnd_harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    from backends.lnd import LndRestBackend
    from tests.fakes.lnd_server import lnd_app

    net = FakeNetwork()
    net.credit("payer", FUNDED_SAT * 1000)
    payer_app, payer_mac = lnd_app(net, "payer")
    payee_app, payee_mac = lnd_app(net, "payee")
    async with LocalServer(payer_app, tls=True) as payer_srv, LocalServer(payee_app, tls=True) as payee_srv:
        h = Harness(
            LndRestBackend(payer_srv.url, payer_mac, cert=payer_srv.cert_pem),
            LndRestBackend(payee_srv.url, payee_mac, cert=payee_srv.cert_pem, reconnect=0.1),
            LndRestBackend(payer_srv.url, "ab" * 32, cert=payer_srv.cert_pem),
            LndRestBackend(_dead_url().replace("http:", "https:"), payer_mac, cert=payer_srv.cert_pem),
        )
        try:
            yield h
        finally:
            await h.aclose()


@asynccontextmanager
async def cln_harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    from backends.cln import ClnRestBackend
    from tests.fakes.cln_server import cln_app

    net = FakeNetwork()
    net.credit("payer", FUNDED_SAT * 1000)
    payer_app, payer_rune = cln_app(net, "payer")
    payee_app, payee_rune = cln_app(net, "payee")
    async with LocalServer(payer_app, tls=True) as payer_srv, LocalServer(payee_app, tls=True) as payee_srv:
        h = Harness(
            ClnRestBackend(payer_srv.url, payer_rune, cert=payer_srv.cert_pem),
            ClnRestBackend(payee_srv.url, payee_rune, cert=payee_srv.cert_pem, reconnect=0.1),
            ClnRestBackend(payer_srv.url, "not-a-rune", cert=payer_srv.cert_pem),
            ClnRestBackend(_dead_url().replace("http:", "https:"), payer_rune, cert=payer_srv.cert_pem),
        )
        try:
            yield h
        finally:
            await h.aclose()


def _blink_like(flash: bool) -> Callable[[pytest.FixtureRequest], AbstractAsyncContextManager[Harness]]:
    @asynccontextmanager
    async def harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
        from backends.blink import BlinkBackend, FlashBackend
        from tests.fakes.blink_server import BlinkFake

        cls = FlashBackend if flash else BlinkBackend
        fake = BlinkFake(FakeNetwork(), flash=flash)
        fake.add_account("payer", "payer_key", btc_sat=FUNDED_SAT)
        fake.add_account("payee", "payee_key")

        async def expiring() -> CreatedInvoice:
            inv = fake.net.create_invoice("payee:BTC", 8_000, memo="expires", expiry=1)
            return CreatedInvoice(inv.bolt11, inv.payment_hash, 8)

        async with LocalServer(fake.app()) as srv:
            url = srv.url + "/graphql"
            h = Harness(
                cls(url, "payer_key", currency="BTC"),
                cls(url, "payee_key", currency="BTC", poll_interval=0.1),
                cls(url, "wrong_key", currency="BTC"),
                cls(_dead_url() + "/graphql", "payer_key", currency="BTC"),
                extra={"fake": fake},
                expiring_invoice=expiring,
                preimage_on_pay=not flash,
                # Flash looks invoices up by payment request only, and this one was made on the server's side:
                # unknown to the backend, so "pending" — never "failed".
                expired_invoice_states=(PaymentState.PENDING,) if flash else (PaymentState.FAILED,),
            )
            try:
                yield h
            finally:
                await h.aclose()

    return harness


@asynccontextmanager
async def nwc_harness(request: pytest.FixtureRequest) -> AsyncIterator[Harness]:
    import nostr_sdk

    from backends.nwc import NwcBackend
    from tests.fakes.nwc_service import LocalNostrRelay, NwcWalletService

    net = FakeNetwork()
    net.credit("payer", FUNDED_SAT * 1000)
    async with LocalNostrRelay() as relay:
        service = NwcWalletService(net, relay.url)
        payer_uri, payee_uri = service.connect("payer"), service.connect("payee")
        stranger = nostr_sdk.Keys.generate().secret_key().to_hex()
        async with service:
            h = Harness(
                NwcBackend(payer_uri, timeout=5),
                NwcBackend(payee_uri, timeout=5, poll_interval=0.1),
                NwcBackend(f"nostr+walletconnect://{service.pubkey}?relay={relay.url}&secret={stranger}", timeout=5),
                NwcBackend(payer_uri.replace(relay.url, f"ws://127.0.0.1:{free_port()}"), timeout=5),
                stream_warmup=0.5,
                extra={"service": service},
            )
            try:
                yield h
            finally:
                await h.aclose()


HarnessFactory = Callable[[pytest.FixtureRequest], AbstractAsyncContextManager[Harness]]

HARNESSES: dict[str, HarnessFactory] = {
    "fake": fake_harness,
    "lnbits": lnbits_harness,
    "lnd": lnd_harness,
    "cln": cln_harness,
    "blink": _blink_like(flash=False),
    "flash": _blink_like(flash=True),
    "nwc": nwc_harness,
}
