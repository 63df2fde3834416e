"""NUT-02 input fees and NUT-08 blank outputs / change."""

from __future__ import annotations

from typing import Any

import pytest

from core.errors import KeysetError, ProtocolError
from core.protocol.fees import blank_output_count, change_split, input_fee, input_fee_for_proofs, pair_change
from core.protocol.models import Proof
from tests.vectorlib import vector_cases


@pytest.mark.parametrize("case", vector_cases("02", "input_fee"))
def test_input_fee_vector(case: dict[str, Any]) -> None:
    assert input_fee(case["input"]["input_fee_ppk_per_input"]) == case["expected"]["fee"]


def test_fee_is_summed_then_rounded_once() -> None:
    # Rounding per input would give 3; the mint charges ceil(0.3 + 0.3 + 0.3) = 1.
    assert input_fee([300, 300, 300]) == 1
    assert input_fee([1000, 1]) == 2
    with pytest.raises(ProtocolError):
        input_fee([-1000])


def test_each_proof_pays_its_own_keysets_fee() -> None:
    proofs = [Proof(id=kid, amount=1, secret=str(n), C="02") for n, kid in enumerate(["a", "a", "b"])]
    assert input_fee_for_proofs(proofs, {"a": 100, "b": 900}) == 2
    assert input_fee_for_proofs(proofs, {"a": 0, "b": 0}) == 0
    with pytest.raises(KeysetError):
        input_fee_for_proofs(proofs, {"a": 100})


@pytest.mark.parametrize("case", vector_cases("08", "blank_output_count"))
def test_blank_output_count_vector(case: dict[str, Any]) -> None:
    assert blank_output_count(case["input"]["fee_reserve"]) == case["expected"]["n_blank_outputs"]


def test_blank_outputs_can_return_any_overpaid_amount() -> None:
    # Overpaid change is below the reserve, so it never needs more powers of two than there are blank outputs.
    for reserve in range(1, 2050):
        count = blank_output_count(reserve)
        assert 2**count >= reserve
        assert all(len(change_split(overpaid)) <= count for overpaid in (reserve - 1, reserve // 2))
    with pytest.raises(ProtocolError):
        blank_output_count(-1)


@pytest.mark.parametrize("case", vector_cases("08", "change_split"))
def test_change_split_vector(case: dict[str, Any]) -> None:
    amounts = change_split(case["input"]["overpaid"])
    assert amounts == case["expected"]["amounts"]
    outputs = [f"blank{n}" for n in range(blank_output_count(1000))]
    paired = pair_change(outputs, amounts)
    assert paired == [("blank0", 4), ("blank1", 128), ("blank2", 256), ("blank3", 512)]


def test_more_change_than_blank_outputs_is_malformed() -> None:
    with pytest.raises(ProtocolError):
        pair_change(["a"], [1, 2])
