"""BOLT11 invoices: decode once into a small value type, refuse expired ones before any request."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

import bolt11

from core.i18n import t
from core.payments.errors import InvalidInvoice

__all__ = ["Invoice", "decode_invoice", "looks_like_bolt11"]

# ln + network + optional amount (digits and a multiplier) + the bech32 separator "1" + data (BOLT11).
_BOLT11 = re.compile(r"^ln(bcrt|tbs|tb|bc|sb)(\d+[munp]?)?1[02-9ac-hj-np-z]{8,}$")


def looks_like_bolt11(text: str) -> bool:
    """``ln`` + a network prefix + an optional amount + the bech32 separator ``1`` (either case)."""
    return _BOLT11.match(text.lower()) is not None


@dataclass(frozen=True)
class Invoice:
    request: str  # lower case, as mints expect
    amount_msat: int | None
    payment_hash: str
    description: str | None
    description_hash: str | None
    created_at: int
    expires_at: int
    network: str

    @property
    def amount_sat(self) -> int | None:
        """Whole sats, rounded up (what a mint charges for a fractional-sat invoice)."""
        return None if self.amount_msat is None else -(-self.amount_msat // 1000)

    def expired(self, now: float | None = None) -> bool:
        return (time.time() if now is None else now) >= self.expires_at

    def to_json(self) -> dict[str, Any]:
        return {
            "request": self.request,
            "amount_msat": self.amount_msat,
            "amount": self.amount_sat,
            "payment_hash": self.payment_hash,
            "description": self.description,
            "description_hash": self.description_hash,
            "expires_at": self.expires_at,
            "expired": self.expired(),
            "network": self.network,
        }


def decode_invoice(text: str) -> Invoice:
    """Decode a bolt11 string (any case, optional ``lightning:`` prefix); raises ``InvalidInvoice``."""
    request = text.strip()
    if request[:10].lower() == "lightning:":
        request = request[10:]
    request = request.lower()
    try:
        decoded = bolt11.decode(request)
    except Exception as exc:  # the library raises many types (ValueError, its own, bitstring errors)
        raise InvalidInvoice(t("this Lightning invoice cannot be decoded: {0}").format(exc)) from exc
    expiry = decoded.expiry if decoded.expiry is not None else 3600
    return Invoice(
        request=request,
        amount_msat=int(decoded.amount_msat) if decoded.amount_msat else None,
        payment_hash=str(decoded.payment_hash),
        description=decoded.description,
        description_hash=decoded.description_hash,
        created_at=int(decoded.date),
        expires_at=int(decoded.date) + int(expiry),
        network=str(decoded.currency),
    )
