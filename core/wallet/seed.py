"""The wallet's BIP39 mnemonic: creation, validation, and encryption at rest with the user's password.

The encrypted form is ``ndscrypt$<log2 N>$<r>$<p>$<salt hex>$<nonce hex>$<ciphertext hex>``: scrypt (N = 2^17,
r = 8, p = 1: 128 MiB and about half a second, so each guess at a stolen copy costs as much) derives a 32-byte key
from the password and a random salt; AES-256-GCM authenticates, so a wrong password is detected rather than
producing garbage words. The parameters travel with the value, so they can be raised again later. The first form,
``scrypt$<salt hex>$<nonce hex>$<ciphertext hex>`` (N = 2^15), is still read; ``needs_upgrade`` says when a stored
value should be written again in the new form (``WalletService.unlock`` does it).
"""

from __future__ import annotations

import hashlib
import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from mnemonic import Mnemonic

from core.errors import InvalidPassword, UserFacingError
from core.i18n import t

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "check_new_password",
    "decrypt_secret",
    "encrypt_secret",
    "is_encrypted",
    "needs_upgrade",
    "new_mnemonic",
    "normalize_mnemonic",
]

_LEGACY_PREFIX = "scrypt"  # N = 2^15, no parameters stored
_PREFIX = "ndscrypt"
_LOG2_N = 17
_R = 8
_P = 1
# scrypt needs 128 * r * N bytes; the highest N we accept must fit.
_MAX_LOG2_N = 20
MIN_PASSWORD_LENGTH = 8


def check_new_password(password: str) -> None:
    """Refuse a new password too short to resist guessing (the KDF slows each guess, it cannot save "1234")."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserFacingError(t("the password must be at least {0} characters long").format(MIN_PASSWORD_LENGTH))


def new_mnemonic() -> str:
    """Twelve fresh words (128 bits of entropy)."""
    return str(Mnemonic("english").generate(strength=128))


def normalize_mnemonic(words: str) -> str:
    """Lower-case, single-spaced words; raises when the words or their checksum are wrong."""
    normalized = " ".join(words.lower().split())
    if not normalized:
        raise UserFacingError(t("no recovery words given"))
    mnemo = Mnemonic("english")
    unknown = [w for w in normalized.split() if w not in mnemo.wordlist]
    if unknown:
        raise UserFacingError(t("not BIP39 words: {0}").format(", ".join(unknown[:3])))
    if len(normalized.split()) not in (12, 15, 18, 21, 24) or not mnemo.check(normalized):
        raise UserFacingError(t("the recovery words are incomplete or mistyped (checksum does not match)"))
    return normalized


def _key(password: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    if not (14 <= log2_n <= _MAX_LOG2_N and 1 <= r <= 16 and 1 <= p <= 4):
        raise ValueError(t("unsupported scrypt parameters"))  # a forged value must not cost gigabytes
    n = 2**log2_n
    return hashlib.scrypt(password.encode(), salt=salt, n=n, r=r, p=p, maxmem=2 * 128 * r * n, dklen=32)


def encrypt_secret(plaintext: str, password: str) -> str:
    salt = os.urandom(16)
    nonce = os.urandom(12)
    ciphertext = AESGCM(_key(password, salt, _LOG2_N, _R, _P)).encrypt(nonce, plaintext.encode(), None)
    return f"{_PREFIX}${_LOG2_N}${_R}${_P}${salt.hex()}${nonce.hex()}${ciphertext.hex()}"


def is_encrypted(stored: str) -> bool:
    return stored.startswith((_PREFIX + "$", _LEGACY_PREFIX + "$"))


def needs_upgrade(stored: str) -> bool:
    """True for a value encrypted with weaker parameters than today's."""
    if stored.startswith(_LEGACY_PREFIX + "$"):
        return True
    parts = stored.split("$")
    return stored.startswith(_PREFIX + "$") and len(parts) == 7 and parts[1].isdigit() and int(parts[1]) < _LOG2_N


def decrypt_secret(stored: str, password: str) -> str:
    try:
        parts = stored.split("$")
        if parts[0] == _LEGACY_PREFIX:
            _, salt, nonce, ciphertext = parts
            log2_n, r, p = 15, 8, 1
        else:
            _, n_text, r_text, p_text, salt, nonce, ciphertext = parts
            log2_n, r, p = int(n_text), int(r_text), int(p_text)
        plaintext = AESGCM(_key(password, bytes.fromhex(salt), log2_n, r, p)).decrypt(
            bytes.fromhex(nonce), bytes.fromhex(ciphertext), None
        )
    except InvalidTag as exc:
        raise InvalidPassword(t("wrong password")) from exc
    except ValueError as exc:
        raise InvalidPassword(t("the stored secret is damaged")) from exc
    return plaintext.decode()
