"""NUT-28 pay-to-blinded-key: shared secret, per-slot blinding, key derivation and the parity rule."""

from __future__ import annotations

from typing import Any

import pytest
from coincurve import PrivateKey

from core.errors import CryptoError
from core.protocol.models import Proof
from core.protocol.p2bk import (
    blind_lock_keys,
    blind_pubkey,
    blinded_private_keys,
    blinding_scalar,
    derive_signing_key,
    find_signing_keys,
    shared_secret_x,
    use_negated_derivation,
)
from core.protocol.p2pk import make_p2pk_secret, parse_secret, sign_proof, verify_p2pk_proof
from tests.vectorlib import load, vector_cases

P_PRIV = "ad37e8abd800be3e8272b14045873f4353327eedeb702b72ddcc5c5adff5129c"
P_PUB = "02771fed6cb88aaac38b8b32104a942bf4b8f4696bc361171b3c7d06fa2ebddf06"


@pytest.mark.parametrize("case", vector_cases("28", "p2bk_shared_secret"))
def test_shared_secret(case: dict[str, Any]) -> None:
    i = case["input"]
    assert shared_secret_x(i["e"], i["P"]).hex() == case["expected"]["Zx"]
    assert shared_secret_x(i["p"], i["E"]).hex() == case["expected"]["Zx"]  # both sides agree


@pytest.mark.parametrize("case", vector_cases("28", "p2bk_slot"))
def test_slot(case: dict[str, Any]) -> None:
    i, expected = case["input"], case["expected"]
    r = blinding_scalar(bytes.fromhex(i["Zx"]), i["slot"])
    assert r.to_bytes(32, "big").hex() == expected["r"]
    assert blind_pubkey(i["P"], r) == expected["P_blinded"]
    assert blinded_private_keys(i["p"], r) == (expected["sk_std"], expected["sk_neg"])
    # The negated key is the one whose x-only public key matches P' (P is the even-y lift of p·G).
    neg_pub = PrivateKey(bytes.fromhex(expected["sk_neg"])).public_key.format()
    assert neg_pub[1:].hex() == expected["P_blinded"][2:]


@pytest.mark.parametrize("case", vector_cases("28", "p2bk_parity"))
def test_parity_choice(case: dict[str, Any]) -> None:
    i, expected = case["input"], case["expected"]
    assert PrivateKey(bytes.fromhex(i["p"])).public_key.format().hex() == expected["pG"]
    assert use_negated_derivation(i["p"], i["P"]) is (expected["use"] == "negated")


def test_receiver_recovers_key_for_the_example_proof() -> None:
    fixture = load("28")["fixtures"]["example_p2bk_proof"]
    secret = parse_secret(fixture["secret"])
    keys = find_signing_keys(P_PRIV, fixture["p2pk_e"], secret)
    assert len(keys) == 1
    proof = Proof(id=fixture["id"], amount=fixture["amount"], secret=fixture["secret"], C=fixture["C"])
    assert verify_p2pk_proof(sign_proof(proof, keys[0]), now=0)
    # Someone else's key finds nothing.
    assert find_signing_keys(PrivateKey(b"\x05" * 32), fixture["p2pk_e"], secret) == []


def test_sender_receiver_round_trip_across_slots() -> None:
    alice, bob = PrivateKey(b"\x0a" * 32), PrivateKey(b"\x0b" * 32)
    keys = [alice.public_key.format().hex(), bob.public_key.format().hex()[2:]]  # bob as x-only (Nostr)
    blinded, E = blind_lock_keys(keys)
    secret = make_p2pk_secret(blinded[0], pubkeys=[blinded[1]], n_sigs=2)
    assert derive_signing_key(alice, E, blinded[0], 0) is not None
    assert derive_signing_key(alice, E, blinded[0], 1) is None  # wrong slot
    [alice_key] = find_signing_keys(alice, E, parse_secret(secret))
    [bob_key] = find_signing_keys(bob, E, parse_secret(secret))
    proof = Proof(id="00", amount=1, secret=secret, C="02" + "11" * 32)
    assert verify_p2pk_proof(sign_proof(sign_proof(proof, alice_key), bob_key), now=0)


def test_bad_inputs() -> None:
    with pytest.raises(CryptoError):
        blinding_scalar(b"\x00" * 31, 0)
    with pytest.raises(CryptoError):
        blinding_scalar(b"\x00" * 32, 256)
    with pytest.raises(CryptoError):
        shared_secret_x(P_PRIV, "02zz")
    with pytest.raises(CryptoError):
        blind_lock_keys([P_PUB] * 12)
