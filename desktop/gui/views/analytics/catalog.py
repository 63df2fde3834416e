"""The Analytics view's "Catalog" tab: best sellers (a chart of the top ten and a table), sales per category and
the losses — offline tokens found double-spent, recorded against their sales. Drawn from ``CatalogStats`` that
the view loads with its snapshot, for the same period."""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.api.catalog_stats import CatalogStats
from desktop.gui.i18n import tr
from desktop.gui.views.analytics.charts import Charts, chart_view
from desktop.gui.views.analytics.model import BestSellersModel, CategoriesModel, LossesModel, RowsModel
from desktop.gui.widgets.table import size_columns_to_contents
from desktop.reports.formatting import fiat_text

__all__ = ["TOP", "CatalogPanel", "rows_table"]

TOP = 10  # best sellers in the chart (the table lists them all)


def rows_table(model: RowsModel[Any], name: str, accessible: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setAccessibleName(accessible)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    size_columns_to_contents(table)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(24)
    return table


def _titled(title: str, table: QTableView) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(f"<b>{title}</b>")
    label.setBuddy(table)
    layout.addWidget(label)
    layout.addWidget(table, 1)
    return box


class CatalogPanel(QWidget):
    def __init__(self, charts: Charts) -> None:
        super().__init__()
        self.setObjectName("catalogPanel")
        self.charts = charts
        self.stats: CatalogStats | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("catalogSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.chart: QChartView = chart_view("bestSellersChart")
        self.chart.setMinimumHeight(200)
        self.best_model = BestSellersModel()
        self.categories_model = CategoriesModel()
        self.losses_model = LossesModel()
        self.best_table = rows_table(self.best_model, "bestSellersTable", tr("Best sellers"))
        self.categories_table = rows_table(self.categories_model, "categoriesTable", tr("Sales per category"))
        self.losses_table = rows_table(self.losses_model, "lossesTable", tr("Losses"))
        tables = QWidget()
        row = QHBoxLayout(tables)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(_titled(tr("Best sellers"), self.best_table), 3)
        row.addWidget(_titled(tr("Sales per category"), self.categories_table), 2)
        row.addWidget(_titled(tr("Losses (double-spent offline tokens)"), self.losses_table), 2)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(tables)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([330, 240])
        layout.addWidget(splitter, 1)

    def show_stats(self, stats: CatalogStats) -> None:
        self.stats = stats
        if stats.currency:
            self.best_model.fiat_column(stats.currency)
            self.categories_model.fiat_column(stats.currency)
        self.best_model.set_rows(list(stats.items))
        self.categories_model.set_rows(list(stats.categories))
        self.losses_model.set_rows(list(stats.losses))
        top = stats.items[:TOP]
        self.chart.setChart(
            self.charts.ranking(
                tr("Best sellers: the top {0} by quantity sold").format(TOP),
                [i.name for i in top],
                [float(i.quantity) for i in top],
                tr("sold"),
            )
        )
        if stats.empty:
            self.summary.setText(
                tr("No item sold in this period. Sales from the till's item grid (or `pos charge --item`) show here.")
            )
            return
        text = tr("{0:,} items sold for {1:,} sat in {2} categories.").format(
            sum(i.quantity for i in stats.items), stats.total, len(stats.categories)
        )
        if stats.total_fiat is not None:
            text += " " + tr("At the rates of the sales: {0}.").format(fiat_text(stats.total_fiat, stats.currency))
            if stats.unpriced:
                text += " " + tr("{0} line(s) sold without a {1} rate are not in that figure.").format(
                    stats.unpriced, stats.currency
                )
        if stats.losses:
            text += " " + tr("Lost: {0:,} sat on {1} offline sale(s) whose ecash was already spent.").format(
                stats.total_loss, len(stats.losses)
            )
        self.summary.setText(text)
