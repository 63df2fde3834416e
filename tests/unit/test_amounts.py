"""Amount splitting and unit parsing/formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import ProtocolError
from core.protocol.amounts import powers_of_two, split, sum_amounts, sum_by_keyset
from core.protocol.models import Proof
from core.protocol.units import format_amount, parse_amount, unit_info

KEYSET_AMOUNTS = [2**n for n in range(64)]


@given(st.integers(min_value=0, max_value=2**70))
def test_binary_split_sums_to_amount_with_distinct_powers_of_two(amount: int) -> None:
    parts = split(amount)
    assert sum(parts) == amount
    assert parts == sorted(parts)
    assert len(set(parts)) == len(parts)
    assert all(part > 0 and part & (part - 1) == 0 for part in parts)


@given(st.integers(min_value=0, max_value=2**66))
def test_keyset_split_uses_only_the_keysets_denominations(amount: int) -> None:
    parts = split(amount, KEYSET_AMOUNTS)
    assert sum(parts) == amount
    assert parts == sorted(parts)
    assert set(parts) <= set(KEYSET_AMOUNTS)


@given(st.lists(st.integers(min_value=1, max_value=10_000), min_size=1, max_size=6), st.integers(0, 10**6))
def test_split_with_arbitrary_denominations_is_exact_or_refused(denominations: list[int], amount: int) -> None:
    try:
        parts = split(amount, denominations)
    except ProtocolError:
        assert 1 not in denominations
        return
    assert sum(parts) == amount
    assert set(parts) <= set(denominations)
    assert parts == sorted(parts)


def test_split_examples() -> None:
    assert split(13) == [1, 4, 8]
    assert split(0) == []
    assert split(2**63) == [2**63]
    assert split(2**64 + 1, KEYSET_AMOUNTS) == [1, 2**63, 2**63]
    assert split(12, [1, 2, 4]) == [4, 4, 4]
    assert powers_of_two(900) == [4, 128, 256, 512]


def test_unrepresentable_or_negative_amounts_are_refused() -> None:
    with pytest.raises(ProtocolError):
        split(3, [2, 4])
    with pytest.raises(ProtocolError):
        split(-1)
    with pytest.raises(ProtocolError):
        split(-1, KEYSET_AMOUNTS)


def test_sums() -> None:
    proofs = [
        Proof(id=kid, amount=amount, secret=str(amount), C="02") for kid, amount in [("a", 1), ("b", 4), ("a", 8)]
    ]
    assert sum_amounts(proofs) == 13
    assert sum_by_keyset(proofs) == {"a": 9, "b": 4}
    assert sum_amounts([]) == 0


@pytest.mark.parametrize(
    ("amount", "unit", "symbol", "expected"),
    [
        (1000, "sat", True, "1,000 sat"),
        (0, "sat", True, "0 sat"),
        (2**63, "sat", True, "9,223,372,036,854,775,808 sat"),
        (1500, "msat", True, "1,500 msat"),
        (1234, "usd", True, "$12.34"),
        (1234, "usd", False, "12.34 USD"),
        (5, "usd", True, "$0.05"),
        (123456789, "eur", True, "€1,234,567.89"),
        (100, "eur", False, "1.00 EUR"),
        (-250, "usd", True, "-$2.50"),
        (-1000, "sat", True, "-1,000 sat"),
        (7, "btc", True, "7 btc"),
        (1234, "USD", True, "$12.34"),
    ],
)
def test_format_amount(amount: int, unit: str, symbol: bool, expected: str) -> None:
    assert format_amount(amount, unit, symbol=symbol) == expected


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("1000", "sat", 1000),
        (" 1,000 ", "sat", 1000),
        ("1,000 sat", "sat", 1000),
        ("21000000", "msat", 21000000),
        ("12.34", "usd", 1234),
        ("$12.34", "usd", 1234),
        ("12.3 USD", "usd", 1230),
        ("12", "usd", 1200),
        (".5", "eur", 50),
        ("€1,234.56", "eur", 123456),
        ("0.10", "usd", 10),
        ("9223372036854775808", "sat", 2**63),
    ],
)
def test_parse_amount(text: str, unit: str, expected: int) -> None:
    assert parse_amount(text, unit) == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("", "sat"),
        ("abc", "sat"),
        ("-5", "sat"),
        ("1.5", "sat"),
        ("1.000", "sat"),
        ("1,5", "eur"),
        ("1,00,000", "sat"),
        ("1_000", "sat"),
        ("1.0", "sat"),
        ("1.000", "usd"),
        ("12.345", "usd"),
        ("1e3", "sat"),
        ("NaN", "usd"),
        ("1..2", "usd"),
        ("$", "usd"),
        ("١٢", "sat"),
    ],
)
def test_parse_amount_rejects(text: str, unit: str) -> None:
    with pytest.raises(ProtocolError):
        parse_amount(text, unit)


@given(st.integers(min_value=0, max_value=10**15), st.sampled_from(["sat", "msat", "usd", "eur"]), st.booleans())
def test_format_then_parse_round_trips(amount: int, unit: str, symbol: bool) -> None:
    assert parse_amount(format_amount(amount, unit, symbol=symbol), unit) == amount


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_fiat_parsing_is_exact(value: Decimal) -> None:
    assert parse_amount(f"{value:f}", "usd") == int(value * 100)


def test_unit_info() -> None:
    assert unit_info("usd").decimals == 2
    assert unit_info(" SAT ").code == "sat"
    assert unit_info("points").decimals == 0
