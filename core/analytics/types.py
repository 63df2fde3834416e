"""What the analytics queries return: plain, frozen dataclasses (no SQL, no Qt), so views, exporters and tests
share them. Amounts are integers in the unit's smallest denomination; fiat values are ``Decimal`` cents-exact
values at the rate recorded with each entry (``None`` when no entry of the figure had a rate).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.analytics.periods import Period

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "AnalyticsSnapshot",
    "BalancePoint",
    "ExposureRow",
    "FailureRow",
    "FeeRow",
    "FlowRow",
    "SalesRow",
]

# How operations are counted in the flows (a transfer's minting at the destination is "transfer_in",
# not money received from someone).
CATEGORIES = (
    "received_lightning",
    "received_ecash",
    "sale",
    "reclaimed",
    "restored",
    "transfer_in",
    "sent_ecash",
    "paid_lightning",
    "transfer_out",
)
CATEGORY_LABELS = {
    "received_lightning": "Received (Lightning)",
    "received_ecash": "Received (ecash)",
    "sale": "Sales",
    "reclaimed": "Reclaimed",
    "restored": "Restored",
    "transfer_in": "Transfer in",
    "sent_ecash": "Sent (ecash)",
    "paid_lightning": "Paid (Lightning)",
    "transfer_out": "Transfer out",
}
INCOMING = frozenset({"received_lightning", "received_ecash", "sale", "reclaimed", "restored", "transfer_in"})


def _fiat(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class FlowRow:
    """The done operations of one category at one mint in one bucket. ``amount`` is what moved (net of fees
    for incoming value), ``fee`` what the mint and Lightning took on top."""

    bucket: str
    mint_url: str
    unit: str
    category: str
    count: int
    amount: int
    fee: int
    fiat_amount: Decimal | None = None
    fiat_fee: Decimal | None = None

    @property
    def incoming(self) -> bool:
        return self.category in INCOMING

    @property
    def balance_change(self) -> int:
        """What the category did to the wallet's balance at the mint."""
        return self.amount if self.incoming else -(self.amount + self.fee)

    def to_json(self) -> dict[str, Any]:
        return {
            "bucket": self.bucket,
            "mint": self.mint_url,
            "unit": self.unit,
            "category": self.category,
            "count": self.count,
            "amount": self.amount,
            "fee": self.fee,
            "fiat_amount": _fiat(self.fiat_amount),
            "fiat_fee": _fiat(self.fiat_fee),
        }


@dataclass(frozen=True)
class BalancePoint:
    """The balance at one mint (or ``mint_url == "*"`` for the total of a unit) at the end of a bucket."""

    bucket: str
    mint_url: str
    unit: str
    balance: int
    fiat: Decimal | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "bucket": self.bucket,
            "mint": self.mint_url,
            "unit": self.unit,
            "balance": self.balance,
            "fiat": _fiat(self.fiat),
        }


@dataclass(frozen=True)
class SalesRow:
    """Point-of-sale checkouts (operations of kind ``sale``) in one bucket: ``sales`` excludes tips."""

    bucket: str
    unit: str
    count: int
    sales: int
    tips: int
    fiat_sales: Decimal | None = None
    fiat_tips: Decimal | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "bucket": self.bucket,
            "unit": self.unit,
            "count": self.count,
            "sales": self.sales,
            "tips": self.tips,
            "fiat_sales": _fiat(self.fiat_sales),
            "fiat_tips": _fiat(self.fiat_tips),
        }


@dataclass(frozen=True)
class FeeRow:
    """What one mint cost in the period.

    ``input_fees`` are the mint's NUT-02 input fees (swaps and melts); for Lightning payments (melts and
    transfers out) ``lightning_reserve`` is the fee reserve the quotes asked for, ``lightning_paid`` what the
    payments really cost, ``reserve_returned`` the unused reserve and ``change_returned`` all the NUT-08 change
    the mint gave back (unused reserve plus any overshoot of the selected proofs).
    """

    mint_url: str
    unit: str
    fee_ppk: int  # the active keyset's input fee, parts per thousand per proof
    volume: int  # the amounts of every done operation at the mint
    fees: int  # every fee paid at the mint (input fees + Lightning fees)
    input_fees: int
    lightning_payments: int
    lightning_amount: int
    lightning_reserve: int
    lightning_paid: int
    reserve_returned: int
    change_returned: int
    fiat_fees: Decimal | None = None

    @staticmethod
    def _percent(part: int, whole: int) -> Decimal | None:
        if whole <= 0:
            return None
        return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"))

    @property
    def effective_percent(self) -> Decimal | None:
        """All fees as a share of the volume."""
        return self._percent(self.fees, self.volume)

    @property
    def lightning_percent(self) -> Decimal | None:
        """Lightning fees paid as a share of the amounts paid over Lightning."""
        return self._percent(self.lightning_paid, self.lightning_amount)

    @property
    def reserve_percent(self) -> Decimal | None:
        return self._percent(self.lightning_reserve, self.lightning_amount)

    def to_json(self) -> dict[str, Any]:
        pct = self.effective_percent
        ln_pct = self.lightning_percent
        return {
            "mint": self.mint_url,
            "unit": self.unit,
            "fee_ppk": self.fee_ppk,
            "volume": self.volume,
            "fees": self.fees,
            "input_fees": self.input_fees,
            "lightning_payments": self.lightning_payments,
            "lightning_amount": self.lightning_amount,
            "lightning_reserve": self.lightning_reserve,
            "lightning_paid": self.lightning_paid,
            "reserve_returned": self.reserve_returned,
            "change_returned": self.change_returned,
            "effective_percent": None if pct is None else str(pct),
            "lightning_percent": None if ln_pct is None else str(ln_pct),
            "fiat_fees": _fiat(self.fiat_fees),
        }


@dataclass(frozen=True)
class ExposureRow:
    """Funds held now at one mint (per unit) and how much the mint was used in the period."""

    mint_url: str
    name: str
    trusted: bool
    unit: str
    balance: int  # spendable
    pending: int  # reserved by an operation or sent and not yet claimed
    share: Decimal  # percent of the unit's spendable total across mints
    operations: int  # done operations in the period
    volume: int

    def to_json(self) -> dict[str, Any]:
        return {
            "mint": self.mint_url,
            "name": self.name,
            "trusted": self.trusted,
            "unit": self.unit,
            "balance": self.balance,
            "pending": self.pending,
            "share": str(self.share),
            "operations": self.operations,
            "volume": self.volume,
        }


@dataclass(frozen=True)
class FailureRow:
    """Operations that went wrong in one bucket: ``failed`` and ``rolled_back`` journal entries, and the
    failed-transaction records by their status now (``recovered``, ``open`` = still retried or waiting for
    review, ``dismissed``)."""

    bucket: str
    failed: int = 0
    rolled_back: int = 0
    recovered: int = 0
    open: int = 0
    dismissed: int = 0

    @property
    def total(self) -> int:
        return self.failed + self.rolled_back + self.recovered + self.open + self.dismissed

    def to_json(self) -> dict[str, Any]:
        return {
            "bucket": self.bucket,
            "failed": self.failed,
            "rolled_back": self.rolled_back,
            "recovered": self.recovered,
            "open": self.open,
            "dismissed": self.dismissed,
        }


@dataclass(frozen=True)
class AnalyticsSnapshot:
    """Every figure of the Analytics view for one period."""

    period: Period
    start: float  # the period's real start (the first entry for "all time")
    currency: str
    buckets: list[str]
    flows: list[FlowRow]
    balances: list[BalancePoint]
    sales: list[SalesRow]
    fees: list[FeeRow]
    exposure: list[ExposureRow]
    failures: list[FailureRow]
    entries: int  # done operations in the period
    unpriced: int  # done operations in the period without a fiat value
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def mints(self) -> list[str]:
        return sorted({p.mint_url for p in self.balances if p.mint_url != "*"})

    @property
    def units(self) -> list[str]:
        return sorted({p.unit for p in self.balances} | {f.unit for f in self.flows})

    def totals(self, unit: str = "sat") -> dict[str, int]:
        """category → amount over the whole period, plus ``fees``."""
        out = dict.fromkeys(CATEGORIES, 0)
        out["fees"] = 0
        for f in self.flows:
            if f.unit == unit:
                out[f.category] += f.amount
                out["fees"] += f.fee
        return out

    def fiat_totals(self, unit: str = "sat") -> dict[str, Decimal | None]:
        out: dict[str, Decimal | None] = dict.fromkeys([*CATEGORIES, "fees"], None)
        for f in self.flows:
            if f.unit != unit:
                continue
            if f.fiat_amount is not None:
                out[f.category] = (out[f.category] or Decimal(0)) + f.fiat_amount
            if f.fiat_fee is not None:
                out["fees"] = (out["fees"] or Decimal(0)) + f.fiat_fee
        return out

    def balance_at_end(self, mint_url: str = "*", unit: str = "sat") -> int:
        points = [p for p in self.balances if p.mint_url == mint_url and p.unit == unit]
        return points[-1].balance if points else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period.to_json(),
            "start": self.start,
            "currency": self.currency,
            "buckets": self.buckets,
            "entries": self.entries,
            "unpriced": self.unpriced,
            "totals": {u: self.totals(u) for u in self.units},
            "flows": [f.to_json() for f in self.flows],
            "balances": [b.to_json() for b in self.balances],
            "sales": [s.to_json() for s in self.sales],
            "fees": [f.to_json() for f in self.fees],
            "exposure": [e.to_json() for e in self.exposure],
            "failures": [f.to_json() for f in self.failures],
        }
