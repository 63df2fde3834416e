"""``AnalyticsService``: the figures of the Analytics view and the reports, over a ``WalletService``
(composition). Every figure is aggregated by the database (``core.analytics.queries``); exports stream
the entries of a period. The front ends import the result types from here, never from storage.
"""

from __future__ import annotations

import io
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TextIO

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from core.analytics import exporters, facts, queries
from core.analytics.periods import GRANULARITIES, PERIOD_PRESETS, Granularity, Period, parse_period
from core.analytics.queries import HistoryEntry, MintInfo
from core.analytics.types import (
    CATEGORIES,
    CATEGORY_LABELS,
    AnalyticsSnapshot,
    BalancePoint,
    ExposureRow,
    FailureRow,
    FeeRow,
    FlowRow,
    SalesRow,
)
from core.api.mint_labels import mint_label, mint_titles
from core.api.service import WalletService
from core.errors import StorageError, UserFacingError
from core.i18n import t

__all__ = [
    "CATEGORIES",
    "CATEGORY_LABELS",
    "GRANULARITIES",
    "PERIOD_PRESETS",
    "REPORT_FORMATS",
    "AnalyticsService",
    "AnalyticsSnapshot",
    "BalancePoint",
    "ExposureRow",
    "FailureRow",
    "FeeRow",
    "FlowRow",
    "Granularity",
    "HistoryEntry",
    "Period",
    "SalesRow",
    "parse_period",
    "write_atomically",
]

FIAT_CURRENCY_SETTING = "fiat_currency"  # the setting PaymentsService/RatesService use too
DEFAULT_CURRENCY = "USD"
# Formats this service writes; "pdf" is rendered by the desktop (Qt) from ``snapshot``.
REPORT_FORMATS = ("csv", "json", "beancount", "history-csv")


def write_atomically(path: str | Path, write: Callable[[TextIO], object]) -> Path:
    """Write a text file through a temp file in the same directory, fsync, rename (no half-written export)."""
    target = Path(path).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


class AnalyticsService:
    def __init__(self, wallet: WalletService) -> None:
        self.wallet = wallet

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A read connection, after bringing ``operation_facts`` up to date in a short write transaction."""
        # A password-protected wallet's journal entries are sealed: SQLite opens them in SQL, PostgreSQL (which never
        # gets the key) has them opened in Python (core.analytics.opened).
        engine = self.wallet.store.db.engine
        try:
            with engine.begin() as conn:
                facts.catch_up(conn)
            with engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StorageError(t("database error while reading the history: {0}").format(exc)) from exc

    # --- settings ------------------------------------------------------------------------------

    def currency(self) -> str:
        return (self.wallet.store.get_setting(FIAT_CURRENCY_SETTING) or DEFAULT_CURRENCY).upper()

    def _mints(self) -> dict[str, MintInfo]:
        # Titles with the host (and the user's label): two mints named alike stay two bars, slices and rows.
        titles = mint_titles(self.wallet)
        return {m.url: MintInfo(titles.get(m.url, m.name), m.trusted) for m in self.wallet.store.list_mints()}

    # --- figures -------------------------------------------------------------------------------

    def snapshot(
        self, period: Period | str, *, currency: str | None = None, fallback_rate: Decimal | int | None = None
    ) -> AnalyticsSnapshot:
        """Every figure of the Analytics view for ``period``.

        Fiat values use the rate recorded with each entry; ``fallback_rate`` (fiat per BTC, e.g. today's)
        values the entries recorded without one — leave it None to count those as unpriced. It is a ``Decimal``
        here; the SQL that sums the entries computes in doubles (the stored exact rates are cast to one too).
        """
        if isinstance(period, str):
            period = self.parse_period(period)
        started = time.perf_counter()
        with self._read() as conn:
            caught_up = time.perf_counter()
            fallback = None if fallback_rate is None else float(fallback_rate)
            snapshot = queries.build_snapshot(
                conn, period, currency=currency or self.currency(), fallback_rate=fallback, mints=self._mints()
            )
        snapshot.timings["facts"] = caught_up - started
        snapshot.timings["total"] = time.perf_counter() - started
        return snapshot

    @staticmethod
    def parse_period(text: str, *, granularity: Granularity | None = None, utc: bool = False) -> Period:
        try:
            return parse_period(text, granularity=granularity, utc=utc)
        except ValueError as exc:
            raise UserFacingError(str(exc)) from exc

    def record_fiat_rate(self, operation_id: str, rate: Decimal | int, currency: str) -> None:
        """Store the exchange rate (``currency`` per BTC) at which an operation happened, every digit of it."""
        try:
            with self.wallet.store.db.engine.begin() as conn:
                found = queries.set_fiat_rate(conn, operation_id, Decimal(rate), currency)
        except SQLAlchemyError as exc:
            raise StorageError(t("database error: {0}").format(exc)) from exc
        if not found:
            raise UserFacingError(t("no operation {0}").format(operation_id))

    # --- exports -------------------------------------------------------------------------------

    def export_history_csv(self, period: Period, out: TextIO, *, all_states: bool = False) -> int:
        with self._read() as conn:
            entries = queries.iter_entries(conn, period, states=None if all_states else ("done",))
            return exporters.write_history_csv(entries, out, currency=self.currency(), utc=period.utc)

    def export_beancount(self, period: Period, out: TextIO) -> int:
        # Account names from the label or the mint's own name, not the on-screen title: the ledger's accounts stay
        # stable, and the exporter already tells two alike apart (Name, Name-2).
        names = {m.url: mint_label(self.wallet, m.url) or m.name for m in self.wallet.store.list_mints()}
        with self._read() as conn:
            entries = queries.iter_entries(conn, period)
            return exporters.write_beancount(entries, out, mint_names=names, currency=self.currency(), utc=period.utc)

    def render(self, period: Period, fmt: str) -> str:
        """A report as text: ``csv`` / ``json`` (the figures), ``beancount``, ``history-csv``."""
        if fmt == "json":
            return exporters.report_json(self.snapshot(period))
        if fmt == "csv":
            return exporters.report_csv(self.snapshot(period))
        buffer = io.StringIO()
        self.write(period, fmt, buffer)
        return buffer.getvalue()

    def write(self, period: Period, fmt: str, out: TextIO) -> int:
        """Write a report to ``out``; returns the number of entries (or of figures' rows) it holds."""
        if fmt == "beancount":
            return self.export_beancount(period, out)
        if fmt == "history-csv":
            return self.export_history_csv(period, out)
        if fmt in ("csv", "json"):
            snapshot = self.snapshot(period)
            out.write(exporters.report_json(snapshot) if fmt == "json" else exporters.report_csv(snapshot))
            return snapshot.entries
        raise UserFacingError(
            t("unknown report format {0!r}: use one of {1} or pdf").format(fmt, ", ".join(REPORT_FORMATS))
        )

    def write_file(self, period: Period, fmt: str, path: str | Path) -> tuple[Path, int]:
        count = 0

        def write(handle: TextIO) -> None:
            nonlocal count
            count = self.write(period, fmt, handle)

        return write_atomically(path, write), count
