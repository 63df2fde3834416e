"""Input fees (NUT-02) and melt change outputs (NUT-08).

Fees are integer arithmetic only. The per-input fees are summed first and rounded up once: rounding each
input separately would overcharge, and the mint would reject the unbalanced request (code 11005).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

from core.errors import KeysetError, ProtocolError
from core.i18n import t
from core.protocol.amounts import split
from core.protocol.models import Proof

__all__ = ["blank_output_count", "change_split", "input_fee", "input_fee_for_proofs", "pair_change"]

_Output = TypeVar("_Output")
_Signature = TypeVar("_Signature")


def input_fee(input_fee_ppks: Iterable[int]) -> int:
    """Fee for a set of inputs, given each input's keyset ``input_fee_ppk``: ceil(Σppk / 1000)."""
    total = sum(input_fee_ppks)
    if total < 0:
        raise ProtocolError(t("input_fee_ppk cannot be negative"))
    return (total + 999) // 1000


def input_fee_for_proofs(proofs: Iterable[Proof], fee_ppk_by_keyset: Mapping[str, int]) -> int:
    """Fee for spending ``proofs``, each charged at its own keyset's rate (full keyset ids)."""
    ppks: list[int] = []
    for proof in proofs:
        try:
            ppks.append(fee_ppk_by_keyset[proof.id])
        except KeyError as exc:
            raise KeysetError(t("no fee known for keyset {0}").format(proof.id)) from exc
    return input_fee(ppks)


def blank_output_count(fee_reserve: int) -> int:
    """How many blank outputs to send with a melt: 0 for no reserve, else max(ceil(log2(reserve)), 1).

    Enough that any overpaid amount up to ``fee_reserve`` can be returned in powers of two.
    """
    if fee_reserve < 0:
        raise ProtocolError(t("fee_reserve cannot be negative ({0})").format(fee_reserve))
    if fee_reserve == 0:
        return 0
    return max((fee_reserve - 1).bit_length(), 1)


def change_split(overpaid: int, denominations: Iterable[int] | None = None) -> list[int]:
    """The change amounts a mint returns for ``overpaid`` fee reserve: 900 → [4, 128, 256, 512]."""
    return split(overpaid, denominations)


def pair_change(blank_outputs: Sequence[_Output], change: Sequence[_Signature]) -> list[tuple[_Output, _Signature]]:
    """Pair the mint's ``change`` signatures with the blank outputs that produced them.

    The mint returns only non-zero change, in order, so ``change[i]`` belongs to ``blank_outputs[i]``.
    More signatures than outputs means the mint answer is malformed.
    """
    if len(change) > len(blank_outputs):
        raise ProtocolError(
            t("mint returned {0} change signatures for {1} blank outputs").format(len(change), len(blank_outputs))
        )
    return list(zip(blank_outputs, change, strict=False))
