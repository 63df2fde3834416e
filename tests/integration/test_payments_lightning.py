"""Paying Lightning — bolt11, LNURL, lnurlp://, Lightning addresses — through ``PaymentsService``, with the
melts done by a real nutshell mint (FakeWallet) and the LNURL service a local one on loopback."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bolt11 import Bolt11, MilliSatoshi, Tag, TagChar, Tags, encode

from core.api.payments import PaymentsService
from core.errors import UnknownMint
from core.payments.errors import AmountError, InvalidInvoice, InvoiceAmountMismatch, LnurlError
from tests.fakes.lnurl_server import FakeLnurlServer
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint, make_bolt11


@pytest.fixture
def lnurl_server() -> Iterator[FakeLnurlServer]:
    with FakeLnurlServer() as server:
        yield server


def expired_bolt11(amount_sat: int) -> str:
    tags = Tags(
        [
            Tag(TagChar.payment_hash, "11" * 32),
            Tag(TagChar.payment_secret, "22" * 32),
            Tag(TagChar.description, "too late"),
            Tag(TagChar.expire_time, 60),
        ]
    )
    invoice = Bolt11(currency="bc", amount_msat=MilliSatoshi(amount_sat * 1000), date=int(time.time()) - 120, tags=tags)
    return str(encode(invoice, "33" * 32))


async def test_bolt11_shows_fee_reserve_and_total_before_paying(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "a") as wallet, PaymentsService(wallet) as payments:
        await fund(wallet, url, 1000)
        prepared = await payments.prepare_payment("LIGHTNING:" + make_bolt11(100).upper())
        assert (prepared.kind, prepared.amount, prepared.unit, prepared.mint_url) == ("bolt11", 100, "sat", url)
        assert prepared.fee_reserve > 0
        assert prepared.total == 100 + prepared.fee_reserve + prepared.input_fee
        assert f"at most {prepared.total} sat" in prepared.summary()
        assert balance(wallet, url) == (1000, 0), "preparing spends nothing"
        result = await payments.pay(prepared)
        assert result.paid and result.amount == 100
        assert prepared.input_fee <= result.fee <= prepared.input_fee + prepared.fee_reserve
        assert balance(wallet, url) == (1000 - 100 - result.fee, 0)
        assert [(h.kind, h.state) for h in wallet.history() if h.kind == "melt"] == [("melt", "done")]


async def test_an_expired_invoice_is_refused_before_any_request(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    async with open_wallet(tmp_path / "a") as wallet, PaymentsService(wallet) as payments:
        await fund(wallet, nutshell_mint.url, 200)
        with pytest.raises(InvalidInvoice, match="expired"):
            await payments.prepare_payment(expired_bolt11(10))
        # Even with a mint that is not in the wallet: the invoice is refused before any mint is asked.
        with pytest.raises(InvalidInvoice, match="expired"):
            await payments.prepare_payment(expired_bolt11(10), mint="http://127.0.0.1:9")
        with pytest.raises(UnknownMint):
            await payments.prepare_payment(make_bolt11(10), mint="http://127.0.0.1:9")
        assert [h.kind for h in wallet.history()] == ["issue"]


async def test_amountless_invoice_needs_an_amount_and_mint_support(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    async with open_wallet(tmp_path / "a") as wallet, PaymentsService(wallet) as payments:
        await fund(wallet, nutshell_mint.url, 200)
        with pytest.raises(AmountError, match="no amount"):
            await payments.prepare_payment(make_bolt11(None))
        # nutshell 0.20 does not advertise NUT-05 amountless: said clearly, before a melt quote is asked.
        with pytest.raises(InvalidInvoice, match="cannot pay invoices without an amount"):
            await payments.prepare_payment(make_bolt11(None), amount=10, mint=nutshell_mint.url)
        with pytest.raises(AmountError, match="not 20 sat"):
            await payments.prepare_payment(make_bolt11(10), amount=20)
        assert balance(wallet, nutshell_mint.url) == (200, 0)


async def test_the_cheapest_mint_pays_unless_the_user_picks_one(
    tmp_path: Path, nutshell_mint: NutshellMint, nutshell_mint_factory: Callable[..., NutshellMint]
) -> None:
    pricey = nutshell_mint_factory(name="pricey", input_fee_ppk=3000)  # 3 sat per input
    async with open_wallet(tmp_path / "a") as wallet, PaymentsService(wallet) as payments:
        await fund(wallet, nutshell_mint.url, 300)
        await fund(wallet, pricey.url, 2000)  # more ecash, higher fees
        prepared = await payments.prepare_payment(make_bolt11(100))
        assert prepared.mint_url == nutshell_mint.url
        picked = await payments.prepare_payment(make_bolt11(100), mint=pricey.url)
        assert picked.mint_url == pricey.url and picked.input_fee > prepared.input_fee
        result = await payments.pay(picked)
        assert result.paid and result.mint_url == pricey.url
        assert balance(wallet, nutshell_mint.url) == (300, 0)


async def test_lightning_address_with_comment_and_encrypted_success_message(
    tmp_path: Path, nutshell_mint: NutshellMint, lnurl_server: FakeLnurlServer
) -> None:
    alice = lnurl_server.add_user("alice", comment_allowed=50, aes_message="locker 7, code 4711")
    address = lnurl_server.address("alice")
    async with open_wallet(tmp_path / "a") as wallet, PaymentsService(wallet) as payments:
        await fund(wallet, nutshell_mint.url, 500)
        prepared = await payments.prepare_payment(address, amount=50, comment="thanks for the coffee")
        assert (prepared.kind, prepared.amount, prepared.destination) == ("lightning_address", 50, address)
        assert prepared.description == "Pay a Nutdesk test user"
        assert alice.callbacks == [{"amount": "50000", "comment": "thanks for the coffee"}]
        result = await payments.pay(prepared)
        assert result.paid
        assert result.success_action == {"tag": "aes", "description": "your code", "message": "locker 7, code 4711"}
        assert balance(wallet, nutshell_mint.url) == (500 - 50 - result.fee, 0)


@pytest.mark.parametrize("form", ["lnurlp", "bech32", "lightning-uri"])
async def test_lnurl_links_with_a_fixed_amount_and_a_message(
    tmp_path: Path, nutshell_mint: NutshellMint, lnurl_server: FakeLnurlServer, form: str
) -> None:
    lnurl_server.add_user("shop", min_sendable=21_000, max_sendable=21_000, success_message="Order #12 paid")
    link = {
        "lnurlp": lnurl_server.lnurlp("shop"),
        "bech32": lnurl_server.lnurl("shop"),
        "lightning-uri": "lightning:" + lnurl_server.lnurl("shop"),
    }[form]
    async with open_wallet(tmp_path / "a") as wallet, PaymentsService(wallet) as payments:
        await fund(wallet, nutshell_mint.url, 100)
        prepared = await payments.prepare_payment(link)  # min == max: no amount needed
        assert (prepared.kind, prepared.amount) == ("lnurl", 21)
        result = await payments.pay(prepared)
        assert result.paid and result.success_action == {"tag": "message", "message": "Order #12 paid"}


async def test_an_invoice_for_the_wrong_amount_is_never_paid(
    tmp_path: Path, nutshell_mint: NutshellMint, lnurl_server: FakeLnurlServer
) -> None:
    mallory = lnurl_server.add_user("mallory", wrong_amount_msat=500_000)
    async with open_wallet(tmp_path / "a") as wallet, PaymentsService(wallet) as payments:
        await fund(wallet, nutshell_mint.url, 1000)
        with pytest.raises(InvoiceAmountMismatch, match="500000 msat instead of the 50000 msat"):
            await payments.prepare_payment(lnurl_server.address("mallory"), amount=50)
        assert len(mallory.invoices) == 1
        assert balance(wallet, nutshell_mint.url) == (1000, 0)
        assert [h.kind for h in wallet.history()] == ["issue"], "no melt was even prepared"


async def test_error_bodies_and_limits_reach_the_user(
    tmp_path: Path, nutshell_mint: NutshellMint, lnurl_server: FakeLnurlServer
) -> None:
    lnurl_server.add_user("closed", pay_request_error="Shop closed until Monday", error_status=400)
    lnurl_server.add_user("noroute", callback_error="No route to the merchant")
    lnurl_server.add_user("small", min_sendable=1_000, max_sendable=10_000)
    async with open_wallet(tmp_path / "a") as wallet, PaymentsService(wallet) as payments:
        await fund(wallet, nutshell_mint.url, 100)
        with pytest.raises(LnurlError, match="Shop closed until Monday"):
            await payments.prepare_payment(lnurl_server.address("closed"), amount=5)
        with pytest.raises(LnurlError, match="No route to the merchant"):
            await payments.prepare_payment(lnurl_server.lnurlp("noroute"), amount=5)
        with pytest.raises(AmountError, match="1–10 sat"):
            await payments.prepare_payment(lnurl_server.address("small"), amount=11)
        with pytest.raises(AmountError, match="say how much"):
            await payments.prepare_payment(lnurl_server.address("small"))
        with pytest.raises(LnurlError, match="does not accept comments"):
            await payments.prepare_payment(lnurl_server.address("small"), amount=5, comment="hi")
        assert balance(wallet, nutshell_mint.url) == (100, 0)
