"""The Analytics view's Catalog tab: best sellers, sales per category and offline losses for the period the
view's picker chooses, loaded with the rest of the view off the GUI thread, refreshed when a sale lands; and its
screenshot (docs/screenshots/analytics-catalog.png under ``make screenshots``)."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QHorizontalBarSeries
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from bench.history import build_history
from core.analytics.periods import Period
from core.api.catalog_stats import catalog_stats
from core.api.service import WalletService
from core.config import Config
from core.pos.catalog import SaleLine
from core.pos.catalog_repo import CatalogRepository
from core.storage.models import PosSaleRow
from desktop.gui.context import SALES, AppContext
from desktop.gui.errors import ErrorReporter
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.analytics.view import AnalyticsView
from tests.gui.conftest import until

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DAY = 86_400.0
MINT = "https://mint.coffee.example"
# name, price (sat), category
ITEMS = {
    "Espresso": (1_200, "Coffee"),
    "Cappuccino": (1_800, "Coffee"),
    "Flat white": (2_000, "Coffee"),
    "Croissant": (1_500, "Bakery"),
    "Cinnamon roll": (1_700, "Bakery"),
    "Orange juice": (2_200, "Drinks"),
}


class Shop:
    """Writes paid catalog sales into the wallet's database as the till does (sale row, then its lines)."""

    def __init__(self, service: WalletService) -> None:
        self.service = service
        self.number = 0

    def sale(
        self, basket: dict[str, int], *, days_ago: float = 0.0, loss: int = 0, rate: Decimal | None = Decimal(100_000)
    ) -> str:
        self.number += 1
        lines = [
            SaleLine(name, qty, Decimal(ITEMS[name][0]), "SAT", ITEMS[name][1], amount=qty * ITEMS[name][0])
            for name, qty in basket.items()
        ]
        amount = sum(line.amount for line in lines)
        when = time.time() - days_ago * DAY
        sale_id = uuid.uuid4().hex
        with self.service.store.db.session() as s:
            s.add(PosSaleRow(
                id=sale_id, number=self.number, state="paid", unit="sat", amount=amount, base_amount=amount,
                request_id=uuid.uuid4().hex, mint_url=MINT, received=amount, net=amount - loss, loss=loss,
                offline="unlocked" if loss else "", offline_state="lost" if loss else "",
                fiat_currency="USD" if rate else None, fiat_rate=rate,
                created_at=when, updated_at=when, paid_at=when,
            ))  # fmt: skip
        CatalogRepository(self.service.store.db).add_lines(sale_id, lines)
        return f"R-{self.number:06d}"


@pytest.fixture
def ctx(tmp_path: Path, qapp: QApplication) -> Iterator[AppContext]:
    config = Config(data_dir=tmp_path / "wallet")
    build_history(config.database_path, 300)
    service = WalletService.open(config)
    reporter = ErrorReporter()
    reporter.show_dialogs = False
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    context = AppContext(service=service, tasks=TaskRunner(reporter.report), errors=reporter, settings=settings)
    yield context
    assert reporter.history == []
    service.store.close()


@pytest.fixture
def shop(ctx: AppContext) -> Shop:
    shop = Shop(ctx.service)
    shop.sale({"Espresso": 2, "Croissant": 1}, days_ago=0.01)
    shop.sale({"Cappuccino": 3, "Cinnamon roll": 2}, days_ago=3)
    shop.sale({"Espresso": 4, "Orange juice": 1, "Flat white": 1}, days_ago=10)
    shop.sale({"Espresso": 1}, days_ago=12, loss=1_200, rate=None)  # an offline token found double-spent
    shop.sale({"Croissant": 9}, days_ago=200)  # outside the last 30 days
    return shop


@pytest.fixture
def view(ctx: AppContext, shop: Shop, run: Any) -> Iterator[AnalyticsView]:
    widget = AnalyticsView(ctx)
    widget.resize(1100, 760)
    yield widget
    run(ctx.tasks.wait_idle())
    widget.close()
    widget.deleteLater()


def _table(model: Any) -> list[list[str]]:
    return [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_the_catalog_tab_shows_best_sellers_categories_and_losses_of_the_period(view: AnalyticsView, run: Any) -> None:
    assert "DejaVu Sans" in QFontDatabase.families()
    view.set_period("last-30-days")
    run(view.reload())
    panel = view.catalog
    assert view.tabs.tabText(view.tabs.indexOf(panel)) == "Catalog"
    best = _table(panel.best_model)
    assert panel.best_model.headerData(3, Qt.Orientation.Horizontal) == "Sales in USD"
    assert best[0][3] == "7.20 USD"  # 7,200 of its 8,400 sat sold at 100,000 USD/BTC; one sale had no rate
    assert [row[:3] for row in best] == [
        ["Espresso", "7", "8,400"],
        ["Cappuccino", "3", "5,400"],
        ["Cinnamon roll", "2", "3,400"],
        ["Croissant", "1", "1,500"],
        ["Flat white", "1", "2,000"],
        ["Orange juice", "1", "2,200"],
    ]
    assert _table(panel.categories_model) == [
        ["Coffee", "15,800", "14.60 USD", "69.0%"],
        ["Bakery", "4,900", "4.90 USD", "21.4%"],
        ["Drinks", "2,200", "2.20 USD", "9.6%"],
    ]
    assert _table(panel.losses_model) == [["R-000004", "mint.coffee.example", "1,200"]]
    assert panel.summary.text().startswith(
        "15 items sold for 22,900 sat in 3 categories. At the rates of the sales: 21.70 USD. "
        "1 line(s) sold without a USD rate are not in that figure."
    )
    assert "Lost: 1,200 sat on 1 offline sale(s)" in panel.summary.text()
    # The chart: the best sellers by quantity, the first on top (a bar axis draws its first category lowest).
    [bars] = panel.chart.chart().series()
    assert isinstance(bars, QHorizontalBarSeries)
    axis = next(a for a in panel.chart.chart().axes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories()[-1] == "Espresso" and axis.categories()[0] == "Orange juice"
    assert bars.barSets()[0].at(bars.barSets()[0].count() - 1) == 7

    # The period picker is the view's own: "day" (today) keeps only today's sale, "all" adds the old one.
    view.set_period("day")
    run(view.reload())
    assert [row[:2] for row in _table(view.catalog.best_model)] == [["Espresso", "2"], ["Croissant", "1"]]
    assert view.catalog.losses_model.rowCount() == 0
    view.set_period("all", "month")
    run(view.reload())
    assert _table(view.catalog.best_model)[0][:2] == ["Croissant", "10"]


def test_a_new_sale_updates_the_shown_catalog_tab(view: AnalyticsView, shop: Shop, run: Any) -> None:
    view.set_period("last-30-days")
    view.show()
    view.tabs.setCurrentWidget(view.catalog)
    run(until(lambda: view.state.catalog is not None and view.state.loaded_choice == ("last-30-days", None)))
    run(view.ctx.tasks.wait_idle())
    first = view.state.catalog
    assert _table(view.catalog.best_model)[0][:2] == ["Espresso", "7"]
    shop.sale({"Orange juice": 10})  # recorded by the till (or the CLI), which announces SALES
    view.ctx.changed(SALES)
    run(until(lambda: view.state.catalog is not first, what="the reload after the sale"))
    run(view.ctx.tasks.wait_idle())
    assert _table(view.catalog.best_model)[0][:2] == ["Orange juice", "11"]


def test_a_shop_with_no_catalog_sales_says_where_they_come_from(ctx: AppContext, run: Any) -> None:
    view = AnalyticsView(ctx)
    run(view.reload())
    assert view.catalog.best_model.rowCount() == 0
    assert view.catalog.summary.text().startswith("No item sold in this period.")
    view.deleteLater()


def test_screenshots(view: AnalyticsView, run: Any, qapp: QApplication, tmp_path: Path) -> None:
    # `make screenshots` sets NUTDESK_SCREENSHOTS=1 to refresh docs/screenshots; a plain test run leaves them alone.
    out = SCREENSHOTS if os.environ.get("NUTDESK_SCREENSHOTS") == "1" else tmp_path
    view.set_period("last-30-days")
    view.show()
    view.tabs.setCurrentWidget(view.catalog)
    run(until(lambda: view.state.catalog is not None and view.state.loaded_choice == ("last-30-days", None)))
    run(view.ctx.tasks.wait_idle())
    qapp.processEvents()
    run(asyncio.sleep(0.05))
    image = view.grab()
    assert (image.width(), image.height()) == (1100, 760)
    out.mkdir(parents=True, exist_ok=True)
    assert image.save(str(out / "analytics-catalog.png"))


def test_catalog_stats_keep_to_the_period_both_ends(ctx: AppContext, shop: Shop) -> None:
    now = time.time()
    stats = catalog_stats(ctx.service, Period(start=now - 15 * DAY, end=now - 5 * DAY), "usd")
    assert [(i.name, i.quantity) for i in stats.items] == [("Espresso", 5), ("Flat white", 1), ("Orange juice", 1)]
    assert [x.receipt for x in stats.losses] == ["R-000004"] and stats.total_loss == 1_200
    assert (stats.currency, stats.unpriced, stats.total_fiat) == ("USD", 1, Decimal("9.00"))
    assert stats.to_json()["items"][0] == {"name": "Espresso", "quantity": 5, "amount": 6_000, "fiat": "4.80"}
