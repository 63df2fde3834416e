"""Keysets (NUT-01, NUT-02): key-map validation, keyset id derivation and short-id expansion.

A wallet must never trust the id a mint announces: it recomputes it from the keys (v1 ``00…`` or
v2 ``01…``) and refuses a mismatch, otherwise a mint could pass off one keyset's keys as another's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import coincurve

from core.errors import KeysetError
from core.i18n import t

__all__ = [
    "SHORT_ID_HEX_LENGTH",
    "Keyset",
    "derive_keyset_id",
    "derive_keyset_id_v1",
    "derive_keyset_id_v2",
    "expand_short_id",
    "short_id",
    "validate_keys",
    "verify_keyset_id",
]

V1_PREFIX = "00"
V2_PREFIX = "01"
V1_HEX_LENGTH = 16
V2_HEX_LENGTH = 66
# V4 tokens may carry only the first 8 bytes of a v2 id.
SHORT_ID_HEX_LENGTH = 16
_HEX_DIGITS = frozenset("0123456789abcdef")


@dataclass(frozen=True)
class Keyset:
    """One keyset of a mint. ``keys`` maps an amount to the mint's compressed public key (hex)."""

    id: str
    unit: str
    keys: Mapping[int, str] = field(hash=False)
    active: bool = True
    input_fee_ppk: int = 0
    final_expiry: int | None = None

    @property
    def amounts(self) -> list[int]:
        """The denominations this keyset can sign, ascending."""
        return sorted(self.keys)

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, active: bool | None = None) -> Keyset:
        """Build from a ``/v1/keys`` entry (``id, unit, keys`` and optionally ``active, input_fee_ppk,
        final_expiry``), validating the keys. The id is *not* verified here: call ``verify_keyset_id``."""
        try:
            keyset_id = data["id"]
            unit = data["unit"]
            raw_keys = data["keys"]
        except (KeyError, TypeError) as exc:
            raise KeysetError(t("keyset entry lacks id, unit or keys: {0}").format(exc)) from exc
        fee = data.get("input_fee_ppk") or 0
        expiry = data.get("final_expiry")
        if not isinstance(keyset_id, str) or not isinstance(unit, str):
            raise KeysetError(t("keyset id and unit must be strings"))
        if not isinstance(fee, int) or isinstance(fee, bool) or fee < 0:
            raise KeysetError(t("invalid input_fee_ppk {0!r}").format(fee))
        if expiry is not None and (not isinstance(expiry, int) or isinstance(expiry, bool)):
            raise KeysetError(t("invalid final_expiry {0!r}").format(expiry))
        if active is None:
            active = bool(data.get("active", True))
        return cls(
            id=keyset_id.lower(),
            unit=unit,
            keys=validate_keys(raw_keys),
            active=active,
            input_fee_ppk=fee,
            final_expiry=expiry,
        )


def _parse_amount(raw: object) -> int:
    # JSON object keys are decimal strings; 2^63 does not fit an int64, so parse to an unbounded int.
    if isinstance(raw, bool):
        raise KeysetError(t("invalid key amount {0!r}").format(raw))
    if isinstance(raw, int):
        amount = raw
    elif isinstance(raw, str) and raw.isascii() and raw.isdigit():
        amount = int(raw)
    else:
        raise KeysetError(t("invalid key amount {0!r}").format(raw))
    if amount <= 0:
        raise KeysetError(t("key amount must be positive, got {0!r}").format(raw))
    return amount


def _validate_pubkey(amount: int, raw: object) -> str:
    if not isinstance(raw, str) or len(raw) != 66 or raw[:2] not in ("02", "03"):
        raise KeysetError(t("key for amount {0} is not a 33-byte compressed public key").format(amount))
    pubkey = raw.lower()
    if not set(pubkey) <= _HEX_DIGITS:
        raise KeysetError(t("key for amount {0} is not hex").format(amount))
    try:
        coincurve.PublicKey(bytes.fromhex(pubkey))
    except ValueError as exc:
        raise KeysetError(t("key for amount {0} is not a point on secp256k1").format(amount)) from exc
    return pubkey


def validate_keys(raw_keys: object) -> dict[int, str]:
    """Check a key map as a mint sends it (``{"1": "02…", …}``) and return it with int amounts.

    Every value must be a 33-byte compressed SEC1 point that lies on the curve; amounts are positive
    integers of any size. Raises ``KeysetError`` otherwise.
    """
    if not isinstance(raw_keys, Mapping) or not raw_keys:
        raise KeysetError(t("a keyset needs a non-empty key map"))
    keys: dict[int, str] = {}
    for raw_amount, raw_pubkey in raw_keys.items():
        amount = _parse_amount(raw_amount)
        if amount in keys:
            raise KeysetError(t("duplicate key amount {0}").format(amount))
        keys[amount] = _validate_pubkey(amount, raw_pubkey)
    return keys


def derive_keyset_id_v1(keys: Mapping[int, str]) -> str:
    """Deprecated v1 id: ``"00"`` + first 14 hex of sha256 over the pubkey bytes sorted by amount."""
    digest = hashlib.sha256(b"".join(bytes.fromhex(keys[amount]) for amount in sorted(keys))).hexdigest()
    return V1_PREFIX + digest[:14]


def derive_keyset_id_v2(
    keys: Mapping[int, str], unit: str, input_fee_ppk: int = 0, final_expiry: int | None = None
) -> str:
    """v2 id: ``"01"`` + sha256 hex of ``"amt:pub,…|unit:U[|input_fee_ppk:N][|final_expiry:T]"``.

    The fee part is present only when the fee is non-zero, the expiry only when set: changing that
    would change the id of every fee-free keyset.
    """
    preimage = ",".join(f"{amount}:{keys[amount].lower()}" for amount in sorted(keys))
    preimage += f"|unit:{unit}"
    if input_fee_ppk:
        preimage += f"|input_fee_ppk:{input_fee_ppk}"
    if final_expiry is not None:
        preimage += f"|final_expiry:{final_expiry}"
    return V2_PREFIX + hashlib.sha256(preimage.encode()).hexdigest()


def derive_keyset_id(keyset: Keyset) -> str:
    """The id ``keyset`` should have, in the version its announced id claims (v1 or v2)."""
    keyset_id = keyset.id.lower()
    if keyset_id.startswith(V1_PREFIX) and len(keyset_id) == V1_HEX_LENGTH:
        return derive_keyset_id_v1(keyset.keys)
    if keyset_id.startswith(V2_PREFIX) and len(keyset_id) == V2_HEX_LENGTH:
        return derive_keyset_id_v2(keyset.keys, keyset.unit, keyset.input_fee_ppk, keyset.final_expiry)
    raise KeysetError(t("unsupported keyset id version: {0!r}").format(keyset.id))


def verify_keyset_id(keyset: Keyset) -> None:
    """Raise ``KeysetError`` unless the announced id equals the id recomputed from the keys."""
    expected = derive_keyset_id(keyset)
    if expected != keyset.id.lower():
        raise KeysetError(t("keyset id {0} does not match its keys (expected {1})").format(keyset.id, expected))


def short_id(keyset_id: str) -> str:
    """The form a V4 token may carry: the first 8 bytes of a v2 id (a v1 id is already that short)."""
    return keyset_id.lower()[:SHORT_ID_HEX_LENGTH]


def expand_short_id(keyset_id: str, known_full_ids: Iterable[str]) -> str:
    """Map an id taken from a token to the full id of one of the mint's keysets.

    A known full id or v1 id passes through. A 16-hex v2 prefix expands when exactly one known id starts
    with it; raises ``KeysetError`` when none does (unknown keyset) or several do (ambiguous: guessing
    would let a mint route our proofs to the wrong keyset).
    """
    wanted = keyset_id.lower()
    known = {full.lower() for full in known_full_ids}
    if wanted in known:
        return wanted
    if not (wanted.startswith(V2_PREFIX) and len(wanted) == SHORT_ID_HEX_LENGTH):
        raise KeysetError(t("unknown keyset {0}").format(keyset_id))
    matches = sorted(full for full in known if full.startswith(wanted))
    if not matches:
        raise KeysetError(t("unknown keyset {0}").format(keyset_id))
    if len(matches) > 1:
        raise KeysetError(t("short keyset id {0} is ambiguous: {1}").format(keyset_id, ", ".join(matches)))
    return matches[0]
