"""Analytics: balance over time per mint and in total, received / sent / paid per day, week or month, sales and
tips, fees per mint (input fees, Lightning fee reserve versus fees paid and change returned), exposure per mint,
failed and recovered operations. A period picker, sat or fiat display, and exports (history CSV, report CSV or
JSON, Beancount, PDF).

The figures come from ``AnalyticsService`` (SQL aggregates), loaded off the GUI thread when the view is shown
and when operations change the history.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.api.analytics import AnalyticsService, AnalyticsSnapshot
from desktop.gui.context import BALANCES, HISTORY, AppContext
from desktop.gui.dialogs import await_dialog
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.views.analytics.model import ExposureModel, FeesModel, category_label
from desktop.gui.views.analytics.state import AnalyticsState
from desktop.gui.widgets.common import heading
from desktop.reports.formatting import bucket_name, short_mint

__all__ = ["EXPORTS", "AnalyticsView"]

# format → (menu text, file filter, default file name suffix)
EXPORTS = {
    "history-csv": (QT_TR_NOOP("History (CSV)…"), "CSV (*.csv)", "history.csv"),
    "csv": (QT_TR_NOOP("Report figures (CSV)…"), "CSV (*.csv)", "report.csv"),
    "json": (QT_TR_NOOP("Report figures (JSON)…"), "JSON (*.json)", "report.json"),
    "beancount": (QT_TR_NOOP("Accounting ledger (Beancount)…"), "Beancount (*.beancount)", "ledger.beancount"),
    "pdf": (QT_TR_NOOP("PDF report…"), "PDF (*.pdf)", "report.pdf"),
}
COLORS = ["#f7931a", "#2e86de", "#27ae60", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d35400"]
FLOW_COLORS = {"Received": "#27ae60", "Sent": "#e67e22", "Paid": "#2e86de", "Sales": "#f7931a", "Tips": "#8e44ad"}
FAILURE_COLORS = {
    "failed": "#c0392b",
    "rolled_back": "#e67e22",
    "recovered": "#27ae60",
    "open": "#f1c40f",
    "dismissed": "#95a5a6",
}


def _is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _msecs(bucket: str) -> float:
    """Local midnight at the start of the bucket, in ms since the epoch (the x of a QDateTimeAxis)."""
    day = dt.date.fromisoformat(bucket)
    return dt.datetime(day.year, day.month, day.day).timestamp() * 1000.0


class AnalyticsView(QWidget):
    title = QT_TR_NOOP("Analytics")
    # core.analytics names its periods and bucket sizes in English; marked here for the translation.
    WORDS = (
        QT_TR_NOOP("Today"),
        QT_TR_NOOP("This week"),
        QT_TR_NOOP("This month"),
        QT_TR_NOOP("Last 30 days"),
        QT_TR_NOOP("Last month"),
        QT_TR_NOOP("Last 12 weeks"),
        QT_TR_NOOP("This year"),
        QT_TR_NOOP("Last 12 months"),
        QT_TR_NOOP("All time"),
        QT_TR_NOOP("day"),
        QT_TR_NOOP("week"),
        QT_TR_NOOP("month"),
    )

    def __init__(self, ctx: AppContext, analytics: AnalyticsService | None = None) -> None:
        super().__init__()
        self.setObjectName("analyticsView")
        self.ctx = ctx
        self.state = AnalyticsState(analytics or AnalyticsService(ctx.service))
        self._loading: asyncio.Task[None] | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Analytics")))
        bar = QHBoxLayout()
        self.period = QComboBox()
        self.period.setObjectName("analyticsPeriod")
        for name, label in self.state.presets.items():
            self.period.addItem(tr(label), name)
        self.period.setCurrentIndex(self.period.findData(self.state.period_name))
        self.granularity = QComboBox()
        self.granularity.setObjectName("analyticsGranularity")
        for label, value in (
            (QT_TR_NOOP("Auto"), ""),
            (QT_TR_NOOP("Per day"), "day"),
            (QT_TR_NOOP("Per week"), "week"),
            (QT_TR_NOOP("Per month"), "month"),
        ):
            self.granularity.addItem(tr(label), value)
        self.display = QComboBox()
        self.display.setObjectName("analyticsDisplay")
        self.display.addItem(tr("sat"), "sat")
        self.display.addItem(self.state.currency, "fiat")
        self.display.setToolTip(tr("Fiat values use the exchange rate recorded when each entry happened"))
        self.export_button = QPushButton(tr("Export"))
        self.export_button.setObjectName("analyticsExport")
        menu = QMenu(self.export_button)
        for fmt, (text, _filter, _name) in EXPORTS.items():
            action = menu.addAction(tr(text))
            action.triggered.connect(lambda _checked=False, f=fmt: ctx.run(self.export_dialog(f)))
        self.export_button.setMenu(menu)
        bar.addWidget(QLabel(tr("Period:")))
        bar.addWidget(self.period)
        bar.addWidget(self.granularity)
        bar.addWidget(QLabel(tr("Show in:")))
        bar.addWidget(self.display)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)
        self.summary = QLabel(tr("Loading…"))
        self.summary.setObjectName("analyticsSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("analyticsTabs")
        self.balance_chart = self._chart_view("balanceChart")
        self.flow_chart = self._chart_view("flowChart")
        self.sales_chart = self._chart_view("salesChart")
        self.fee_chart = self._chart_view("feeChart")
        self.exposure_chart = self._chart_view("exposureChart")
        self.failure_chart = self._chart_view("failureChart")
        self.fees_model = FeesModel()
        self.fees_table = self._table(self.fees_model, "feesTable")
        self.fees_table.setAccessibleName(tr("Fees per mint"))
        self.exposure_model = ExposureModel()
        self.exposure_table = self._table(self.exposure_model, "exposureTable")
        self.exposure_table.setAccessibleName(tr("Exposure per mint"))
        self.tabs.addTab(self.balance_chart, tr("Balance"))
        self.tabs.addTab(self.flow_chart, tr("Received · sent · paid"))
        self.tabs.addTab(self.sales_chart, tr("Sales && tips"))
        self.tabs.addTab(self._split(self.fee_chart, self.fees_table), tr("Fees"))
        self.tabs.addTab(self._split(self.exposure_chart, self.exposure_table), tr("Mints && exposure"))
        self.tabs.addTab(self.failure_chart, tr("Failures"))
        layout.addWidget(self.tabs, 1)

        self.period.currentIndexChanged.connect(self._choice_changed)
        self.granularity.currentIndexChanged.connect(self._choice_changed)
        self.display.currentIndexChanged.connect(self._display_changed)
        ctx.bus.changed.connect(self._on_changed)

    # --- building blocks -------------------------------------------------------------------------

    def _chart_view(self, name: str) -> QChartView:
        view = QChartView()
        view.setObjectName(name)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(260)
        return view

    def _table(self, model: FeesModel | ExposureModel, name: str) -> QTableView:
        table = QTableView()
        table.setObjectName(name)
        table.setModel(model)
        table.verticalHeader().hide()
        table.setAlternatingRowColors(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setDefaultSectionSize(24)
        return table

    @staticmethod
    def _split(top: QWidget, bottom: QWidget) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 190])  # the table shows a handful of mints without scrolling
        return splitter

    def _new_chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if _is_dark(self) else QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def _value_axis(self, chart: QChart, series_max: float, label: str) -> QValueAxis:
        axis = QValueAxis()
        axis.setRange(0, max(1.0, series_max) * 1.08)
        axis.setLabelFormat("%.2f" if self.state.display == "fiat" else "%.0f")
        axis.setTitleText(label)
        axis.applyNiceNumbers()
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        return axis

    def _category_axis(self, chart: QChart) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        granularity = self.state.snapshot.period.granularity if self.state.snapshot else "day"
        buckets = self.state.buckets()
        every = max(1, len(buckets) // 16)
        labels = [bucket_name(b, granularity) if i % every == 0 else " " * (i % 7 + 1) for i, b in enumerate(buckets)]
        axis.append(labels)
        if len(buckets) > 8:
            axis.setLabelsAngle(-60)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        return axis

    def _bars(
        self, title: str, series: dict[str, list[float]], colors: dict[str, str], *, stacked: bool, label: str
    ) -> QChart:
        chart = self._new_chart(title)
        bars = QStackedBarSeries() if stacked else QBarSeries()
        highest = 0.0
        for name, values in series.items():
            bar_set = QBarSet(name.replace("_", " ").capitalize())
            bar_set.append(values)
            bar_set.setColor(QColor(colors.get(name, COLORS[0])))
            bars.append(bar_set)
        if stacked:
            highest = max((sum(col) for col in zip(*series.values(), strict=True)), default=0.0)
        else:
            highest = max((max(v, default=0.0) for v in series.values()), default=0.0)
        chart.addSeries(bars)
        bars.attachAxis(self._category_axis(chart))
        bars.attachAxis(self._value_axis(chart, highest, label))
        return chart

    # --- charts ----------------------------------------------------------------------------------

    def _draw_balance(self) -> None:
        chart = self._new_chart(
            tr("Balance at the end of each {0} ({1})").format(
                tr(self.state.snapshot_granularity()), self.state.value_label
            )
        )
        series = self.state.balance_series()
        buckets = self.state.buckets()
        names = {x.mint_url: x.name for x in (self.state.snapshot.exposure if self.state.snapshot else [])}
        axis_x = QDateTimeAxis()
        granularity = self.state.snapshot_granularity()
        axis_x.setFormat("MMM yyyy" if granularity == "month" else "d MMM")
        axis_x.setTickCount(min(8, max(2, len(buckets))))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        highest = max((max(v, default=0.0) for v in series.values()), default=0.0)
        lowest = min((min(v, default=0.0) for v in series.values()), default=0.0)
        axis_y = self._value_axis(chart, highest, self.state.value_label)
        if lowest < 0:
            axis_y.setMin(lowest * 1.08)
        order = ["*", *sorted(k for k in series if k != "*")]
        for i, mint in enumerate(k for k in order if k in series):
            line = QLineSeries()
            line.setName("Total" if mint == "*" else names.get(mint) or short_mint(mint))
            for bucket, value in zip(buckets, series[mint], strict=False):
                line.append(_msecs(bucket), value)
            pen = line.pen()
            pen.setWidth(3 if mint == "*" else 2)
            pen.setColor(QColor(COLORS[i % len(COLORS)]))
            line.setPen(pen)
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
        if buckets:
            axis_x.setRange(
                QDateTime.fromMSecsSinceEpoch(int(_msecs(buckets[0]))),
                QDateTime.fromMSecsSinceEpoch(int(_msecs(buckets[-1]))),
            )
        self.balance_chart.setChart(chart)

    def _draw_fees(self) -> None:
        chart = self._new_chart(tr("Fees per mint ({0})").format(self.state.unit))
        rows = [f for f in (self.state.snapshot.fees if self.state.snapshot else []) if f.unit == self.state.unit]
        series = QBarSeries()
        highest = 0.0
        for name, color, values in (
            (QT_TR_NOOP("Input fees"), "#8e44ad", [f.input_fees for f in rows]),
            (QT_TR_NOOP("Lightning fee reserve"), "#95a5a6", [f.lightning_reserve for f in rows]),
            (QT_TR_NOOP("Lightning fees paid"), "#c0392b", [f.lightning_paid for f in rows]),
            (QT_TR_NOOP("Reserve returned"), "#27ae60", [f.reserve_returned for f in rows]),
        ):
            bar_set = QBarSet(tr(name))
            bar_set.append([float(v) for v in values])
            bar_set.setColor(QColor(color))
            series.append(bar_set)
            highest = max([highest, *map(float, values)])
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        names = {x.mint_url: x.name for x in (self.state.snapshot.exposure if self.state.snapshot else [])}
        axis.append([category_label(names.get(f.mint_url) or short_mint(f.mint_url)) for f in rows])
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        value_axis = QValueAxis()
        value_axis.setRange(0, max(1.0, highest) * 1.08)
        value_axis.setLabelFormat("%.0f")
        value_axis.setTitleText(self.state.unit)
        value_axis.applyNiceNumbers()
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(value_axis)
        self.fee_chart.setChart(chart)

    def _draw_exposure(self) -> None:
        chart = self._new_chart(tr("Where your ecash is ({0}, spendable now)").format(self.state.unit))
        pie = QPieSeries()
        rows = [x for x in (self.state.snapshot.exposure if self.state.snapshot else []) if x.unit == self.state.unit]
        for i, x in enumerate(r for r in rows if r.balance > 0):
            pie_slice = pie.append(f"{x.name or short_mint(x.mint_url)} {x.share}%", float(x.balance))
            pie_slice.setColor(QColor(COLORS[i % len(COLORS)]))
            pie_slice.setLabelVisible(True)
        chart.addSeries(pie)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        self.exposure_chart.setChart(chart)

    def redraw(self) -> None:
        """Draw every chart and table from the state's snapshot (no database access)."""
        s = self.state
        self.summary.setText(s.summary())
        label = s.value_label
        granularity = s.snapshot_granularity()
        self._draw_balance()
        self.flow_chart.setChart(
            self._bars(
                tr("Received, sent and paid per {0} ({1})").format(tr(granularity), label),
                s.flow_series(),
                FLOW_COLORS,
                stacked=False,
                label=label,
            )
        )
        self.sales_chart.setChart(
            self._bars(
                tr("Sales and tips per {0} ({1})").format(tr(granularity), label),
                s.sales_series(),
                FLOW_COLORS,
                stacked=True,
                label=label,
            )
        )
        self.failure_chart.setChart(
            self._bars(
                tr("Failed and recovered operations per {0}").format(tr(granularity)),
                s.failure_series(),
                FAILURE_COLORS,
                stacked=True,
                label=tr("operations"),
            )
        )
        self._draw_fees()
        self._draw_exposure()
        snapshot = s.snapshot
        self.fees_model.fiat_column(s.currency)
        self.fees_model.set_names({x.mint_url: x.name for x in (snapshot.exposure if snapshot else [])})
        self.fees_model.set_rows(snapshot.fees if snapshot else [])
        self.exposure_model.set_rows(snapshot.exposure if snapshot else [])

    # --- loading ---------------------------------------------------------------------------------

    def apply(self, snapshot: AnalyticsSnapshot, choice: tuple[str, str | None] | None = None) -> None:
        self.state.set_snapshot(snapshot, choice)
        self.display.setItemText(1, snapshot.currency)
        self.redraw()

    async def reload(self) -> None:
        """Run the queries in a worker thread, then draw (again, if the choice changed meanwhile)."""
        self.state.stale = False
        choice = self.state.choice()
        snapshot = await asyncio.to_thread(self.state.load)
        self.apply(snapshot, choice)
        if choice != self.state.choice():
            self.state.stale = True
            if self.isVisible():
                await self.reload()

    def refresh(self) -> None:
        """Reload in the background when shown (a hidden view only notes that it is stale)."""
        self.state.stale = True
        if not self.isVisible() or (self._loading is not None and not self._loading.done()):
            return
        self._loading = self.ctx.run(self.reload())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.state.stale:
            self.refresh()

    def _on_changed(self, what: frozenset[str]) -> None:
        if HISTORY in what or BALANCES in what:
            self.refresh()

    def _choice_changed(self) -> None:
        self.state.period_name = str(self.period.currentData())
        self.state.granularity = self.granularity.currentData() or None
        self.refresh()

    def set_period(self, name: str, granularity: str | None = None) -> None:
        """Choose a period preset (and bucket size) as the user would; reloads when shown."""
        for combo, value in ((self.period, name), (self.granularity, granularity or "")):
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(value))
            combo.blockSignals(False)
        self._choice_changed()

    def set_display(self, display: str) -> None:
        self.display.setCurrentIndex(self.display.findData(display))

    def _display_changed(self) -> None:
        self.state.display = "fiat" if self.display.currentData() == "fiat" else "sat"
        if self.state.snapshot is not None:
            self.redraw()

    # --- exports ---------------------------------------------------------------------------------

    async def export(self, fmt: str, path: str | Path) -> Path:
        """Write an export of the chosen period to ``path``."""
        period = self.state.period()
        if fmt == "pdf":
            from desktop.reports.pdf import write_pdf_report

            snapshot = self.state.snapshot
            if snapshot is None or self.state.loaded_choice != self.state.choice():
                snapshot = await asyncio.to_thread(self.state.service.snapshot, period)
            target = write_pdf_report(snapshot, Path(path))
            count = snapshot.entries
        else:
            target, count = await asyncio.to_thread(self.state.service.write_file, period, fmt, path)
        self.ctx.tasks.status.emit(tr("Exported {0:,} entries to {1}").format(count, target))
        return target

    async def export_dialog(self, fmt: str) -> None:
        text, file_filter, suffix = EXPORTS[fmt]
        default = Path.home() / f"nutdesk-{self.state.period_name}-{suffix}"
        dialog = QFileDialog(self, tr(text).rstrip("…"), str(default), file_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        await self.export(fmt, dialog.selectedFiles()[0])
