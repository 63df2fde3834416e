"""Recovery's value types, importable without the wallet's operations (``core.recovery.resume`` and
``reconcile`` re-export them): a command whose start-up recovery finds nothing due must not load them."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["UNFINISHED_STATES", "MintReconciliation", "Outcome"]

UNFINISHED_STATES = ("prepared", "sent", "pending")


@dataclass(frozen=True)
class Outcome:
    """What resuming did: ``finished``, ``rolled_back``, ``pending`` (still in flight), or ``needs_review``."""

    result: str
    detail: str


@dataclass
class MintReconciliation:
    mint_url: str
    reachable: bool = True
    checked: int = 0
    spent_secrets: list[str] = field(default_factory=list)
    spent_amount: int = 0
    pending_secrets: list[str] = field(default_factory=list)
    pending_amount: int = 0
    claimed_secrets: list[str] = field(default_factory=list)
    claimed_amount: int = 0
    released_secrets: list[str] = field(default_factory=list)
    released_amount: int = 0
    error: str = ""

    @property
    def differences(self) -> int:
        return (
            len(self.spent_secrets) + len(self.pending_secrets) + len(self.claimed_secrets) + len(self.released_secrets)
        )

    def to_json(self) -> dict[str, object]:
        return {
            "mint": self.mint_url,
            "reachable": self.reachable,
            "checked": self.checked,
            "spent": {"count": len(self.spent_secrets), "amount": self.spent_amount},
            "pending": {"count": len(self.pending_secrets), "amount": self.pending_amount},
            "claimed": {"count": len(self.claimed_secrets), "amount": self.claimed_amount},
            "released": {"count": len(self.released_secrets), "amount": self.released_amount},
            "error": self.error,
        }
