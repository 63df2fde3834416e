"""The linear coin selection chooses exactly what the plain (quadratic) statement of the rule chooses."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

import pytest

from core.errors import InsufficientBalance
from core.protocol.fees import input_fee
from core.protocol.models import Proof
from core.wallet.selection import select_for_amount


def _reference(
    proofs: Sequence[Proof], amount: int, fee_ppk: Callable[[str], int], is_active: Callable[[str], bool]
) -> tuple[list[Proof], int] | None:
    # The rule as the module's docstring states it, recomputed from scratch at every step.
    ordered = sorted(proofs, key=lambda p: (is_active(p.id), -p.amount))
    selected: list[Proof] = []
    for proof in ordered:
        selected.append(proof)
        if sum(p.amount for p in selected) >= amount + input_fee([fee_ppk(p.id) for p in selected]):
            result = list(selected)
            for candidate in sorted(selected, key=lambda p: p.amount):
                trial = [p for p in result if p is not candidate]
                if trial and sum(p.amount for p in trial) >= amount + input_fee([fee_ppk(p.id) for p in trial]):
                    result = trial
            return result, input_fee([fee_ppk(p.id) for p in result])
    return None


@pytest.mark.parametrize("seed", range(40))
def test_selection_matches_the_rule_on_random_wallets(seed: int) -> None:
    rng = random.Random(seed)
    keysets = {"00aa": (rng.choice([0, 100, 1000]), False), "00bb": (rng.choice([0, 100, 250]), True)}
    proofs = [
        Proof(rng.choice(list(keysets)), 2 ** rng.randrange(0, 8), f"{seed}-{i}", "02" + "11" * 32)
        for i in range(rng.randrange(1, 120))
    ]
    amount = rng.randrange(1, sum(p.amount for p in proofs) + 20)

    def fee_ppk(kid: str) -> int:
        return keysets[kid][0]

    def is_active(kid: str) -> bool:
        return keysets[kid][1]

    expected = _reference(proofs, amount, fee_ppk, is_active)
    if expected is None:
        with pytest.raises(InsufficientBalance):
            select_for_amount(proofs, amount, fee_ppk=fee_ppk, is_active=is_active)
        return
    chosen, fee = select_for_amount(proofs, amount, fee_ppk=fee_ppk, is_active=is_active)
    assert [p.secret for p in chosen] == [p.secret for p in expected[0]]
    assert fee == expected[1]
