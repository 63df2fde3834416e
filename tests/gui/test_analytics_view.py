"""The Analytics view over a two-year synthetic history (4 mints, 3,000 entries): every tab draws what the
snapshot holds, the period picker and the sat / fiat switch reload and redraw, exports write their files, a
history change refreshes it — and the tabs are saved as the screenshots in docs/screenshots/."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QLineSeries, QPieSeries, QStackedBarSeries
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from bench.history import MINTS, build_history
from core.api.mint_labels import mint_title, set_mint_label
from core.api.service import WalletService
from core.config import Config
from desktop.gui.context import HISTORY, AppContext
from desktop.gui.errors import ErrorReporter
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.analytics.model import category_label
from desktop.gui.views.analytics.view import AnalyticsView
from tests.gui.conftest import until
from tests.unit.test_analytics_beancount import check_beancount

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
END = dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC).timestamp()


@pytest.fixture
def ctx(tmp_path: Path, qapp: QApplication) -> Iterator[AppContext]:
    config = Config(data_dir=tmp_path / "wallet")
    build_history(config.database_path, 3_000, end=END)
    service = WalletService.open(config)
    reporter = ErrorReporter()
    reporter.show_dialogs = False
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(service=service, tasks=TaskRunner(reporter.report), errors=reporter, settings=settings)
    yield context
    assert reporter.history == []
    service.store.close()


@pytest.fixture
def view(ctx: AppContext, run: Any) -> Iterator[AnalyticsView]:
    widget = AnalyticsView(ctx)
    widget.resize(1100, 760)
    yield widget
    run(ctx.tasks.wait_idle())
    widget.close()
    widget.deleteLater()


def _series(chart_view: Any) -> list[Any]:
    return list(chart_view.chart().series())


def test_every_tab_draws_the_snapshot(view: AnalyticsView, run: Any) -> None:
    assert "DejaVu Sans" in QFontDatabase.families()
    view.set_period("all", "month")
    run(view.reload())
    snap = view.state.snapshot
    assert snap is not None and snap.entries > 2_500
    months = len(snap.buckets)
    lines = _series(view.balance_chart)
    assert all(isinstance(s, QLineSeries) for s in lines)
    assert lines[0].name() == "Total" and len(lines) == 1 + len(MINTS)
    assert all(s.count() == months for s in lines)
    total = lines[0]
    assert total.at(months - 1).y() == snap.balance_at_end()
    [flows] = _series(view.flow_chart)
    assert isinstance(flows, QBarSeries)
    assert [s.label() for s in flows.barSets()] == ["Received", "Sent", "Paid"]
    sent = flows.barSets()[1]
    assert sum(sent.at(i) for i in range(sent.count())) == pytest.approx(
        snap.totals()["sent_ecash"] + sum(f.fee for f in snap.flows if f.category == "sent_ecash")
    )
    [sales] = _series(view.sales_chart)
    assert isinstance(sales, QStackedBarSeries)
    tips = sales.barSets()[1]
    assert sum(tips.at(i) for i in range(tips.count())) == sum(r.tips for r in snap.sales)
    [pie] = _series(view.exposure_chart)
    assert isinstance(pie, QPieSeries) and pie.count() == len(MINTS)
    assert view.fees_model.rowCount() == len(MINTS) == view.exposure_model.rowCount()
    last = view.fees_model.columnCount() - 1
    assert view.fees_model.headerData(last, Qt.Orientation.Horizontal) == "Fees in USD"
    [failures] = _series(view.failure_chart)
    assert sum(s.sum() for s in failures.barSets()) == sum(f.total for f in snap.failures)
    assert view.summary.text().startswith(f"{snap.entries:,} operations")


def test_mints_with_the_same_name_keep_their_own_bars_and_slices(view: AnalyticsView, run: Any) -> None:
    """Two mints both called "Cashu mint": the fee chart keeps a bar group for each (a category axis merges equal
    names and dropped one mint's data), the pie a slice for each, and the user's label wins over the name."""
    service = view.ctx.service
    for url, *_ in MINTS[:2]:
        service.store.upsert_mint(url, name="Cashu mint", info={}, trusted=True)
    set_mint_label(service, MINTS[3][0], "Pocket money")
    view.set_period("all", "month")
    run(view.reload())
    [fees] = _series(view.fee_chart)
    axis = next(a for a in view.fee_chart.chart().axes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories() == [
        category_label(mint_title(url, name, "Pocket money" if url == MINTS[3][0] else ""))
        for url, name in sorted((u, "Cashu mint" if i < 2 else n) for i, (u, n, *_) in enumerate(MINTS))
    ]
    assert "Cashu mint<br><small>mint.coffee.example</small>" in axis.categories()
    assert "Cashu mint<br><small>ecash.bank.example</small>" in axis.categories()
    assert "Pocket money<br><small>tiny.mint.example</small>" in axis.categories()
    assert view.fees_model.data(view.fees_model.index(0, 0)) == "Cashu mint (ecash.bank.example)"
    assert all(bar_set.count() == len(MINTS) for bar_set in fees.barSets())
    [pie] = _series(view.exposure_chart)
    assert len({pie.slices()[i].label() for i in range(pie.count())}) == pie.count() == len(MINTS)


def test_period_and_fiat_switch_and_exports(view: AnalyticsView, run: Any, tmp_path: Path) -> None:
    view.show()
    view.set_period("last-12-weeks")
    run(until(lambda: view.state.snapshot is not None and view.state.loaded_choice == ("last-12-weeks", None)))
    run(view.ctx.tasks.wait_idle())
    snap = view.state.snapshot
    assert snap is not None and snap.period.granularity == "week" and len(snap.buckets) == 12
    view.set_display("fiat")
    assert view.state.display == "fiat"
    axis = [a for a in view.flow_chart.chart().axes() if a.titleText()]
    assert axis[0].titleText() == "USD"
    assert "without a recorded USD rate" in view.summary.text()
    for fmt, name in (("beancount", "l.beancount"), ("history-csv", "h.csv"), ("pdf", "r.pdf"), ("json", "r.json")):
        path = run(view.export(fmt, tmp_path / name))
        assert path.stat().st_size > 0
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    assert len(check_beancount((tmp_path / "l.beancount").read_text())) > 0
    csv_lines = (tmp_path / "h.csv").read_text().splitlines()
    assert len(csv_lines) - 1 == snap.entries


def test_a_history_change_refreshes_the_shown_view(view: AnalyticsView, run: Any) -> None:
    view.show()
    run(until(lambda: view.state.snapshot is not None))
    run(view.ctx.tasks.wait_idle())
    first = view.state.snapshot
    view.ctx.changed(HISTORY)
    run(until(lambda: view.state.snapshot is not first))
    run(view.ctx.tasks.wait_idle())
    assert view.state.stale is False


def test_screenshots(view: AnalyticsView, run: Any, qapp: QApplication, tmp_path: Path) -> None:
    # `make screenshots` sets NUTDESK_SCREENSHOTS=1 to refresh docs/screenshots; a plain test run leaves them alone.
    out = SCREENSHOTS if os.environ.get("NUTDESK_SCREENSHOTS") == "1" else tmp_path
    view.set_period("last-12-months")
    view.show()
    run(until(lambda: view.state.snapshot is not None and view.state.loaded_choice == ("last-12-months", None)))
    run(view.ctx.tasks.wait_idle())
    out.mkdir(parents=True, exist_ok=True)
    names = ["balance", "flows", "sales", "fees", "exposure", "failures"]
    for index, name in enumerate(names):
        view.tabs.setCurrentIndex(index)
        qapp.processEvents()
        run(asyncio.sleep(0.05))
        image = view.grab()
        assert (image.width(), image.height()) == (1100, 760)
        assert image.save(str(out / f"analytics-{name}.png"))
    view.set_display("fiat")
    view.tabs.setCurrentIndex(0)
    qapp.processEvents()
    assert view.grab().save(str(out / "analytics-balance-fiat.png"))
