"""NUT-00 BDHKE: spec vectors for hash_to_curve and the three blind-signature steps, plus properties."""

from __future__ import annotations

from typing import Any

import pytest
from coincurve import PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import CryptoError
from core.protocol.bdhke import blind_message, hash_to_curve, hash_to_curve_hex, sign_blinded, unblind, verify
from tests.vectorlib import vector_cases

N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141


@pytest.mark.parametrize("case", vector_cases("00", "hash_to_curve"))
def test_hash_to_curve_vectors(case: dict[str, Any]) -> None:
    Y = hash_to_curve(bytes.fromhex(case["input"]["message_hex"]))
    assert Y.format(compressed=True).hex() == case["expected"]["Y"]


@pytest.mark.parametrize("case", vector_cases("00", "blind_message"))
def test_blind_message_vectors(case: dict[str, Any]) -> None:
    blinded, r = blind_message(bytes.fromhex(case["input"]["x_hex"]), case["input"]["r"])
    assert blinded == case["expected"]["B_"]
    assert r.to_int() == int(case["input"]["r"], 16)


@pytest.mark.parametrize("case", vector_cases("00", "blind_sign"))
def test_blind_sign_vectors(case: dict[str, Any]) -> None:
    assert sign_blinded(case["input"]["B_"], case["input"]["k"]) == case["expected"]["C_"]


@pytest.mark.parametrize("case", vector_cases("00", "unblind"))
def test_unblind_vectors(case: dict[str, Any]) -> None:
    i = case["input"]
    assert unblind(i["C_"], i["r"], i["K"]) == case["expected"]["C"]


def test_hash_to_curve_hex_hashes_the_utf8_secret() -> None:
    secret = "407915bc212be61a77e3e6d2aeb4c727980bda51cd06a6afc29e2861768a7837"
    assert hash_to_curve_hex(secret) == hash_to_curve(secret.encode()).format().hex()
    assert len(hash_to_curve_hex(secret)) == 66


def test_blind_message_without_r_makes_a_fresh_factor() -> None:
    B1, r1 = blind_message("same secret")
    B2, r2 = blind_message("same secret")
    assert B1 != B2 and r1.to_int() != r2.to_int()


@pytest.mark.parametrize(
    ("C_", "r", "K"),
    [
        ("zz", "01" * 32, "02" + "00" * 31 + "01"),  # not hex
        ("02" + "00" * 32, "01" * 32, "02" + "00" * 31 + "01"),  # not a point
        ("02a9acc1e48c25eeeb9289b5031cc57da9fe72f3fe2861d264bdc074209b107ba2", "01" * 31, "02" + "00" * 31 + "01"),
        ("02a9acc1e48c25eeeb9289b5031cc57da9fe72f3fe2861d264bdc074209b107ba2", "00" * 32, "02" + "00" * 31 + "01"),
        ("02a9acc1e48c25eeeb9289b5031cc57da9fe72f3fe2861d264bdc074209b107ba2", "01" * 32, "02abcd"),
    ],
)
def test_invalid_inputs_raise_crypto_error(C_: str, r: str, K: str) -> None:
    with pytest.raises(CryptoError):
        unblind(C_, r, K)


def test_blind_rejects_out_of_range_r() -> None:
    with pytest.raises(CryptoError):
        blind_message("x", N)
    with pytest.raises(CryptoError):
        sign_blinded("nothex", 1)


_scalars = st.integers(min_value=1, max_value=N - 1)


@settings(max_examples=40, deadline=None)
@given(secret=st.text(min_size=1, max_size=80), r=_scalars, a=_scalars, other=_scalars)
def test_blind_sign_unblind_verifies(secret: str, r: int, a: int, other: int) -> None:
    B_, r_key = blind_message(secret, r)
    C_ = sign_blinded(B_, a)
    A = PrivateKey(a.to_bytes(32, "big")).public_key
    C = unblind(C_, r_key, A)
    assert verify(a, C, secret)
    if other != a:
        assert not verify(other, C, secret)
        # Unblinding with the wrong mint key gives a C that verifies under no key we used.
        wrong = unblind(C_, r_key, PrivateKey(other.to_bytes(32, "big")).public_key)
        assert not verify(a, wrong, secret)
