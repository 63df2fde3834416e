"""NUT-28 for a wallet, pure: the wallet's own lock key, blinded locks when sending, unlocking when receiving.

The lock key (what a sender locks to, shown as ``P2PK:<hex>``) is derived from the seed in a domain of its own,
so the 12 words bring it back and it is unrelated to every ecash secret::

    p = sha256(bip39_seed ‖ "nutdesk-p2pk-lock-key")        P = p·G  (compressed)

Nutdesk's choice: NUT-11/28 leave the receiver's key to the wallet. Sending blinds every lock key with a fresh
ephemeral key per output (the mint sees unlinkable keys); receiving signs each P2PK input the wallet can unlock,
blinded (``p2pk_e`` present) or plain, and drops ``p2pk_e`` before the proofs go to the mint.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, replace

from coincurve import PrivateKey

from core.errors import CryptoError, SpendingConditionError
from core.i18n import t
from core.protocol.ec import CURVE_ORDER, parse_point, sha256
from core.protocol.models import Proof
from core.protocol.nut10 import SIG_ALL, Conditions, WellKnownSecret, parse_conditions, try_parse_secret
from core.protocol.p2bk import blind_lock_keys, find_signing_keys
from core.protocol.p2pk import KIND_P2PK, make_p2pk_secret, sign_proof

__all__ = [
    "LOCK_KEY_DOMAIN",
    "BlindedLock",
    "lock_key_from_seed",
    "lock_pubkey_from_seed",
    "make_blinded_p2pk_secret",
    "sig_all_signing_keys",
    "signing_keys",
    "unlock_proofs",
]

LOCK_KEY_DOMAIN = b"nutdesk-p2pk-lock-key"


def lock_key_from_seed(seed: bytes) -> PrivateKey:
    digest = sha256(seed + LOCK_KEY_DOMAIN)
    if not 0 < int.from_bytes(digest, "big") < CURVE_ORDER:
        raise CryptoError(t("lock key out of range"))  # pragma: no cover - probability ~2^-128
    return PrivateKey(digest)


def lock_pubkey_from_seed(seed: bytes) -> str:
    return lock_key_from_seed(seed).public_key.format(compressed=True).hex()


@dataclass(frozen=True)
class BlindedLock:
    secret: str
    ephemeral_pubkey: str  # E, travels in the token as p2pk_e / pe


def make_blinded_p2pk_secret(
    pubkey: str, *, locktime: int | None = None, refund: Sequence[str] = (), ephemeral: bytes | None = None
) -> BlindedLock:
    """A P2PK secret whose lock and refund keys are blinded with one fresh ephemeral key (slots data, refund…)."""
    blinded, E = blind_lock_keys([pubkey, *refund], os.urandom(32) if ephemeral is None else ephemeral)
    return BlindedLock(make_p2pk_secret(blinded[0], locktime=locktime, refund=blinded[1:]), E)


def _signing_keys(proof: Proof, secret: WellKnownSecret, conditions: Conditions, key: PrivateKey) -> list[PrivateKey]:
    """The keys this wallet signs ``proof`` with (none when the lock is someone else's)."""
    if proof.p2pk_e is not None:
        return find_signing_keys(key, proof.p2pk_e, secret)
    ours = key.public_key.format(compressed=True)
    slots = [secret.data, *conditions.pubkeys, *conditions.refund]
    return [key for k in slots if _same_key(k, ours)][:1]


def _same_key(candidate: str, ours: bytes) -> bool:
    try:
        return parse_point(candidate).format(compressed=True) == ours
    except CryptoError:
        return False


def signing_keys(proof: Proof, key: PrivateKey) -> list[PrivateKey]:
    """The keys of ours a P2PK ``proof`` can be signed with (empty: not a P2PK lock, or not ours)."""
    secret = try_parse_secret(proof.secret)
    if secret is None or secret.kind != KIND_P2PK:
        return []
    return _signing_keys(proof, secret, parse_conditions(secret), key)


def sig_all_signing_keys(proofs: Sequence[Proof], key: PrivateKey) -> list[PrivateKey]:
    """The keys of ours that sign a SIG_ALL transaction spending ``proofs`` (read before ``p2pk_e`` is dropped).

    NUT-11: under SIG_ALL every input shares the first one's lock, and one witness on the first input covers the
    whole transaction, so the first proof names the keys. Empty when it is not SIG_ALL or not locked to us.
    """
    secret = try_parse_secret(proofs[0].secret) if proofs else None
    if secret is None or secret.kind != KIND_P2PK:
        return []
    conditions = parse_conditions(secret)
    if conditions.sigflag != SIG_ALL:
        return []
    return _signing_keys(proofs[0], secret, conditions, key)


def unlock_proofs(proofs: Sequence[Proof], key: PrivateKey, now: int, *, defer_sig_all: bool = False) -> list[Proof]:
    """Each P2PK proof signed with the keys of ours it names (derived through P2BK when ``p2pk_e`` is set);
    ``p2pk_e`` dropped (the mint must not see it). A lock that is not ours is left for the mint to refuse.

    A SIG_ALL lock signs the whole transaction, outputs included: with ``defer_sig_all`` such proofs are left
    unsigned for the caller to sign once its outputs exist (:func:`sig_all_signing_keys`); without, refused."""
    unlocked = []
    for proof in proofs:
        secret = try_parse_secret(proof.secret)
        if secret is None or secret.kind != KIND_P2PK:
            unlocked.append(replace(proof, p2pk_e=None))
            continue
        if proof.witness is not None:  # already signed by the caller (e.g. a cheque's refund key): keep it
            unlocked.append(replace(proof, p2pk_e=None))
            continue
        conditions = parse_conditions(secret)
        keys = _signing_keys(proof, secret, conditions, key)
        proof = replace(proof, p2pk_e=None)
        if not keys:
            # Not ours (or expired without refund keys): unsigned, as it came. The mint decides, and its refusal
            # is the definite "nothing happened" every caller already handles.
            unlocked.append(proof)
            continue
        if conditions.sigflag == SIG_ALL:
            if not defer_sig_all:
                raise SpendingConditionError(t("this lock (SIG_ALL) signs a whole transaction: receive it as a token"))
            unlocked.append(proof)
            continue
        for signing_key in keys:
            proof = sign_proof(proof, signing_key)
        unlocked.append(proof)
    return unlocked
