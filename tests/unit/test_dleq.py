"""NUT-12 DLEQ: hash_e, deterministic mint-side proofs, and verification on signatures and proofs."""

from __future__ import annotations

import random
from dataclasses import replace
from typing import Any

import pytest
from coincurve import PrivateKey, PublicKey

from core.errors import CryptoError, DleqError
from core.protocol.bdhke import blind_message, sign_blinded, unblind
from core.protocol.dleq import (
    check_proof_dleq,
    check_signature_dleq,
    create_dleq,
    dleq_for_proof,
    hash_e,
    verify_blind_signature_dleq,
    verify_proof_dleq,
)
from core.protocol.ec import CURVE_ORDER, point_mul_add_base
from core.protocol.models import DLEQ, BlindSignature, Proof
from tests.vectorlib import vector_cases


@pytest.mark.parametrize("case", vector_cases("12", "dleq_hash_e"))
def test_hash_e_vector(case: dict[str, Any]) -> None:
    i = case["input"]
    assert hash_e(i["R1"], i["R2"], i["K"], i["C_"]).hex() == case["expected"]["e"]


@pytest.mark.parametrize("case", vector_cases("12", "dleq_deterministic_nonce"))
def test_deterministic_nonce_vector(case: dict[str, Any]) -> None:
    i = case["input"]
    e, s = create_dleq(i["a"], i["B_"], i["C_"])
    assert (e, s) == (case["expected"]["e"], case["expected"]["s"])
    assert verify_blind_signature_dleq(i["B_"], i["C_"], e, s, i["A"]) is case["expected"]["verify"]


@pytest.mark.parametrize("case", vector_cases("12", "dleq_verify_blind_signature"))
def test_blind_signature_vector(case: dict[str, Any]) -> None:
    i = case["input"]
    sig = BlindSignature.from_json(i["blind_signature"])
    assert sig.dleq is not None
    assert verify_blind_signature_dleq(i["B_"], sig.C_, sig.dleq.e, sig.dleq.s, i["A"]) is case["expected"]["valid"]
    check_signature_dleq(i["B_"], sig, i["A"])
    # A one-bit change in s must break it.
    bad = replace(sig, dleq=DLEQ(e=sig.dleq.e, s=sig.dleq.s[:-1] + "b"))
    with pytest.raises(DleqError):
        check_signature_dleq(i["B_"], bad, i["A"])


@pytest.mark.parametrize("case", vector_cases("12", "dleq_verify_proof"))
def test_proof_vector(case: dict[str, Any]) -> None:
    proof = Proof.from_json(case["input"]["proof"])
    A = case["input"]["A"]
    assert verify_proof_dleq(proof, A) is case["expected"]["valid"]
    check_proof_dleq(proof, A)
    # The same proof claimed under another mint key does not verify.
    other = PrivateKey(b"\x07" * 32).public_key.format().hex()
    assert verify_proof_dleq(proof, other) is False
    with pytest.raises(DleqError):
        check_proof_dleq(proof, other)


def test_round_trip_wallet_flow() -> None:
    a = PrivateKey(b"\x11" * 32)
    A = a.public_key
    B_, r = blind_message("a secret")
    C_ = sign_blinded(B_, a)
    e, s = create_dleq(a, B_)
    sig = BlindSignature(id="00ab", amount=2, C_=C_, dleq=DLEQ(e=e, s=s))
    check_signature_dleq(B_, sig, A)
    proof = Proof(id="00ab", amount=2, secret="a secret", C=unblind(C_, r, A), dleq=dleq_for_proof(sig, r))
    check_proof_dleq(proof, A)


def test_missing_dleq() -> None:
    proof = Proof(id="00", amount=1, secret="s", C="02" + "00" * 31 + "01")
    assert verify_proof_dleq(proof, "02" + "00" * 31 + "01") is False
    with pytest.raises(DleqError):
        check_proof_dleq(proof, "02" + "00" * 31 + "01")
    sig = BlindSignature(id="00", amount=1, C_="02" + "00" * 31 + "01")
    with pytest.raises(DleqError):
        check_signature_dleq("02" + "00" * 31 + "01", sig, "02" + "00" * 31 + "01")
    assert dleq_for_proof(sig, 1) is None


def test_malformed_dleq_raises_our_errors() -> None:
    G = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
    with pytest.raises(CryptoError):
        verify_blind_signature_dleq(G, G, "zz", "00" * 32, G)
    with pytest.raises(CryptoError):
        verify_blind_signature_dleq(G, G, "00" * 31, "00" * 32, G)
    with pytest.raises(CryptoError):
        verify_blind_signature_dleq("02" + "00" * 32, G, "01" * 32, "01" * 32, G)
    # Well-formed but degenerate scalars simply do not verify.
    assert verify_blind_signature_dleq(G, G, "00" * 32, "01" * 32, G) is False
    sig = BlindSignature(id="00", amount=1, C_=G, dleq=DLEQ(e="xx", s="00"))
    with pytest.raises(DleqError):
        check_signature_dleq(G, sig, G)


def _plain_mul_add_base(point: PublicKey, b: int, a: int) -> PublicKey:
    terms = [point.multiply(b.to_bytes(32, "big"))]
    if a:
        terms.append(PublicKey.from_valid_secret(a.to_bytes(32, "big")))
    return PublicKey.combine_keys(terms) if len(terms) > 1 else terms[0]


def test_point_mul_add_base_equals_the_plain_multiplications() -> None:
    rng = random.Random(12)
    for i in range(300):
        point = PrivateKey(rng.randbytes(32)).public_key
        b = CURVE_ORDER - rng.randrange(1, 1000) if i % 5 == 0 else rng.randrange(1, CURVE_ORDER)  # high scalars too
        a = 0 if i % 7 == 0 else rng.randrange(1, CURVE_ORDER)
        assert point_mul_add_base(point, b, a).format() == _plain_mul_add_base(point, b, a).format()


def test_point_mul_add_base_for_x_beyond_the_group_order_and_at_infinity() -> None:
    # A point whose x is at least n (recovery cannot take it as r): the plain way gives the same point.
    x = CURVE_ORDER
    while True:
        try:
            point = PublicKey(b"\x02" + x.to_bytes(32, "big"))
            break
        except ValueError:
            x += 1
    assert point_mul_add_base(point, 5, 7).format() == _plain_mul_add_base(point, 5, 7).format()
    # k·G taken b times plus (-b·k)·G is the point at infinity: an error, never a point.
    k, b = 1234567, 89
    with pytest.raises(CryptoError):
        point_mul_add_base(PublicKey.from_valid_secret(k.to_bytes(32, "big")), b, (-b * k) % CURVE_ORDER)


def test_proof_dleq_agrees_with_the_blind_signature_check_on_the_rebuilt_pair() -> None:
    # verify_proof_dleq never builds B_; the check on (B_ = Y + r·G, C_ = C + r·A) must give the same verdicts.
    rng = random.Random(7)
    a = PrivateKey(rng.randbytes(32))
    A = a.public_key.format().hex()
    for i in range(40):
        secret = rng.randbytes(32).hex()
        r = PrivateKey(rng.randbytes(32))
        B_, _ = blind_message(secret, r)
        C_ = sign_blinded(B_, a)
        e, s = create_dleq(a, B_, C_)
        if i % 2:  # a forged s or e half the time
            e, s = (e, f"{(int(s, 16) + 1) % CURVE_ORDER:064x}") if i % 4 == 1 else (f"{int(e, 16) ^ 1:064x}", s)
        proof = Proof(id="00", amount=1, secret=secret, C=unblind(C_, r, A), dleq=DLEQ(e=e, s=s, r=r.secret.hex()))
        assert verify_proof_dleq(proof, A) is verify_blind_signature_dleq(B_, C_, e, s, A) is (i % 2 == 0)
