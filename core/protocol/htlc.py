"""NUT-14 hashed time-lock contracts: ecash spendable with the preimage of a hash.

Secret: ``["HTLC", {"nonce", "data": sha256(preimage) hex, "tags": [...NUT-11 tags...]}]``.
Witness: ``{"preimage": <32-byte hex>, "signatures": [...]}``.

Spending paths (``now`` is the verifier's unix time):

* **receiver**: a preimage with ``sha256(preimage) == data`` *and*, when a ``pubkeys`` tag exists,
  ``n_sigs`` distinct signers among ``pubkeys``. Open at any time.
* **refund**: once ``locktime`` has passed: ``n_sigs_refund`` distinct signers among ``refund``; no
  preimage needed. With no ``refund`` tag an expired HTLC is spendable by anyone.

Before the locktime a refund key's signature is worth nothing (nut11 vector "HTLC, locktime NOT
expired but signed with refund key").
"""

from __future__ import annotations

import hashlib
import hmac
import os
from collections.abc import Sequence
from dataclasses import replace

from core.errors import SpendingConditionError
from core.i18n import t
from core.protocol.ec import ScalarLike, schnorr_sign
from core.protocol.models import Proof
from core.protocol.nut10 import (
    KIND_HTLC,
    SIG_ALL,
    Conditions,
    WellKnownSecret,
    Witness,
    build_tags,
    count_valid_signers,
    make_secret,
    parse_conditions,
    parse_secret,
    parse_witness,
)

__all__ = [
    "check_htlc_spend",
    "make_htlc_secret",
    "new_preimage",
    "preimage_matches",
    "sign_htlc_proof",
    "verify_htlc_proof",
]


def new_preimage() -> tuple[str, str]:
    """A random 32-byte preimage and its sha256, both hex: ``(preimage, hash)``."""
    preimage = os.urandom(32)
    return preimage.hex(), hashlib.sha256(preimage).hexdigest()


def preimage_matches(preimage: str, payment_hash: str) -> bool:
    """True when ``preimage`` is 32 bytes of hex whose sha256 is ``payment_hash``."""
    try:
        raw = bytes.fromhex(preimage)
        expected = bytes.fromhex(payment_hash)
    except ValueError:
        return False
    if len(raw) != 32:
        return False  # NUT-14 fixes the preimage at 32 bytes, like a Lightning preimage
    return hmac.compare_digest(hashlib.sha256(raw).digest(), expected)


def make_htlc_secret(
    payment_hash: str,
    *,
    pubkeys: Sequence[str] = (),
    n_sigs: int | None = None,
    locktime: int | None = None,
    refund: Sequence[str] = (),
    n_sigs_refund: int | None = None,
    sig_all: bool = False,
    nonce: str | None = None,
) -> str:
    """A fresh HTLC secret string locked to ``payment_hash`` (hex sha256 of the preimage)."""
    try:
        if len(bytes.fromhex(payment_hash)) != 32:
            raise ValueError(t("wrong length"))
    except ValueError as exc:
        raise SpendingConditionError(t("the HTLC hash must be 32 bytes of hex")) from exc
    tags = build_tags(
        sigflag=SIG_ALL if sig_all else None,
        pubkeys=pubkeys,
        n_sigs=n_sigs,
        locktime=locktime,
        refund=refund,
        n_sigs_refund=n_sigs_refund,
    )
    return make_secret(KIND_HTLC, payment_hash.lower(), tags, nonce)


def check_htlc_spend(secret: WellKnownSecret, conditions: Conditions, witness: Witness, message: str, now: int) -> None:
    """Raise :class:`SpendingConditionError` unless ``witness`` opens the HTLC; ``message`` is what was signed."""
    if secret.kind != KIND_HTLC:
        raise SpendingConditionError(t("not an HTLC secret"))
    receiver_ok = witness.preimage is not None and preimage_matches(witness.preimage, secret.data)
    if receiver_ok and conditions.pubkeys:
        receiver_ok = count_valid_signers(message, witness.signatures, conditions.pubkeys) >= conditions.n_sigs
    if receiver_ok:
        return
    if conditions.lock_expired(now):
        if not conditions.refund:
            return  # expired without refund keys: anyone can spend
        if count_valid_signers(message, witness.signatures, conditions.refund) >= conditions.n_sigs_refund:
            return
        raise SpendingConditionError(t("HTLC locktime passed but not enough refund signatures"))
    raise SpendingConditionError(t("HTLC needs the correct preimage (and the required signatures)"))


def verify_htlc_proof(proof: Proof, now: int) -> bool:
    """SIG_INPUTS check of one HTLC proof: signatures cover the secret string. Never raises on bad data."""
    try:
        secret = parse_secret(proof.secret)
        conditions = parse_conditions(secret)
        if conditions.sigflag == SIG_ALL:
            return False  # a SIG_ALL proof can only be judged with its whole transaction
        check_htlc_spend(secret, conditions, parse_witness(proof.witness), proof.secret, now)
    except SpendingConditionError:
        return False
    return True


def sign_htlc_proof(proof: Proof, preimage: str, private_keys: Sequence[ScalarLike] = ()) -> Proof:
    """The proof with a witness carrying ``preimage`` and a signature by each key over the secret."""
    signatures = tuple(schnorr_sign(proof.secret, key) for key in private_keys)
    return replace(proof, witness=Witness(signatures=signatures, preimage=preimage).serialize())
