"""Deterministic blinded outputs (NUT-13) and turning the mint's signatures back into proofs.

Counters are reserved (advanced and committed in the database) *before* the outputs exist, so a crash or a
retry can never reuse one — reusing a counter makes the mint answer 11003 "outputs already signed".
A ``PreparedOutput`` keeps its secret and blinding factor, so the operation journal can store it and a
resumed operation can unblind signatures it gets back later (or via NUT-09 restore).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from core.errors import CryptoError, DleqError
from core.ports.storage import CounterPort
from core.protocol import bdhke, derivation, dleq
from core.protocol.models import DLEQ, BlindedMessage, BlindSignature, Proof

__all__ = ["PreparedOutput", "derive_outputs", "prepare_outputs", "unblind_signatures"]


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
        B_, _ = bdhke.blind_message(secret, r)
        outputs.append(PreparedOutput(amount, keyset_id, counter, secret, r.hex(), B_))
    return outputs


def prepare_outputs(store: CounterPort, seed: bytes, keyset_id: str, amounts: Sequence[int]) -> list[PreparedOutput]:
    """Reserve ``len(amounts)`` counters (committed first), then derive the outputs."""
    if not amounts:
        return []
    first = store.reserve_counters(keyset_id, len(amounts))
    return derive_outputs(seed, keyset_id, amounts, first)


def unblind_signatures(
    outputs: Sequence[PreparedOutput],
    signatures: Sequence[BlindSignature],
    keys_by_keyset: Mapping[str, Mapping[int, str]],
) -> list[Proof]:
    """Pair signatures with outputs in order, verify each DLEQ when present, and unblind.

    For NUT-08 change the mint returns fewer signatures than blank outputs and sets their amounts:
    ``signatures[i]`` pairs with ``outputs[i]`` and the signature's amount wins.
    """
    if len(signatures) > len(outputs):
        raise CryptoError("the mint returned more signatures than outputs")
    proofs = []
    for output, signature in zip(outputs, signatures, strict=False):
        keys = keys_by_keyset.get(signature.id)
        if keys is None or signature.amount not in keys:
            raise CryptoError(f"the mint signed with an unknown key ({signature.id}, amount {signature.amount})")
        mint_key = keys[signature.amount]
        r = bytes.fromhex(output.r)
        proof_dleq = None
        if signature.dleq is not None:
            if not dleq.verify_blind_signature_dleq(
                output.B_, signature.C_, signature.dleq.e, signature.dleq.s, mint_key
            ):
                raise DleqError("the mint's DLEQ proof does not verify: its signature cannot be trusted")
            proof_dleq = DLEQ(e=signature.dleq.e, s=signature.dleq.s, r=output.r)
        C = bdhke.unblind(signature.C_, r, mint_key)
        proofs.append(Proof(id=signature.id, amount=signature.amount, secret=output.secret, C=C, dleq=proof_dleq))
    return proofs
