"""bech32/bech32m without the 90-character limit (BIP-173 and BIP-350 test strings)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import ProtocolError
from core.protocol.bech32 import Variant, bech32_decode, bech32_encode, convert_bits


@pytest.mark.parametrize(
    ("text", "variant"),
    [
        ("A12UEL5L", Variant.BECH32),
        ("a12uel5l", Variant.BECH32),
        ("abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", Variant.BECH32),
        ("A1LQFN3A", Variant.BECH32M),
        ("a1lqfn3a", Variant.BECH32M),
        ("abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx", Variant.BECH32M),
        ("split1checkupstagehandshakeupstreamerranterredcaperredlc445v", Variant.BECH32M),
    ],
)
def test_bip_vectors(text: str, variant: Variant) -> None:
    assert bech32_decode(text).variant is variant


@pytest.mark.parametrize(
    "text",
    [
        "A1G7SGD8",  # checksum computed over the upper-case human-readable part
        "a12UEL5L",  # mixed case
        "1qzzfhee",  # empty human-readable part
        "a1lqfn3b",  # checksum off by one character
        "abc1bbbbbb",  # 'b' is not in the charset
        "x1\x7f12345",
        "pzry9x0s0muk",  # no separator
    ],
)
def test_invalid_strings(text: str) -> None:
    with pytest.raises(ProtocolError):
        bech32_decode(text)


@given(st.binary(max_size=2000), st.sampled_from(list(Variant)))
def test_round_trip_at_any_length(data: bytes, variant: Variant) -> None:
    encoded = bech32_encode("creqb", data, variant)
    decoded = bech32_decode(encoded.upper())
    assert (decoded.hrp, decoded.data, decoded.variant) == ("creqb", data, variant)


def test_convert_bits_rejects_non_zero_padding() -> None:
    assert convert_bits([0b11111, 0b11100], 5, 8, pad=False) == [0xFF]
    with pytest.raises(ProtocolError):
        convert_bits([0b11111, 0b11101], 5, 8, pad=False)
