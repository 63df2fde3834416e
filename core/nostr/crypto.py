"""Nostr cryptography without I/O, on coincurve + cryptography: keys (hex, NIP-19 npub/nsec/nprofile),
events (NIP-01 id, BIP-340 signature, verification), NIP-04 and NIP-44 v2 encryption.

NIP-44 v2: conversation key = HKDF-extract(salt "nip44-v2", ECDH x); per message HKDF-expand(conversation key,
nonce, 76) → ChaCha20 key, ChaCha20 nonce, HMAC key; padded plaintext (u16 length prefix, power-of-two chunks);
payload = base64(0x02 ‖ nonce ‖ ciphertext ‖ HMAC-SHA256(nonce ‖ ciphertext)).

Checked against nostr-sdk's independent implementation in tests/unit/test_backend_nostr.py and
tests/unit/test_nostr_nip17.py.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import os
import struct
import time
from dataclasses import dataclass
from typing import Any

import coincurve
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from core.errors import CryptoError, ProtocolError
from core.i18n import t
from core.protocol.bech32 import Variant, bech32_decode, bech32_encode

__all__ = [
    "NostrError",
    "NostrKeys",
    "conversation_key",
    "event_id",
    "nip04_decrypt",
    "nip04_encrypt",
    "nip44_decrypt",
    "nip44_encrypt",
    "nprofile_encode",
    "npub_decode",
    "npub_encode",
    "nsec_encode",
    "sign_event",
    "verify_event",
]


class NostrError(CryptoError):
    """Bad keys, a payload that does not decrypt or authenticate, a bad event signature."""

    code = "nostr-error"


@dataclass(frozen=True)
class NostrKeys:
    secret: bytes

    @classmethod
    def from_hex(cls, secret_hex: str) -> NostrKeys:
        try:
            secret = bytes.fromhex(secret_hex)
            coincurve.PrivateKey(secret)
        except ValueError as exc:
            raise NostrError(t("not a valid secret key")) from exc
        return cls(secret)

    @classmethod
    def parse(cls, text: str) -> NostrKeys:
        """A secret key as 64 hex characters or a NIP-19 ``nsec``."""
        text = text.strip()
        if text.lower().startswith("nsec1"):
            try:
                decoded = bech32_decode(text)
            except ProtocolError as exc:
                raise NostrError(t("not a valid nsec: {0}").format(exc)) from exc
            if decoded.hrp != "nsec" or len(decoded.data) != 32:
                raise NostrError(t("not a valid nsec"))
            return cls.from_hex(decoded.data.hex())
        return cls.from_hex(text)

    @classmethod
    def generate(cls) -> NostrKeys:
        return cls(coincurve.PrivateKey().secret)

    @property
    def public_hex(self) -> str:
        return coincurve.PublicKeyXOnly.from_secret(self.secret).format().hex()

    @property
    def npub(self) -> str:
        return npub_encode(self.public_hex)

    @property
    def nsec(self) -> str:
        return nsec_encode(self.secret)

    def __repr__(self) -> str:  # never print the secret
        return f"NostrKeys(public={self.public_hex})"


# --- NIP-19 --------------------------------------------------------------------------------------


def npub_encode(public_hex: str) -> str:
    return bech32_encode("npub", _xonly(public_hex), Variant.BECH32)


def nsec_encode(secret: bytes) -> str:
    return bech32_encode("nsec", secret, Variant.BECH32)


def npub_decode(text: str) -> str:
    """The hex public key of an ``npub`` (64 hex characters pass through)."""
    text = text.strip()
    if len(text) == 64:
        return _xonly(text).hex()
    try:
        decoded = bech32_decode(text)
    except ProtocolError as exc:
        raise NostrError(t("not a valid npub: {0}").format(exc)) from exc
    if decoded.hrp != "npub" or len(decoded.data) != 32:
        raise NostrError(t("not a valid npub"))
    return decoded.data.hex()


def nprofile_encode(public_hex: str, relays: list[str] | tuple[str, ...]) -> str:
    """NIP-19 ``nprofile``: TLV 0 = the key, TLV 1 = each relay URL."""
    data = bytes([0, 32]) + _xonly(public_hex)
    for relay in relays:
        raw = relay.encode()
        if len(raw) > 0xFF:
            raise NostrError(t("a relay URL is too long for an nprofile"))
        data += bytes([1, len(raw)]) + raw
    return bech32_encode("nprofile", data, Variant.BECH32)


def _xonly(public_hex: str) -> bytes:
    try:
        raw = bytes.fromhex(public_hex)
        coincurve.PublicKeyXOnly(raw)
    except ValueError as exc:
        raise NostrError(t("not a valid public key: {0}…").format(public_hex[:16])) from exc
    return raw


def _shared_x(secret: bytes, public_hex: str) -> bytes:
    try:
        point = coincurve.PublicKey(b"\x02" + bytes.fromhex(public_hex))
    except ValueError as exc:
        raise NostrError(t("not a valid public key: {0}…").format(public_hex[:16])) from exc
    return point.multiply(secret).format(compressed=True)[1:]


# --- NIP-04 --------------------------------------------------------------------------------------


def nip04_encrypt(secret: bytes, public_hex: str, plaintext: str) -> str:
    key = _shared_x(secret, public_hex)
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    data = padder.update(plaintext.encode()) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    ciphertext = encryptor.update(data) + encryptor.finalize()
    return f"{base64.b64encode(ciphertext).decode()}?iv={base64.b64encode(iv).decode()}"


def nip04_decrypt(secret: bytes, public_hex: str, payload: str) -> str:
    try:
        body, _, iv_part = payload.partition("?iv=")
        ciphertext, iv = base64.b64decode(body), base64.b64decode(iv_part)
        decryptor = Cipher(algorithms.AES(_shared_x(secret, public_hex)), modes.CBC(iv)).decryptor()
        data = decryptor.update(ciphertext) + decryptor.finalize()
        unpadder = padding.PKCS7(128).unpadder()
        return (unpadder.update(data) + unpadder.finalize()).decode()
    except (ValueError, UnicodeDecodeError) as exc:
        raise NostrError(t("NIP-04 payload does not decrypt: {0}").format(exc)) from exc


# --- NIP-44 v2 -----------------------------------------------------------------------------------


def conversation_key(secret: bytes, public_hex: str) -> bytes:
    return hmac.new(b"nip44-v2", _shared_x(secret, public_hex), hashlib.sha256).digest()


def _message_keys(conv_key: bytes, nonce: bytes) -> tuple[bytes, bytes, bytes]:
    # HKDF-expand with SHA-256 to 76 bytes.
    okm, block = b"", b""
    for counter in range(1, 4):
        block = hmac.new(conv_key, block + nonce + bytes([counter]), hashlib.sha256).digest()
        okm += block
    return okm[:32], okm[32:44], okm[44:76]


def _padded_len(length: int) -> int:
    if length <= 32:
        return 32
    next_power = 1 << (math.floor(math.log2(length - 1)) + 1)
    chunk = 32 if next_power <= 256 else next_power // 8
    return chunk * ((length - 1) // chunk + 1)


def _chacha(key: bytes, nonce: bytes, data: bytes) -> bytes:
    cipher = Cipher(algorithms.ChaCha20(key, b"\x00\x00\x00\x00" + nonce), mode=None)
    encryptor = cipher.encryptor()
    return encryptor.update(data) + encryptor.finalize()


def nip44_encrypt(secret: bytes, public_hex: str, plaintext: str, *, nonce: bytes | None = None) -> str:
    raw = plaintext.encode()
    if not 1 <= len(raw) <= 65535:
        raise NostrError(t("NIP-44 plaintext must be 1–65535 bytes"))
    nonce = nonce or os.urandom(32)
    chacha_key, chacha_nonce, hmac_key = _message_keys(conversation_key(secret, public_hex), nonce)
    padded = struct.pack(">H", len(raw)) + raw + b"\x00" * (_padded_len(len(raw)) - len(raw))
    ciphertext = _chacha(chacha_key, chacha_nonce, padded)
    mac = hmac.new(hmac_key, nonce + ciphertext, hashlib.sha256).digest()
    return base64.b64encode(b"\x02" + nonce + ciphertext + mac).decode()


def nip44_decrypt(secret: bytes, public_hex: str, payload: str) -> str:
    try:
        data = base64.b64decode(payload, validate=True)
    except ValueError as exc:
        raise NostrError(t("NIP-44 payload is not base64")) from exc
    if len(data) < 99 or data[0] != 2:
        raise NostrError(t("unknown NIP-44 version or a payload too short"))
    nonce, ciphertext, mac = data[1:33], data[33:-32], data[-32:]
    chacha_key, chacha_nonce, hmac_key = _message_keys(conversation_key(secret, public_hex), nonce)
    if not hmac.compare_digest(mac, hmac.new(hmac_key, nonce + ciphertext, hashlib.sha256).digest()):
        raise NostrError(t("NIP-44 payload does not authenticate"))
    padded = _chacha(chacha_key, chacha_nonce, ciphertext)
    length = struct.unpack(">H", padded[:2])[0]
    if not 1 <= length <= len(padded) - 2 or len(padded) != 2 + _padded_len(length):
        raise NostrError(t("NIP-44 padding is invalid"))
    try:
        return padded[2 : 2 + length].decode()
    except UnicodeDecodeError as exc:
        raise NostrError(t("NIP-44 plaintext is not UTF-8")) from exc


# --- events --------------------------------------------------------------------------------------


def event_id(pubkey: str, created_at: int, kind: int, tags: list[list[str]], content: str) -> str:
    serialized = json.dumps([0, pubkey, created_at, kind, tags, content], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(serialized.encode()).hexdigest()


def sign_event(
    keys: NostrKeys, kind: int, content: str, tags: list[list[str]], created_at: int | None = None
) -> dict[str, Any]:
    created = int(time.time()) if created_at is None else created_at
    pubkey = keys.public_hex
    eid = event_id(pubkey, created, kind, tags, content)
    sig = coincurve.PrivateKey(keys.secret).sign_schnorr(bytes.fromhex(eid))
    return {"id": eid, "pubkey": pubkey, "created_at": created, "kind": kind, "tags": tags, "content": content,
            "sig": sig.hex()}  # fmt: skip


def verify_event(event: dict[str, Any]) -> bool:
    try:
        eid = event_id(event["pubkey"], int(event["created_at"]), int(event["kind"]), event["tags"], event["content"])
        if eid != event["id"]:
            return False
        key = coincurve.PublicKeyXOnly(bytes.fromhex(event["pubkey"]))
        return bool(key.verify(bytes.fromhex(event["sig"]), bytes.fromhex(eid)))
    except Exception:  # anything a stranger's event makes us trip over (1e300 as a kind, a list as a key) is "invalid"
        return False
