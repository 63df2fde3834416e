"""NUT-00 Blind Diffie-Hellman Key Exchange (BDHKE): how ecash is blinded, signed and unblinded.

Notation (all points on secp256k1, ``G`` its generator, ``n`` its order)::

    a, A = a·G      the mint's private/public key for one amount of one keyset
    x               the proof's secret (a UTF-8 string, or raw bytes in the test vectors)
    Y = hash_to_curve(x)

    Wallet (step 1, blind):   pick r ∈ [1, n-1];  B_ = Y + r·G         -> send B_ to the mint
    Mint   (step 2, sign):    C_ = a·B_                                -> return C_
    Wallet (step 3, unblind): C  = C_ - r·A
                                 = a·Y + a·r·G - r·a·G = a·Y          -> the proof is (x, C)
    Mint   (verify, spend):   C == a·hash_to_curve(x)

The mint never sees ``Y`` when signing, so it cannot link the signature to the later spend.

``hash_to_curve`` (deterministic, so wallet and mint agree on ``Y``)::

    msg_hash = sha256("Secp256k1_HashToCurve_Cashu_" ‖ x)
    for counter = 0, 1, 2, … (< 2^16):
        candidate = 0x02 ‖ sha256(msg_hash ‖ counter as uint32 little-endian)
        if candidate is a valid compressed point: return it

NUT-07 identifies a proof to the mint by ``Y`` in hex (:func:`hash_to_curve_hex`).
"""

from __future__ import annotations

from functools import lru_cache

from coincurve import PrivateKey, PublicKey

from core.errors import CryptoError
from core.i18n import t
from core.protocol.ec import (
    PointLike,
    ScalarLike,
    mint_point,
    parse_point,
    parse_private_key,
    parse_scalar,
    point_add,
    point_mul,
    point_sub,
    scalar_base_mul,
    sha256,
)

__all__ = [
    "DOMAIN_SEPARATOR",
    "blind",
    "blind_message",
    "hash_to_curve",
    "hash_to_curve_hex",
    "sign_blinded",
    "unblind",
    "verify",
]

DOMAIN_SEPARATOR = b"Secp256k1_HashToCurve_Cashu_"

# The spec bounds the search; about half of all x values are on the curve, so 2^16 tries never fail in
# practice. The bound only guarantees termination.
_MAX_COUNTER = 2**16


def _secret_bytes(secret: str | bytes) -> bytes:
    # Proof secrets are strings and are hashed as UTF-8; the spec vectors pass raw bytes.
    return secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)


@lru_cache(maxsize=4096)
def hash_to_curve(message: bytes) -> PublicKey:
    """Map ``message`` to a curve point ``Y`` whose discrete log nobody knows.

    Cached: a received output's ``Y`` is computed when it is blinded and again when the proof is stored
    (its NUT-07 id), an input's when its DLEQ is checked and again for its state. The returned point is
    shared, which is safe: coincurve's point operations never change their operands.
    """
    msg_hash = sha256(DOMAIN_SEPARATOR + message)
    for counter in range(_MAX_COUNTER):
        candidate = b"\x02" + sha256(msg_hash + counter.to_bytes(4, "little"))
        try:
            return PublicKey(candidate)
        except ValueError:
            continue  # x is not on the curve: try the next counter
    raise CryptoError(t("hash_to_curve found no point"))  # pragma: no cover - probability ~2^-65536


def hash_to_curve_hex(secret: str | bytes) -> str:
    """``Y`` as compressed hex: the id of a proof in NUT-07 ``/v1/checkstate``."""
    return hash_to_curve(_secret_bytes(secret)).format(compressed=True).hex()


def blind_message(secret: str | bytes, r: ScalarLike | None = None) -> tuple[str, PrivateKey]:
    """Step 1 (wallet): ``B_ = hash_to_curve(secret) + r·G``.

    Returns ``B_`` as compressed hex and the blinding factor ``r`` (fresh and random when not given;
    NUT-13 wallets pass the deterministic one). Keep ``r``: it is needed to unblind.
    """
    r_key = PrivateKey() if r is None else parse_private_key(r, "blinding factor r")
    Y = hash_to_curve(_secret_bytes(secret))
    B_ = point_add(Y, r_key.public_key)
    return B_.format(compressed=True).hex(), r_key


def blind(secret: str | bytes, r: ScalarLike) -> str:
    """``B_ = hash_to_curve(secret) + r·G`` as compressed hex, for a known ``r`` (NUT-13 outputs).

    Unlike :func:`blind_message` it builds no ``PrivateKey`` (whose x-only key costs a second ``·G``).
    """
    r_int = parse_scalar(r, "blinding factor r")
    Y = hash_to_curve(_secret_bytes(secret))
    return point_add(Y, scalar_base_mul(r_int)).format(compressed=True).hex()


def sign_blinded(B_: PointLike, a: ScalarLike) -> str:
    """Step 2 (mint side, used to build test fixtures): ``C_ = a·B_`` as compressed hex."""
    return point_mul(parse_point(B_, "B_"), parse_private_key(a, "mint key")).format(compressed=True).hex()


def unblind(C_: PointLike, r: ScalarLike, K: PointLike) -> str:
    """Step 3 (wallet): ``C = C_ - r·K`` where ``K`` is the mint's public key for the amount."""
    mint_key = mint_point(K) if isinstance(K, str) else parse_point(K, "mint public key")
    rK = point_mul(mint_key, parse_scalar(r, "blinding factor r"))
    return point_sub(parse_point(C_, "C_"), rK).format(compressed=True).hex()


def verify(a: ScalarLike, C: PointLike, secret: str | bytes) -> bool:
    """Mint-side check (tests only; the wallet has no ``a``): ``C == a·hash_to_curve(secret)``."""
    expected = point_mul(hash_to_curve(_secret_bytes(secret)), parse_private_key(a, "mint key"))
    return expected.format(compressed=True) == parse_point(C, "C").format(compressed=True)
