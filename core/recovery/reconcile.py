"""Reconcile: compare every local unspent/pending proof with the mint's NUT-07 state, show, then apply.

held here as spendable but spent at the mint (the same seed used elsewhere, an old backup) → removed ·
sent (pending here) and spent at the mint → the receiver claimed it: marked spent · pending at the mint →
kept pending · pending here with no operation and unspent at the mint → back to unspent · a mint that cannot be
reached → left alone and reported.
"""

from __future__ import annotations

from core.errors import MintUnreachable
from core.recovery.outcomes import MintReconciliation
from core.wallet.check import proof_states, sync_pending
from core.wallet.context import MintWallet

__all__ = ["MintReconciliation", "reconcile_mint"]


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
    owners = mw.store.proof_owners(list(amounts))
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
        elif state == "UNSPENT" and secret not in unspent_local and owners.get(secret) is None:
            # Held pending by an earlier reconcile (pending at the mint then), no operation owns it: back it comes.
            # (Sent tokens and melts own their pending proofs: those are the journal's and NUT-07 sync's business.)
            report.released_secrets.append(secret)
            report.released_amount += amounts[secret]
    if apply:
        if report.claimed_secrets:
            # Close the sent tokens whose proofs are now all claimed.
            await sync_pending(mw)
        held = mw.store.proofs_by_secrets(report.claimed_secrets)
        unfinished = {op.id for op in mw.store.operations(states=("prepared", "sent", "pending"))}
        # Claimed proofs an unfinished operation holds (a melt in flight) are its to settle, by the journal.
        leftover = [s for s, (_p, st) in held.items() if st == "pending" and owners.get(s) not in unfinished]
        with mw.store.atomic():
            mw.store.move_proofs(leftover, owner=None, expect=("pending",), to="spent")
            mw.store.move_proofs(report.spent_secrets, owner=None, expect=("unspent",), to="spent")
            mw.store.move_proofs(report.pending_secrets, owner=None, expect=("unspent",), to="pending")
            mw.store.move_proofs(report.released_secrets, owner=None, expect=("pending",), to="unspent")
    return report
