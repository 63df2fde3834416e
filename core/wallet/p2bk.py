"""NUT-28 in the wallet's send and receive (P2BK): blinded lock outputs, their ephemeral keys journaled with the
send (so a send finished by recovery still hands the receiver ``p2pk_e``), and received locks unlocked.

The pure parts are :mod:`core.protocol.p2bk` (the vectors' maths) and :mod:`core.protocol.p2bk_wallet`.
"""

from __future__ import annotations

import dataclasses
import secrets as random_secrets
import time
from typing import TYPE_CHECKING

from core.ports.storage import WalletStore
from core.protocol import bdhke
from core.protocol.models import Proof
from core.protocol.p2bk_wallet import lock_key_from_seed, make_blinded_p2pk_secret, unlock_proofs
from core.protocol.p2pk import make_p2pk_secret
from core.protocol.tokens import Token
from core.wallet.outputs import PreparedOutput

if TYPE_CHECKING:
    from core.wallet.send import LockOptions

__all__ = ["JOURNAL_KEY", "attach_ephemeral_keys", "locked_outputs", "unlock_token"]

JOURNAL_KEY = "p2bk"  # operation data: {secret: E} of the blinded send outputs


def locked_outputs(
    keyset_id: str, amounts: list[int], lock: LockOptions
) -> tuple[list[PreparedOutput], dict[str, str]]:
    """P2PK outputs with fresh random secrets (not derivable from the seed), blinded unless ``lock.blind`` is off:
    one ephemeral key per output, so no two proofs share a lock key the mint could link."""
    outputs, ephemeral = [], {}
    for amount in amounts:
        if lock.blind:
            blinded = make_blinded_p2pk_secret(lock.pubkey, locktime=lock.locktime, refund=lock.refund)
            secret = blinded.secret
            ephemeral[secret] = blinded.ephemeral_pubkey
        else:
            secret = make_p2pk_secret(lock.pubkey, locktime=lock.locktime, refund=list(lock.refund))
        r = random_secrets.token_bytes(32)
        B_, _ = bdhke.blind_message(secret, r)
        outputs.append(PreparedOutput(amount, keyset_id, -1, secret, r.hex(), B_))
    return outputs, ephemeral


def attach_ephemeral_keys(store: WalletStore, op_id: str, proofs: list[Proof]) -> list[Proof]:
    """The sent proofs with ``p2pk_e`` from the send's journal entry (unchanged when it blinded nothing)."""
    operation = store.get_operation(op_id)
    ephemeral = operation.data.get(JOURNAL_KEY, {}) if operation is not None else {}
    if not ephemeral:
        return proofs
    return [dataclasses.replace(p, p2pk_e=ephemeral.get(p.secret, p.p2pk_e)) for p in proofs]


def unlock_token(token: Token, seed: bytes, now: int | None = None) -> Token:
    """The token with every P2PK proof this wallet can unlock signed, ``p2pk_e`` removed."""
    when = int(time.time()) if now is None else now
    return dataclasses.replace(token, proofs=unlock_proofs(token.proofs, lock_key_from_seed(seed), when))
