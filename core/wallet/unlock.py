"""Receiving ecash locked to this wallet (NUT-11 P2PK, blinded or not with NUT-28): the witnesses it signs.

``SIG_INPUTS`` locks are signed proof by proof before anything else (:func:`core.protocol.p2bk_wallet.unlock_proofs`).
A ``SIG_ALL`` lock signs the whole swap — the inputs and the outputs the wallet is about to ask for — so it is
signed after the outputs are prepared and *before* the swap is journaled: the journal keeps the signed inputs, and
a recovery that replays the swap sends exactly what was signed.

Which SIG_ALL message: NUT-11 changed it in 2025 (inputs' ``secret‖C``, outputs' ``amount‖B_``); mints released
before (nutshell 0.20, the peer the tests run against) check the older one (secrets, then ``B_``). Mints count the
valid signatures among those in the witness, so the first input carries one signature over each message per key:
accepted by both generations, and neither signature lets anyone spend anything else.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from coincurve import PrivateKey

from core.errors import SpendingConditionError
from core.i18n import t
from core.protocol.ec import schnorr_sign
from core.protocol.models import BlindedMessage, Proof
from core.protocol.nut10 import SIG_ALL, Witness, parse_conditions, try_parse_secret
from core.protocol.p2bk_wallet import lock_key_from_seed, sig_all_signing_keys, unlock_proofs
from core.protocol.p2pk import KIND_P2PK, legacy_sig_all_message, sig_all_message
from core.protocol.tokens import Token

__all__ = ["LockedToAnotherKey", "UnlockedToken", "refuse_foreign_locks", "sign_sig_all_swap", "unlock_for_receive"]


class LockedToAnotherKey(SpendingConditionError):
    """The token is locked to a key this wallet does not hold (said before the mint is asked)."""

    code = "locked-to-another-key"


@dataclass(frozen=True)
class UnlockedToken:
    token: Token  # SIG_INPUTS locks of ours signed, ``p2pk_e`` dropped
    sig_all_keys: tuple[PrivateKey, ...]  # non-empty: sign the swap with sign_sig_all_swap once outputs exist


def unlock_for_receive(token: Token, seed: bytes, now: int | None = None) -> UnlockedToken:
    """The token ready to swap but for a SIG_ALL witness, and the keys of ours that sign that witness."""
    when = int(time.time()) if now is None else now
    key = lock_key_from_seed(seed)
    keys = sig_all_signing_keys(token.proofs, key)  # before unlocking: P2BK needs the proofs' p2pk_e
    unlocked = unlock_proofs(token.proofs, key, when, defer_sig_all=True)
    return UnlockedToken(dataclasses.replace(token, proofs=unlocked), tuple(keys))


def sign_sig_all_swap(
    inputs: Sequence[Proof], outputs: Sequence[BlindedMessage], keys: Sequence[PrivateKey]
) -> list[Proof]:
    """The inputs with the SIG_ALL witness on the first (both message generations, see the module) and none on
    the others, as NUT-11 asks."""
    if not inputs or not keys:
        return list(inputs)
    messages = (sig_all_message(inputs, outputs), legacy_sig_all_message(inputs, outputs))
    witness = Witness(signatures=tuple(schnorr_sign(message, key) for key in keys for message in messages))
    return [replace(inputs[0], witness=witness.serialize()), *(replace(p, witness=None) for p in inputs[1:])]


def refuse_foreign_locks(unlocked: UnlockedToken, now: int | None = None) -> None:
    """Raise :class:`LockedToAnotherKey` when a P2PK lock would stay unsatisfied: nothing is journaled and the
    mint is not asked to refuse. A lock past its locktime with no refund key is anyone's (NUT-11) and passes; the
    mint has the last word on everything else (its clock, multisig thresholds)."""
    when = int(time.time()) if now is None else now
    for proof in unlocked.token.proofs:
        try:
            secret = try_parse_secret(proof.secret)
        except SpendingConditionError:
            continue  # a malformed secret: the mint's refusal is the definite answer
        if secret is None or secret.kind != KIND_P2PK:
            continue
        conditions = parse_conditions(secret)
        if conditions.lock_expired(when) and not conditions.refund:
            continue
        signed = bool(unlocked.sig_all_keys) if conditions.sigflag == SIG_ALL else proof.witness is not None
        if not signed:
            raise LockedToAnotherKey(
                t(
                    "this token is locked to another key: only its owner can receive it "
                    "(or, after its locktime, its sender)"
                )
                if conditions.refund
                else t("this token is locked to another key: only its owner can receive it")
            )
