"""Who can receive a token, from its locks alone (the Receive preview): plain, ours (plain or blinded), someone
else's, a cheque to us with its locktime, a lock expired without refund keys (anyone), and a malformed lock."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from coincurve import PrivateKey

from core.api.locks import LockOwner, token_lock
from core.protocol.models import Proof
from core.protocol.p2bk_wallet import lock_pubkey_from_seed, make_blinded_p2pk_secret
from core.protocol.p2pk import make_p2pk_secret
from core.protocol.tokens import Token

SEED = b"\x03" * 64
WALLET: Any = SimpleNamespace(seed=SEED)
C = "02" + "11" * 32
OTHER = PrivateKey(b"\x04" * 32).public_key.format().hex()
REFUND = PrivateKey(b"\x05" * 32).public_key.format().hex()


def _token(*secrets: str, p2pk_e: str | None = None) -> Token:
    return Token(
        mint="http://m", unit="sat", proofs=[Proof(id="00", amount=1, secret=s, C=C, p2pk_e=p2pk_e) for s in secrets]
    )


def test_plain_ecash_is_not_locked() -> None:
    assert token_lock(WALLET, _token("ab" * 32)).owner is LockOwner.NONE


def test_a_cheque_to_our_key_is_ours_with_its_locktime() -> None:
    secret = make_p2pk_secret(lock_pubkey_from_seed(SEED), locktime=2_000, refund=[REFUND])
    lock = token_lock(WALLET, _token(secret, secret), now=1_000)
    assert (lock.owner, lock.locktime, lock.refund, lock.receivable) == (LockOwner.OURS, 2_000, True, True)


def test_a_blinded_lock_to_our_key_is_ours() -> None:
    blinded = make_blinded_p2pk_secret(lock_pubkey_from_seed(SEED))
    assert token_lock(WALLET, _token(blinded.secret, p2pk_e=blinded.ephemeral_pubkey)).owner is LockOwner.OURS


def test_someone_elses_lock_is_not_receivable_even_beside_ours() -> None:
    ours = make_p2pk_secret(lock_pubkey_from_seed(SEED))
    lock = token_lock(WALLET, _token(ours, make_p2pk_secret(OTHER)))
    assert lock.owner is LockOwner.OTHERS and not lock.receivable


def test_an_expired_lock_without_refund_keys_is_anyones_and_with_them_is_not() -> None:
    assert token_lock(WALLET, _token(make_p2pk_secret(OTHER, locktime=10)), now=20).owner is LockOwner.OPEN
    refunded = make_p2pk_secret(OTHER, locktime=10, refund=[REFUND])
    assert token_lock(WALLET, _token(refunded), now=20).owner is LockOwner.OTHERS


def test_a_malformed_lock_counts_as_someone_elses() -> None:
    broken = '["P2PK",{"nonce":"00","data":"02zz","tags":[]}]'
    assert token_lock(WALLET, _token(broken)).owner is LockOwner.OTHERS
