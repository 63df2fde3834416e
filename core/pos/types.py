"""The point of sale's value types: sales and their states, failure reasons with what the cashier should do,
refunds, and the rows of a Z-report."""

from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.pos.pricing import UnitPrice
from core.protocol.units import format_amount

__all__ = [
    "FailureReason",
    "Refund",
    "Sale",
    "SaleState",
    "Settlement",
    "ShiftTotals",
    "ZReport",
    "receipt_number",
]


def receipt_number(text: str) -> int | None:
    """The sale number in a receipt number as printed (``R-000006``; ``R6``, ``r-6`` too), else None."""
    found = re.fullmatch(r"[Rr]-?0*(\d{1,12})", text.strip())
    return int(found.group(1)) if found else None


class SaleState(enum.StrEnum):
    WAITING = "waiting"  # the request is shown; nothing received
    RECEIVED = "received"  # ecash handed over and checked; its secrets recorded; nothing redeemed yet
    SETTLING = "settling"  # the swap or melt is under way (or its outcome is unknown: recovery finishes it)
    PAID = "paid"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def final(self) -> bool:
        return self in (SaleState.PAID, SaleState.FAILED, SaleState.CANCELLED)


# The only moves a sale can make. A failed attempt before redeeming goes back to waiting (the customer can
# hand over other ecash); "settling" never goes back: only the mint's answer decides it.
TRANSITIONS: dict[SaleState, frozenset[SaleState]] = {
    SaleState.WAITING: frozenset({SaleState.RECEIVED, SaleState.SETTLING, SaleState.CANCELLED, SaleState.FAILED}),
    SaleState.RECEIVED: frozenset({SaleState.SETTLING, SaleState.WAITING, SaleState.FAILED}),
    SaleState.SETTLING: frozenset({SaleState.PAID, SaleState.FAILED}),
    SaleState.PAID: frozenset(),
    SaleState.FAILED: frozenset({SaleState.WAITING, SaleState.CANCELLED}),
    SaleState.CANCELLED: frozenset(),
}


class Settlement(enum.StrEnum):
    SWAP = "swap"  # kept as ecash at a trusted mint
    MELT = "melt"  # forwarded to the merchant's Lightning backend
    LIGHTNING = "lightning"  # the customer paid a Lightning invoice


class FailureReason(enum.StrEnum):
    SPENT = "spent"
    UNDERPAID = "underpaid"
    UNTRUSTED_MINT = "untrusted-mint"
    MINT_UNREACHABLE = "mint-unreachable"
    WRONG_UNIT = "wrong-unit"
    FEE_TOO_HIGH = "fee-too-high"
    ALREADY_USED = "already-used"
    INVALID = "invalid"
    REJECTED = "rejected"
    NO_BACKEND = "no-backend"
    NO_PRICE = "no-price"

    @property
    def advice(self) -> str:
        """What the cashier should do next."""
        return _ADVICE[self]


_ADVICE = {
    FailureReason.SPENT: "This ecash was already spent. Ask the customer for another token or to pay by Lightning.",
    FailureReason.UNDERPAID: "Nothing was redeemed. Ask the customer to pay the full amount.",
    FailureReason.UNTRUSTED_MINT: "This shop does not accept that mint. Ask for ecash from an accepted mint or "
    "Lightning.",
    FailureReason.MINT_UNREACHABLE: "The customer's mint did not answer; nothing was redeemed. Try again in a "
    "moment or take Lightning.",
    FailureReason.WRONG_UNIT: "The ecash is in another unit. Ask for ecash in the requested unit.",
    FailureReason.FEE_TOO_HIGH: "The mint's fees are above the shop's limit. Ask for ecash from another mint or "
    "Lightning.",
    FailureReason.ALREADY_USED: "This ecash was already handed over for a sale. Do not accept it twice.",
    FailureReason.INVALID: "This is not valid ecash. Ask the customer to try again.",
    FailureReason.REJECTED: "The mint refused the ecash. Ask for another token or Lightning.",
    FailureReason.NO_PRICE: "No price for the ecash's currency is known right now; nothing was redeemed. Ask for "
    "ecash in sat or take Lightning.",
    FailureReason.NO_BACKEND: "No Lightning backend is set up to forward to. Configure one in the POS settings.",
}


@dataclass(frozen=True)
class Sale:
    id: str
    number: int
    state: SaleState
    unit: str
    amount: int  # owed: base_amount + tip + fee_advance
    base_amount: int
    tip: int
    fee_advance: int
    memo: str
    cashier: str
    fiat_currency: str | None
    fiat_amount: Decimal | None
    fiat_rate: Decimal | None  # fiat per BTC at the sale (stored exactly: ``core.storage.exact``)
    request_id: str
    mint_url: str
    received: int
    net: int
    fee: int
    change: int
    settlement: str
    operation_id: str | None
    forward_operation_id: str | None
    payload: dict[str, Any] | None
    failure_reason: str
    failure_detail: str
    shift_id: int | None
    created_at: float
    updated_at: float
    paid_at: float | None
    refunded: int = 0
    paid_unit: str = ""  # ecash of another unit paid the sale: received/net/fee/change are in it
    unit_price: Decimal | None = None  # sats one minor unit of paid_unit was worth
    price_source: str = ""  # mint · rates
    offline: str = ""  # accepted while the mint was unreachable: locked · unlocked (core.pos.offline)
    offline_state: str = ""  # pending (not redeemed yet) · redeemed · lost (found already spent)
    loss: int = 0  # what was lost, in the sale's unit (offline ecash found already spent)
    till: str = ""  # the till that sold it (a shop with several tills on one wallet)

    @property
    def ecash_unit(self) -> str:
        """The unit of ``received``, ``net``, ``fee`` and ``change``."""
        return self.paid_unit or self.unit

    @property
    def price(self) -> UnitPrice | None:
        """The price recorded when ecash of another unit paid the sale (None: paid in its own unit)."""
        if not self.paid_unit or self.paid_unit == self.unit or not self.unit_price:
            return None
        return UnitPrice(self.paid_unit, self.unit_price, self.price_source)

    def in_sale_unit(self, amount: int) -> int:
        """An amount of ``ecash_unit`` in the sale's unit (at the recorded price, rounded down)."""
        price = self.price
        return amount if price is None else price.to_sat(amount)

    @property
    def refundable(self) -> int:
        """What is left to refund, in the sale's unit: the amount owed and any overpayment, less refunds."""
        return self.amount + self.in_sale_unit(self.change) - self.refunded

    def paid_with(self) -> str:
        """For a sale paid in another unit's ecash: "$1.50 ecash at 1 USD = 1,337 sat (the mint's price)"."""
        price = self.price
        if price is None:
            return ""
        return f"{format_amount(self.received, price.unit)} ecash at {price.describe()}"

    @property
    def receipt_id(self) -> str:
        return f"R-{self.number:06d}"

    @property
    def advice(self) -> str:
        try:
            return FailureReason(self.failure_reason).advice
        except ValueError:
            return ""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "receipt": self.receipt_id,
            "state": str(self.state),
            "unit": self.unit,
            "amount": self.amount,
            "base_amount": self.base_amount,
            "tip": self.tip,
            "fee_advance": self.fee_advance,
            "memo": self.memo,
            "cashier": self.cashier,
            "till": self.till,
            "fiat_currency": self.fiat_currency,
            "fiat_amount": None if self.fiat_amount is None else str(self.fiat_amount),
            "fiat_rate": None if self.fiat_rate is None else str(self.fiat_rate),
            "mint": self.mint_url,
            "received": self.received,
            "net": self.net,
            "fee": self.fee,
            "change": self.change,
            "settlement": self.settlement,
            "operation_id": self.operation_id,
            "failure_reason": self.failure_reason,
            "failure_detail": self.failure_detail,
            "refunded": self.refunded,
            "paid_unit": self.ecash_unit,
            "unit_price": None if self.unit_price is None else str(self.unit_price),
            "price_source": self.price_source,
            "offline": self.offline,
            "offline_state": self.offline_state,
            "loss": self.loss,
            "created_at": self.created_at,
            "paid_at": self.paid_at,
        }

    def event_json(self) -> str:
        return json.dumps(self.to_json(), sort_keys=True)


@dataclass(frozen=True)
class Refund:
    id: str
    sale_id: str
    amount: int
    fee: int
    unit: str
    mint_url: str
    token: str
    operation_id: str
    cashier: str
    created_at: float
    till: str = ""  # the till that paid it out

    @property
    def finished(self) -> bool:
        """Recorded with its send and token. An unfinished refund is a reservation: its send may be under way (or
        was cut short by a crash), it holds the sale's refund lock, and recovery finishes or drops it."""
        return bool(self.operation_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sale": self.sale_id,
            "finished": self.finished,
            "amount": self.amount,
            "fee": self.fee,
            "unit": self.unit,
            "mint": self.mint_url,
            "token": self.token,
            "cashier": self.cashier,
            "till": self.till,
            "created_at": self.created_at,
        }


@dataclass
class ShiftTotals:
    """Sums over paid sales (and refunds) of one group: a settlement kind, a cashier, or the whole shift."""

    count: int = 0
    amount: int = 0  # what customers owed (base + tip + fee advance)
    tips: int = 0
    fees: int = 0  # mint and Lightning fees the shop paid
    fee_advance: int = 0
    change: int = 0
    refunds: int = 0
    refund_count: int = 0
    losses: int = 0  # offline ecash found already spent
    fiat: dict[str, Decimal] = field(default_factory=dict)

    @property
    def net(self) -> int:
        """What the shop kept: everything received (overpayments too) less fees and refunds."""
        return self.amount + self.change - self.fees - self.refunds - self.losses

    def to_json(self) -> dict[str, Any]:
        return {
            "net": self.net,
            "count": self.count,
            "amount": self.amount,
            "tips": self.tips,
            "fees": self.fees,
            "fee_advance": self.fee_advance,
            "change": self.change,
            "refunds": self.refunds,
            "refund_count": self.refund_count,
            "losses": self.losses,
            "fiat": {k: str(v) for k, v in sorted(self.fiat.items())},
        }


@dataclass(frozen=True)
class ZReport:
    shop: str
    shift_id: int
    opened_at: float
    closed_at: float | None
    unit: str
    total: ShiftTotals
    by_settlement: dict[str, ShiftTotals]
    by_cashier: dict[str, ShiftTotals]
    failed: int
    sales: list[Sale]
    refunds: list[Refund]
    # Catalog sales: tax included per rate ("19" → {"amount", "tax"}) and per item ({"quantity", "amount"}).
    taxes: dict[str, dict[str, int]] = field(default_factory=dict)
    items: dict[str, dict[str, int]] = field(default_factory=dict)
    categories: dict[str, int] = field(default_factory=dict)
    # Per till (sales by the till that sold, refunds by the till that paid out): the lines add up to ``total``.
    by_till: dict[str, ShiftTotals] = field(default_factory=dict)
    shop_wide: bool = False  # every till's open shift together: no one shift (``shift_id`` 0)

    def to_json(self) -> dict[str, Any]:
        return {
            "taxes": self.taxes,
            "items": [{"name": name, **sold} for name, sold in self.items.items()],  # best sellers first
            "categories": self.categories,
            "shop": self.shop,
            "shift": None if self.shop_wide else self.shift_id,
            "scope": "shop" if self.shop_wide else "till",
            "opened_at": self.opened_at,
            "closed_at": self.closed_at,
            "unit": self.unit,
            "total": self.total.to_json(),
            "by_settlement": {k: v.to_json() for k, v in sorted(self.by_settlement.items())},
            "by_cashier": {k: v.to_json() for k, v in sorted(self.by_cashier.items())},
            "by_till": {k: v.to_json() for k, v in sorted(self.by_till.items())},
            "failed": self.failed,
            "sales": [s.id for s in self.sales],
            "refunds": [r.id for r in self.refunds],
        }
