"""NUT-28 (P2BK) for the front ends: the wallet's own lock key, which senders lock ecash to.

Locks made here are blinded by default (``LockOptions.blind``); received locks to this key, blinded or not, are
unlocked by the receive itself. See :mod:`core.protocol.p2bk_wallet`.
"""

from core.api.service import WalletService
from core.protocol.p2bk_wallet import lock_pubkey_from_seed

__all__ = ["wallet_lock_key"]


def wallet_lock_key(service: WalletService) -> str:
    """``P2PK:<compressed hex>``: what to give a sender who should lock ecash to this wallet."""
    return "P2PK:" + lock_pubkey_from_seed(service.seed)
