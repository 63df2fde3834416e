"""NUT-27 mint-list backup over Nostr: a Nostr key derived from the wallet's mnemonic.

The wallet publishes its list of mints, encrypted to itself, under a Nostr key that anyone holding the
same 12 words can re-derive, so a restore knows which mints to ask (NUT-09/13 cannot enumerate mints)::

    sk = sha256(bip39_seed ‖ "cashu-mint-backup")
    pk = x-only(sk·G)          (the Nostr public key, 32 bytes)

A separate domain keeps this key unrelated to every ecash secret derived from the same seed.

The backup is an addressable NIP-78 event (kind 30078, ``d`` tag ``mint-list``) whose content is NIP-44 v2
encrypted from that key to itself; the plaintext is ``{"mints": [url, …], "timestamp": unix seconds}``.
The newest event wins (relays keep only the latest of an addressable event, but a restore may ask several).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from urllib.parse import urlparse

from coincurve import PrivateKey

from core.errors import CryptoError, MalformedInput, ProtocolError
from core.i18n import t
from core.protocol.derivation import mnemonic_to_seed
from core.protocol.ec import CURVE_ORDER, sha256
from core.protocol.jsonread import read_json

__all__ = [
    "BACKUP_KIND",
    "DOMAIN_SEPARATOR",
    "D_TAG",
    "MintListBackup",
    "backup_key_from_mnemonic",
    "backup_key_from_seed",
    "backup_keypair_hex",
    "backup_plaintext",
    "backup_tags",
    "parse_backup_plaintext",
]

DOMAIN_SEPARATOR = b"cashu-mint-backup"
BACKUP_KIND = 30078  # NIP-78 application data, addressable
D_TAG = "mint-list"
MAX_MINTS = 500  # a restore must not add thousands of "mints" from a hostile or corrupted backup
MAX_URL_LENGTH = 512


def backup_key_from_seed(seed: bytes) -> PrivateKey:
    """The NUT-27 backup private key from the 64-byte BIP39 seed."""
    digest = sha256(seed + DOMAIN_SEPARATOR)
    if not 0 < int.from_bytes(digest, "big") < CURVE_ORDER:
        raise CryptoError(t("backup key out of range"))  # pragma: no cover - probability ~2^-128
    return PrivateKey(digest)


def backup_key_from_mnemonic(mnemonic: str, passphrase: str = "") -> PrivateKey:
    """The NUT-27 backup private key from the recovery words."""
    return backup_key_from_seed(mnemonic_to_seed(mnemonic, passphrase))


def backup_keypair_hex(seed: bytes) -> tuple[str, str]:
    """``(secret key hex, x-only public key hex)``, the forms Nostr tools use."""
    key = backup_key_from_seed(seed)
    return key.to_int().to_bytes(32, "big").hex(), key.public_key.format(compressed=True)[1:].hex()


@dataclass(frozen=True)
class MintListBackup:
    mints: tuple[str, ...]
    timestamp: int


def backup_plaintext(mints: list[str] | tuple[str, ...], timestamp: int) -> str:
    """The JSON that gets encrypted (mints deduplicated, order kept)."""
    return json.dumps({"mints": list(dict.fromkeys(mints)), "timestamp": int(timestamp)}, separators=(",", ":"))


def backup_tags(client: str = "nutdesk") -> list[list[str]]:
    return [["d", D_TAG], ["client", client]]


def parse_backup_plaintext(text: str) -> MintListBackup:
    """Decrypted content back to a checked mint list: only http(s) URLs, bounded in number and length."""
    try:
        data = read_json(text)
    except MalformedInput as exc:  # from a relay: bounded, like every network read
        raise ProtocolError(t("the mint-list backup is not JSON")) from exc
    if not isinstance(data, dict) or not isinstance(data.get("mints"), list):
        raise ProtocolError(t("the mint-list backup has no mints list"))
    timestamp = data.get("timestamp", 0)
    if not isinstance(timestamp, int) or isinstance(timestamp, bool):
        raise ProtocolError(t("the mint-list backup timestamp is not an integer"))
    mints: list[str] = []
    for url in data["mints"][: MAX_MINTS + 1]:
        if not isinstance(url, str) or len(url) > MAX_URL_LENGTH:
            raise ProtocolError(t("a mint in the backup is not a URL"))
        try:
            parsed = urlparse(url.strip())
            host = parsed.hostname  # raises for a malformed [IPv6] part
        except ValueError as exc:
            raise ProtocolError(t("a mint in the backup is not a URL: {0!r}").format(url[:80])) from exc
        if parsed.scheme not in ("http", "https") or not host:
            raise ProtocolError(t("a mint in the backup is not an http(s) URL: {0!r}").format(url[:80]))
        mints.append(url.strip())
    if len(mints) > MAX_MINTS:
        raise ProtocolError(t("the mint-list backup names more than {0} mints").format(MAX_MINTS))
    return MintListBackup(tuple(dict.fromkeys(mints)), timestamp)
