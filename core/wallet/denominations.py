"""Coin selection over denominations: how many proofs of each (keyset, amount) to spend, from their counts alone.

Proofs of one keyset and one amount are interchangeable, and the running totals (``proof_totals``) count them. So
the choices of ``core.wallet.selection`` — the greedy prefix of the selection order, its trimming, the exact
greedy — are computed per denomination, in time proportional to the number of denominations (a few dozen), not of
proofs: choosing 50,000 one-sat inputs is one arithmetic step. Only the proofs chosen are read afterwards.

The order is ``selection``'s: inactive keysets first, then the largest amounts; equal amounts of one group by
keyset id. Where a step of the proof-by-proof rule could be non-monotone (an input fee above the proof's own
amount) the step is walked one proof at a time, so the result is always the rule's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from core.errors import InsufficientBalance
from core.i18n import t

__all__ = ["Denomination", "plan_exact", "plan_for_amount"]


class Denomination(NamedTuple):
    keyset_id: str
    amount: int
    proofs: int


def _ceil_fee(ppk_sum: int) -> int:
    return (ppk_sum + 999) // 1000


def _first_covering(total: int, ppk_sum: int, amount: int, value: int, ppk: int, available: int) -> int | None:
    """The fewest ``k`` ≤ ``available`` proofs of ``value`` (fee ``ppk``) after which the inputs cover ``amount``."""

    def covers(k: int) -> bool:
        return total + k * value >= amount + _ceil_fee(ppk_sum + k * ppk)

    if ppk > 1000 * value:  # each proof may cost more than it brings: walk, as the rule does
        return next((k for k in range(1, available + 1) if covers(k)), None)
    if not covers(available):
        return None
    low, high = 1, available  # monotone: the first k that covers
    while low < high:
        mid = (low + high) // 2
        if covers(mid):
            high = mid
        else:
            low = mid + 1
    return low


def _droppable(total: int, ppk_sum: int, count: int, amount: int, value: int, ppk: int, taken: int) -> int:
    """How many of ``taken`` proofs of ``value`` the trimming drops, one after another (it stops at the first one
    it must keep: the next one is the same proof)."""

    def can_drop(i: int) -> bool:  # the i-th drop, after i - 1 of them
        return count - i >= 1 and total - i * value >= amount + _ceil_fee(ppk_sum - i * ppk)

    if ppk > 1000 * value:
        dropped = 0
        while dropped < taken and can_drop(dropped + 1):
            dropped += 1
        return dropped
    low, high = 0, taken  # monotone: the last i that can still be dropped
    while low < high:
        mid = (low + high + 1) // 2
        if can_drop(mid):
            low = mid
        else:
            high = mid - 1
    return low


def plan_for_amount(
    ordered: Sequence[Denomination], amount: int, *, fee_ppk: Callable[[str], int], unit: str = "sat"
) -> tuple[list[Denomination], int]:
    """``select_ordered`` over denominations in selection order: (how many of each to spend, the input fee)."""
    if amount <= 0:
        raise ValueError("amount must be positive")
    taken: list[list[int | str]] = []
    total = ppk_sum = count = 0
    for kid, value, available in ordered:
        ppk = fee_ppk(kid)
        k = _first_covering(total, ppk_sum, amount, value, ppk, available)
        take = available if k is None else k
        taken.append([kid, value, take])
        total, ppk_sum, count = total + take * value, ppk_sum + take * ppk, count + take
        if k is not None:
            return _trim(taken, total, ppk_sum, count, amount, fee_ppk)
    fee = _ceil_fee(ppk_sum)
    template = (
        t(
            "not enough ecash: {0} {1} plus fees needed, {2} {1} available "
            "(spending all of it would cost {3} {1} in fees)"
        )
        if fee
        else t("not enough ecash: {0} {1} plus fees needed, {2} {1} available")
    )
    raise InsufficientBalance(template.format(amount, unit, total, fee))


def _trim(
    taken: list[list[int | str]], total: int, ppk_sum: int, count: int, amount: int, fee_ppk: Callable[[str], int]
) -> tuple[list[Denomination], int]:
    """``selection._trim``: smallest first (a stable order: equal amounts as they were taken)."""
    for entry in sorted(taken, key=lambda e: int(e[1])):
        kid, value, k = str(entry[0]), int(entry[1]), int(entry[2])
        if value > total - amount:
            break  # neither these nor any larger ones can go
        ppk = fee_ppk(kid)
        dropped = _droppable(total, ppk_sum, count, amount, value, ppk, k)
        entry[2] = k - dropped
        total, ppk_sum, count = total - dropped * value, ppk_sum - dropped * ppk, count - dropped
    chosen = [Denomination(str(e[0]), int(e[1]), int(e[2])) for e in taken if int(e[2]) > 0]
    return chosen, _ceil_fee(ppk_sum)


def plan_exact(groups: Sequence[Sequence[Denomination]], amount: int) -> list[Denomination] | None:
    """``select_exact`` over denominations (each group largest first): how many of each make ``amount``, or None."""
    remaining = amount
    chosen: list[Denomination] = []
    for group in groups:
        for kid, value, available in group:
            k = min(available, remaining // value)
            if k:
                chosen.append(Denomination(kid, value, k))
                remaining -= k * value
                if remaining == 0:
                    return chosen
    return None
