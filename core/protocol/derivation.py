"""NUT-13 deterministic secrets: every proof's ``secret`` and blinding factor ``r`` come from the seed.

That makes a wallet restorable from its 12 words: re-derive the blinded messages for counters
0, 1, 2, … and ask the mint (NUT-09) which of them it has signed.

Seed (BIP39)::

    seed = PBKDF2-HMAC-SHA512(password = NFKD(mnemonic), salt = "mnemonic" ‖ NFKD(passphrase), 2048, 64 B)

Keyset ids ``00…`` (v1), BIP32 (hardened steps marked ')::

    keyset_int = int(keyset_id[:16], 16) mod (2^31 - 1)
    secret = privkey at m/129372'/0'/keyset_int'/counter'/0
    r      = privkey at m/129372'/0'/keyset_int'/counter'/1

Keyset ids ``01…`` (v2), one HMAC per value::

    msg    = "Cashu_KDF_HMAC_SHA256" ‖ raw keyset id bytes (33) ‖ counter as uint64 big-endian
    secret = HMAC-SHA256(seed, msg ‖ 0x00)
    r      = HMAC-SHA256(seed, msg ‖ 0x01) mod n

In both cases ``Proof.secret`` is the 64-char lowercase hex of the 32 secret bytes (a string, hashed as
UTF-8 by hash_to_curve).
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from coincurve import PublicKey

from core.errors import CryptoError, KeysetError
from core.i18n import t
from core.protocol.ec import CURVE_ORDER

__all__ = [
    "bip32_derive",
    "derive_range",
    "derive_secret_and_r",
    "keyset_id_to_int",
    "mnemonic_to_seed",
]

_PURPOSE = 129372  # "🥜" in the NUT-13 path
_HARDENED = 0x80000000
_V2_TAG = b"Cashu_KDF_HMAC_SHA256"


def mnemonic_to_seed(words: str, passphrase: str = "") -> bytes:
    """The 64-byte BIP39 seed (no word-list or checksum check here: see ``core.wallet.seed``).

    Runs of whitespace are collapsed first, so a stray double space cannot silently yield another wallet.
    """
    mnemonic = unicodedata.normalize("NFKD", " ".join(words.split()))
    salt = unicodedata.normalize("NFKD", "mnemonic" + passphrase)
    return hashlib.pbkdf2_hmac("sha512", mnemonic.encode("utf-8"), salt.encode("utf-8"), 2048)


def _keyset_bytes(keyset_id: str) -> bytes:
    try:
        raw = bytes.fromhex(keyset_id)
    except ValueError as exc:
        raise KeysetError(
            t("keyset id {0!r} is not hex (legacy base64 ids are not supported)").format(keyset_id)
        ) from exc
    if len(raw) < 8:
        raise KeysetError(t("keyset id {0!r} is too short").format(keyset_id))
    return raw


def keyset_id_to_int(keyset_id: str) -> int:
    """The BIP32 path index of a keyset: its first 8 bytes mod ``2^31 - 1`` (fits a hardened index)."""
    raw = _keyset_bytes(keyset_id)
    return int.from_bytes(raw[:8], "big") % (2**31 - 1)


# --- minimal BIP32 (private derivation only) ---------------------------------------------------

_Node = tuple[int, bytes]  # (private key as int, chain code)


def _master(seed: bytes) -> _Node:
    digest = hmac.new(b"Bitcoin seed", seed, hashlib.sha512).digest()
    key = int.from_bytes(digest[:32], "big")
    if not 0 < key < CURVE_ORDER:
        raise CryptoError(t("seed yields an invalid BIP32 master key"))  # pragma: no cover - ~2^-128
    return key, digest[32:]


def _public(key: int) -> bytes:
    # ``key·G`` straight from the secret (libsecp256k1's fixed-base table): a coincurve ``PrivateKey`` would
    # also derive its x-only key, a second multiplication nothing here uses.
    return PublicKey.from_valid_secret(key.to_bytes(32, "big")).format(compressed=True)


def _child(node: _Node, index: int, parent_public: bytes | None = None) -> _Node:
    """BIP32 CKDpriv. ``parent_public``: ``node``'s compressed public key when the caller already has it (the
    two non-hardened children of one counter node share it)."""
    key, chain = node
    if index >= _HARDENED:
        data = b"\x00" + key.to_bytes(32, "big") + index.to_bytes(4, "big")
    else:
        # Non-hardened steps hash the compressed public key instead of the private key.
        data = (parent_public if parent_public is not None else _public(key)) + index.to_bytes(4, "big")
    digest = hmac.new(chain, data, hashlib.sha512).digest()
    tweak = int.from_bytes(digest[:32], "big")
    child = (tweak + key) % CURVE_ORDER
    if tweak >= CURVE_ORDER or child == 0:
        # BIP32 says "proceed with the next index"; NUT-13 has no such rule, and it never happens.
        raise CryptoError(t("BIP32 child {0} is invalid").format(index))  # pragma: no cover - ~2^-127
    return child, digest[32:]


def bip32_derive(seed: bytes, path: str) -> bytes:
    """The 32-byte private key at ``path`` (e.g. ``m/129372'/0'/1'/0'/0``); for tests and tooling."""
    parts = path.split("/")
    if not parts or parts[0] != "m":
        raise CryptoError(t("BIP32 path {0!r} must start with 'm'").format(path))
    node = _master(seed)
    for part in parts[1:]:
        hardened = part.endswith(("'", "h"))
        digits = part[:-1] if hardened else part
        if not digits.isdigit() or int(digits) >= _HARDENED:
            raise CryptoError(t("bad BIP32 path element {0!r}").format(part))
        node = _child(node, int(digits) + (_HARDENED if hardened else 0))
    return node[0].to_bytes(32, "big")


@lru_cache(maxsize=32)
def _keyset_node(seed: bytes, keyset_int: int) -> _Node:
    # m/129372'/0'/keyset' is the same for every counter: caching it turns a 300-counter restore from
    # 300 × 6 HMAC+EC steps into 300 × 3. Cached per (seed, keyset), bounded so it cannot grow forever.
    node = _master(seed)
    for index in (_PURPOSE, 0, keyset_int):
        node = _child(node, index + _HARDENED)
    return node


def _derive_v1(seed: bytes, keyset_id: str, counter: int) -> tuple[bytes, bytes]:
    counter_node = _child(_keyset_node(seed, keyset_id_to_int(keyset_id)), counter + _HARDENED)
    # The secret (…/0) and r (…/1) are both non-hardened children of the counter node: one ``·G`` for both
    # (a coincurve PrivateKey per child cost four).
    public = _public(counter_node[0])
    secret = _child(counter_node, 0, public)[0]
    r = _child(counter_node, 1, public)[0]
    return secret.to_bytes(32, "big"), r.to_bytes(32, "big")


def _derive_v2(seed: bytes, keyset_id: str, counter: int) -> tuple[bytes, bytes]:
    msg = _V2_TAG + _keyset_bytes(keyset_id) + counter.to_bytes(8, "big")
    secret = hmac.new(seed, msg + b"\x00", hashlib.sha256).digest()
    r = int.from_bytes(hmac.new(seed, msg + b"\x01", hashlib.sha256).digest(), "big") % CURVE_ORDER
    if r == 0:
        raise CryptoError(t("derived r is zero"))  # pragma: no cover - probability 2^-256
    return secret, r.to_bytes(32, "big")


def derive_secret_and_r(seed: bytes, keyset_id: str, counter: int) -> tuple[str, bytes]:
    """``(secret as 64-char hex, r as 32 bytes)`` for one counter value of one keyset."""
    if counter < 0:
        raise CryptoError(t("the derivation counter cannot be negative"))
    version = keyset_id[:2]
    if version == "00":
        if counter >= _HARDENED:
            raise CryptoError(t("the derivation counter is too large for a BIP32 index"))
        secret, r = _derive_v1(seed, keyset_id, counter)
    elif version == "01":
        if counter >= 2**64:
            raise CryptoError(t("the derivation counter does not fit 64 bits"))
        secret, r = _derive_v2(seed, keyset_id, counter)
    else:
        raise KeysetError(t("keyset id {0!r} has an unknown version (expected 00 or 01)").format(keyset_id))
    return secret.hex(), r


def derive_range(seed: bytes, keyset_id: str, start: int, count: int) -> Iterator[tuple[int, str, bytes]]:
    """``(counter, secret, r)`` for ``count`` consecutive counters from ``start`` (a restore batch)."""
    for counter in range(start, start + count):
        secret, r = derive_secret_and_r(seed, keyset_id, counter)
        yield counter, secret, r
