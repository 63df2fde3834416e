"""Coin selection that accounts for NUT-02 input fees.

Proofs of inactive keysets are spent first (a rotated keyset may stop being honoured); then the largest
proofs, so fewer inputs — and so lower fees — are used. Each added input raises the fee, so the target is
re-checked after every addition.

Both choices only ever consume a prefix of that order, so they also run over streams already in that order
(``select_ordered``, ``select_exact_bounded``): the wallet reads its proofs from the database a page at a time,
largest first, and stops when the amount is covered — choosing 20 inputs of 100,000 reads 20 entries. Linear in
the proofs consumed (a shop's wallet holds 100,000 small ones): each keyset's fee is asked once, the running fee
is a running sum of ppk, and trimming walks the chosen inputs once. A "coin" is anything with a keyset ``id``
and an ``amount``: a full ``Proof``, or the narrow ``ProofRef`` the store pages through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import Protocol, TypeVar

from core.errors import InsufficientBalance
from core.i18n import t
from core.protocol.fees import input_fee

__all__ = ["Coin", "fee_of", "select_exact", "select_exact_bounded", "select_for_amount", "select_ordered"]


class Coin(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def amount(self) -> int: ...


C = TypeVar("C", bound=Coin)


def _order(proofs: Sequence[C], is_active: Callable[[str], bool]) -> list[C]:
    """Inactive keysets first, then the largest amounts (a stable order: equal proofs keep theirs).

    A C-level key and one partition instead of a Python key per proof: a third of the time at 100,000 proofs."""
    inactive = {kid for kid in {p.id for p in proofs} if not is_active(kid)}
    by_amount = attrgetter("amount")
    if not inactive:
        return sorted(proofs, key=by_amount, reverse=True)  # reverse keeps equal proofs in their order
    first = sorted((p for p in proofs if p.id in inactive), key=by_amount, reverse=True)
    return first + sorted((p for p in proofs if p.id not in inactive), key=by_amount, reverse=True)


def _fee(ppk_sum: int) -> int:
    return input_fee([ppk_sum])


def select_for_amount(
    proofs: Sequence[C],
    amount: int,
    *,
    fee_ppk: Callable[[str], int],
    is_active: Callable[[str], bool],
    unit: str = "sat",
) -> tuple[list[C], int]:
    """Inputs whose sum covers ``amount`` plus their own input fee; returns (inputs, fee)."""
    if amount <= 0:
        raise ValueError("amount must be positive")
    return select_ordered(_order(proofs, is_active), amount, fee_ppk=fee_ppk, unit=unit)


def select_ordered(
    ordered: Iterable[C], amount: int, *, fee_ppk: Callable[[str], int], unit: str = "sat"
) -> tuple[list[C], int]:
    """``select_for_amount`` over coins already in selection order (inactive keysets first, largest first),
    consuming only as many as it needs."""
    if amount <= 0:
        raise ValueError("amount must be positive")
    ppk: dict[str, int] = {}
    selected: list[C] = []
    total = 0
    ppk_sum = 0
    for proof in ordered:
        selected.append(proof)
        total += proof.amount
        try:
            ppk_sum += ppk[proof.id]
        except KeyError:  # each keyset's fee is asked once
            ppk[proof.id] = fee_ppk(proof.id)
            ppk_sum += ppk[proof.id]
        if total >= amount + (ppk_sum + 999) // 1000:  # input_fee of the running sum, inline: the hot loop
            trimmed = _trim(selected, amount, ppk)
            return trimmed, fee_of(trimmed, ppk.__getitem__)
    fee = _fee(ppk_sum)  # everything was consumed: these are the totals of the whole wallet here
    template = (
        t(
            "not enough ecash: {0} {1} plus fees needed, {2} {1} available "
            "(spending all of it would cost {3} {1} in fees)"
        )
        if fee
        else t("not enough ecash: {0} {1} plus fees needed, {2} {1} available")
    )
    raise InsufficientBalance(template.format(amount, unit, total, fee))


def fee_of(proofs: Sequence[Coin], fee_ppk: Callable[[str], int]) -> int:
    return input_fee([fee_ppk(p.id) for p in proofs])


def _trim(selected: list[C], amount: int, ppk: dict[str, int]) -> list[C]:
    """Drop inputs that are not needed (smallest first) while the rest still covers amount + fee.

    One pass; an input like the last one kept (same amount and keyset, nothing dropped since) is kept without a
    sum, and no input larger than the slack can go: 50,000 one-sat inputs are one quick walk."""
    total = sum(p.amount for p in selected)
    ppk_sum = sum(ppk[p.id] for p in selected)
    count = len(selected)
    dropped: set[int] = set()
    kept: tuple[int, str] | None = None
    for proof in sorted(selected, key=attrgetter("amount")):
        value = proof.amount
        if value > total - amount:
            break  # ascending: neither this input nor any larger one can go
        if kept is not None and kept == (value, proof.id):
            continue
        rest_ppk = ppk_sum - ppk[proof.id]
        if count > 1 and total - value >= amount + (rest_ppk + 999) // 1000:
            dropped.add(id(proof))
            total, ppk_sum, count = total - value, rest_ppk, count - 1
            kept = None  # the totals changed: decide afresh
        else:
            kept = (value, proof.id)
    return [p for p in selected if id(p) not in dropped] if dropped else selected


def select_exact(proofs: Sequence[C], amount: int, *, is_active: Callable[[str], bool]) -> list[C] | None:
    """Existing proofs summing to exactly ``amount`` (for an offline send), or None.

    Proofs are powers of two, so a greedy pass from the largest down finds an exact subset whenever the
    multiset allows one in the common cases.
    """
    remaining = amount
    chosen: list[C] = []
    for proof in _order(proofs, is_active):
        if proof.amount <= remaining:
            chosen.append(proof)
            remaining -= proof.amount
            if remaining == 0:
                return chosen
    return None


def select_exact_bounded(groups: Sequence[Callable[[int], Iterable[C]]], amount: int) -> list[C] | None:
    """``select_exact`` over groups of coins (inactive keysets' first), each a function giving its coins of at most
    a given amount, largest first.

    The same greedy choice, without walking past every coin that is too large: when the next coin exceeds what
    remains, the group is asked again from the remaining amount down (one index seek). Every coin taken is larger
    than what remains afterwards, so a new ask never yields one already taken.
    """
    if amount <= 0:
        return None
    remaining = amount
    chosen: list[C] = []
    for group in groups:
        exhausted = False
        while not exhausted:
            exhausted = True
            for coin in group(remaining):
                if coin.amount > remaining:
                    exhausted = False  # ask again from ``remaining`` down
                    break
                chosen.append(coin)
                remaining -= coin.amount
                if remaining == 0:
                    return chosen
    return None
