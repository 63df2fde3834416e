"""The wallet's BIP39 mnemonic: creation, validation, and encryption at rest with the user's password.

The encrypted form is ``scrypt$<salt hex>$<nonce hex>$<ciphertext hex>``: scrypt (n=2^15, r=8, p=1) derives
a 32-byte key from the password and a random salt; AES-256-GCM authenticates, so a wrong password is
detected rather than producing garbage words.
"""

from __future__ import annotations

import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from mnemonic import Mnemonic

from core.errors import InvalidPassword, UserFacingError

__all__ = ["decrypt_secret", "encrypt_secret", "is_encrypted", "new_mnemonic", "normalize_mnemonic"]

_SCRYPT_N = 2**15
_PREFIX = "scrypt"


def new_mnemonic() -> str:
    """Twelve fresh words (128 bits of entropy)."""
    return str(Mnemonic("english").generate(strength=128))


def normalize_mnemonic(words: str) -> str:
    """Lower-case, single-spaced words; raises when the words or their checksum are wrong."""
    normalized = " ".join(words.lower().split())
    if not normalized:
        raise UserFacingError("no recovery words given")
    mnemo = Mnemonic("english")
    unknown = [w for w in normalized.split() if w not in mnemo.wordlist]
    if unknown:
        raise UserFacingError(f"not BIP39 words: {', '.join(unknown[:3])}")
    if len(normalized.split()) not in (12, 15, 18, 21, 24) or not mnemo.check(normalized):
        raise UserFacingError("the recovery words are incomplete or mistyped (checksum does not match)")
    return normalized


def _key(password: str, salt: bytes) -> bytes:
    return hashlib.scrypt(password.encode(), salt=salt, n=_SCRYPT_N, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=32)


def encrypt_secret(plaintext: str, password: str) -> str:
    salt = os.urandom(16)
    nonce = os.urandom(12)
    ciphertext = AESGCM(_key(password, salt)).encrypt(nonce, plaintext.encode(), None)
    return f"{_PREFIX}${salt.hex()}${nonce.hex()}${ciphertext.hex()}"


def is_encrypted(stored: str) -> bool:
    return stored.startswith(_PREFIX + "$")


def decrypt_secret(stored: str, password: str) -> str:
    try:
        _, salt, nonce, ciphertext = stored.split("$")
        plaintext = AESGCM(_key(password, bytes.fromhex(salt))).decrypt(
            bytes.fromhex(nonce), bytes.fromhex(ciphertext), None
        )
    except InvalidTag as exc:
        raise InvalidPassword("wrong password") from exc
    except ValueError as exc:
        raise InvalidPassword("the stored secret is damaged") from exc
    return plaintext.decode()
