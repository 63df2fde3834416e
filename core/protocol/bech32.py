"""Bech32 and bech32m (BIP-173 / BIP-350) without the 90-character limit.

NUT-26 ``creqb1…`` requests and NIP-19 ``nprofile1…`` strings are routinely longer than 90 characters, which
the reference libraries reject. The checksum still detects errors well past that length for our purposes,
so the limit is simply not applied here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from core.errors import ProtocolError
from core.i18n import t

__all__ = ["Bech32Data", "Variant", "bech32_decode", "bech32_encode", "convert_bits"]

_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_CHAR_VALUES = {char: value for value, char in enumerate(_CHARSET)}
_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


class Variant(Enum):
    """Which checksum constant the string uses."""

    BECH32 = 1
    BECH32M = 0x2BC830A3


@dataclass(frozen=True)
class Bech32Data:
    """A decoded string: lowercase human-readable part, the payload as 8-bit bytes, and the checksum variant."""

    hrp: str
    data: bytes
    variant: Variant


def _polymod(values: list[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for index, generator in enumerate(_GENERATOR):
            if (top >> index) & 1:
                checksum ^= generator
    return checksum


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(char) >> 5 for char in hrp] + [0] + [ord(char) & 31 for char in hrp]


def convert_bits(data: bytes | list[int], from_bits: int, to_bits: int, *, pad: bool) -> list[int]:
    """Regroup ``data`` from ``from_bits``-bit to ``to_bits``-bit values (BIP-173 reference algorithm).

    Without ``pad``, leftover bits must be fewer than ``from_bits`` and all zero, as BIP-173 requires.
    """
    accumulator = 0
    bits = 0
    out: list[int] = []
    max_value = (1 << to_bits) - 1
    for value in data:
        if value < 0 or value >> from_bits:
            raise ProtocolError(t("bech32: value {0} does not fit in {1} bits").format(value, from_bits))
        accumulator = ((accumulator << from_bits) | value) & ((1 << (from_bits + to_bits)) - 1)
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            out.append((accumulator >> bits) & max_value)
    if pad:
        if bits:
            out.append((accumulator << (to_bits - bits)) & max_value)
    elif bits >= from_bits or ((accumulator << (to_bits - bits)) & max_value):
        raise ProtocolError(t("bech32: invalid padding bits"))
    return out


def bech32_encode(hrp: str, data: bytes, variant: Variant = Variant.BECH32M) -> str:
    """Encode 8-bit ``data`` under ``hrp``; the result is lowercase (callers may upper-case it for QR codes)."""
    hrp = hrp.lower()
    if not hrp or any(not 33 <= ord(char) <= 126 for char in hrp):
        raise ProtocolError(t("bech32: invalid human-readable part"))
    words = convert_bits(data, 8, 5, pad=True)
    polymod = _polymod([*_hrp_expand(hrp), *words, 0, 0, 0, 0, 0, 0]) ^ variant.value
    checksum = [(polymod >> 5 * (5 - index)) & 31 for index in range(6)]
    return hrp + "1" + "".join(_CHARSET[word] for word in words + checksum)


def bech32_decode(text: str) -> Bech32Data:
    """Decode a bech32 or bech32m string of any length. Raises ``ProtocolError`` when it is not valid."""
    if any(not 33 <= ord(char) <= 126 for char in text):
        raise ProtocolError(t("bech32: invalid character"))
    # Mixed case is forbidden by BIP-173: it means the string was mangled.
    if text.lower() != text and text.upper() != text:
        raise ProtocolError(t("bech32: mixed upper and lower case"))
    text = text.lower()
    separator = text.rfind("1")
    if separator < 1 or separator + 7 > len(text):
        raise ProtocolError(t("bech32: missing separator, human-readable part or checksum"))
    hrp = text[:separator]
    try:
        words = [_CHAR_VALUES[char] for char in text[separator + 1 :]]
    except KeyError as exc:
        raise ProtocolError(t("bech32: invalid data character {0!r}").format(exc.args[0])) from exc
    constant = _polymod(_hrp_expand(hrp) + words)
    variant = next((candidate for candidate in Variant if candidate.value == constant), None)
    if variant is None:
        raise ProtocolError(t("bech32: checksum mismatch"))
    data = bytes(convert_bits(words[:-6], 5, 8, pad=False))
    return Bech32Data(hrp=hrp, data=data, variant=variant)
