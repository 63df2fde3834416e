"""Deterministic blinded outputs (NUT-13) and turning the mint's signatures back into proofs.

Nothing the mint says is believed: each signature must answer the output it was asked for (count, our own
amount and keyset, a key of ours, a DLEQ proof that verifies whenever the mint lists NUT-12). A violation
raises ``MintMisbehaved`` (an *outcome unknown*): nothing is counted, the operation stays in the journal,
and recovery restores from the mint's own records through these same checks.

Counters are reserved (advanced and committed in the database) *before* the outputs exist, so a crash or a
retry can never reuse one — reusing a counter makes the mint answer 11003 "outputs already signed".
A ``PreparedOutput`` keeps its secret and blinding factor, so the operation journal can store it and a
resumed operation can unblind signatures it gets back later (or via NUT-09 restore).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from core.errors import CryptoError, MintMisbehaved, ProtocolError
from core.i18n import t
from core.ports.storage import CounterPort
from core.protocol import bdhke, derivation, dleq, ec
from core.protocol.models import DLEQ, BlindedMessage, BlindSignature, Proof
from core.wallet.misbehaviour import mark_misbehaved

if TYPE_CHECKING:
    from core.wallet.context import MintWallet

__all__ = [
    "Answer",
    "PreparedOutput",
    "derive_outputs",
    "prepare_outputs",
    "unblind_signatures",
    "verified_change",
    "verified_proofs",
]


@dataclass(frozen=True)
class PreparedOutput:
    amount: int
    keyset_id: str
    counter: int
    secret: str
    r: str  # blinding factor, hex
    B_: str

    def blinded_message(self) -> BlindedMessage:
        return BlindedMessage(id=self.keyset_id, amount=self.amount, B_=self.B_)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PreparedOutput:
        return cls(**{k: data[k] for k in ("amount", "keyset_id", "counter", "secret", "r", "B_")})


def derive_outputs(seed: bytes, keyset_id: str, amounts: Sequence[int], first_counter: int) -> list[PreparedOutput]:
    """Outputs for consecutive counters starting at ``first_counter`` (no reservation: used by restore)."""
    outputs = []
    for offset, amount in enumerate(amounts):
        counter = first_counter + offset
        secret, r = derivation.derive_secret_and_r(seed, keyset_id, counter)
        B_ = bdhke.blind(secret, r)
        outputs.append(PreparedOutput(amount, keyset_id, counter, secret, r.hex(), B_))
    return outputs


def prepare_outputs(store: CounterPort, seed: bytes, keyset_id: str, amounts: Sequence[int]) -> list[PreparedOutput]:
    """Reserve ``len(amounts)`` counters (committed first), then derive the outputs."""
    if not amounts:
        return []
    first = store.reserve_counters(keyset_id, len(amounts))
    return derive_outputs(seed, keyset_id, amounts, first)


class Answer(StrEnum):
    """What a list of signatures answers, which decides what may differ from our outputs."""

    # swap / mint: one signature per output, the amount is ours.
    EXACT = "exact"
    # NUT-09 restore: the mint answers only the outputs it knows (paired by the caller); amounts are the
    # mint's, bounded to a power of two that our keyset has a key for, and the DLEQ proves the key.
    RESTORE = "restore"
    # NUT-08 melt change: at most one signature per blank output, amounts the mint's, total within the reserve.
    CHANGE = "change"


def _is_power_of_two(amount: int) -> bool:
    return amount > 0 and amount & (amount - 1) == 0


def _check_amount(output: PreparedOutput, signature: BlindSignature, answer: Answer, keys: Mapping[int, str]) -> int:
    if answer is Answer.EXACT:
        if signature.amount != output.amount:
            raise MintMisbehaved(t("the mint signed {0} for an output of {1}").format(signature.amount, output.amount))
        amount = output.amount
    else:
        amount = signature.amount
        if not _is_power_of_two(amount):
            raise MintMisbehaved(t("the mint answered an amount of {0}, which is not a power of two").format(amount))
    if amount not in keys:
        raise MintMisbehaved(
            t("the mint signed an amount ({0}) keyset {1} has no key for").format(amount, output.keyset_id)
        )
    return amount


def unblind_signatures(
    outputs: Sequence[PreparedOutput],
    signatures: Sequence[BlindSignature],
    keys_by_keyset: Mapping[str, Mapping[int, str]],
    *,
    answer: Answer = Answer.EXACT,
    require_dleq: bool = False,
    change_limit: int | None = None,
) -> list[Proof]:
    """Check every signature against the output it answers (``signatures[i]`` ↔ ``outputs[i]``), then unblind.

    The proof carries OUR keyset and (for swap/mint) OUR amount, never the mint's numbers. A DLEQ proof is
    verified whenever present, and required with ``require_dleq`` (the mint lists NUT-12). ``change_limit``
    bounds the total of NUT-08 change (what we overpaid). Any violation raises ``MintMisbehaved``.
    """
    if answer is Answer.CHANGE:
        if len(signatures) > len(outputs):
            raise MintMisbehaved(
                t("the mint returned {0} change signatures for {1} blanks").format(len(signatures), len(outputs))
            )
    elif len(signatures) != len(outputs):
        raise MintMisbehaved(
            t("the mint returned {0} signatures for {1} outputs").format(len(signatures), len(outputs))
        )
    proofs = []
    for output, signature in zip(outputs, signatures, strict=False):
        keys = keys_by_keyset.get(output.keyset_id)
        if keys is None:
            raise CryptoError(t("no keys for our own keyset {0}").format(output.keyset_id))
        if signature.id != output.keyset_id:
            raise MintMisbehaved(
                t("the mint signed with keyset {0}, not ours ({1})").format(signature.id, output.keyset_id)
            )
        amount = _check_amount(output, signature, answer, keys)
        mint_key = keys[amount]
        try:  # parsed once for the DLEQ check and the unblinding; a bad point fails whichever comes first
            C_point = ec.parse_point(signature.C_, "C_")
        except CryptoError:
            C_point = None
        proof_dleq = None
        if signature.dleq is None:
            if require_dleq:
                raise MintMisbehaved(t("the mint lists NUT-12 but sent a signature without a DLEQ proof"))
        else:
            try:
                ok = C_point is not None and dleq.verify_blind_signature_dleq(
                    output.B_, C_point, signature.dleq.e, signature.dleq.s, mint_key
                )
            except ProtocolError:
                ok = False
            if not ok:
                raise MintMisbehaved(t("the mint's DLEQ proof does not verify: its signature is not by our key"))
            proof_dleq = DLEQ(e=signature.dleq.e, s=signature.dleq.s, r=output.r)
        try:
            if C_point is None:
                raise CryptoError(t("C_ is not a point on secp256k1"))
            C = bdhke.unblind(C_point, bytes.fromhex(output.r), mint_key)
        except (ProtocolError, ValueError) as exc:
            raise MintMisbehaved(t("the mint's signature is not a valid point: {0}").format(exc)) from exc
        proofs.append(Proof(id=output.keyset_id, amount=amount, secret=output.secret, C=C, dleq=proof_dleq))
    if change_limit is not None and (total := sum(p.amount for p in proofs)) > change_limit:
        raise MintMisbehaved(
            t("the mint returned {0} of change, more than the {1} overpaid").format(total, change_limit)
        )
    return proofs


def _verified(
    mw: MintWallet, outputs: Sequence[PreparedOutput], signatures: Sequence[BlindSignature], **kw: Any
) -> list[Proof]:
    try:
        return unblind_signatures(outputs, signatures, mw.keychain.keys_map(), require_dleq=mw.supports(12), **kw)
    except MintMisbehaved as exc:
        exc.mint_url = mw.url
        exc.message = f"mint {mw.url} misbehaved: {exc.message}; nothing was counted, recovery will ask the mint"
        exc.args = (exc.message,)
        mark_misbehaved(mw.store, mw.url, str(exc))
        raise


def verified_proofs(
    mw: MintWallet,
    outputs: Sequence[PreparedOutput],
    signatures: Sequence[BlindSignature],
    *,
    restore: bool = False,
) -> list[Proof]:
    """``unblind_signatures`` for ``mw``'s mint: DLEQ required when it lists NUT-12; a violation marks it."""
    return _verified(mw, outputs, signatures, answer=Answer.RESTORE if restore else Answer.EXACT)


def verified_change(
    mw: MintWallet, blanks: Sequence[PreparedOutput], signatures: Sequence[BlindSignature], overpaid: int
) -> list[Proof]:
    """NUT-08 change: at most one per blank, each a power of two, the total at most ``overpaid``."""
    return _verified(mw, blanks, signatures, answer=Answer.CHANGE, change_limit=max(0, overpaid))
