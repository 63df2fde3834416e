"""Value in flight between mints: a transfer whose source has paid and whose target has not issued the ecash yet.

That value is in no proof of the wallet (spent at the source, not minted at the target), so the balance alone
would hide it; ``balance``, the history and ``failed list`` show it until recovery finishes the transfer.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from core.errors import NutdeskError
from core.ports.storage import WalletStore

__all__ = ["InFlight", "note_unfinished_transfers", "transfers_in_flight"]

_UNFINISHED = ("sent", "pending", "needs_review")
FIRST_RETRY = 30.0


@dataclass(frozen=True)
class InFlight:
    operation_id: str
    amount: int
    unit: str
    from_mint: str
    to_mint: str
    state: str

    def describe(self) -> str:
        return f"in flight: {self.amount} {self.unit}, from {self.from_mint} to {self.to_mint}"

    def to_json(self) -> dict[str, object]:
        return {
            "operation": self.operation_id,
            "amount": self.amount,
            "unit": self.unit,
            "from": self.from_mint,
            "to": self.to_mint,
            "state": self.state,
        }


def transfers_in_flight(store: WalletStore) -> list[InFlight]:
    """Transfers paid at the source and not yet minted at the target."""
    return [
        InFlight(
            op.id,
            int(op.data.get("dest_amount", op.amount)),
            str(op.data.get("dest_unit") or op.unit),
            op.mint_url,
            str(op.data.get("dest_mint", "")),
            str(op.state),
        )
        for op in store.operations(states=_UNFINISHED, kinds=("transfer",))
        if op.data.get("step") == "mint"
    ]


def note_unfinished_transfers(store: WalletStore, error: NutdeskError) -> None:
    """A transfer stopped with its outcome unknown: list it under ``failed`` at once (recovery retries it)."""
    for op in store.operations(states=("prepared", *_UNFINISHED), kinds=("transfer",)):
        if store.failed_for_operation(op.id) is None:
            store.record_failure(
                operation_id=op.id,
                operation=op.kind,
                mint_url=op.mint_url,
                unit=op.unit,
                amount=op.amount,
                reason_code=error.code,
                details=str(error),
                status="pending",
                next_retry_at=time.time() + FIRST_RETRY,
                count_retry=False,
            )
