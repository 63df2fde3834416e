"""Coin selection that accounts for NUT-02 input fees.

Proofs of inactive keysets are spent first (a rotated keyset may stop being honoured); then the largest
proofs, so fewer inputs — and so lower fees — are used. Each added input raises the fee, so the target is
re-checked after every addition.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from core.errors import InsufficientBalance
from core.protocol.fees import input_fee
from core.protocol.models import Proof

__all__ = ["select_exact", "select_for_amount"]


def _order(proofs: Sequence[Proof], is_active: Callable[[str], bool]) -> list[Proof]:
    return sorted(proofs, key=lambda p: (is_active(p.id), -p.amount))


def select_for_amount(
    proofs: Sequence[Proof],
    amount: int,
    *,
    fee_ppk: Callable[[str], int],
    is_active: Callable[[str], bool],
    unit: str = "sat",
) -> tuple[list[Proof], int]:
    """Inputs whose sum covers ``amount`` plus their own input fee; returns (inputs, fee)."""
    if amount <= 0:
        raise ValueError("amount must be positive")
    ordered = _order(proofs, is_active)
    selected: list[Proof] = []
    total = 0
    for proof in ordered:
        selected.append(proof)
        total += proof.amount
        fee = input_fee([fee_ppk(p.id) for p in selected])
        if total >= amount + fee:
            return _trim(selected, amount, fee_ppk), fee_of(_trim(selected, amount, fee_ppk), fee_ppk)
    available = sum(p.amount for p in proofs)
    fee = input_fee([fee_ppk(p.id) for p in proofs])
    raise InsufficientBalance(
        f"not enough ecash: {amount} {unit} plus fees needed, {available} {unit} available"
        + (f" (spending all of it would cost {fee} {unit} in fees)" if fee else "")
    )


def fee_of(proofs: Sequence[Proof], fee_ppk: Callable[[str], int]) -> int:
    return input_fee([fee_ppk(p.id) for p in proofs])


def _trim(selected: list[Proof], amount: int, fee_ppk: Callable[[str], int]) -> list[Proof]:
    """Drop inputs that are not needed (smallest first) while the rest still covers amount + fee."""
    result = list(selected)
    for proof in sorted(selected, key=lambda p: p.amount):
        trial = [p for p in result if p is not proof]
        if trial and sum(p.amount for p in trial) >= amount + fee_of(trial, fee_ppk):
            result = trial
    return result


def select_exact(proofs: Sequence[Proof], amount: int, *, is_active: Callable[[str], bool]) -> list[Proof] | None:
    """Existing proofs summing to exactly ``amount`` (for an offline send), or None.

    Proofs are powers of two, so a greedy pass from the largest down finds an exact subset whenever the
    multiset allows one in the common cases.
    """
    remaining = amount
    chosen: list[Proof] = []
    for proof in _order(proofs, is_active):
        if proof.amount <= remaining:
            chosen.append(proof)
            remaining -= proof.amount
            if remaining == 0:
                return chosen
    return None
