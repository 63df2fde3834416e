"""Splitting amounts into a keyset's denominations, and summing proofs.

Amounts are unbounded Python ints: NUT-01 keysets go up to 2^63, which does not fit an int64.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from core.errors import ProtocolError
from core.i18n import t

__all__ = ["HasAmount", "HasKeysetAmount", "powers_of_two", "split", "sum_amounts", "sum_by_keyset"]


class HasAmount(Protocol):
    """Anything with an ``amount`` (Proof, BlindedMessage, BlindSignature)."""

    @property
    def amount(self) -> int: ...


class HasKeysetAmount(HasAmount, Protocol):
    """Anything with an ``amount`` and a keyset ``id``."""

    @property
    def id(self) -> str: ...


def powers_of_two(amount: int) -> list[int]:
    """The binary decomposition of ``amount``, ascending: 13 → [1, 4, 8]."""
    if amount < 0:
        raise ProtocolError(t("cannot split a negative amount ({0})").format(amount))
    return [1 << bit for bit in range(amount.bit_length()) if amount >> bit & 1]


def split(amount: int, denominations: Iterable[int] | None = None) -> list[int]:
    """Split ``amount`` into denominations, ascending (NUT-03 asks for outputs sorted by amount).

    Without ``denominations`` the split is the binary one. With a keyset's amounts, the split is greedy from
    the largest denomination down; raises ``ProtocolError`` when the amount is not representable.
    """
    if denominations is None:
        return powers_of_two(amount)
    if amount < 0:
        raise ProtocolError(t("cannot split a negative amount ({0})").format(amount))
    available = sorted({value for value in denominations if value > 0}, reverse=True)
    parts: list[int] = []
    remaining = amount
    for value in available:
        count, remaining = divmod(remaining, value)
        parts.extend([value] * count)
    if remaining:
        raise ProtocolError(t("amount {0} cannot be made from the keyset's denominations").format(amount))
    parts.reverse()
    return parts


def sum_amounts(items: Iterable[HasAmount]) -> int:
    """Total amount of proofs, outputs or signatures."""
    return sum(item.amount for item in items)


def sum_by_keyset(items: Iterable[HasKeysetAmount]) -> dict[str, int]:
    """Total amount per keyset id, in first-seen order."""
    totals: dict[str, int] = {}
    for item in items:
        totals[item.id] = totals.get(item.id, 0) + item.amount
    return totals
