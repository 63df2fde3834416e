"""The Analytics view's charts, drawn from the state's snapshot (no database access): QtCharts builders that
follow the palette (light or dark) and the sat / fiat display."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QPieSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QWidget

from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.views.analytics.model import category_label
from desktop.gui.views.analytics.state import AnalyticsState
from desktop.reports.formatting import bucket_name, short_mint

__all__ = ["COLORS", "FAILURE_COLORS", "FLOW_COLORS", "Charts", "chart_view"]

COLORS = ["#f7931a", "#2e86de", "#27ae60", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d", "#d35400"]
FLOW_COLORS = {"Received": "#27ae60", "Sent": "#e67e22", "Paid": "#2e86de", "Sales": "#f7931a", "Tips": "#8e44ad"}
FAILURE_COLORS = {
    "failed": "#c0392b",
    "rolled_back": "#e67e22",
    "recovered": "#27ae60",
    "open": "#f1c40f",
    "dismissed": "#95a5a6",
}


def chart_view(name: str) -> QChartView:
    view = QChartView()
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(260)
    return view


def _msecs(bucket: str) -> float:
    """Local midnight at the start of the bucket, in ms since the epoch (the x of a QDateTimeAxis)."""
    day = dt.date.fromisoformat(bucket)
    return dt.datetime(day.year, day.month, day.day).timestamp() * 1000.0


class Charts:
    """Builds each chart of the view for ``state``; ``widget`` lends its palette (dark or light theme)."""

    def __init__(self, widget: QWidget, state: AnalyticsState) -> None:
        self.widget = widget
        self.state = state

    def new_chart(self, title: str) -> QChart:
        chart = QChart()
        chart.setTitle(title)
        dark = self.widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
        chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark else QChart.ChartTheme.ChartThemeLight)
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(6, 6, 6, 6))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        return chart

    def value_axis(self, chart: QChart, series_max: float, label: str, *, fiat: bool | None = None) -> QValueAxis:
        axis = QValueAxis()
        axis.setRange(0, max(1.0, series_max) * 1.08)
        in_fiat = self.state.display == "fiat" if fiat is None else fiat
        axis.setLabelFormat("%.2f" if in_fiat else "%.0f")
        axis.setTitleText(label)
        axis.applyNiceNumbers()
        return axis

    def _category_axis(self, chart: QChart) -> QBarCategoryAxis:
        axis = QBarCategoryAxis()
        granularity = self.state.snapshot_granularity()
        buckets = self.state.buckets()
        every = max(1, len(buckets) // 16)
        labels = [bucket_name(b, granularity) if i % every == 0 else " " * (i % 7 + 1) for i, b in enumerate(buckets)]
        axis.append(labels)
        if len(buckets) > 8:
            axis.setLabelsAngle(-60)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        return axis

    def bars(
        self, title: str, series: dict[str, list[float]], colors: dict[str, str], *, stacked: bool, label: str
    ) -> QChart:
        """Bars per bucket of the period, one set per series (stacked or side by side)."""
        chart = self.new_chart(title)
        bars = QStackedBarSeries() if stacked else QBarSeries()
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
        value_axis = self.value_axis(chart, highest, label)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(value_axis)
        return chart

    def ranking(self, title: str, labels: Sequence[str], values: Sequence[float], unit: str) -> QChart:
        """Horizontal bars, largest on top (best sellers): one bar per label."""
        chart = self.new_chart(title)
        series = QHorizontalBarSeries()
        bar_set = QBarSet(unit)
        bar_set.append([float(v) for v in reversed(values)])  # a bar axis draws its first category at the bottom
        bar_set.setColor(QColor(COLORS[0]))
        series.append(bar_set)
        chart.addSeries(series)
        axis = QBarCategoryAxis()
        axis.append(list(reversed(labels)))
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        value_axis = self.value_axis(chart, max(values, default=0.0), unit, fiat=False)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(value_axis)
        chart.legend().hide()
        return chart

    def balance(self) -> QChart:
        state = self.state
        granularity = state.snapshot_granularity()
        chart = self.new_chart(tr("Balance at the end of each {0} ({1})").format(tr(granularity), state.value_label))
        series = state.balance_series()
        buckets = state.buckets()
        names = {x.mint_url: x.name for x in (state.snapshot.exposure if state.snapshot else [])}
        axis_x = QDateTimeAxis()
        axis_x.setFormat("MMM yyyy" if granularity == "month" else "d MMM")
        axis_x.setTickCount(min(8, max(2, len(buckets))))
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        highest = max((max(v, default=0.0) for v in series.values()), default=0.0)
        lowest = min((min(v, default=0.0) for v in series.values()), default=0.0)
        axis_y = self.value_axis(chart, highest, state.value_label)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
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
        return chart

    def fees(self) -> QChart:
        state = self.state
        chart = self.new_chart(tr("Fees per mint ({0})").format(state.unit))
        rows = [f for f in (state.snapshot.fees if state.snapshot else []) if f.unit == state.unit]
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
        names = {x.mint_url: x.name for x in (state.snapshot.exposure if state.snapshot else [])}
        axis.append([category_label(names.get(f.mint_url) or short_mint(f.mint_url)) for f in rows])
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis)
        value_axis = self.value_axis(chart, highest, state.unit, fiat=False)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(value_axis)
        return chart

    def exposure(self) -> QChart:
        state = self.state
        chart = self.new_chart(tr("Where your ecash is ({0}, spendable now)").format(state.unit))
        pie = QPieSeries()
        rows = [x for x in (state.snapshot.exposure if state.snapshot else []) if x.unit == state.unit]
        for i, x in enumerate(r for r in rows if r.balance > 0):
            pie_slice = pie.append(f"{x.name or short_mint(x.mint_url)} {x.share}%", float(x.balance))
            pie_slice.setColor(QColor(COLORS[i % len(COLORS)]))
            pie_slice.setLabelVisible(True)
        chart.addSeries(pie)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
        return chart
