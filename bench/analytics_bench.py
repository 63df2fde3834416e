"""Benchmark of the Analytics view over a large history (issue 9: it must open in under a second with 100,000
history entries).

    .venv/bin/python -m bench.analytics_bench [--entries 100000] [--keep DIR] [--screenshots DIR]

Builds a temporary wallet database with N operations across four mints (``bench.history``), brings the
``operation_facts`` up to date once (what migration 0003 does when an existing wallet is upgraded), then times
the queries of every period preset, the exports, and the view itself: construction, the queries, drawing
every chart and an offscreen ``grab()``. Prints the numbers; exits non-zero if the view took a second or more.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.history import build_history
from core.api.analytics import PERIOD_PRESETS, AnalyticsService
from core.api.service import WalletService
from core.config import Config

BUDGET_SECONDS = 1.0


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def bench_queries(analytics: AnalyticsService, repeats: int) -> None:
    print(f"\nqueries (median of {repeats} runs; the figures of one period, all tabs):")
    for name in PERIOD_PRESETS:
        period = analytics.parse_period(name)
        runs = []
        snapshot = None
        for _ in range(repeats):
            started = time.perf_counter()
            snapshot = analytics.snapshot(period)
            runs.append(time.perf_counter() - started)
        assert snapshot is not None
        parts = ", ".join(f"{k} {v * 1000:.0f}" for k, v in snapshot.timings.items() if k != "total")
        print(
            f"  {name:<15} {_ms(statistics.median(runs))}  {snapshot.entries:>7,} entries, "
            f"{len(snapshot.buckets):>3} {period.granularity} buckets  ({parts} ms)"
        )


def bench_exports(analytics: AnalyticsService) -> None:
    print("\nexports (streamed from the database):")
    for fmt, period_name in (("beancount", "last-12-months"), ("history-csv", "all"), ("csv", "all")):
        period = analytics.parse_period(period_name)
        buffer = io.StringIO()
        started = time.perf_counter()
        count = analytics.write(period, fmt, buffer)
        print(
            f"  {fmt:<12} {period_name:<15} {_ms(time.perf_counter() - started)}  {count:>7,} entries, "
            f"{len(buffer.getvalue()) / 1e6:.1f} MB"
        )


def bench_view(service: WalletService, screenshots: Path | None) -> float:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.gui.context import AppContext
    from desktop.gui.errors import ErrorReporter
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.views.analytics.view import AnalyticsView
    from desktop.reports.pdf import write_pdf_report

    app = QApplication.instance() or QApplication([])
    reporter = ErrorReporter()
    reporter.show_dialogs = False
    settings_dir = tempfile.mkdtemp(prefix="nutdesk-bench-settings-")
    settings = QSettings(str(Path(settings_dir) / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(service=service, tasks=TaskRunner(reporter.report), errors=reporter, settings=settings)
    print("\nthe view (offscreen, 1100×760):")
    worst = 0.0
    for name in ("last-30-days", "last-12-months", "all"):
        started = time.perf_counter()
        view = AnalyticsView(ctx)
        view.resize(1100, 760)
        built = time.perf_counter()
        view.set_period(name)  # hidden: only notes the choice
        snapshot = view.state.load()
        loaded = time.perf_counter()
        view.apply(snapshot)
        view.show()
        app.processEvents()
        pixmap = view.grab()
        done = time.perf_counter()
        total = done - started
        worst = max(worst, total)
        print(
            f"  open with {name:<15} {_ms(total)}  (widgets {_ms(built - started).strip()}, queries "
            f"{_ms(loaded - built).strip()}, draw + grab {_ms(done - loaded).strip()}; "
            f"{pixmap.width()}×{pixmap.height()})"
        )
        if screenshots is not None and name == "last-12-months":
            screenshots.mkdir(parents=True, exist_ok=True)
            for index in range(view.tabs.count()):
                view.tabs.setCurrentIndex(index)
                app.processEvents()
                view.grab().save(str(screenshots / f"analytics-bench-{index + 1}.png"))
            started = time.perf_counter()
            write_pdf_report(snapshot, screenshots / "analytics-bench-report.pdf")
            print(f"  PDF report of {name}: {_ms(time.perf_counter() - started)}")
        view.close()
        view.deleteLater()
        app.processEvents()
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="build the database in DIR and keep it")
    parser.add_argument("--screenshots", type=Path, help="save the view's tabs as PNG files in DIR")
    args = parser.parse_args(argv)
    data_dir = args.keep or Path(tempfile.mkdtemp(prefix="nutdesk-bench-"))
    config = Config(data_dir=data_dir)
    stats = build_history(config.database_path, args.entries)
    print(
        f"built {stats.operations:,} history entries, {stats.proofs:,} proofs, {stats.melt_quotes:,} melt quotes, "
        f"{stats.failed:,} failed-transaction records in {stats.seconds:.1f} s "
        f"({config.database_path.stat().st_size / 1e6:.0f} MB) at {config.database_path}"
    )
    service = WalletService.open(config)
    try:
        analytics = AnalyticsService(service)
        started = time.perf_counter()
        analytics.snapshot(analytics.parse_period("day"))
        print(
            f"one-time extraction of operation_facts over the whole history (migration 0003 does this on "
            f"upgrade): {time.perf_counter() - started:.2f} s"
        )
        bench_queries(analytics, args.repeats)
        bench_exports(analytics)
        worst = bench_view(service, args.screenshots)
    finally:
        import asyncio

        asyncio.run(service.close())
    verdict = "OK" if worst < BUDGET_SECONDS else "TOO SLOW"
    print(f"\nslowest view open: {_ms(worst).strip()} (budget {BUDGET_SECONDS:.0f} s): {verdict}")
    return 0 if worst < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
