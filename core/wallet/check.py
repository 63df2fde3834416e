"""NUT-07 sync of sent tokens: which pending proofs did their receivers claim? And reclaiming the rest."""

from __future__ import annotations

from collections.abc import Sequence

from core.protocol import bdhke
from core.protocol.models import Proof
from core.wallet.context import MintWallet

__all__ = ["proof_states", "sync_pending"]


async def proof_states(mw: MintWallet, proofs: Sequence[Proof]) -> dict[str, str]:
    """secret → UNSPENT | PENDING | SPENT, as the mint says."""
    if not proofs:
        return {}
    ys = [bdhke.hash_to_curve_hex(p.secret) for p in proofs]
    states = {s.Y: s.state for s in await mw.client.post_checkstate(ys)}
    return {p.secret: states.get(y, "UNKNOWN") for p, y in zip(proofs, ys, strict=True)}


async def sync_pending(mw: MintWallet) -> int:
    """Mark sent proofs the mint reports SPENT as spent; close the exported tokens fully claimed.

    Returns the amount found claimed. Proofs still UNSPENT or PENDING at the mint stay pending. Proofs held
    by an unfinished melt are the journal's business and are not touched here.
    """
    claimed = 0
    for token in mw.store.exported_tokens():
        if token.mint_url != mw.url:
            continue
        pending = mw.store.proofs(operation_id=token.operation_id, states=("pending",))
        states = await proof_states(mw, pending)
        spent = [secret for secret, state in states.items() if state == "SPENT"]
        if spent:
            mw.store.move_proofs(spent, owner=token.operation_id, expect=("pending",), to="spent")
            claimed += sum(p.amount for p in pending if p.secret in set(spent))
        if len(spent) == len(pending):
            mw.store.set_exported_token_state(token.id, "claimed")
    return claimed
