"""Receiving a SIG_ALL lock, pure: the keys of ours the first proof names (plain or P2BK-blinded), the proofs left
unsigned until the outputs exist, and the witness on the first input that both NUT-11 message generations accept."""

from __future__ import annotations

import pytest
from coincurve import PrivateKey

from core.errors import SpendingConditionError
from core.protocol.ec import schnorr_verify
from core.protocol.models import BlindedMessage, Proof
from core.protocol.nut10 import parse_witness
from core.protocol.p2bk import blind_lock_keys
from core.protocol.p2bk_wallet import (
    lock_key_from_seed,
    lock_pubkey_from_seed,
    sig_all_signing_keys,
    unlock_proofs,
)
from core.protocol.p2pk import check_sig_all, legacy_sig_all_message, make_p2pk_secret
from core.protocol.tokens import Token
from core.wallet.unlock import (
    LockedToAnotherKey,
    UnlockedToken,
    refuse_foreign_locks,
    sign_sig_all_swap,
    unlock_for_receive,
)

SEED = b"\x07" * 64
C = "02" + "11" * 32
OUTPUTS = [
    BlindedMessage(id="00", amount=2, B_="02" + "22" * 32),
    BlindedMessage(id="00", amount=8, B_="03" + "33" * 32),
]


def _proofs(secret_text: str, n: int = 2) -> list[Proof]:
    return [Proof(id="00", amount=4 + i, secret=secret_text, C=C) for i in range(n)]


def _sig_all_proofs(pubkey: str, n: int = 2) -> list[Proof]:
    # SIG_ALL inputs share data and tags; their nonces differ.
    return [Proof(id="00", amount=4, secret=make_p2pk_secret(pubkey, sig_all=True), C=C) for _ in range(n)]


def test_a_sig_all_lock_to_our_key_is_signed_over_the_whole_swap_on_the_first_input() -> None:
    key = lock_key_from_seed(SEED)
    proofs = _sig_all_proofs(lock_pubkey_from_seed(SEED), 3)
    unlocked = unlock_for_receive(Token(mint="http://m", unit="sat", proofs=proofs), SEED)
    assert [k.secret for k in unlocked.sig_all_keys] == [key.secret]
    assert all(p.witness is None for p in unlocked.token.proofs)  # nothing signed before the outputs exist
    signed = sign_sig_all_swap(unlocked.token.proofs, OUTPUTS, unlocked.sig_all_keys)
    assert signed[0].witness is not None and all(p.witness is None for p in signed[1:])
    check_sig_all(signed, OUTPUTS, now=0)  # the current NUT-11 message verifies
    legacy = legacy_sig_all_message(signed, OUTPUTS)  # and so does the one older mints check
    assert any(
        schnorr_verify(legacy, sig, lock_pubkey_from_seed(SEED)) for sig in parse_witness(signed[0].witness).signatures
    )
    with pytest.raises(SpendingConditionError):
        check_sig_all(signed, [*OUTPUTS, BlindedMessage(id="00", amount=1, B_=C)], now=0)  # other outputs: refused


def test_a_blinded_sig_all_lock_to_our_key_is_signed_with_the_derived_key() -> None:
    [blinded], E = blind_lock_keys([lock_pubkey_from_seed(SEED)])  # NUT-28: the mint sees another key
    secret_text = make_p2pk_secret(blinded, sig_all=True)
    proof = Proof(id="00", amount=4, secret=secret_text, C=C, p2pk_e=E)
    unlocked = unlock_for_receive(Token(mint="http://m", unit="sat", proofs=[proof]), SEED)
    assert len(unlocked.sig_all_keys) == 1 and unlocked.token.proofs[0].p2pk_e is None
    signed = sign_sig_all_swap(unlocked.token.proofs, OUTPUTS, unlocked.sig_all_keys)
    check_sig_all(signed, OUTPUTS, now=0)


def test_someone_elses_sig_all_lock_gets_no_key_and_no_signature() -> None:
    other = PrivateKey(b"\x02" * 32).public_key.format().hex()
    proofs = _sig_all_proofs(other)
    assert sig_all_signing_keys(proofs, lock_key_from_seed(SEED)) == []
    unlocked = unlock_for_receive(Token(mint="http://m", unit="sat", proofs=proofs), SEED)
    assert unlocked.sig_all_keys == () and all(p.witness is None for p in unlocked.token.proofs)
    assert sign_sig_all_swap(unlocked.token.proofs, OUTPUTS, ()) == unlocked.token.proofs


def test_sig_inputs_locks_keep_being_signed_proof_by_proof() -> None:
    proofs = _proofs(make_p2pk_secret(lock_pubkey_from_seed(SEED)))
    unlocked = unlock_for_receive(Token(mint="http://m", unit="sat", proofs=proofs), SEED)
    assert unlocked.sig_all_keys == () and all(p.witness for p in unlocked.token.proofs)


def test_without_deferring_a_sig_all_lock_is_refused_by_name() -> None:
    proofs = _sig_all_proofs(lock_pubkey_from_seed(SEED))
    with pytest.raises(SpendingConditionError, match="SIG_ALL"):
        unlock_proofs(proofs, lock_key_from_seed(SEED), now=0)


def _unlocked(*secrets: str) -> UnlockedToken:
    return unlock_for_receive(
        Token(mint="http://m", unit="sat", proofs=[Proof(id="00", amount=1, secret=s, C=C) for s in secrets]), SEED
    )


def test_a_lock_to_another_key_is_refused_before_the_mint_is_asked() -> None:
    other = PrivateKey(b"\x02" * 32).public_key.format().hex()
    ours = make_p2pk_secret(lock_pubkey_from_seed(SEED))
    with pytest.raises(LockedToAnotherKey, match="only its owner"):
        refuse_foreign_locks(_unlocked(ours, make_p2pk_secret(other)))
    with pytest.raises(LockedToAnotherKey):
        refuse_foreign_locks(_unlocked(make_p2pk_secret(other, sig_all=True)))
    with pytest.raises(LockedToAnotherKey, match="its sender"):  # a cheque to someone else, before its expiry
        refuse_foreign_locks(_unlocked(make_p2pk_secret(other, locktime=2_000, refund=[other])), now=1_000)


def test_our_locks_plain_ecash_and_expired_locks_without_refund_keys_pass() -> None:
    other = PrivateKey(b"\x02" * 32).public_key.format().hex()
    refuse_foreign_locks(_unlocked(make_p2pk_secret(lock_pubkey_from_seed(SEED)), "ab" * 32))
    refuse_foreign_locks(_unlocked(*_sig_all_proofs_secrets(lock_pubkey_from_seed(SEED))))
    refuse_foreign_locks(_unlocked(make_p2pk_secret(other, locktime=10)), now=20)  # anyone's now


def _sig_all_proofs_secrets(pubkey: str) -> list[str]:
    return [p.secret for p in _sig_all_proofs(pubkey)]
