"""The NUT-18 payment payload: what the payer delivers for a request (``{id, memo, mint, unit, proofs}``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.errors import PaymentRequestError
from core.i18n import t
from core.protocol.models import Proof
from core.protocol.payment_request_model import optional_field, require_field


@dataclass(frozen=True)
class PaymentRequestPayload:
    """What the payer delivers: ``{id, memo, mint, unit, proofs}`` (NUT-18)."""

    mint: str
    unit: str
    proofs: list[Proof] = field(hash=False)
    id: str | None = None
    memo: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.id is not None:
            out["id"] = self.id
        if self.memo is not None:
            out["memo"] = self.memo
        out["mint"] = self.mint
        out["unit"] = self.unit
        # DLEQ proofs travel with the ecash so the receiver can check the mint's signatures offline (NUT-12).
        out["proofs"] = [proof.to_json() for proof in self.proofs]
        return out

    @classmethod
    def from_json(cls, data: object) -> PaymentRequestPayload:
        """Parse a received payload; raises ``PaymentRequestError`` when it is malformed."""
        body = require_field(data, Mapping, "payload")
        raw_proofs = require_field(body.get("proofs"), list, "proofs")
        try:
            proofs = [Proof.from_json(require_field(raw, Mapping, "proof")) for raw in raw_proofs]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise PaymentRequestError(t("payload contains a malformed proof: {0}").format(exc)) from exc
        if not proofs:
            raise PaymentRequestError(t("payload contains no proofs"))
        return cls(
            mint=require_field(body.get("mint"), str, "mint"),
            unit=require_field(body.get("unit"), str, "unit"),
            proofs=proofs,
            id=optional_field(body.get("id"), str, "id"),
            memo=optional_field(body.get("memo"), str, "memo"),
        )
