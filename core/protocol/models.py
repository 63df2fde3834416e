"""Plain value types of the Cashu protocol (NUT-00, NUT-12), shared by every other protocol module.

They know nothing about storage or HTTP. ``to_json``/``from_json`` use the field names of the NUT
HTTP API, so a mint's answer and our requests go through them unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["DLEQ", "BlindSignature", "BlindedMessage", "Proof"]


@dataclass(frozen=True)
class DLEQ:
    """NUT-12 proof: ``e`` and ``s`` always; ``r`` (the blinding factor) only on proofs we send."""

    e: str
    s: str
    r: str | None = None

    def to_json(self) -> dict[str, str]:
        out = {"e": self.e, "s": self.s}
        if self.r is not None:
            out["r"] = self.r
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DLEQ:
        return cls(e=str(data["e"]), s=str(data["s"]), r=None if data.get("r") is None else str(data["r"]))


@dataclass(frozen=True)
class Proof:
    """An unblinded signature: the ecash itself. ``C`` is the compressed point in hex."""

    id: str
    amount: int
    secret: str
    C: str
    dleq: DLEQ | None = None
    witness: str | None = None
    p2pk_e: str | None = None  # NUT-28: the sender's ephemeral key E (token metadata, never sent to the mint)

    def to_json(self, *, include_dleq: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "amount": self.amount, "secret": self.secret, "C": self.C}
        if include_dleq and self.dleq is not None:
            out["dleq"] = self.dleq.to_json()
        if self.witness is not None:
            out["witness"] = self.witness
        if self.p2pk_e is not None:
            out["p2pk_e"] = self.p2pk_e
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Proof:
        dleq = data.get("dleq")
        witness = data.get("witness")
        return cls(
            id=str(data["id"]),
            amount=int(data["amount"]),
            secret=str(data["secret"]),
            C=str(data["C"]),
            dleq=DLEQ.from_json(dleq) if isinstance(dleq, dict) else None,
            witness=None if witness is None else str(witness),
            p2pk_e=None if data.get("p2pk_e") is None else str(data["p2pk_e"]),
        )


@dataclass(frozen=True)
class BlindedMessage:
    """An output sent to the mint: ``B_`` is the blinded point in hex."""

    id: str
    amount: int
    B_: str

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "amount": self.amount, "B_": self.B_}


@dataclass(frozen=True)
class BlindSignature:
    """The mint's signature on a blinded message: ``C_`` in hex, optional DLEQ ``{e, s}``."""

    id: str
    amount: int
    C_: str
    dleq: DLEQ | None = field(default=None)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BlindSignature:
        dleq = data.get("dleq")
        return cls(
            id=str(data["id"]),
            amount=int(data["amount"]),
            C_=str(data["C_"]),
            dleq=DLEQ.from_json(dleq) if isinstance(dleq, dict) else None,
        )
