"""The Analytics view as plain Python: the chosen period and display, the loaded snapshot, and the series the
charts draw (pivoted from the snapshot's rows, in sat or in fiat at the rates recorded with each entry)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from core.api.analytics import (
    PERIOD_PRESETS,
    AnalyticsService,
    AnalyticsSnapshot,
    Granularity,
    Period,
)
from core.api.catalog_stats import CatalogStats, catalog_stats
from desktop.gui.i18n import tr

__all__ = ["FLOW_GROUPS", "AnalyticsState", "Display"]

Display = Literal["sat", "fiat"]
# What the flows chart shows: label → the categories added up.
FLOW_GROUPS: dict[str, tuple[str, ...]] = {
    "Received": ("received_lightning", "received_ecash", "reclaimed"),
    "Sent": ("sent_ecash",),
    "Paid": ("paid_lightning",),
}


@dataclass
class AnalyticsState:
    service: AnalyticsService
    period_name: str = "last-30-days"
    granularity: Granularity | None = None  # None: the period's own
    display: Display = "sat"
    unit: str = "sat"
    snapshot: AnalyticsSnapshot | None = None
    catalog: CatalogStats | None = None  # the catalog's figures for the same period
    stale: bool = True
    loaded_choice: tuple[str, str | None] | None = None
    presets: dict[str, str] = field(default_factory=lambda: {k: v[0] for k, v in PERIOD_PRESETS.items()})

    def period(self) -> Period:
        return self.service.parse_period(self.period_name, granularity=self.granularity)

    def load(self) -> AnalyticsSnapshot:
        """Run the queries (called off the GUI thread)."""
        return self.service.snapshot(self.period())

    def load_all(self) -> tuple[AnalyticsSnapshot, CatalogStats]:
        """The snapshot and the catalog's figures for one period (called off the GUI thread)."""
        period = self.period()
        return self.service.snapshot(period), catalog_stats(self.service.wallet, period, self.service.currency())

    def choice(self) -> tuple[str, str | None]:
        return (self.period_name, self.granularity)

    def set_snapshot(self, snapshot: AnalyticsSnapshot, choice: tuple[str, str | None] | None = None) -> None:
        self.snapshot = snapshot
        self.loaded_choice = choice or self.choice()

    def snapshot_granularity(self) -> str:
        return self.snapshot.period.granularity if self.snapshot else self.period().granularity

    @property
    def currency(self) -> str:
        return self.snapshot.currency if self.snapshot else self.service.currency()

    @property
    def value_label(self) -> str:
        return self.currency if self.display == "fiat" else self.unit

    def _value(self, sats: int, fiat: Decimal | None) -> float:
        if self.display == "fiat":
            return float(fiat) if fiat is not None else 0.0
        return float(sats)

    # --- series ----------------------------------------------------------------------------------

    def buckets(self) -> list[str]:
        return self.snapshot.buckets if self.snapshot else []

    def balance_series(self) -> dict[str, list[float]]:
        """mint url (``*`` = total) → the balance at the end of each bucket."""
        out: dict[str, list[float]] = {}
        if self.snapshot is None:
            return out
        for p in self.snapshot.balances:
            if p.unit == self.unit:
                out.setdefault(p.mint_url, []).append(self._value(p.balance, p.fiat))
        return out

    def flow_series(self) -> dict[str, list[float]]:
        """Received / Sent / Paid per bucket (incoming net of fees, outgoing with their fees)."""
        buckets = self.buckets()
        index = {b: i for i, b in enumerate(buckets)}
        out = {label: [0.0] * len(buckets) for label in FLOW_GROUPS}
        if self.snapshot is None:
            return out
        for f in self.snapshot.flows:
            if f.unit != self.unit or f.bucket not in index:
                continue
            for label, categories in FLOW_GROUPS.items():
                if f.category in categories:
                    fee = 0 if f.incoming else f.fee
                    fiat_fee = None if f.incoming else f.fiat_fee
                    fiat = None if f.fiat_amount is None else f.fiat_amount + (fiat_fee or Decimal(0))
                    out[label][index[f.bucket]] += self._value(f.amount + fee, fiat)
        return out

    def sales_series(self) -> dict[str, list[float]]:
        buckets = self.buckets()
        index = {b: i for i, b in enumerate(buckets)}
        out = {"Sales": [0.0] * len(buckets), "Tips": [0.0] * len(buckets)}
        if self.snapshot is None:
            return out
        for s in self.snapshot.sales:
            if s.unit == self.unit and s.bucket in index:
                out["Sales"][index[s.bucket]] += self._value(s.sales, s.fiat_sales)
                out["Tips"][index[s.bucket]] += self._value(s.tips, s.fiat_tips)
        return out

    def failure_series(self) -> dict[str, list[float]]:
        buckets = self.buckets()
        index = {b: i for i, b in enumerate(buckets)}
        names = ("failed", "rolled_back", "recovered", "open", "dismissed")
        out = {n: [0.0] * len(buckets) for n in names}
        if self.snapshot is None:
            return out
        for row in self.snapshot.failures:
            if row.bucket in index:
                for n in names:
                    out[n][index[row.bucket]] += getattr(row, n)
        return out

    def summary(self) -> str:
        s = self.snapshot
        if s is None:
            return tr("Loading…")
        if not s.entries:
            return tr(
                "No operations in this period. Pick a longer period above, or receive ecash (Receive, Ctrl+2): "
                "the charts fill in as the wallet is used."
            )
        totals = s.totals(self.unit)
        received = totals["received_lightning"] + totals["received_ecash"] + totals["reclaimed"]
        parts = [
            tr("{0:,} operations").format(s.entries),
            tr("received {0:,} {1}").format(received, self.unit),
            tr("sent {0:,}").format(totals["sent_ecash"]),
            tr("paid {0:,}").format(totals["paid_lightning"]),
            tr("fees {0:,}").format(totals["fees"]),
        ]
        if totals["sale"]:
            parts.append(tr("sales {0:,}").format(totals["sale"]))
        if self.display == "fiat" and s.unpriced:
            parts.append(tr("{0:,} without a recorded {1} rate (left out)").format(s.unpriced, s.currency))
        return " · ".join(parts)
