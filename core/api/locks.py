"""Who can receive a token (NUT-11 P2PK locks), for the Receive view's preview and ``nutdesk decode``-like
front ends: plain ecash, locked to this wallet's key (blinded with NUT-28 or not), locked to someone else's key,
or a lock that expired without refund keys (anyone may spend it). A cheque to us shows its locktime: after it,
its sender can take it back.

Pure key matching (no mint, no signature): cheap enough for a preview as the user types.
"""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.errors import CryptoError, SpendingConditionError
from core.protocol.nut10 import SIG_ALL, parse_conditions, try_parse_secret
from core.protocol.p2bk_wallet import lock_key_from_seed, signing_keys
from core.protocol.p2pk import KIND_P2PK
from core.protocol.tokens import Token

if TYPE_CHECKING:
    from core.api.service import WalletService

__all__ = ["LockOwner", "TokenLock", "token_lock"]


class LockOwner(enum.Enum):
    NONE = "none"  # plain ecash: whoever holds the token
    OURS = "ours"  # every lock names a key of this wallet: we sign
    OTHERS = "others"  # a lock we cannot sign: only its owner (or, after the locktime, its refund keys)
    OPEN = "open"  # locks past their locktime with no refund key: anyone may spend them


@dataclass(frozen=True)
class TokenLock:
    owner: LockOwner
    locktime: int | None = None  # the earliest among the locked proofs
    refund: bool = False  # some lock names refund keys (a cheque: back to its sender after the locktime)
    sig_all: bool = False

    @property
    def receivable(self) -> bool:
        return self.owner is not LockOwner.OTHERS

    def to_json(self) -> dict[str, Any]:
        return {"owner": self.owner.value, "locktime": self.locktime, "refund": self.refund, "sig_all": self.sig_all}


def token_lock(service: WalletService, token: Token, now: int | None = None) -> TokenLock:
    """Whether this wallet can receive ``token``'s locked proofs (a malformed lock counts as someone else's)."""
    when = int(time.time()) if now is None else now
    key = lock_key_from_seed(service.seed)
    owners: set[LockOwner] = set()
    locktimes: list[int] = []
    refund = sig_all = False
    for proof in token.proofs:
        try:
            secret = try_parse_secret(proof.secret)
            if secret is None or secret.kind != KIND_P2PK:
                continue
            conditions = parse_conditions(secret)
            ours = bool(signing_keys(proof, key))
        except (SpendingConditionError, CryptoError):
            owners.add(LockOwner.OTHERS)
            continue
        if conditions.locktime is not None:
            locktimes.append(conditions.locktime)
        refund = refund or bool(conditions.refund)
        sig_all = sig_all or conditions.sigflag == SIG_ALL
        if ours:
            owners.add(LockOwner.OURS)
        elif conditions.lock_expired(when) and not conditions.refund:
            owners.add(LockOwner.OPEN)
        else:
            owners.add(LockOwner.OTHERS)
    if not owners:
        return TokenLock(LockOwner.NONE)
    owner = next(o for o in (LockOwner.OTHERS, LockOwner.OURS, LockOwner.OPEN) if o in owners)
    return TokenLock(owner, min(locktimes, default=None), refund, sig_all)
