"""NUT-28 pay-to-blinded-key: P2PK locks whose keys the mint cannot link to the receiver.

The sender picks an ephemeral key ``e`` (``E = e·G``, sent along as ``Proof.p2pk_e``). For each lock key
``P`` at slot ``i`` of ``[data, *pubkeys, *refund]``::

    Zx  = x(e·P) = x(p·E)                                   (ECDH: both sides can compute it)
    r_i = sha256("Cashu_P2BK_v1" ‖ Zx ‖ i as one byte)       (retry once with ‖ 0xff if r_i ∉ [1, n-1])
    P'  = P + r_i·G                                          (what goes into the P2PK secret)

The receiver signs for ``P'`` with ``k = p + r_i``, except that BIP340 keys are x-only: if the
receiver's ``P`` was given as the even-y lift of ``p·G`` while ``p·G`` itself has odd y, ``P = -p·G``
and the key is ``k = -p + r_i``. :func:`derive_signing_key` unblinds ``P = P' - r_i·G``, checks that
``x(P) == x(p·G)`` and picks the branch by comparing parities.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from coincurve import PrivateKey

from core.errors import CryptoError
from core.i18n import t
from core.protocol.ec import (
    CURVE_ORDER,
    PointLike,
    ScalarLike,
    has_even_y,
    parse_point,
    parse_private_key,
    parse_scalar,
    point_add,
    point_mul,
    point_sub,
    private_key_from_int,
    scalar_base_mul,
    sha256,
)
from core.protocol.nut10 import WellKnownSecret, parse_conditions

__all__ = [
    "DOMAIN_SEPARATOR",
    "MAX_SLOTS",
    "blind_lock_keys",
    "blind_pubkey",
    "blinded_private_keys",
    "blinding_scalar",
    "derive_signing_key",
    "find_signing_keys",
    "shared_secret_x",
    "use_negated_derivation",
]

DOMAIN_SEPARATOR = b"Cashu_P2BK_v1"
MAX_SLOTS = 11  # data + up to 10 pubkeys/refund keys


def shared_secret_x(private_key: ScalarLike, public_key: PointLike) -> bytes:
    """``Zx``: the 32-byte x coordinate of ``private_key · public_key`` (not hashed, unlike coincurve's ecdh)."""
    return point_mul(parse_point(public_key), parse_scalar(private_key)).format(compressed=True)[1:]


def blinding_scalar(zx: bytes, slot: int) -> int:
    """``r_i`` for slot ``i``; the one retry with ``0xff`` keeps it in ``[1, n-1]``."""
    if len(zx) != 32:
        raise CryptoError(t("Zx must be 32 bytes"))
    if not 0 <= slot <= 0xFF:
        raise CryptoError(t("the P2BK slot index must fit one byte"))
    base = DOMAIN_SEPARATOR + zx + bytes([slot])
    for suffix in (b"", b"\xff"):
        r = int.from_bytes(sha256(base + suffix), "big")
        if 0 < r < CURVE_ORDER:
            return r
    raise CryptoError(t("P2BK blinding scalar out of range: use another ephemeral key"))  # pragma: no cover


def blind_pubkey(pubkey: PointLike, r: int) -> str:
    """``P' = P + r·G`` as compressed hex."""
    return point_add(parse_point(pubkey), scalar_base_mul(r)).format(compressed=True).hex()


def blinded_private_keys(private_key: ScalarLike, r: int) -> tuple[str, str]:
    """``(sk_std, sk_neg) = ((p + r) mod n, (-p + r) mod n)`` as 32-byte hex."""
    p = parse_scalar(private_key)
    std = (p + r) % CURVE_ORDER
    neg = (r - p) % CURVE_ORDER
    return std.to_bytes(32, "big").hex(), neg.to_bytes(32, "big").hex()


def use_negated_derivation(private_key: ScalarLike, pubkey: PointLike) -> bool:
    """True when ``pubkey`` has the opposite y parity of ``p·G`` (so the negated key is the right one)."""
    return has_even_y(parse_private_key(private_key).public_key) != has_even_y(pubkey)


def blind_lock_keys(keys: Sequence[str], ephemeral: ScalarLike | None = None) -> tuple[list[str], str]:
    """Sender side: blind the lock keys (in slot order ``[data, *pubkeys, *refund]``) with one ephemeral key.

    Returns ``(blinded keys, E hex)``. 32-byte x-only keys (e.g. Nostr) are lifted with an ``02`` prefix.
    """
    if not keys or len(keys) > MAX_SLOTS:
        raise CryptoError(t("P2BK blinds between 1 and {0} keys").format(MAX_SLOTS))
    e = parse_private_key(os.urandom(32) if ephemeral is None else ephemeral, "ephemeral key")
    blinded = []
    for slot, key in enumerate(keys):
        point = parse_point("02" + key if len(key) == 64 else key, "lock key")
        blinded.append(blind_pubkey(point, blinding_scalar(shared_secret_x(e, point), slot)))
    return blinded, e.public_key.format(compressed=True).hex()


def derive_signing_key(
    private_key: ScalarLike, ephemeral_pubkey: PointLike, blinded_key: PointLike, slot: int
) -> PrivateKey | None:
    """Receiver side: the key that signs for ``blinded_key`` at ``slot``, or None if it is not ours."""
    p = parse_private_key(private_key)
    r = blinding_scalar(shared_secret_x(p, ephemeral_pubkey), slot)
    try:
        unblinded = point_sub(parse_point(blinded_key, "blinded key"), scalar_base_mul(r))
    except CryptoError:
        return None  # P' == r·G: cannot be a blinding of any real key
    natural = p.public_key.format(compressed=True)
    if unblinded.format(compressed=True)[1:] != natural[1:]:
        return None
    sign = -1 if use_negated_derivation(p, unblinded) else 1
    return private_key_from_int((sign * p.to_int() + r) % CURVE_ORDER)


def find_signing_keys(
    private_key: ScalarLike, ephemeral_pubkey: PointLike, secret: WellKnownSecret
) -> list[PrivateKey]:
    """Every key we can sign with in a P2BK-locked secret (checking each slot of data, pubkeys, refund)."""
    conditions = parse_conditions(secret)
    slots = [secret.data, *conditions.pubkeys, *conditions.refund]
    found = []
    for slot, key in enumerate(slots[:MAX_SLOTS]):
        derived = derive_signing_key(private_key, ephemeral_pubkey, key, slot)
        if derived is not None:
            found.append(derived)
    return found
