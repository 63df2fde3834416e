"""Send: make a token for ``amount``.

Online: select inputs (inactive keysets first), swap them into the exact send amount plus our change, so
the token is exact. Offline: hand over existing proofs that sum exactly to the amount, without asking the
mint. Either way the sent proofs stay ``pending`` until NUT-07 says the receiver claimed them, and the
token can be reclaimed until then. With ``lock`` the send outputs are P2PK-locked (NUT-11) and carry
fresh random secrets (a locked secret is not derivable from the seed).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from core.errors import CryptoError, InsufficientBalance, UserFacingError
from core.i18n import t
from core.protocol.amounts import split
from core.protocol.ec import parse_point
from core.protocol.keysets import short_id
from core.protocol.models import Proof
from core.protocol.tokens import Token
from core.recovery.failpoints import failpoint
from core.wallet.context import MintWallet
from core.wallet.inputs import Unspent, choose_exact, choose_inputs, with_reserved_inputs
from core.wallet.outputs import PreparedOutput, prepare_outputs
from core.wallet.p2bk import JOURNAL_KEY, attach_ephemeral_keys, locked_outputs
from core.wallet.settle import raise_unsettled
from core.wallet.swap import SwapRefused, run_swap

__all__ = ["LockOptions", "SendResult", "finished_send", "record_sent_token", "send_token"]


@dataclass(frozen=True)
class LockOptions:
    """NUT-11 lock: only ``pubkey``'s owner can spend; after ``locktime`` the ``refund`` keys can too."""

    pubkey: str
    locktime: int | None = None
    refund: tuple[str, ...] = ()
    blind: bool = True  # NUT-28 P2BK: the mint sees keys it cannot link to the receiver

    def __post_init__(self) -> None:
        # Wallets show locks as "P2PK:<hex>" (nutshell's `cashu lock`); accept that form too.
        keys = [_normalize_pubkey(self.pubkey), *(_normalize_pubkey(k) for k in self.refund)]
        object.__setattr__(self, "pubkey", keys[0])
        object.__setattr__(self, "refund", tuple(keys[1:]))


def _normalize_pubkey(text: str) -> str:
    key = text.strip()
    if key.upper().startswith("P2PK:"):
        key = key[5:]
    try:
        parse_point(key, "public key")
    except CryptoError as exc:
        raise UserFacingError(
            t("not a public key to lock to: {0!r} (33-byte compressed hex expected)").format(text)
        ) from exc
    return key.lower()


@dataclass(frozen=True)
class SendResult:
    token: str
    amount: int
    fee: int
    operation_id: str
    proofs: tuple[Proof, ...]


def record_sent_token(mw: MintWallet, op_id: str, unit: str, sent: list[Proof], amount: int, memo: str) -> str:
    """Encode the sent proofs as a token and list it as pending until claimed; returns the token."""
    # V4 tokens carry the 8-byte short form of v2 keyset ids (NUT-02): a smaller token, a sparser QR code.
    # Receivers map it back with the mint's keyset list.
    compact = [dataclasses.replace(p, id=short_id(p.id)) for p in attach_ephemeral_keys(mw.store, op_id, sent)]
    token = Token(mint=mw.url, unit=unit, memo=memo or None, proofs=compact).encode_v4()
    mw.store.add_exported_token(operation_id=op_id, mint_url=mw.url, unit=unit, amount=amount, token=token)
    return token


def _finish(mw: MintWallet, op_id: str, unit: str, sent: list[Proof], amount: int, fee: int, memo: str) -> SendResult:
    token = record_sent_token(mw, op_id, unit, sent, amount, memo)
    return SendResult(token=token, amount=amount, fee=fee, operation_id=op_id, proofs=tuple(sent))


def finished_send(mw: MintWallet, op_id: str, unit: str, amount: int, fee: int, memo: str) -> SendResult:
    """The result of a send the mint's records finished (recovery stored the proofs and the token)."""
    sent = mw.store.proofs(operation_id=op_id, states=("pending",))
    token = next((t.token for t in mw.store.exported_tokens() if t.operation_id == op_id), None)
    if token is None:
        token = record_sent_token(mw, op_id, unit, sent, amount, memo)
    return SendResult(token=token, amount=amount, fee=fee, operation_id=op_id, proofs=tuple(sent))


def _try_exact(
    mw: MintWallet, unspent: Unspent, amount: int, unit: str, memo: str, data: dict[str, Any]
) -> SendResult | None:
    """Existing proofs summing exactly to ``amount`` become the token (no swap, no fee): reserved as pending for a
    new journal entry, all or nothing, in the caller's transaction."""
    exact = choose_exact(mw, unit, amount, held=unspent.held)
    if exact is None:
        return None
    op_id = mw.store.create_operation(
        kind="send",
        mint_url=mw.url,
        unit=unit,
        amount=amount,
        memo=memo,
        data={**data, "inputs": [p.secret for p in exact], "offline": True},
    )
    mw.store.reserve_proofs([p.secret for p in exact], op_id, state="pending")
    mw.store.update_operation(op_id, state="done")
    return _finish(mw, op_id, unit, exact, amount, 0, memo)


def _prepare_swap(
    mw: MintWallet,
    unspent: Unspent,
    amount: int,
    unit: str,
    lock: LockOptions | None,
    memo: str,
    data: dict[str, Any],
) -> tuple[str, list[Proof], list[PreparedOutput], set[str], int]:
    """Select inputs, reserve counters and inputs, and write the journal entry — one transaction (the caller's)."""
    inputs, fee = choose_inputs(mw, unit, amount, held=unspent.held)
    keyset = mw.keychain.active(unit)
    denominations = sorted(keyset.keys)
    change = sum(p.amount for p in inputs) - amount - fee
    send_amounts = split(amount, denominations)
    ephemeral: dict[str, str] = {}
    if lock:
        send_outputs, ephemeral = locked_outputs(keyset.id, send_amounts, lock)
        keep_outputs = prepare_outputs(mw.store, mw.seed, keyset.id, split(change, denominations))
    else:
        both = prepare_outputs(mw.store, mw.seed, keyset.id, send_amounts + split(change, denominations))
        send_outputs, keep_outputs = both[: len(send_amounts)], both[len(send_amounts) :]
    # The mint sees one sorted list, so it cannot tell which outputs are the token and which our change.
    outputs = sorted(send_outputs + keep_outputs, key=lambda o: o.amount)
    send_secrets = {o.secret for o in send_outputs}
    op_id = mw.store.create_operation(
        kind="send",
        mint_url=mw.url,
        unit=unit,
        amount=amount,
        memo=memo,
        data={
            **data,
            "inputs": [p.secret for p in inputs],
            "outputs": [o.to_dict() for o in outputs],
            "send_secrets": sorted(send_secrets),
            JOURNAL_KEY: ephemeral,  # P2BK's E per blinded output, journaled before the swap
        },
    )
    mw.store.reserve_proofs([p.secret for p in inputs], op_id)
    mw.store.update_operation(op_id, fee=fee)
    return op_id, inputs, outputs, send_secrets, fee


async def send_token(
    mw: MintWallet,
    amount: int,
    unit: str,
    *,
    offline: bool = False,
    lock: LockOptions | None = None,
    memo: str = "",
    data: dict[str, Any] | None = None,
) -> SendResult:
    """``data`` goes into the journal entry when it is created (a refund names its sale and idempotency key there,
    so a crash between the send and the caller's own record still leaves the link).

    Inputs are chosen and reserved with the journal entry in one transaction (``with_reserved_inputs``): parallel
    sends on one wallet take other proofs, or wait for another send's change."""
    extra = dict(data or {})
    if not lock:
        exact_result = await with_reserved_inputs(
            mw, unit, lambda unspent: _try_exact(mw, unspent, amount, unit, memo, extra)
        )
        if exact_result is not None:
            return exact_result
    if offline:
        raise InsufficientBalance(
            t("no combination of existing proofs makes exactly {0} {1}: send online (the mint splits them)").format(
                amount, unit
            )
        )
    op_id, inputs, outputs, send_secrets, fee = await with_reserved_inputs(
        mw, unit, lambda unspent: _prepare_swap(mw, unspent, amount, unit, lock, memo, extra)
    )
    failpoint("send:after_prepare")
    try:
        new_proofs = await run_swap(mw, op_id, "send", inputs, outputs, own_inputs=True)
    except SwapRefused as refused:
        raise_unsettled(refused.settled, refused.cause)
        return finished_send(mw, op_id, unit, amount, fee, memo)
    sent = [p for p in new_proofs if p.secret in send_secrets]
    kept = [p for p in new_proofs if p.secret not in send_secrets]
    with mw.store.atomic():
        mw.store.move_proofs([p.secret for p in inputs], owner=op_id, expect=("reserved",), to="spent")
        mw.store_proofs(kept, unit, op_id=op_id)
        mw.store_proofs(sent, unit, state="pending", op_id=op_id)
        mw.store.update_operation(op_id, state="done")
        return _finish(mw, op_id, unit, sent, amount, fee, memo)
