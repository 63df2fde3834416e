"""Tokens V3/V4/crawB: the NUT-00 vectors, and hostile input that must only ever raise TokenDecodeError."""

from __future__ import annotations

import base64
import contextlib
import json
from typing import Any

import cbor2
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import ProtocolError, TokenDecodeError
from core.protocol.models import DLEQ, Proof
from core.protocol.tokens import Token, decode_token
from tests.vectorlib import vector_cases

BYTES_FIELDS = {"i", "c", "e", "r"}


def token_from_v3_json(data: dict[str, Any]) -> Token:
    (entry,) = data["token"]
    return Token(
        mint=entry["mint"],
        unit=data.get("unit", "sat"),
        proofs=[Proof.from_json(raw) for raw in entry["proofs"]],
        memo=data.get("memo"),
    )


def token_from_v4_vector(data: dict[str, Any]) -> Token:
    """The vectors write CBOR byte fields as hex strings, which is what Proof keeps anyway."""
    proofs = []
    for group in data["t"]:
        for raw in group["p"]:
            dleq = raw.get("d")
            proofs.append(
                Proof(
                    id=group["i"],
                    amount=raw["a"],
                    secret=raw["s"],
                    C=raw["c"],
                    dleq=None if dleq is None else DLEQ(dleq["e"], dleq["s"], dleq.get("r")),
                    witness=raw.get("w"),
                )
            )
    return Token(mint=data["m"], unit=data["u"], proofs=proofs, memo=data.get("d"))


def hexify(value: Any) -> Any:
    """CBOR-decoded token with bytes as hex, to compare with the vectors' notation."""
    if isinstance(value, dict):
        return {key: hexify(item) for key, item in value.items()}
    if isinstance(value, list):
        return [hexify(item) for item in value]
    if isinstance(value, bytes):
        return value.hex()
    return value


# --- vectors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("case", vector_cases("00", "token_v3_serialize"))
def test_v3_serialization_matches_vector(case: dict[str, Any]) -> None:
    token = token_from_v3_json(case["input"]["token"])
    assert token.encode_v3() == case["expected"]["serialized"]
    assert decode_token(case["expected"]["serialized"]) == token


@pytest.mark.parametrize("case", vector_cases("00", "token_v3_deserialize"))
def test_v3_deserialization_vector(case: dict[str, Any]) -> None:
    serialized = case["input"]["serialized"]
    if case["expected"]["valid"]:
        token = decode_token(serialized)
        assert token == token_from_v3_json(case["expected"]["token"])
        assert token.mint == "https://8333.space:3338"
        assert token.amount == 10
        assert token.keyset_ids == ["009a1f293253e41e"]
    else:
        with pytest.raises(TokenDecodeError):
            decode_token(serialized)


@pytest.mark.parametrize("case", vector_cases("00", "token_v4_serialize"))
def test_v4_serialization_matches_vector(case: dict[str, Any]) -> None:
    token = token_from_v4_vector(case["input"]["token"])
    expected = case["expected"]["serialized"]
    encoded = token.encode_v4()
    # The vectors disagree about '=' padding; the CBOR inside must be byte-identical.
    assert encoded.rstrip("=") == expected.rstrip("=")
    assert decode_token(expected) == token
    assert decode_token(expected.rstrip("=")) == token
    payload = base64.urlsafe_b64decode(expected[len("cashuB") :] + "==")
    assert hexify(cbor2.loads(payload)) == case["input"]["token"]


@pytest.mark.parametrize("case", vector_cases("00", "token_v4_raw_serialize"))
def test_raw_v4_serialization_matches_vector(case: dict[str, Any]) -> None:
    token = token_from_v4_vector(case["input"]["token"])
    raw = bytes.fromhex(case["expected"]["raw_hex"])
    assert token.encode_raw_v4() == raw
    assert decode_token(raw) == token
    assert decode_token(raw).keyset_ids == ["00ad268c4d1f5826"]


# --- accepted variants ---------------------------------------------------------------------------------

V4_VECTOR = vector_cases("00", "token_v4_serialize")[0].values[0]["expected"]["serialized"]


def test_cashu_uri_prefix_and_whitespace_are_accepted() -> None:
    expected = decode_token(V4_VECTOR)
    assert decode_token(f"  cashu:{V4_VECTOR}\n") == expected
    assert decode_token(f"CASHU:{V4_VECTOR}") == expected
    assert decode_token(f"Cashu://{V4_VECTOR}") == expected
    assert decode_token(V4_VECTOR.encode()) == expected


def test_standard_base64_alphabet_is_accepted() -> None:
    standard = V4_VECTOR.replace("-", "+").replace("_", "/")
    assert standard != V4_VECTOR
    assert decode_token(standard) == decode_token(V4_VECTOR)


def test_trailing_slash_of_mint_is_stripped() -> None:
    token = Token(mint="https://mint.example.com/", unit="sat", proofs=decode_token(V4_VECTOR).proofs)
    assert decode_token(token.encode_v4()).mint == "https://mint.example.com"
    assert decode_token(token.encode_v3()).mint == "https://mint.example.com"


def test_short_keyset_ids_are_kept_as_given() -> None:
    proof = Proof(id="01" + "ab" * 7, amount=8, secret="s", C="02" + "11" * 32)
    assert decode_token(Token("https://m", "sat", [proof]).encode_v4()).proofs[0].id == "01" + "ab" * 7


def test_unknown_fields_are_ignored() -> None:
    body = {
        "t": [{"i": bytes.fromhex("00ad268c4d1f5826"), "p": [{"a": 1, "s": "x", "c": b"\x02" * 33, "z": 1}], "q": 2}],
        "m": "http://localhost:3338",
        "u": "sat",
        "future": [1, 2, 3],
    }
    token = decode_token("cashuB" + base64.urlsafe_b64encode(cbor2.dumps(body)).decode())
    assert token.amount == 1
    assert token.proofs[0].C == "02" * 33


def test_v3_without_unit_defaults_to_sat() -> None:
    body = {"token": [{"mint": "https://m", "proofs": [{"id": "00ab", "amount": 4, "secret": "s", "C": "02" * 33}]}]}
    token = decode_token("cashuA" + base64.urlsafe_b64encode(json.dumps(body).encode()).decode())
    assert token.unit == "sat"
    assert token.memo is None


def test_v3_entries_of_the_same_mint_are_merged() -> None:
    proof = {"id": "00ab", "amount": 4, "secret": "s", "C": "02" * 33}
    body = {"token": [{"mint": "https://m", "proofs": [proof]}, {"mint": "https://m/", "proofs": [proof]}]}
    token = decode_token("cashuA" + base64.urlsafe_b64encode(json.dumps(body).encode()).decode())
    assert token.amount == 8


def test_dleq_and_witness_survive_both_versions() -> None:
    proof = Proof(
        id="00ad268c4d1f5826",
        amount=2,
        secret='["P2PK",{"nonce":"00","data":"02"}]',
        C="03" + "ab" * 32,
        dleq=DLEQ(e="11" * 32, s="22" * 32, r="33" * 32),
        witness='{"signatures":["aa"]}',
    )
    token = Token("https://m", "sat", [proof], memo="hi")
    assert decode_token(token.encode_v3()) == token
    assert decode_token(token.encode_v4()) == token
    assert decode_token(token.encode_raw_v4()) == token


# --- rejections ----------------------------------------------------------------------------------------


def v3(body: object) -> str:
    return "cashuA" + base64.urlsafe_b64encode(json.dumps(body).encode()).decode()


def v4(body: object) -> str:
    return "cashuB" + base64.urlsafe_b64encode(cbor2.dumps(body)).decode()


GOOD_V3_PROOF = {"id": "00ab", "amount": 4, "secret": "s", "C": "02" * 33}
GOOD_V4_PROOF = {"a": 1, "s": "x", "c": b"\x02" * 33}


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "cashuA",
        "cashuB",
        "cashuC" + V4_VECTOR[6:],
        "cashuB!!!!",
        V4_VECTOR[:40],
        V4_VECTOR[:-9],
        V4_VECTOR + "AAAA",
        v3([]),
        v3({"token": []}),
        v3({"token": [{"mint": "https://m", "proofs": []}]}),
        v3(
            {
                "token": [
                    {"mint": "https://a", "proofs": [GOOD_V3_PROOF]},
                    {"mint": "https://b", "proofs": [GOOD_V3_PROOF]},
                ]
            }
        ),
        v3({"token": [{"proofs": [GOOD_V3_PROOF]}]}),
        v3({"token": [{"mint": "https://m", "proofs": [{**GOOD_V3_PROOF, "amount": -4}]}]}),
        v3({"token": [{"mint": "https://m", "proofs": [{**GOOD_V3_PROOF, "amount": "4"}]}]}),
        v3({"token": [{"mint": "https://m", "proofs": [{**GOOD_V3_PROOF, "amount": True}]}]}),
        v3({"token": [{"mint": "https://m", "proofs": [{**GOOD_V3_PROOF, "C": "zz" * 33}]}]}),
        v3({"token": [{"mint": "https://m", "proofs": [{**GOOD_V3_PROOF, "dleq": {"e": "11"}}]}]}),
        v3({"token": [{"mint": "https://m", "proofs": [{"amount": 4, "secret": "s", "C": "02" * 33}]}]}),
        "cashuA" + base64.urlsafe_b64encode(b"\xff\xfe not json").decode(),
        v4([]),
        v4({"t": [], "m": "https://m", "u": "sat"}),
        v4({"t": [{"i": b"\x00\xab", "p": []}], "m": "https://m", "u": "sat"}),
        v4({"t": [{"i": "00ab", "p": [GOOD_V4_PROOF]}], "m": "https://m", "u": "sat"}),
        v4({"t": [{"i": b"\x00\xab", "p": [{**GOOD_V4_PROOF, "c": "02" * 33}]}], "m": "https://m", "u": "sat"}),
        v4({"t": [{"i": b"\x00\xab", "p": [{**GOOD_V4_PROOF, "a": -1}]}], "m": "https://m", "u": "sat"}),
        v4({"t": [{"i": b"\x00\xab", "p": [{**GOOD_V4_PROOF, "s": b"x"}]}], "m": "https://m", "u": "sat"}),
        v4({"t": [{"i": b"\x00\xab", "p": [GOOD_V4_PROOF]}], "u": "sat"}),
        v4({"t": [{"i": b"\x00\xab", "p": [GOOD_V4_PROOF]}], "m": "https://m"}),
        v4({"t": [{"i": b"\x00\xab", "p": [{**GOOD_V4_PROOF, "d": {"e": b"1"}}]}], "m": "https://m", "u": "sat"}),
        "cashuB" + base64.urlsafe_b64encode(cbor2.dumps({"t": []}) + b"\x00").decode(),
        b"crawB\xff\xff",
        b"\x80\x81\x82",
    ],
)
def test_malformed_tokens_raise_token_decode_error(bad: str | bytes) -> None:
    with pytest.raises(TokenDecodeError):
        decode_token(bad)


def test_multi_mint_v3_error_says_why() -> None:
    body = {
        "token": [{"mint": "https://a", "proofs": [GOOD_V3_PROOF]}, {"mint": "https://b", "proofs": [GOOD_V3_PROOF]}]
    }
    with pytest.raises(TokenDecodeError, match="multi-mint"):
        decode_token(v3(body))


def test_encoding_a_non_hex_keyset_id_as_v4_fails_cleanly() -> None:
    proof = Proof(id="I2yN+iRYfkzT", amount=1, secret="s", C="02" * 33)
    token = Token("https://m", "sat", [proof])
    assert decode_token(token.encode_v3()).proofs[0].id == "I2yN+iRYfkzT"
    with pytest.raises(ProtocolError):
        token.encode_v4()


# --- properties ----------------------------------------------------------------------------------------

hex_bytes = st.binary(min_size=32, max_size=32).map(bytes.hex)
keyset_ids = st.one_of(
    st.binary(min_size=8, max_size=8).map(lambda raw: "00" + raw.hex()[2:]),
    st.binary(min_size=32, max_size=32).map(lambda raw: "01" + raw.hex()),
    st.binary(min_size=7, max_size=7).map(lambda raw: "01" + raw.hex()),
)
proofs = st.builds(
    Proof,
    id=keyset_ids,
    amount=st.integers(min_value=1, max_value=2**64),
    secret=st.text(max_size=80),
    C=st.sampled_from(["02", "03"]).flatmap(lambda prefix: hex_bytes.map(lambda rest: prefix + rest)),
    dleq=st.none() | st.builds(DLEQ, e=hex_bytes, s=hex_bytes, r=st.none() | hex_bytes),
    witness=st.none() | st.text(max_size=40),
)
tokens = st.builds(
    Token,
    mint=st.sampled_from(["https://mint.example.com", "http://localhost:3338", "https://8333.space:3338/x"]),
    unit=st.sampled_from(["sat", "msat", "usd", "eur"]),
    proofs=st.lists(proofs, min_size=1, max_size=6),
    memo=st.none() | st.text(max_size=40),
)


def same_content(left: Token, right: Token) -> bool:
    # V4 groups proofs by keyset, so order may change across keysets but never within one keyset.
    def by_keyset(token: Token) -> dict[str, list[Proof]]:
        groups: dict[str, list[Proof]] = {}
        for proof in token.proofs:
            groups.setdefault(proof.id, []).append(proof)
        return groups

    return (left.mint, left.unit, left.memo, by_keyset(left)) == (right.mint, right.unit, right.memo, by_keyset(right))


@settings(max_examples=200, deadline=None)
@given(tokens)
def test_v3_round_trip(token: Token) -> None:
    assert decode_token(token.encode_v3()) == token


@settings(max_examples=200, deadline=None)
@given(tokens)
def test_v4_round_trip(token: Token) -> None:
    assert same_content(decode_token(token.encode_v4()), token)
    assert same_content(decode_token(token.encode_v4().rstrip("=")), token)
    assert same_content(decode_token(token.encode_raw_v4()), token)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_raise_only_token_decode_error(data: bytes) -> None:
    for candidate in (data, b"crawB" + data):
        with contextlib.suppress(TokenDecodeError):
            decode_token(candidate)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["cashuA", "cashuB", "cashu:cashuB", ""]), st.text(max_size=200))
def test_random_strings_raise_only_token_decode_error(prefix: str, text: str) -> None:
    with contextlib.suppress(TokenDecodeError):
        decode_token(prefix + text)


@settings(max_examples=300, deadline=None)
@given(
    tokens,
    st.sampled_from(["v3", "v4", "raw"]),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), min_size=1, max_size=4),
    st.booleans(),
)
def test_mutated_tokens_raise_only_token_decode_error(
    token: Token, form: str, mutations: list[tuple[int, int]], truncate: bool
) -> None:
    if form == "raw":
        data = bytearray(token.encode_raw_v4())
        for position, value in mutations:
            data[position % len(data)] = value
        mutated: str | bytes = bytes(data[: len(data) // 2] if truncate else data)
    else:
        text = list(token.encode_v3() if form == "v3" else token.encode_v4())
        alphabet = "ABCXYZabcxyz0189-_+/=!"
        for position, value in mutations:
            text[position % len(text)] = alphabet[value % len(alphabet)]
        mutated = "".join(text[: len(text) // 2] if truncate else text)
    try:
        decoded = decode_token(mutated)
    except TokenDecodeError:
        return
    assert decoded.proofs
    assert all(proof.amount > 0 for proof in decoded.proofs)
