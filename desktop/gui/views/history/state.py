"""History as plain Python: rows from the operation log, kinds named for people, CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass

from core.api import OperationRecord
from core.api.service import WalletService
from desktop.gui.i18n import QT_TR_NOOP, tr

__all__ = ["KIND_LABELS", "HistoryRow", "HistoryState", "rows_to_csv"]

KIND_LABELS = {
    "issue": QT_TR_NOOP("Received (Lightning)"),
    "receive": QT_TR_NOOP("Received (ecash)"),
    "send": QT_TR_NOOP("Sent (ecash)"),
    "melt": QT_TR_NOOP("Paid (Lightning)"),
    "transfer": QT_TR_NOOP("Transfer"),
    "reclaim": QT_TR_NOOP("Reclaimed"),
    "restore": QT_TR_NOOP("Restored"),
}
# Which kinds take value out of the wallet (shown negative).
OUTGOING = {"send", "melt"}
NOTHING_MOVED = {"failed", "rolled_back"}
CSV_FIELDS = ["time", "kind", "amount", "fee", "unit", "mint", "state", "memo", "id"]


@dataclass(frozen=True)
class HistoryRow:
    id: str
    time: float
    kind: str
    amount: int
    fee: int
    unit: str
    mint: str
    state: str
    memo: str
    error: str
    waiting_for: str = ""  # a transfer paid at the source and not yet minted: the target mint it waits for

    @property
    def kind_label(self) -> str:
        return tr(KIND_LABELS.get(self.kind, self.kind))

    @property
    def moved_nothing(self) -> bool:
        """A failed or rolled-back operation: no value moved, so its row shows no sign and no colour."""
        return self.state in NOTHING_MOVED

    @property
    def signed_amount(self) -> int:
        return -self.amount if self.kind in OUTGOING else self.amount

    @property
    def iso_time(self) -> str:
        return dt.datetime.fromtimestamp(self.time, dt.UTC).isoformat(timespec="seconds")

    def matches(self, text: str) -> bool:
        needle = text.strip().lower()
        if not needle:
            return True
        haystack = " ".join(
            (self.kind, self.kind_label, self.mint, self.state, self.memo, self.unit, str(self.amount), self.id)
        )
        return needle in haystack.lower()

    @classmethod
    def from_record(cls, r: OperationRecord) -> HistoryRow:
        return cls(r.id, r.created_at, r.kind, r.amount, r.fee, r.unit, r.mint_url, r.state, r.memo, r.error)


def rows_to_csv(rows: list[HistoryRow]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow(
            {
                "time": r.iso_time,
                "kind": r.kind,
                "amount": r.signed_amount,
                "fee": r.fee,
                "unit": r.unit,
                "mint": r.mint,
                "state": r.state,
                "memo": r.memo,
                "id": r.id,
            }
        )
    return buffer.getvalue()


@dataclass
class HistoryState:
    service: WalletService
    limit: int | None = 5000  # the most the view holds (a search looks through these)
    first: int = 1000  # read at first and on each refresh; twice as many each time the user scrolls past them
    reading: int = 0

    def __post_init__(self) -> None:
        self.reading = self.first if self.limit is None else min(self.first, self.limit)

    def complete(self, rows: list[HistoryRow]) -> bool:
        """Whether ``rows`` (the last load) are the whole history the view may hold."""
        return len(rows) < self.reading or (self.limit is not None and self.reading >= self.limit)

    def load_more(self) -> tuple[list[HistoryRow], bool]:
        grown = self.reading * 2
        self.reading = grown if self.limit is None else min(grown, self.limit)
        rows = self.load()
        return rows, self.complete(rows)

    def rows_for(self, ids: Iterable[str]) -> list[HistoryRow]:
        """The rows of these operations only (a change named them): one narrow read, not the history."""
        waiting = {m.operation_id: m.to_mint for m in self.service.in_flight()}
        return [
            HistoryRow(
                e.id, e.created_at, e.kind, e.amount, e.fee, e.unit, e.mint_url, e.state, e.memo, e.error,
                waiting.get(e.id, ""),
            )
            for e in self.service.history_entries_for(ids)
        ]  # fmt: skip

    def load(self) -> list[HistoryRow]:
        # The narrow read (no journal payloads): a refresh costs the rows, not a JSON parse per operation.
        waiting = {m.operation_id: m.to_mint for m in self.service.in_flight()}
        return [
            HistoryRow(
                e.id, e.created_at, e.kind, e.amount, e.fee, e.unit, e.mint_url, e.state, e.memo, e.error,
                waiting.get(e.id, ""),
            )
            for e in self.service.history_entries(limit=self.reading)
        ]  # fmt: skip
