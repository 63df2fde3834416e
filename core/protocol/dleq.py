"""NUT-12 DLEQ proofs: the mint proves ``C_`` was made with the same key ``a`` as its public ``A``.

Without this a mint could sign each user with a different key and later tell them apart. The proof
shows ``log_G(A) == log_B_(C_)`` without revealing ``a``::

    Mint:    r random (here: deterministic, see below)
             R1 = r·G,  R2 = r·B_
             e  = hash_e(R1, R2, A, C_)
             s  = r + e·a  (mod n)                  -> sends (e, s) with C_

    Verify:  R1 = s·G  - e·A      (= r·G  because s·G  = r·G  + e·a·G)
             R2 = s·B_ - e·C_     (= r·B_ because s·B_ = r·B_ + e·a·B_)
             accept iff e == hash_e(R1, R2, A, C_)

``hash_e`` is sha256 over the UTF-8 concatenation of the **uncompressed** (130-hex) points.

A wallet that passes a proof on keeps ``r`` (the blinding factor) in ``dleq.r`` so the receiver can
rebuild the blinded pair: ``B_ = Y + r·G`` and ``C_ = C + r·A``, then run the same check.
"""

from __future__ import annotations

import hashlib
import hmac

from coincurve import PublicKey

from core.errors import CryptoError, DleqError
from core.i18n import t
from core.protocol.bdhke import hash_to_curve
from core.protocol.ec import (
    CURVE_ORDER,
    PointLike,
    ScalarLike,
    mint_point,
    parse_point,
    parse_private_key,
    parse_scalar,
    point_add,
    point_mul,
    point_mul_add_base,
    scalar_base_mul,
    uncompressed_hex,
)
from core.protocol.models import DLEQ, BlindSignature, Proof

__all__ = [
    "check_proof_dleq",
    "check_signature_dleq",
    "create_dleq",
    "dleq_for_proof",
    "hash_e",
    "verify_blind_signature_dleq",
    "verify_proof_dleq",
]

_NONCE_TAG = b"Cashu_DLEQ_R_v1"


def hash_e(*points: PointLike) -> bytes:
    """``sha256(utf8(uncompressed_hex(P₁) ‖ uncompressed_hex(P₂) ‖ …))`` — the NUT-12 challenge."""
    joined = "".join(uncompressed_hex(p) for p in points)
    return hashlib.sha256(joined.encode("utf-8")).digest()


def _parse_32(value: str, what: str) -> int:
    try:
        raw = bytes.fromhex(value)
    except ValueError as exc:
        raise CryptoError(t("DLEQ {0} is not valid hex").format(what)) from exc
    if len(raw) != 32:
        raise CryptoError(t("DLEQ {0} must be 32 bytes, got {1}").format(what, len(raw)))
    return int.from_bytes(raw, "big")


def _deterministic_nonce(a: int, A: PublicKey, B_: PublicKey, C_: PublicKey) -> int:
    # RFC6979-style: deriving r from the key and the statement means a broken RNG cannot leak ``a``
    # through a repeated nonce. The counter byte only moves on in the (≈2^-128) case r ∉ [1, n-1].
    key = a.to_bytes(32, "big")
    statement = b"".join(p.format(compressed=False) for p in (A, B_, C_))
    for counter in range(256):
        digest = hmac.new(key, _NONCE_TAG + statement + bytes([counter]), hashlib.sha256).digest()
        r = int.from_bytes(digest, "big")
        if 0 < r < CURVE_ORDER:
            return r
    raise CryptoError(t("no DLEQ nonce found"))  # pragma: no cover - unreachable in practice


def create_dleq(a: ScalarLike, B_: PointLike, C_: PointLike | None = None) -> tuple[str, str]:
    """Mint side (for test fixtures): the ``(e, s)`` hex pair for ``C_ = a·B_`` with a deterministic nonce."""
    a_key = parse_private_key(a, "mint key")
    a_int = a_key.to_int()
    A = a_key.public_key
    B_point = parse_point(B_, "B_")
    C_point = point_mul(B_point, a_key) if C_ is None else parse_point(C_, "C_")
    r = _deterministic_nonce(a_int, A, B_point, C_point)
    R1 = scalar_base_mul(r)
    R2 = point_mul(B_point, r)
    e = int.from_bytes(hash_e(R1, R2, A, C_point), "big")
    s = (r + e * a_int) % CURVE_ORDER
    return e.to_bytes(32, "big").hex(), s.to_bytes(32, "big").hex()


def _s_times_minus_e(s: int, e: int, base: PublicKey | None, image: PublicKey) -> PublicKey | None:
    # s·base - e·image (base None: the generator G); None when a term or the result is the point at
    # infinity (then the proof is bad). ``-e·image`` is computed as ``(n-e)·image``: the same point without
    # negating and re-parsing it; with G as the base both terms are one double multiplication.
    e_mod = e % CURVE_ORDER
    if not 0 < s < CURVE_ORDER or e_mod == 0:
        return None
    try:
        if base is None:
            return point_mul_add_base(image, CURVE_ORDER - e_mod, s)
        return point_add(point_mul(base, s), point_mul(image, CURVE_ORDER - e_mod))
    except CryptoError:
        return None


def _mint_key(A: PointLike) -> PublicKey:
    # Mint keys arrive as hex, the same few per keyset: parsed once (``mint_point`` caches them).
    return mint_point(A) if isinstance(A, str) else parse_point(A, "mint public key")


def verify_blind_signature_dleq(B_: PointLike, C_: PointLike, e: str, s: str, A: PointLike) -> bool:
    """Check a DLEQ ``(e, s)`` on a blind signature. Malformed points/hex raise :class:`CryptoError`."""
    B_point, C_point = parse_point(B_, "B_"), parse_point(C_, "C_")
    A_point = _mint_key(A)
    e_int, s_int = _parse_32(e, "e"), _parse_32(s, "s")
    R1 = _s_times_minus_e(s_int, e_int, None, A_point)
    R2 = _s_times_minus_e(s_int, e_int, B_point, C_point)
    if R1 is None or R2 is None:
        return False
    return hmac.compare_digest(hash_e(R1, R2, A_point, C_point), e_int.to_bytes(32, "big"))


def verify_proof_dleq(proof: Proof, A: PointLike) -> bool:
    """Check the DLEQ carried by a (received) proof, rebuilding ``B_`` and ``C_`` from ``dleq.r``.

    False when the proof has no DLEQ or no ``r``: there is nothing that could be verified.

    ``C_ = C + r·A`` is hashed, so it is computed; ``B_ = Y + r·G`` only enters ``R2 = s·B_ - e·C_``, which is
    ``(s·Y + (s·r)·G) - e·C_``: the first two terms are one double multiplication and ``B_`` itself is never
    built — the same ``R1``, ``R2`` and hash as :func:`verify_blind_signature_dleq` on ``(B_, C_)``, with one
    multiplication less.
    """
    if proof.dleq is None or proof.dleq.r is None:
        return False
    A_point = _mint_key(A)
    r = parse_scalar(proof.dleq.r, "DLEQ r")
    e_int, s_int = _parse_32(proof.dleq.e, "e"), _parse_32(proof.dleq.s, "s")
    e_mod = e_int % CURVE_ORDER
    if not 0 < s_int < CURVE_ORDER or e_mod == 0:
        return False
    Y = hash_to_curve(proof.secret.encode("utf-8"))
    try:
        C_ = point_add(parse_point(proof.C, "C"), point_mul(A_point, r))
        R1 = point_mul_add_base(A_point, CURVE_ORDER - e_mod, s_int)
        R2 = point_add(point_mul_add_base(Y, s_int, s_int * r % CURVE_ORDER), point_mul(C_, CURVE_ORDER - e_mod))
    except CryptoError:
        return False  # a sum at infinity: the proof cannot be genuine
    return hmac.compare_digest(hash_e(R1, R2, A_point, C_), e_int.to_bytes(32, "big"))


def check_signature_dleq(B_: PointLike, signature: BlindSignature, A: PointLike) -> None:
    """Raise :class:`DleqError` unless ``signature`` carries a DLEQ that verifies against ``A``."""
    if signature.dleq is None:
        raise DleqError(t("the mint's signature has no DLEQ proof"))
    try:
        ok = verify_blind_signature_dleq(B_, signature.C_, signature.dleq.e, signature.dleq.s, A)
    except CryptoError as exc:
        raise DleqError(t("malformed DLEQ proof: {0}").format(exc)) from exc
    if not ok:
        raise DleqError(t("the mint's DLEQ proof does not verify"))


def check_proof_dleq(proof: Proof, A: PointLike) -> None:
    """Raise :class:`DleqError` unless ``proof`` carries a DLEQ (with ``r``) that verifies against ``A``."""
    if proof.dleq is None or proof.dleq.r is None:
        raise DleqError(t("the proof carries no DLEQ proof (or no blinding factor r)"))
    try:
        ok = verify_proof_dleq(proof, A)
    except CryptoError as exc:
        raise DleqError(t("malformed DLEQ proof: {0}").format(exc)) from exc
    if not ok:
        raise DleqError(t("the proof's DLEQ does not verify"))


def dleq_for_proof(signature: BlindSignature, r: ScalarLike) -> DLEQ | None:
    """The ``dleq`` to store on the unblinded proof: the mint's ``(e, s)`` plus our ``r``."""
    if signature.dleq is None:
        return None
    r_hex = parse_private_key(r, "blinding factor r").to_int().to_bytes(32, "big").hex()
    return DLEQ(e=signature.dleq.e, s=signature.dleq.s, r=r_hex)
