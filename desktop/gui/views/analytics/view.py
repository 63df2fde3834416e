"""Analytics: balance over time per mint and in total, received / sent / paid per day, week or month, sales and
tips, fees per mint (input fees, Lightning fee reserve versus fees paid and change returned), exposure per mint,
failed and recovered operations, and the catalog (best sellers, sales per category, offline losses). A period
picker shared by every tab, sat or fiat display, and exports (history CSV, report CSV or JSON, Beancount, PDF).

The figures come from ``AnalyticsService`` and ``catalog_stats`` (SQL aggregates), loaded off the GUI thread when
the view is shown and when operations or sales change. The charts are built in ``charts``, the catalog tab in
``catalog``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.api.analytics import AnalyticsService, AnalyticsSnapshot
from core.api.catalog_stats import CatalogStats
from desktop.gui.context import BALANCES, HISTORY, SALES, AppContext
from desktop.gui.dialogs import await_dialog
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.stale import refresh_when_shown
from desktop.gui.views.analytics.catalog import CatalogPanel, rows_table
from desktop.gui.views.analytics.charts import FAILURE_COLORS, FLOW_COLORS, Charts, chart_view
from desktop.gui.views.analytics.model import ExposureModel, FeesModel
from desktop.gui.views.analytics.state import AnalyticsState
from desktop.gui.widgets.common import heading

__all__ = ["EXPORTS", "AnalyticsView"]

# format → (menu text, file filter, default file name suffix)
EXPORTS = {
    "history-csv": (QT_TR_NOOP("History (CSV)…"), "CSV (*.csv)", "history.csv"),
    "csv": (QT_TR_NOOP("Report figures (CSV)…"), "CSV (*.csv)", "report.csv"),
    "json": (QT_TR_NOOP("Report figures (JSON)…"), "JSON (*.json)", "report.json"),
    "beancount": (QT_TR_NOOP("Accounting ledger (Beancount)…"), "Beancount (*.beancount)", "ledger.beancount"),
    "pdf": (QT_TR_NOOP("PDF report…"), "PDF (*.pdf)", "report.pdf"),
}


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

        self.charts = Charts(self, self.state)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("analyticsTabs")
        self.balance_chart = chart_view("balanceChart")
        self.flow_chart = chart_view("flowChart")
        self.sales_chart = chart_view("salesChart")
        self.fee_chart = chart_view("feeChart")
        self.exposure_chart = chart_view("exposureChart")
        self.failure_chart = chart_view("failureChart")
        self.fees_model = FeesModel()
        self.fees_table = rows_table(self.fees_model, "feesTable", tr("Fees per mint"))
        self.exposure_model = ExposureModel()
        self.exposure_table = rows_table(self.exposure_model, "exposureTable", tr("Exposure per mint"))
        self.tabs.addTab(self.balance_chart, tr("Balance"))
        self.tabs.addTab(self.flow_chart, tr("Received · sent · paid"))
        self.tabs.addTab(self.sales_chart, tr("Sales && tips"))
        self.tabs.addTab(self._split(self.fee_chart, self.fees_table), tr("Fees"))
        self.tabs.addTab(self._split(self.exposure_chart, self.exposure_table), tr("Mints && exposure"))
        self.tabs.addTab(self.failure_chart, tr("Failures"))
        self.catalog = CatalogPanel(self.charts)
        self.tabs.addTab(self.catalog, tr("Catalog"))
        layout.addWidget(self.tabs, 1)

        self.period.currentIndexChanged.connect(self._choice_changed)
        self.granularity.currentIndexChanged.connect(self._choice_changed)
        self.display.currentIndexChanged.connect(self._display_changed)
        self.when_shown = refresh_when_shown(self, ctx.bus, self._on_changed, HISTORY, BALANCES, SALES)

    @staticmethod
    def _split(top: QWidget, bottom: QWidget) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([380, 190])  # the table shows a handful of mints without scrolling
        return splitter

    def redraw(self) -> None:
        """Draw every chart and table from the state's snapshot (no database access)."""
        s = self.state
        self.summary.setText(s.summary())
        label = s.value_label
        granularity = s.snapshot_granularity()
        self.balance_chart.setChart(self.charts.balance())
        self.flow_chart.setChart(
            self.charts.bars(
                tr("Received, sent and paid per {0} ({1})").format(tr(granularity), label),
                s.flow_series(),
                FLOW_COLORS,
                stacked=False,
                label=label,
            )
        )
        self.sales_chart.setChart(
            self.charts.bars(
                tr("Sales and tips per {0} ({1})").format(tr(granularity), label),
                s.sales_series(),
                FLOW_COLORS,
                stacked=True,
                label=label,
            )
        )
        self.failure_chart.setChart(
            self.charts.bars(
                tr("Failed and recovered operations per {0}").format(tr(granularity)),
                s.failure_series(),
                FAILURE_COLORS,
                stacked=True,
                label=tr("operations"),
            )
        )
        self.fee_chart.setChart(self.charts.fees())
        self.exposure_chart.setChart(self.charts.exposure())
        snapshot = s.snapshot
        self.fees_model.fiat_column(s.currency)
        self.fees_model.set_names({x.mint_url: x.name for x in (snapshot.exposure if snapshot else [])})
        self.fees_model.set_rows(snapshot.fees if snapshot else [])
        self.exposure_model.set_rows(snapshot.exposure if snapshot else [])
        if s.catalog is not None:
            self.catalog.show_stats(s.catalog)

    # --- loading ---------------------------------------------------------------------------------

    def apply(
        self,
        snapshot: AnalyticsSnapshot,
        choice: tuple[str, str | None] | None = None,
        catalog: CatalogStats | None = None,
    ) -> None:
        self.state.set_snapshot(snapshot, choice)
        if catalog is not None:
            self.state.catalog = catalog
        self.display.setItemText(1, snapshot.currency)
        self.redraw()

    async def reload(self) -> None:
        """Run the queries in a worker thread, then draw (again, if the choice changed meanwhile)."""
        self.state.stale = False
        choice = self.state.choice()
        snapshot, catalog = await asyncio.to_thread(self.state.load_all)
        self.apply(snapshot, choice, catalog)
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
        # SALES: a sale recorded elsewhere (the CLI, another till) or an offline token found spent (a loss).
        if HISTORY in what or BALANCES in what or SALES in what:
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
