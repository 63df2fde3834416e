"""The LNURL-pay client against a local LNURL service on loopback (no mint involved)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from core.errors import UserFacingError
from core.payments.detect import detect
from core.payments.errors import AmountError, InvoiceAmountMismatch, LnurlError
from core.payments.lightning_address import parse_lightning_address
from core.payments.lnurl import LnurlClient, SuccessAction, decode_lnurl, lnurlp_to_url
from core.payments.urls import check_url
from tests.fakes.lnurl_server import FakeLnurlServer, aes_success_action


@pytest.fixture
def server() -> Iterator[FakeLnurlServer]:
    with FakeLnurlServer() as srv:
        yield srv


@pytest.fixture
async def client() -> AsyncIterator[LnurlClient]:
    async with httpx.AsyncClient(trust_env=False) as http:
        yield LnurlClient(http)


async def test_pay_request_from_every_form_of_link(server: FakeLnurlServer, client: LnurlClient) -> None:
    server.add_user("alice", min_sendable=2_000, max_sendable=50_000, comment_allowed=32, description="Alice's tips")
    urls = [
        parse_lightning_address(server.address("alice")).url,
        lnurlp_to_url(server.lnurlp("alice")),
        decode_lnurl(server.lnurl("alice")),
    ]
    assert urls[0] == f"http://127.0.0.1:{server.port}/.well-known/lnurlp/alice"
    for url in urls:
        pay = await client.fetch_pay_request(url)
        assert (pay.min_sendable, pay.max_sendable, pay.comment_allowed) == (2_000, 50_000, 32)
        assert (pay.min_sat, pay.max_sat) == (2, 50)
        assert pay.description == "Alice's tips"
        assert pay.identifier == server.address("alice")


async def test_invoice_for_the_requested_amount_with_a_comment(server: FakeLnurlServer, client: LnurlClient) -> None:
    user = server.add_user("alice", comment_allowed=20)
    pay = await client.fetch_pay_request(parse_lightning_address(server.address("alice")).url)
    got = await client.request_invoice(pay, 21_000, "for the coffee")
    assert got.invoice.amount_msat == 21_000
    assert user.callbacks == [{"amount": "21000", "comment": "for the coffee"}]
    assert got.invoice.request == user.invoices[0]


async def test_an_invoice_for_another_amount_is_refused(server: FakeLnurlServer, client: LnurlClient) -> None:
    server.add_user("mallory", wrong_amount_msat=99_000)
    pay = await client.fetch_pay_request(parse_lightning_address(server.address("mallory")).url)
    with pytest.raises(InvoiceAmountMismatch, match="99000 msat instead of the 21000 msat"):
        await client.request_invoice(pay, 21_000)


async def test_an_amountless_invoice_is_refused(server: FakeLnurlServer, client: LnurlClient) -> None:
    server.add_user("mallory", amountless_invoice=True)
    pay = await client.fetch_pay_request(parse_lightning_address(server.address("mallory")).url)
    with pytest.raises(InvoiceAmountMismatch, match="no amount"):
        await client.request_invoice(pay, 21_000)


@pytest.mark.parametrize("status", [200, 400, 500])
async def test_error_bodies_are_shown_whatever_the_http_status(
    server: FakeLnurlServer, client: LnurlClient, status: int
) -> None:
    server.add_user("closed", pay_request_error="This shop is closed today", error_status=status)
    server.add_user("broke", callback_error="Route not found", error_status=status)
    with pytest.raises(LnurlError, match="says: This shop is closed today"):
        await client.fetch_pay_request(parse_lightning_address(server.address("closed")).url)
    pay = await client.fetch_pay_request(parse_lightning_address(server.address("broke")).url)
    with pytest.raises(LnurlError, match="says: Route not found"):
        await client.request_invoice(pay, 5_000)


async def test_unknown_user_and_wrong_tag(server: FakeLnurlServer, client: LnurlClient) -> None:
    with pytest.raises(LnurlError, match="user nobody not found"):
        await client.fetch_pay_request(parse_lightning_address(server.address("nobody")).url)
    server.add_user("atm", tag="withdrawRequest")
    with pytest.raises(LnurlError, match="LNURL-withdraw"):
        await client.fetch_pay_request(parse_lightning_address(server.address("atm")).url)


async def test_limits_and_comment_rules_are_checked_before_asking(server: FakeLnurlServer, client: LnurlClient) -> None:
    user = server.add_user("bob", min_sendable=10_000, max_sendable=20_000, comment_allowed=5)
    pay = await client.fetch_pay_request(parse_lightning_address(server.address("bob")).url)
    with pytest.raises(AmountError, match="10–20 sat"):
        await client.request_invoice(pay, 9_000)
    with pytest.raises(AmountError):
        await client.request_invoice(pay, 21_000)
    with pytest.raises(LnurlError, match="at most 5 characters"):
        await client.request_invoice(pay, 15_000, "too long")
    server.add_user("nocomment")
    pay2 = await client.fetch_pay_request(parse_lightning_address(server.address("nocomment")).url)
    with pytest.raises(LnurlError, match="does not accept comments"):
        await client.request_invoice(pay2, 15_000, "hi")
    assert user.callbacks == []


async def test_unreachable_service_is_a_clear_error(client: LnurlClient) -> None:
    from tests.fakes.http import closed_port_url

    with pytest.raises(LnurlError, match=r"could not reach 127\.0\.0\.1"):
        await client.fetch_pay_request(closed_port_url() + "/.well-known/lnurlp/alice")


async def test_success_actions(server: FakeLnurlServer, client: LnurlClient) -> None:
    server.add_user("msg", success_message="Thank you!")
    server.add_user("link", success_url=f"{server.base_url}/receipt/1")
    server.add_user("evil", success_url="https://elsewhere.example.com/phish")
    server.add_user("secret", aes_message="door code 1234")
    results = {}
    for name in ("msg", "link", "evil", "secret"):
        pay = await client.fetch_pay_request(parse_lightning_address(server.address(name)).url)
        results[name] = (await client.request_invoice(pay, 1_000)).success_action
    assert results["msg"] == SuccessAction("message", message="Thank you!")
    assert results["link"] is not None and results["link"].url == f"{server.base_url}/receipt/1"
    assert results["evil"] is not None and results["evil"].url is None, "a link off the callback's domain is dropped"
    secret = results["secret"]
    assert secret is not None and secret.tag == "aes"
    assert secret.decrypt("00" * 32) == "door code 1234"
    assert secret.render("00" * 32) == {"tag": "aes", "description": "your code", "message": "door code 1234"}
    assert "error" in secret.render("11" * 32), "the wrong key does not give a message"
    assert "error" in secret.render(None)


def test_aes_round_trip_with_a_real_preimage() -> None:
    preimage = "ab" * 32
    raw = aes_success_action("hello", preimage)
    action = SuccessAction("aes", ciphertext=raw["ciphertext"], iv=raw["iv"])
    assert action.decrypt(preimage) == "hello"


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://example.com/x", True),
        ("http://127.0.0.1:8080/x", True),
        ("http://localhost:8080/x", True),
        ("http://[::1]:8080/x", True),
        ("http://abcdefghij.onion/x", True),
        ("http://example.com/x", False),
        ("ftp://example.com/x", False),
    ],
)
def test_https_except_loopback(url: str, ok: bool) -> None:
    if ok:
        assert check_url(url) == url
    else:
        with pytest.raises(UserFacingError, match="https"):
            check_url(url)


def test_clearnet_lnurlp_and_addresses_use_https() -> None:
    assert lnurlp_to_url("lnurlp://shop.example.com/p/1") == "https://shop.example.com/p/1"
    assert detect("bob@Shop.Example.com").details["url"] == "https://shop.example.com/.well-known/lnurlp/bob"
