"""Checkout rules without I/O: what a customer owes (tip, fee advance, fiat entry), whether what they handed
over can pay it (unit, mint policy, amount — all checked before anything is redeemed), and the
``CheckoutSession`` that a till screen watches: waiting → received → settling → paid | failed(reason)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from core.errors import UserFacingError
from core.i18n import t
from core.mint_client.http import normalize_mint_url
from core.pos.policy import PosPolicy
from core.pos.pricing import UnitPrice
from core.pos.types import FailureReason, Sale, SaleState
from core.protocol.models import Proof
from core.protocol.units import format_amount

__all__ = ["CheckoutSession", "Offer", "PaymentRefused", "check_offer", "owed", "tip_for_percent"]


class PaymentRefused(UserFacingError):
    """The payment cannot settle this sale; ``reason`` says why and ``advice`` what the cashier should do."""

    code = "payment-refused"

    def __init__(self, reason: FailureReason, message: str) -> None:
        super().__init__(message)
        self.reason = reason

    @property
    def advice(self) -> str:
        return self.reason.advice


@dataclass(frozen=True)
class Offer:
    """Ecash a customer handed over (a pasted or scanned token, or a NUT-18 payload)."""

    mint: str
    unit: str
    proofs: tuple[Proof, ...]
    memo: str | None = None
    via: str = "token"  # token · post · nostr

    @property
    def amount(self) -> int:
        return sum(p.amount for p in self.proofs)

    @property
    def secrets(self) -> list[str]:
        return [p.secret for p in self.proofs]

    def to_json(self) -> dict[str, object]:
        return {
            "mint": self.mint,
            "unit": self.unit,
            "memo": self.memo,
            "via": self.via,
            "proofs": [p.to_json() for p in self.proofs],
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Offer:
        raw = data.get("proofs")
        assert isinstance(raw, list)
        memo = data.get("memo")
        return cls(
            mint=str(data["mint"]),
            unit=str(data["unit"]),
            proofs=tuple(Proof.from_json(p) for p in raw),
            memo=None if memo is None else str(memo),
            via=str(data.get("via", "token")),
        )


def tip_for_percent(base: int, percent: Decimal | int) -> int:
    """A tip of ``percent`` % of ``base``, rounded half up to a whole unit."""
    return int((Decimal(base) * Decimal(percent) / 100).to_integral_value(rounding=ROUND_HALF_UP))


def owed(base: int, tip: int, policy: PosPolicy) -> int:
    """What the customer pays: the price, the tip and the shop's fee advance."""
    if base <= 0:
        raise UserFacingError(t("enter an amount to charge"))
    if tip < 0:
        raise UserFacingError(t("a tip cannot be negative"))
    return base + tip + policy.fee_advance


def _due_in(sale: Sale, unit: str, price: UnitPrice | None) -> int:
    """What ``sale`` costs in ecash of ``unit``: its amount, or converted at ``price`` (another unit)."""
    if unit == sale.unit:
        return sale.amount
    if price is None or price.unit != unit:
        raise PaymentRefused(
            FailureReason.WRONG_UNIT, t("the ecash is in {0}; this sale is in {1}").format(unit, sale.unit)
        )
    return price.due(sale.amount)


def check_offer(sale: Sale, offer: Offer, policy: PosPolicy, price: UnitPrice | None = None) -> tuple[str, int]:
    """(the settlement — "swap" or "melt" —, what is due in the offer's unit) for ``offer``, or
    ``PaymentRefused`` — before anything is redeemed.

    ``price``: ecash in another unit than the sale's is accepted at this price (``core.pos.pricing``).
    """
    if not offer.proofs:
        raise PaymentRefused(FailureReason.INVALID, t("the token holds no ecash"))
    mint = normalize_mint_url(offer.mint)
    settlement = policy.settlement_for(mint)
    if settlement is None:
        raise PaymentRefused(
            FailureReason.UNTRUSTED_MINT, t("{0} is not one of this shop's trusted mints").format(mint)
        )
    due = _due_in(sale, offer.unit, price)
    if offer.amount < due:
        missing = format_amount(due - offer.amount, offer.unit)
        priced = f" ({format_amount(sale.amount, sale.unit)} at {price.describe()})" if price is not None else ""
        raise PaymentRefused(
            FailureReason.UNDERPAID,
            t("the token is worth {0}; {1}{2} is due ({3} missing)").format(
                format_amount(offer.amount, offer.unit), format_amount(due, offer.unit), priced, missing
            ),
        )
    if settlement == "melt" and not policy.backend:
        raise PaymentRefused(
            FailureReason.NO_BACKEND, t("ecash from {0} must be forwarded, and no backend is set").format(mint)
        )
    return settlement, due


@dataclass
class CheckoutSession:
    """One sale on the till screen: its NUT-18 request and its live state; ``watch`` to hear every change."""

    sale: Sale
    request: str  # the creqA string shown as the QR
    transports: tuple[str, ...] = ()
    _watchers: list[Callable[[Sale], None]] = field(default_factory=list, repr=False)

    @property
    def state(self) -> SaleState:
        return self.sale.state

    def watch(self, callback: Callable[[Sale], None]) -> None:
        self._watchers.append(callback)

    def update(self, sale: Sale) -> None:
        self.sale = sale
        for callback in list(self._watchers):
            callback(sale)
