"""Payment requests: NUT-18 creqA and NUT-26 creqb1 vectors, round trips, hostile input, the payload."""

from __future__ import annotations

import base64
import contextlib
from dataclasses import replace
from typing import Any

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import PaymentRequestError
from core.protocol.bech32 import Variant, bech32_decode, bech32_encode
from core.protocol.models import DLEQ, Proof
from core.protocol.payment_requests import (
    Nut10Option,
    PaymentRequest,
    PaymentRequestPayload,
    Transport,
    decode_payment_request,
    parse_nostr_target,
)
from tests.vectorlib import vector_cases


def nostr_identity(request: PaymentRequest) -> PaymentRequest:
    """Nostr targets compared by key and relays: a relay-less nprofile and an npub name the same receiver."""
    transports = []
    for transport in request.transports:
        if transport.type == "nostr":
            pubkey, relays = parse_nostr_target(transport.target)
            transport = replace(transport, target=f"{pubkey.hex()}|{','.join(relays)}")
        transports.append(transport)
    return replace(request, transports=tuple(transports))


# --- NUT-18 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", vector_cases("18", "payment_request_creqA"))
def test_creqa_vector_decodes_to_expected(case: dict[str, Any]) -> None:
    encoded = case["expected"]["encoded"]
    decoded = decode_payment_request(encoded)
    # Known defect (basic case): the published JSON differs from the string; the decoded form is the truth.
    assert decoded.to_json() == case["expected"]["decoded"]
    assert PaymentRequest.from_json(case["expected"]["decoded"]) == decoded
    if "known_defect" not in case:
        assert PaymentRequest.from_json(case["input"]["request"]) == decoded
    # Our own encoding (base64url, no CBOR undefined) decodes back to the same request.
    ours = decoded.encode_creqa()
    assert ours.startswith("creqA")
    assert "+" not in ours and "/" not in ours
    assert decode_payment_request(ours) == decoded
    assert decode_payment_request(encoded.rstrip("=")) == decoded
    request = PaymentRequest.from_json(case["input"]["request"])
    assert decode_payment_request(request.encode_creqa()) == request


def test_creqa_undefined_transport_tags_count_as_absent() -> None:
    case = vector_cases("18", "payment_request_creqA")[2].values[0]
    raw = base64.b64decode(case["expected"]["encoded"][5:])
    assert cbor2.loads(raw)["t"][0]["g"] is cbor2.undefined
    transport = decode_payment_request(case["expected"]["encoded"]).transports[0]
    assert transport == Transport("post", "https://api.example.com/receive")


def test_creqa_fields() -> None:
    case = vector_cases("18", "payment_request_creqA")[1].values[0]
    request = decode_payment_request(case["expected"]["encoded"])
    assert request.id == "4840f51e"
    assert request.amount == 1000
    assert request.unit == "sat"
    assert request.single_use is True
    assert request.mints == ("https://mint.example.com",)
    assert request.description == "Product purchase"
    assert request.transports == (Transport("post", "https://api.example.com/pay"),)
    assert request.nut10 == Nut10Option(
        "P2PK", "03baf0c3ac220366c2c397bf930579c4163435584f573b10910987c544c59e61f1", (("purpose", "offline"),)
    )


# --- NUT-26 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", vector_cases("26", "payment_request_creqB"))
def test_creqb_vector(case: dict[str, Any]) -> None:
    request = PaymentRequest.from_json(case["input"]["request"])
    encoded = case["expected"]["encoded"]
    assert request.encode_creqb() == encoded
    decoded = decode_payment_request(encoded)
    assert nostr_identity(decoded) == nostr_identity(request)
    assert decode_payment_request(encoded.lower()) == decoded
    assert decoded.encode_creqb() == encoded


def test_creqb_longer_than_90_characters_is_decoded() -> None:
    encoded = [case.values[0]["expected"]["encoded"] for case in vector_cases("26", "payment_request_creqB")]
    longest = max(encoded, key=len)
    assert len(longest) > 400
    assert decode_payment_request(longest).id == "htlc_test"


def test_creqb_nostr_target_is_npub_without_relays_and_nprofile_with_them() -> None:
    cases = {case.values[0]["name"]: case.values[0] for case in vector_cases("26", "payment_request_creqB")}
    minimal = decode_payment_request(cases["Minimal Nostr Transport (pubkey only)"]["expected"]["encoded"])
    assert minimal.transports[0].target.startswith("npub1")
    relayed = decode_payment_request(cases["Relay Tag Extraction from nprofile"]["expected"]["encoded"])
    assert relayed.transports[0].target == cases["Relay Tag Extraction from nprofile"]["input"]["request"]["t"][0]["a"]
    assert parse_nostr_target(relayed.transports[0].target)[1] == [
        "wss://relay1.example.com",
        "wss://relay2.example.com",
        "wss://relay3.example.com",
    ]
    assert relayed.transports[0].tags == ()


def test_creqb_ignores_unknown_tags() -> None:
    base = vector_cases("26", "payment_request_creqB")[2].values[0]["expected"]["encoded"]
    data = bech32_decode(base).data + bytes([0x09, 0, 3]) + b"pm1" + bytes([0x7F, 0, 0])
    assert decode_payment_request(bech32_encode("creqb", data)) == decode_payment_request(base)


# --- round trips -------------------------------------------------------------------------------------

words = st.text(min_size=1, max_size=20)
tag_tuples = st.lists(st.tuples(words, words), max_size=3).map(tuple)
requests = st.builds(
    PaymentRequest,
    id=st.none() | words,
    amount=st.none() | st.integers(min_value=0, max_value=2**64 - 1),
    unit=st.none() | st.sampled_from(["sat", "msat", "usd", "eur", "btc"]),
    single_use=st.none() | st.booleans(),
    mints=st.lists(st.sampled_from(["https://a.example", "https://b.example:3338"]), max_size=2).map(tuple),
    description=st.none() | st.text(max_size=40),
    transports=st.lists(
        st.builds(Transport, type=st.just("post"), target=st.just("https://pay.example/x"), tags=tag_tuples)
        | st.builds(
            Transport,
            type=st.just("nostr"),
            target=st.binary(min_size=32, max_size=32).map(lambda key: bech32_encode("npub", key, Variant.BECH32)),
            tags=st.lists(st.tuples(st.just("n"), st.sampled_from(["17", "9735"])), max_size=2).map(tuple),
        ),
        max_size=3,
    ).map(tuple),
    nut10=st.none() | st.builds(Nut10Option, kind=st.sampled_from(["P2PK", "HTLC"]), data=words, tags=tag_tuples),
)


@settings(max_examples=200, deadline=None)
@given(requests)
def test_creqa_and_creqb_round_trip(request: PaymentRequest) -> None:
    assert decode_payment_request(request.encode_creqa()) == request
    assert decode_payment_request(request.encode_creqb()) == request
    assert PaymentRequest.from_json(request.to_json()) == request


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["creqA", "creqb1", "CREQB1", ""]), st.text(max_size=200))
def test_random_input_raises_only_payment_request_error(prefix: str, text: str) -> None:
    with contextlib.suppress(PaymentRequestError):
        decode_payment_request(prefix + text)


@settings(max_examples=300, deadline=None)
@given(requests, st.binary(min_size=1, max_size=8), st.integers(min_value=0))
def test_corrupted_payloads_raise_only_payment_request_error(request: PaymentRequest, junk: bytes, cut: int) -> None:
    cbor = base64.urlsafe_b64decode(request.encode_creqa()[5:])
    tlv = bech32_decode(request.encode_creqb()).data
    candidates = [
        "creqA" + base64.urlsafe_b64encode(cbor[: cut % (len(cbor) + 1)] + junk).decode(),
        bech32_encode("creqb", tlv[: cut % (len(tlv) + 1)] + junk),
        bech32_encode("creqb", junk + tlv),
    ]
    for candidate in candidates:
        with contextlib.suppress(PaymentRequestError):
            decode_payment_request(candidate)


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "creqA",
        "creqA!!",
        "creqA" + base64.urlsafe_b64encode(cbor2.dumps([1, 2])).decode(),
        "creqA" + base64.urlsafe_b64encode(cbor2.dumps({"a": -5})).decode(),
        "creqA" + base64.urlsafe_b64encode(cbor2.dumps({"a": "10"})).decode(),
        "creqA" + base64.urlsafe_b64encode(cbor2.dumps({"m": "https://one"})).decode(),
        "creqA" + base64.urlsafe_b64encode(cbor2.dumps({"t": [{"t": "post"}]})).decode(),
        "creqA" + base64.urlsafe_b64encode(cbor2.dumps({"s": 1})).decode(),
        "creqb1qqqqqq",
        bech32_encode("creqb", bytes([2, 0, 2, 0, 1])),
        bech32_encode("creqb", bytes([4, 0, 1, 7])),
        bech32_encode("creqb", bytes([7, 0, 4, 1, 0, 1, 9])),
        bech32_encode("creqb", bytes([7, 0, 7, 1, 0, 1, 0, 2, 0, 1]) + b"\x01"),
        bech32_encode("creqb", b"\x01\x00\x05ab"),
        bech32_encode("creqb", b"\x01\x00\x01\xff"),
        bech32_encode("creqb", b"\x01\x00\x01a", Variant.BECH32),
        bech32_encode("creqx", b"\x01\x00\x01a"),
        "CREQB1QYQQSDMXX3SNYC3N8YPSQQGQQ5QPS6R5W3C8XW309AKKJMN59EJHSCTDWPKX2TNRDAKSYP0LHH",
        "creqb1QYQQSDMXX3SNYC3N8YPSQQGQQ5QPS6R5W3C8XW309AKKJMN59EJHSCTDWPKX2TNRDAKSYP0LHG",
        "lnbc1...",
    ],
)
def test_malformed_requests_are_rejected(bad: str) -> None:
    with pytest.raises(PaymentRequestError):
        decode_payment_request(bad)


def test_unencodable_requests_are_refused() -> None:
    with pytest.raises(PaymentRequestError):
        PaymentRequest(amount=2**64).encode_creqb()
    with pytest.raises(PaymentRequestError):
        PaymentRequest(transports=(Transport("carrier-pigeon", "x"),)).encode_creqb()
    with pytest.raises(PaymentRequestError):
        PaymentRequest(transports=(Transport("nostr", "npub1notakey"),)).encode_creqb()
    with pytest.raises(PaymentRequestError):
        PaymentRequest(nut10=Nut10Option("P2SH", "x")).encode_creqb()


# --- payload -----------------------------------------------------------------------------------------

PROOF = Proof(
    id="009a1f293253e41e", amount=2, secret="407915bc", C="02bc90", dleq=DLEQ(e="aa", s="bb", r="cc"), witness=None
)


def test_payload_to_json() -> None:
    payload = PaymentRequestPayload(mint="https://m", unit="sat", proofs=[PROOF], id="b7a90176", memo="thanks")
    assert payload.to_json() == {
        "id": "b7a90176",
        "memo": "thanks",
        "mint": "https://m",
        "unit": "sat",
        "proofs": [
            {
                "id": "009a1f293253e41e",
                "amount": 2,
                "secret": "407915bc",
                "C": "02bc90",
                "dleq": {"e": "aa", "s": "bb", "r": "cc"},
            }
        ],
    }
    assert PaymentRequestPayload.from_json(payload.to_json()) == payload
    anonymous = PaymentRequestPayload(mint="https://m", unit="sat", proofs=[PROOF])
    assert set(anonymous.to_json()) == {"mint", "unit", "proofs"}


@pytest.mark.parametrize(
    "bad",
    [
        None,
        [],
        {"mint": "https://m", "unit": "sat", "proofs": []},
        {"mint": "https://m", "unit": "sat"},
        {"mint": "https://m", "unit": "sat", "proofs": [{"id": "x"}]},
        {"mint": "https://m", "unit": "sat", "proofs": ["x"]},
        {"unit": "sat", "proofs": [PROOF.to_json()]},
    ],
)
def test_malformed_payloads_are_rejected(bad: object) -> None:
    with pytest.raises(PaymentRequestError):
        PaymentRequestPayload.from_json(bad)
