"""secp256k1 helpers shared by the crypto modules of ``core/protocol``.

coincurve gives us fast, constant-time point arithmetic but no point negation or subtraction, and it
signals every problem with a bare ``ValueError``/``TypeError``. These helpers add the few missing
operations and turn every coincurve failure into :class:`~core.errors.CryptoError`, so callers only ever
see our own exception tree.

Points travel as compressed SEC1 hex on the wire; scalars as 32-byte big-endian hex. The ``*Like``
aliases let callers pass whichever form they hold.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from coincurve import PrivateKey, PublicKey, PublicKeyXOnly

from core.errors import CryptoError
from core.i18n import t

__all__ = [
    "CURVE_ORDER",
    "PointLike",
    "ScalarLike",
    "has_even_y",
    "mint_point",
    "parse_point",
    "parse_private_key",
    "parse_scalar",
    "point_add",
    "point_mul",
    "point_mul_add_base",
    "point_neg",
    "point_sub",
    "private_key_from_int",
    "scalar_base_mul",
    "schnorr_sign",
    "schnorr_verify",
    "sha256",
    "uncompressed_hex",
]

# Order n of the secp256k1 group: every scalar lives in [1, n-1].
CURVE_ORDER = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141

PointLike = str | bytes | PublicKey
ScalarLike = str | bytes | int | PrivateKey


def sha256(data: bytes) -> bytes:
    """SHA-256 digest (a one-line alias so call sites read like the spec)."""
    return hashlib.sha256(data).digest()


def _from_hex(value: str, what: str) -> bytes:
    try:
        return bytes.fromhex(value)
    except ValueError as exc:
        raise CryptoError(t("{0} is not valid hex").format(what)) from exc


def parse_point(value: PointLike, what: str = "point") -> PublicKey:
    """A curve point from compressed/uncompressed SEC1 hex or bytes; :class:`CryptoError` otherwise."""
    if isinstance(value, PublicKey):
        return value
    raw = _from_hex(value, what) if isinstance(value, str) else bytes(value)
    if len(raw) not in (33, 65):
        raise CryptoError(
            t("{0} must be a 33-byte compressed (or 65-byte) SEC1 point, got {1} bytes").format(what, len(raw))
        )
    try:
        return PublicKey(raw)
    except (ValueError, TypeError) as exc:
        raise CryptoError(t("{0} is not a point on secp256k1").format(what)) from exc


@lru_cache(maxsize=512)
def mint_point(value: str) -> PublicKey:
    """A mint public key from its hex, parsed once: every proof of a keyset amount reuses the same point.

    coincurve's point operations return new objects and never change their operands, so sharing is safe.
    """
    return parse_point(value, "mint public key")


def parse_scalar(value: ScalarLike, what: str = "scalar") -> int:
    """A scalar in ``[1, n-1]`` from 32-byte hex/bytes, an int, or a private key."""
    if isinstance(value, PrivateKey):
        return value.to_int()
    if isinstance(value, int):
        number = value
    else:
        raw = _from_hex(value, what) if isinstance(value, str) else bytes(value)
        if len(raw) != 32:
            raise CryptoError(t("{0} must be 32 bytes, got {1}").format(what, len(raw)))
        number = int.from_bytes(raw, "big")
    if not 0 < number < CURVE_ORDER:
        raise CryptoError(t("{0} is out of range for secp256k1").format(what))
    return number


def private_key_from_int(number: int) -> PrivateKey:
    """A private key for a scalar already known to be in range."""
    if not 0 < number < CURVE_ORDER:
        raise CryptoError(t("private key is out of range for secp256k1"))
    return PrivateKey(number.to_bytes(32, "big"))


def parse_private_key(value: ScalarLike, what: str = "private key") -> PrivateKey:
    """A coincurve private key from any scalar form."""
    if isinstance(value, PrivateKey):
        return value
    return private_key_from_int(parse_scalar(value, what))


def scalar_base_mul(scalar: ScalarLike) -> PublicKey:
    """``scalar·G``.

    Straight from the secret: a coincurve ``PrivateKey`` would also derive its x-only key, a second
    multiplication by ``G`` that nothing here uses.
    """
    number = parse_scalar(scalar)
    return PublicKey.from_valid_secret(number.to_bytes(32, "big"))


def point_mul(point: PointLike, scalar: ScalarLike) -> PublicKey:
    """``scalar·P``."""
    number = parse_scalar(scalar)
    try:
        return parse_point(point).multiply(number.to_bytes(32, "big"))
    except (ValueError, TypeError) as exc:
        raise CryptoError(t("point multiplication failed")) from exc


def point_mul_add_base(point: PublicKey, b: int, a: int) -> PublicKey:
    """``b·P + a·G`` (``b`` in [1, n-1], ``a`` in [0, n-1]) in one libsecp256k1 double multiplication.

    coincurve has no ``a·G + b·P``, but ECDSA public-key recovery computes exactly that: for a signature
    ``(r, s)`` with recovery id ``v`` over the 32-byte hash ``z`` it returns ``r⁻¹·(s·R - z·G)``, ``R`` being the
    point with x = r and y parity v. With ``R = P``, ``s = b·r`` and ``z = -a·r`` that is ``b·P + a·G``: one Strauss
    multi-multiplication using the precomputed table of G, about 20 % cheaper than ``b·P``, ``a·G`` and their sum
    apart. Variable time, like every multiplication here: only for public values (DLEQ verification).
    A point with ``x >= n`` (probability ~2^-128; recovery would need ``r = x - n``) takes the plain way.
    A result at infinity raises :class:`CryptoError`, as :func:`point_add` does.
    """
    compressed = point.format(compressed=True)
    x = int.from_bytes(compressed[1:], "big")
    try:
        if x >= CURVE_ORDER:
            terms = [point.multiply(b.to_bytes(32, "big"))]
            if a:
                terms.append(PublicKey.from_valid_secret(a.to_bytes(32, "big")))
            return PublicKey.combine_keys(terms) if len(terms) > 1 else terms[0]
        signature = compressed[1:] + (b * x % CURVE_ORDER).to_bytes(32, "big") + bytes([compressed[0] & 1])
        z = (-a * x) % CURVE_ORDER
        return PublicKey.from_signature_and_message(signature, z.to_bytes(32, "big"), hasher=None)
    except (ValueError, TypeError) as exc:
        raise CryptoError(t("point multiplication reached infinity")) from exc


def point_add(*points: PointLike) -> PublicKey:
    """``P₁ + P₂ + …``; a sum at infinity has no encoding and raises :class:`CryptoError`."""
    parsed = [parse_point(p) for p in points]
    if len(parsed) == 1:
        return parsed[0]
    try:
        return PublicKey.combine_keys(parsed)
    except (ValueError, TypeError) as exc:
        raise CryptoError(t("point addition reached infinity")) from exc


def point_neg(point: PointLike) -> PublicKey:
    """``-P``: same x, opposite y, which in compressed form is just the other prefix byte."""
    raw = parse_point(point).format(compressed=True)
    return PublicKey(bytes([raw[0] ^ 0x01]) + raw[1:])


def point_sub(a: PointLike, b: PointLike) -> PublicKey:
    """``A - B``."""
    return point_add(a, point_neg(b))


def has_even_y(point: PointLike) -> bool:
    """True when the point's y coordinate is even (compressed prefix ``02``)."""
    return parse_point(point).format(compressed=True)[0] == 0x02


def uncompressed_hex(point: PointLike) -> str:
    """The 130-hex uncompressed SEC1 encoding (``04‖x‖y``) that NUT-12 hashes."""
    return parse_point(point).format(compressed=False).hex()


def _message_hash(message: str | bytes) -> bytes:
    # NUT-10/11/20 all sign sha256 of the UTF-8 message, never the message itself.
    return sha256(message.encode("utf-8") if isinstance(message, str) else message)


def schnorr_sign(message: str | bytes, private_key: ScalarLike) -> str:
    """BIP340 Schnorr signature (hex, 64 bytes) over ``sha256(message)``, with fresh aux randomness."""
    key = parse_private_key(private_key)
    try:
        return key.sign_schnorr(_message_hash(message)).hex()
    except (ValueError, TypeError) as exc:
        raise CryptoError(t("Schnorr signing failed")) from exc


def schnorr_verify(message: str | bytes, signature: str | bytes, pubkey: PointLike) -> bool:
    """Verify a BIP340 signature over ``sha256(message)``.

    BIP340 keys are x-only: only the x coordinate of ``pubkey`` matters, so ``02…`` and ``03…`` with the
    same x verify the same signatures. A 32-byte x-only key is accepted too. A malformed signature
    (wrong length, not hex) simply does not verify; a malformed key raises :class:`CryptoError`.
    """
    if isinstance(pubkey, PublicKey):
        xonly = pubkey.format(compressed=True)[1:]
    else:
        raw = _from_hex(pubkey, "public key") if isinstance(pubkey, str) else bytes(pubkey)
        xonly = raw if len(raw) == 32 else parse_point(raw, "public key").format(compressed=True)[1:]
    try:
        sig = bytes.fromhex(signature) if isinstance(signature, str) else bytes(signature)
    except ValueError:
        return False
    if len(sig) != 64:
        return False
    try:
        key = PublicKeyXOnly(xonly)
    except (ValueError, TypeError) as exc:
        raise CryptoError(t("public key is not a valid x-only key")) from exc
    try:
        return bool(key.verify(sig, _message_hash(message)))
    except (ValueError, TypeError):
        return False
