"""The input detector over valid and invalid examples of every kind, including mixed case and URIs."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from core.errors import PaymentRequestError, TokenDecodeError, UnsupportedInput
from core.payments.detect import DetectedInput, InputKind, InputRegistry, default_registry, detect
from core.payments.errors import InvalidInvoice, LnurlError
from core.protocol.bech32 import Variant, bech32_encode
from core.protocol.models import Proof
from core.protocol.payment_requests import Nut10Option, PaymentRequest, Transport
from core.protocol.tokens import Token
from tests.peers.nutshell import make_bolt11

G = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
KEYSET = "009a1f293253e41e"
TOKEN = Token(
    mint="https://mint.example.com",
    unit="sat",
    proofs=[Proof(KEYSET, 8, "secret-one", G), Proof(KEYSET, 2, "secret-two", G)],
    memo="thanks",
)
INVOICE = make_bolt11(21)
AMOUNTLESS = make_bolt11(None)
LNURL = bech32_encode("lnurl", b"https://pay.example.com/lnurlp/alice", Variant.BECH32)
REQUEST = PaymentRequest(
    id="b7a90176",
    amount=10,
    unit="sat",
    mints=("https://mint.example.com",),
    description="coffee",
    transports=(Transport("post", "https://shop.example.com/pay"),),
)
LOCKED = PaymentRequest(amount=5, unit="sat", nut10=Nut10Option("P2PK", G))

# (label, input, kind, check on the detected value)
VALID: list[tuple[str, str, str, Callable[[DetectedInput], Any]]] = [
    ("cashuB", TOKEN.encode_v4(), "cashu_token", lambda d: d.details["amount"] == 10),
    ("cashuA", TOKEN.encode_v3(), "cashu_token", lambda d: d.details["version"] == "V3"),
    ("cashu: URI", "cashu:" + TOKEN.encode_v4(), "cashu_token", lambda d: d.uri_scheme == "cashu"),
    ("CASHU: URI upper scheme", "CASHU:" + TOKEN.encode_v4(), "cashu_token", lambda d: d.details["memo"] == "thanks"),
    ("crawB as text", TOKEN.encode_raw_v4().decode("latin-1"), "cashu_token", lambda d: d.details["amount"] == 10),
    ("cashuB with spaces", f"  {TOKEN.encode_v4()}\n", "cashu_token", lambda d: d.details["proofs"] == 2),
    ("bolt11", INVOICE, "bolt11", lambda d: d.details["amount"] == 21),
    ("BOLT11 upper", INVOICE.upper(), "bolt11", lambda d: d.text == INVOICE),
    ("bolt11 amountless", AMOUNTLESS, "bolt11", lambda d: d.details["amount"] is None),
    ("lightning: URI", "lightning:" + INVOICE, "bolt11", lambda d: d.uri_scheme == "lightning"),
    ("LIGHTNING: URI upper", "LIGHTNING:" + INVOICE.upper(), "bolt11", lambda d: d.details["amount_msat"] == 21000),
    ("lightning:// URI", "lightning://" + INVOICE, "bolt11", lambda d: d.text == INVOICE),
    (
        "BIP21 with lightning=",
        f"bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.00000021&lightning={INVOICE}",
        "bolt11",
        lambda d: d.uri_scheme == "bitcoin",
    ),
    (
        "BIP21 upper case QR",
        f"BITCOIN:BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ?AMOUNT=0.00000021&LIGHTNING={INVOICE.upper()}",
        "bolt11",
        lambda d: d.details["amount"] == 21,
    ),
    ("LNURL lower", LNURL, "lnurl", lambda d: d.value == "https://pay.example.com/lnurlp/alice"),
    ("LNURL upper", LNURL.upper(), "lnurl", lambda d: d.details["form"] == "bech32"),
    ("lightning:LNURL", "lightning:" + LNURL.upper(), "lnurl", lambda d: d.uri_scheme == "lightning"),
    (
        "LUD-01 fallback URL",
        f"https://example.com/?lightning={LNURL.upper()}",
        "lnurl",
        lambda d: d.value.startswith("https://pay.example.com"),
    ),
    ("lnurlp://", "lnurlp://pay.example.com/lnurlp/bob", "lnurl", lambda d: d.value.startswith("https://")),
    ("LNURLP:// upper scheme", "LNURLP://pay.example.com/x", "lnurl", lambda d: d.details["form"] == "lnurlp"),
    ("lnurlp:// loopback", "lnurlp://127.0.0.1:8080/lnurlp/bob", "lnurl", lambda d: d.value.startswith("http://")),
    (
        "Lightning address",
        "alice@example.com",
        "lightning_address",
        lambda d: d.details["url"] == "https://example.com/.well-known/lnurlp/alice",
    ),
    ("Lightning address mixed case", "Alice@Example.COM", "lightning_address", lambda d: d.text == "alice@example.com"),
    ("lightning:address", "lightning:bob@pay.example.org", "lightning_address", lambda d: d.uri_scheme == "lightning"),
    (
        "address on loopback",
        "alice@127.0.0.1:8080",
        "lightning_address",
        lambda d: d.details["url"] == "http://127.0.0.1:8080/.well-known/lnurlp/alice",
    ),
    ("address on localhost", "shop@localhost:9000", "lightning_address", lambda d: d.value.url.startswith("http://")),
    ("creqA", REQUEST.encode_creqa(), "payment_request", lambda d: d.value == REQUEST),
    ("creqA with P2PK lock", LOCKED.encode_creqa(), "payment_request", lambda d: d.details["lock"] == "P2PK"),
    ("CREQB1 upper", REQUEST.encode_creqb(), "payment_request", lambda d: d.details["format"] == "creqB"),
    ("creqb1 lower", REQUEST.encode_creqb().lower(), "payment_request", lambda d: d.details["amount"] == 10),
]


@pytest.mark.parametrize(("label", "text", "kind", "check"), VALID, ids=[v[0] for v in VALID])
def test_detects_every_kind(label: str, text: str, kind: str, check: Callable[[DetectedInput], Any]) -> None:
    found = detect(text)
    assert found.kind == kind, label
    assert found.action == ("receive" if kind == "cashu_token" else "pay")
    assert check(found), found
    assert found.to_json()["kind"] == kind


def test_crawb_bytes_are_a_token() -> None:
    found = detect(TOKEN.encode_raw_v4())
    assert (found.kind, found.details["version"], found.details["amount"]) == ("cashu_token", "V4 binary", 10)


# (label, input, expected error type, words the message must contain)
INVALID: list[tuple[str, str, type[Exception], str]] = [
    ("empty", "   ", UnsupportedInput, "empty input"),
    ("plain text", "hello there", UnsupportedInput, "plain text"),
    ("on-chain address", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", UnsupportedInput, "on-chain address"),
    ("legacy address", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", UnsupportedInput, "on-chain address"),
    (
        "BIP21 without lightning",
        "bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=1",
        UnsupportedInput,
        "on-chain",
    ),
    ("LNURL-withdraw link", "lnurlw://example.com/withdraw", UnsupportedInput, "LNURL-withdraw"),
    ("BOLT12 offer", "lno1qgsqvgnwgcg35z6ee2h3yczraddm72xrfua9uve2rlrm9deu7xyfzrc", UnsupportedInput, "BOLT12"),
    ("npub", "npub1sg6plzptd64u62a878hep2kev88swjh3tw00gjsfl8f237lmu63q0uf63m", UnsupportedInput, "Nostr"),
    ("web link", "https://example.com/shop", UnsupportedInput, "web link"),
    ("email-like", "alice@example", UnsupportedInput, "Lightning address"),
    ("address on loopback without port", "alice@127.0.0.1", UnsupportedInput, "Lightning address"),
    ("node id", G, UnsupportedInput, "node id"),
    ("cashuC (unknown version)", "cashuCabcdef", UnsupportedInput, "damaged Cashu"),
    ("lower-cased token", TOKEN.encode_v4().lower(), UnsupportedInput, "upper and lower case"),
    ("broken cashuB", "cashuBnotbase64!!", TokenDecodeError, ""),
    ("truncated cashuA", TOKEN.encode_v3()[:40], TokenDecodeError, ""),
    ("bolt11 with bad checksum", INVOICE[:-3] + "qqq", InvalidInvoice, "cannot be decoded"),
    ("LNURL bad checksum", LNURL[:-2] + "qq", LnurlError, "bech32"),
    ("LNURL to plain http", bech32_encode("lnurl", b"http://pay.example.com/x", Variant.BECH32), Exception, "https"),
    ("creqA garbage", "creqAgarbage", PaymentRequestError, ""),
    ("creqb1 garbage", "creqb1qqqqqq", PaymentRequestError, ""),
]


@pytest.mark.parametrize(("label", "text", "error", "words"), INVALID, ids=[v[0] for v in INVALID])
def test_refuses_what_it_cannot_handle(label: str, text: str, error: type[Exception], words: str) -> None:
    with pytest.raises(error) as caught:
        detect(text)
    if error is UnsupportedInput:
        assert str(caught.value).startswith("not something Nutdesk can pay or receive: it looks like")
    assert words.lower() in str(caught.value).lower(), str(caught.value)


def test_binary_garbage_is_unsupported() -> None:
    with pytest.raises(UnsupportedInput, match="binary"):
        detect(b"\xff\xfe\x00garbage")


def test_expired_invoice_is_still_detected_and_marked() -> None:
    from bolt11 import Bolt11, MilliSatoshi, Tag, TagChar, Tags, encode

    tags = Tags(
        [
            Tag(TagChar.payment_hash, "11" * 32),
            Tag(TagChar.payment_secret, "22" * 32),
            Tag(TagChar.description, "old"),
            Tag(TagChar.expire_time, 60),
        ]
    )
    old = encode(
        Bolt11(currency="bc", amount_msat=MilliSatoshi(1000), date=int(time.time()) - 3600, tags=tags), "33" * 32
    )
    found = detect(old)
    assert found.kind == "bolt11" and found.details["expired"] is True


def test_registry_accepts_new_kinds_in_order() -> None:
    class Greeting(InputKind):
        name = "greeting"
        action = "pay"
        description = "a greeting"

        def claims(self, text: str) -> bool:
            return text.startswith("hello")

        def parse(self, text: str) -> DetectedInput:
            return DetectedInput(self.name, self.action, text, text)

    registry = default_registry()
    registry.register(Greeting())
    assert registry.detect("hello there").kind == "greeting"
    assert registry.detect(INVOICE).kind == "bolt11"
    with pytest.raises(UnsupportedInput):
        InputRegistry([]).detect(INVOICE)
