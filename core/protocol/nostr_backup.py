"""NUT-27 mint-list backup over Nostr: a Nostr key derived from the wallet's mnemonic.

The wallet publishes its list of mints, encrypted to itself, under a Nostr key that anyone holding the
same 12 words can re-derive, so a restore knows which mints to ask (NUT-09/13 cannot enumerate mints)::

    sk = sha256(bip39_seed ‖ "cashu-mint-backup")
    pk = x-only(sk·G)          (the Nostr public key, 32 bytes)

A separate domain keeps this key unrelated to every ecash secret derived from the same seed.
"""

from __future__ import annotations

from coincurve import PrivateKey

from core.errors import CryptoError
from core.protocol.derivation import mnemonic_to_seed
from core.protocol.ec import CURVE_ORDER, sha256

__all__ = ["DOMAIN_SEPARATOR", "backup_key_from_mnemonic", "backup_key_from_seed", "backup_keypair_hex"]

DOMAIN_SEPARATOR = b"cashu-mint-backup"


def backup_key_from_seed(seed: bytes) -> PrivateKey:
    """The NUT-27 backup private key from the 64-byte BIP39 seed."""
    digest = sha256(seed + DOMAIN_SEPARATOR)
    if not 0 < int.from_bytes(digest, "big") < CURVE_ORDER:
        raise CryptoError("backup key out of range")  # pragma: no cover - probability ~2^-128
    return PrivateKey(digest)


def backup_key_from_mnemonic(mnemonic: str, passphrase: str = "") -> PrivateKey:
    """The NUT-27 backup private key from the recovery words."""
    return backup_key_from_seed(mnemonic_to_seed(mnemonic, passphrase))


def backup_keypair_hex(seed: bytes) -> tuple[str, str]:
    """``(secret key hex, x-only public key hex)``, the forms Nostr tools use."""
    key = backup_key_from_seed(seed)
    return key.to_int().to_bytes(32, "big").hex(), key.public_key.format(compressed=True)[1:].hex()
