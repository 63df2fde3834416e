"""Keysets: NUT-01 key-map validation, NUT-02 keyset ids, short-id expansion."""

from __future__ import annotations

from typing import Any

import pytest

from core.errors import KeysetError
from core.protocol.keysets import (
    Keyset,
    derive_keyset_id,
    derive_keyset_id_v1,
    derive_keyset_id_v2,
    expand_short_id,
    short_id,
    validate_keys,
    verify_keyset_id,
)
from tests.vectorlib import load, vector_cases

FOUR_KEYS: dict[str, str] = load("02")["cases"][0]["input"]["keys"]


@pytest.mark.parametrize("case", vector_cases("01", "keyset_keys_validation"))
def test_key_map_validation_vector(case: dict[str, Any]) -> None:
    raw = case["input"]["keys"]
    if case["expected"]["valid"]:
        keys = validate_keys(raw)
        assert keys == {int(amount): pubkey for amount, pubkey in raw.items()}
        assert all(isinstance(amount, int) for amount in keys)
    else:
        with pytest.raises(KeysetError):
            validate_keys(raw)


def test_largest_amount_is_an_unbounded_int() -> None:
    raw = vector_cases("01", "keyset_keys_validation")[3].values[0]["input"]["keys"]
    assert max(validate_keys(raw)) == 2**63


@pytest.mark.parametrize(
    "bad",
    [
        {},
        [],
        {"0": FOUR_KEYS["1"]},
        {"-1": FOUR_KEYS["1"]},
        {"one": FOUR_KEYS["1"]},
        {"1.5": FOUR_KEYS["1"]},
        {"1": 5},
        {"1": "02" + "zz" * 32},
        {"1": "02" + "ff" * 32},  # x = 2^256-1 is not a field element
        {"1": "05" + FOUR_KEYS["1"][2:]},
    ],
)
def test_invalid_key_maps_are_rejected(bad: Any) -> None:
    with pytest.raises(KeysetError):
        validate_keys(bad)


@pytest.mark.parametrize("case", vector_cases("02", "keyset_id_v1"))
def test_keyset_id_v1_vector(case: dict[str, Any]) -> None:
    keys = validate_keys(case["input"]["keys"])
    assert derive_keyset_id_v1(keys) == case["expected"]["id"]
    keyset = Keyset(id=case["expected"]["id"], unit="sat", keys=keys)
    verify_keyset_id(keyset)
    assert derive_keyset_id(keyset) == case["expected"]["id"]


@pytest.mark.parametrize("case", vector_cases("02", "keyset_id_v2"))
def test_keyset_id_v2_vector(case: dict[str, Any]) -> None:
    data = case["input"]
    keys = validate_keys(data["keys"])
    expected = case["expected"]["id"]
    assert derive_keyset_id_v2(keys, data["unit"], data["input_fee_ppk"], data["final_expiry"]) == expected
    keyset = Keyset.from_json(
        {
            "id": expected,
            "unit": data["unit"],
            "keys": data["keys"],
            "input_fee_ppk": data["input_fee_ppk"],
            "final_expiry": data["final_expiry"],
        }
    )
    verify_keyset_id(keyset)


def test_v2_id_changes_with_unit_fee_and_expiry() -> None:
    keys = validate_keys(FOUR_KEYS)
    base = derive_keyset_id_v2(keys, "sat")
    assert len(base) == 66 and base.startswith("01")
    assert derive_keyset_id_v2(keys, "sat", 0, None) == base
    assert len({base, derive_keyset_id_v2(keys, "usd"), derive_keyset_id_v2(keys, "sat", 1)}) == 3
    assert derive_keyset_id_v2(keys, "sat", 0, 5) != base


def test_mismatching_id_is_rejected() -> None:
    keys = validate_keys(FOUR_KEYS)
    good = derive_keyset_id_v2(keys, "sat", 100)
    with pytest.raises(KeysetError, match="does not match"):
        verify_keyset_id(Keyset(id=good, unit="sat", keys=keys, input_fee_ppk=0))
    with pytest.raises(KeysetError, match="does not match"):
        verify_keyset_id(Keyset(id="00" + "0" * 14, unit="sat", keys=keys))
    with pytest.raises(KeysetError, match="unsupported"):
        verify_keyset_id(Keyset(id="I2yN+iRYfkzT", unit="sat", keys=keys))


def test_keyset_from_json_rejects_bad_entries() -> None:
    with pytest.raises(KeysetError):
        Keyset.from_json({"id": "00ab", "keys": FOUR_KEYS})
    with pytest.raises(KeysetError):
        Keyset.from_json({"id": "00ab", "unit": "sat", "keys": FOUR_KEYS, "input_fee_ppk": -1})
    keyset = Keyset.from_json({"id": "00AB", "unit": "sat", "keys": FOUR_KEYS, "active": False})
    assert keyset.id == "00ab"
    assert not keyset.active
    assert keyset.amounts == [1, 2, 4, 8]


FULL_A = "01" + "aa" * 8 + "11" * 24
FULL_B = "01" + "aa" * 8 + "22" * 24
FULL_C = "01" + "bb" * 32
V1 = "009a1f293253e41e"


def test_short_id_is_the_first_eight_bytes() -> None:
    assert short_id(FULL_C) == "01" + "bb" * 7
    assert short_id(V1) == V1


def test_short_id_expands_to_the_unique_full_id() -> None:
    assert expand_short_id(short_id(FULL_C), [FULL_A, FULL_C, V1]) == FULL_C
    assert expand_short_id(short_id(FULL_C).upper(), [FULL_C]) == FULL_C


def test_full_and_v1_ids_pass_through_when_known() -> None:
    assert expand_short_id(FULL_A, [FULL_A, FULL_B]) == FULL_A
    assert expand_short_id(V1, [V1, FULL_C]) == V1


def test_ambiguous_short_id_is_rejected() -> None:
    assert short_id(FULL_A) == short_id(FULL_B)
    with pytest.raises(KeysetError, match="ambiguous"):
        expand_short_id(short_id(FULL_A), [FULL_A, FULL_B, FULL_C])


@pytest.mark.parametrize("unknown", ["01" + "cc" * 7, V1, FULL_B, "01" + "aa" * 3])
def test_unknown_ids_are_rejected(unknown: str) -> None:
    with pytest.raises(KeysetError, match="unknown"):
        expand_short_id(unknown, [FULL_A, FULL_C])
