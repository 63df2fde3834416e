"""Reconcile: compare every local unspent/pending proof with the mint's NUT-07 state, show, then apply.

held here as spendable but spent at the mint (the same seed used elsewhere, an old backup) → removed ·
sent (pending here) and spent at the mint → the receiver claimed it: marked spent · pending at the mint →
kept pending · a mint that cannot be reached → left alone and reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.errors import MintUnreachable
from core.wallet.check import proof_states, sync_pending
from core.wallet.context import MintWallet

__all__ = ["MintReconciliation", "reconcile_mint"]


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
    error: str = ""

    @property
    def differences(self) -> int:
        return len(self.spent_secrets) + len(self.pending_secrets) + len(self.claimed_secrets)

    def to_json(self) -> dict[str, object]:
        return {
            "mint": self.mint_url,
            "reachable": self.reachable,
            "checked": self.checked,
            "spent": {"count": len(self.spent_secrets), "amount": self.spent_amount},
            "pending": {"count": len(self.pending_secrets), "amount": self.pending_amount},
            "claimed": {"count": len(self.claimed_secrets), "amount": self.claimed_amount},
            "error": self.error,
        }


async def reconcile_mint(mw: MintWallet, *, apply: bool) -> MintReconciliation:
    report = MintReconciliation(mw.url)
    local = mw.store.proofs(mint_url=mw.url, states=("unspent", "pending"))
    unspent_local = {p.secret for p in mw.store.proofs(mint_url=mw.url, states=("unspent",))}
    report.checked = len(local)
    try:
        states = await proof_states(mw, local)
    except MintUnreachable as exc:
        report.reachable = False
        report.error = str(exc)
        return report
    amounts = {p.secret: p.amount for p in local}
    for secret, state in states.items():
        if state == "SPENT" and secret not in unspent_local:
            report.claimed_secrets.append(secret)
            report.claimed_amount += amounts[secret]
        elif state == "SPENT":
            report.spent_secrets.append(secret)
            report.spent_amount += amounts[secret]
        elif state == "PENDING" and secret in unspent_local:
            report.pending_secrets.append(secret)
            report.pending_amount += amounts[secret]
    if apply:
        if report.claimed_secrets:
            # Close the sent tokens whose proofs are now all claimed.
            await sync_pending(mw)
        with mw.store.atomic():
            if report.spent_secrets or report.claimed_secrets:
                mw.store.set_proof_state(report.spent_secrets + report.claimed_secrets, "spent")
            if report.pending_secrets:
                mw.store.set_proof_state(report.pending_secrets, "pending")
    return report
