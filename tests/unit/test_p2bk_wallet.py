"""NUT-28 in the wallet, pure: blinded lock secrets, unlocking received proofs (blinded, plain, someone else's,
expired), and the ``pe`` / ``p2pk_e`` token fields with the spec's example P2BK proof."""

from __future__ import annotations

import json

import pytest
from coincurve import PrivateKey

from core.errors import SpendingConditionError
from core.protocol.models import Proof
from core.protocol.nut10 import parse_conditions, parse_secret
from core.protocol.p2bk_wallet import (
    lock_key_from_seed,
    lock_pubkey_from_seed,
    make_blinded_p2pk_secret,
    unlock_proofs,
)
from core.protocol.p2pk import make_p2pk_secret, verify_p2pk_proof
from core.protocol.tokens import Token, decode_token
from tests.vectorlib import load

FIXTURE = load("28")["fixtures"]["example_p2bk_proof"]
SPEC_RECEIVER = PrivateKey(bytes.fromhex("ad37e8abd800be3e8272b14045873f4353327eedeb702b72ddcc5c5adff5129c"))
C = "02" + "11" * 32


def spec_proof() -> Proof:
    return Proof(
        id=FIXTURE["id"], amount=FIXTURE["amount"], secret=FIXTURE["secret"], C=FIXTURE["C"], p2pk_e=FIXTURE["p2pk_e"]
    )


@pytest.mark.parametrize("version", ["v3", "v4"])
def test_p2pk_e_travels_in_both_token_versions(version: str) -> None:
    token = Token(mint="https://mint.example", unit="sat", proofs=[spec_proof()])
    encoded = token.encode_v4() if version == "v4" else token.encode_v3()
    assert decode_token(encoded).proofs[0].p2pk_e == FIXTURE["p2pk_e"]
    assert spec_proof().to_json()["p2pk_e"] == FIXTURE["p2pk_e"]


def test_the_spec_receiver_unlocks_the_example_proof_and_drops_p2pk_e() -> None:
    [unlocked] = unlock_proofs([spec_proof()], SPEC_RECEIVER, now=0)
    assert unlocked.p2pk_e is None and "p2pk_e" not in unlocked.to_json()
    assert verify_p2pk_proof(unlocked, now=0)  # what the mint checks: a signature for the blinded key


def test_a_blinded_lock_hides_the_key_and_its_owner_unlocks_it() -> None:
    seed = b"\x01" * 64
    ours = lock_pubkey_from_seed(seed)
    refund = PrivateKey(b"\x07" * 32).public_key.format().hex()
    locks = [make_blinded_p2pk_secret(ours, locktime=4854185133, refund=[refund]) for _ in range(2)]
    secrets = [parse_secret(lock.secret) for lock in locks]
    assert all(s.data != ours for s in secrets) and secrets[0].data != secrets[1].data  # unlinkable
    assert locks[0].ephemeral_pubkey != locks[1].ephemeral_pubkey  # a fresh E per output
    assert parse_conditions(secrets[0]).refund != (refund,)  # refund keys are blinded too
    proofs = [Proof(id="00", amount=8, secret=lock.secret, C=C, p2pk_e=lock.ephemeral_pubkey) for lock in locks]
    unlocked = unlock_proofs(proofs, lock_key_from_seed(seed), now=0)
    assert all(verify_p2pk_proof(p, now=0) and p.p2pk_e is None for p in unlocked)


def test_a_plain_lock_to_our_key_is_signed_and_other_proofs_pass_through() -> None:
    key = lock_key_from_seed(b"\x02" * 64)
    plain = Proof(id="00", amount=2, secret=make_p2pk_secret(key.public_key.format().hex()), C=C)
    ordinary = Proof(id="00", amount=1, secret="a" * 64, C=C)
    signed, untouched = unlock_proofs([plain, ordinary], key, now=0)
    assert verify_p2pk_proof(signed, now=0) and untouched == ordinary


def test_someone_elses_lock_is_left_unsigned_for_the_mint_to_refuse() -> None:
    stranger = lock_key_from_seed(b"\x03" * 64)
    [left] = unlock_proofs([spec_proof()], stranger, now=0)
    assert left.witness is None and left.p2pk_e is None and not verify_p2pk_proof(left, now=0)
    lock = make_blinded_p2pk_secret(lock_pubkey_from_seed(b"\x04" * 64), locktime=21)
    expired = Proof(id="00", amount=1, secret=lock.secret, C=C, p2pk_e=lock.ephemeral_pubkey)
    [anyone] = unlock_proofs([expired], stranger, now=1_000)  # expired, no refund keys: anyone may spend
    assert anyone.witness is None and anyone.p2pk_e is None


def test_sig_all_locks_are_refused_clearly() -> None:
    key = lock_key_from_seed(b"\x05" * 64)
    secret = make_p2pk_secret(key.public_key.format().hex(), sig_all=True)
    with pytest.raises(SpendingConditionError, match="SIG_ALL"):
        unlock_proofs([Proof(id="00", amount=1, secret=secret, C=C)], key, now=0)
    assert json.loads(secret)[0] == "P2PK"


def test_a_proof_the_caller_already_signed_is_passed_through() -> None:
    refund = PrivateKey(b"\x09" * 32)
    secret = make_p2pk_secret(PrivateKey(b"\x08" * 32).public_key.format().hex(), locktime=21,
                              refund=[refund.public_key.format().hex()])  # fmt: skip
    from core.protocol.p2pk import sign_proof

    signed = sign_proof(Proof(id="00", amount=4, secret=secret, C=C), refund)  # e.g. a cheque's refund path
    assert unlock_proofs([signed], lock_key_from_seed(b"\x0a" * 64), now=1_000) == [signed]
