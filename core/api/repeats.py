"""Recognising a repeat of something the wallet already did, so the user hears "already done" (and the CLI exits 0)
instead of the mint's "already spent" / "quote already issued".

A token received before (by this command, an earlier one, or the start-up recovery that finished an interrupted
receive) is known by its proofs' secrets in a finished receive; a mint quote already minted by its finished issue.
"""

from __future__ import annotations

from core.api.service import WalletService
from core.errors import UserFacingError
from core.ports.storage import OperationRecord
from core.protocol import tokens

__all__ = ["AlreadyDone", "earlier_issue", "earlier_receive"]

_RECEIVING = ("receive", "reclaim")


class AlreadyDone(UserFacingError):
    """The user asked for something the wallet already did: not a failure (the CLI exits 0, the GUI says so)."""

    code = "already-done"


def earlier_receive(service: WalletService, text: str) -> OperationRecord | None:
    """The finished receive that already redeemed this token's proofs, if this wallet did it."""
    try:
        token = tokens.decode_token(text)
    except Exception:  # not a token: nothing to recognise
        return None
    secrets = {p.secret for p in token.proofs}
    if not secrets:
        return None
    for record in service.history(limit=None):
        if record.kind not in _RECEIVING or record.state != "done":
            continue
        inputs = record.data.get("inputs") or []
        if secrets & {str(p.get("secret")) for p in inputs if isinstance(p, dict)}:
            return record
    return None


def earlier_issue(service: WalletService, quote_id: str) -> OperationRecord | None:
    """The finished issue that already minted this quote's ecash."""
    for record in service.history(limit=None):
        if record.kind == "issue" and record.state == "done" and record.data.get("quote") == quote_id:
            return record
    return None
