"""Closing the books on a token this wallet sent that came back to it (reclaimed, or pasted into Receive)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.protocol.tokens import Token
    from core.storage.store import Store

__all__ = ["close_taken_back"]


def close_taken_back(store: Store, token: Token) -> None:
    """A token this wallet sent came back to it (reclaimed, or pasted into Receive): its proofs, pending in our
    books until now, are spent, and a sent token with nothing left pending is closed as reclaimed — so the
    books equal what the mint owes at once, not only after the next NUT-07 check."""
    held = store.proofs_by_secrets([p.secret for p in token.proofs])
    secrets = [secret for secret, (_proof, state) in held.items() if state == "pending"]
    if not secrets:
        return
    senders = {owner for owner in store.proof_owners(secrets).values() if owner}
    with store.atomic():
        store.move_proofs(secrets, owner=None, expect=("pending",), to="spent")
        for exported in store.exported_tokens():
            if exported.operation_id in senders and not store.proofs(
                operation_id=exported.operation_id, states=("pending",)
            ):
                store.set_exported_token_state(exported.id, "reclaimed")
