"""Receive: redeem a token by swapping its proofs into fresh ones of our own (paying the mint's input fee)."""

from __future__ import annotations

from dataclasses import dataclass

from core.errors import DleqError, ProofsAlreadySpent, TokenDecodeError
from core.i18n import t
from core.protocol import dleq
from core.protocol.amounts import split
from core.protocol.models import Proof
from core.protocol.tokens import Token
from core.recovery.failpoints import failpoint
from core.wallet.context import MintWallet
from core.wallet.outputs import prepare_outputs
from core.wallet.settle import raise_unsettled
from core.wallet.swap import SwapRefused, run_swap
from core.wallet.unlock import refuse_foreign_locks, sign_sig_all_swap, unlock_for_receive

__all__ = ["ReceiveResult", "normalize_token_proofs", "receive_token"]


@dataclass(frozen=True)
class ReceiveResult:
    amount: int
    fee: int
    mint: str
    unit: str
    operation_id: str


def normalize_token_proofs(mw: MintWallet, token: Token) -> list[Proof]:
    """Expand short keyset ids to the mint's full ids and verify every DLEQ proof the token carries."""
    proofs = []
    for proof in token.proofs:
        full_id = mw.keychain.full_id(proof.id)
        keyset = mw.keychain.get(full_id)
        if keyset.unit != token.unit:
            raise TokenDecodeError(
                t("the token says unit {0} but keyset {1} is {2}").format(token.unit, full_id, keyset.unit)
            )
        if proof.amount not in keyset.keys:
            raise TokenDecodeError(t("keyset {0} has no key for amount {1}").format(full_id, proof.amount))
        proof = Proof(
            id=full_id, amount=proof.amount, secret=proof.secret, C=proof.C, dleq=proof.dleq, witness=proof.witness
        )
        if (
            proof.dleq is not None
            and proof.dleq.r is not None
            and not dleq.verify_proof_dleq(proof, keyset.keys[proof.amount])
        ):
            raise DleqError(t("the token's DLEQ proof does not verify: it was not signed by this mint"))
        proofs.append(proof)
    return proofs


async def receive_token(mw: MintWallet, token: Token, *, kind: str = "receive") -> ReceiveResult:
    unit = token.unit
    unlocked = unlock_for_receive(token, mw.seed)  # P2PK/P2BK locks to our key signed (SIG_ALL: below)
    if kind == "receive":  # a user's receive; a till's sale and a reclaim keep their own handling of refusals
        refuse_foreign_locks(unlocked)
    inputs = normalize_token_proofs(mw, unlocked.token)
    total = sum(p.amount for p in inputs)
    fee = mw.fee_for(inputs)
    if total - fee <= 0:
        raise TokenDecodeError(
            t("the token is worth {0} {1}, less than the mint's fee of {2} {1}").format(total, unit, fee)
        )
    keyset = mw.keychain.active(unit)
    # One commit for the reserved counters and the journal entry with its fee (three before): all of it is on disk
    # before any request leaves, and a crash before that commit loses nothing — no output was ever shown to the
    # mint, so counters that were never advanced cannot be reused against it. The writer's lock keeps another
    # process from reserving the same counters meanwhile.
    with mw.store.atomic():
        outputs = prepare_outputs(mw.store, mw.seed, keyset.id, split(total - fee, sorted(keyset.keys)))
        if unlocked.sig_all_keys:  # signed over these very outputs, before the journal keeps the inputs
            inputs = sign_sig_all_swap(inputs, [o.blinded_message() for o in outputs], unlocked.sig_all_keys)
        op_id = mw.store.create_operation(
            kind=kind,
            mint_url=mw.url,
            unit=unit,
            amount=total - fee,
            memo=token.memo or "",
            data={
                "inputs": [p.to_json() for p in inputs],
                "outputs": [o.to_dict() for o in outputs],
            },
            fee=fee,  # with the entry, not a second update that re-reads its inputs
        )
    failpoint(f"{kind}:after_prepare")
    try:
        new_proofs = await run_swap(mw, op_id, kind, inputs, outputs, own_inputs=False)
    except SwapRefused as refused:
        # The mint refused, and its records settled it: finished (an earlier try went through), or rolled back.
        if refused.settled.result != "finished":
            if isinstance(refused.cause, ProofsAlreadySpent):
                raise ProofsAlreadySpent(
                    t("this token was already spent (claimed by someone, or received before)"),
                    mint_code=refused.cause.mint_code,
                ) from refused.cause
            raise_unsettled(refused.settled, refused.cause)
        return ReceiveResult(amount=total - fee, fee=fee, mint=mw.url, unit=unit, operation_id=op_id)
    with mw.store.atomic():
        mw.store_proofs(new_proofs, unit, op_id=op_id)
        mw.store.update_operation(op_id, state="done")
    return ReceiveResult(amount=total - fee, fee=fee, mint=mw.url, unit=unit, operation_id=op_id)
