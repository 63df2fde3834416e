"""Table models of the Analytics view: fees per mint, exposure (funds per mint), and the catalog's best sellers,
sales per category and offline losses."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core.api.analytics import ExposureRow, FeeRow
from core.api.catalog_stats import CategorySales, ItemSales, SaleLoss
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.reports.formatting import fiat_text, money_text, percent_text, short_mint

__all__ = [
    "BestSellersModel",
    "CategoriesModel",
    "ExposureModel",
    "FeesModel",
    "LossesModel",
    "RowsModel",
    "category_label",
    "with_fiat_column",
]
Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
R = TypeVar("R")
Column = tuple[str, Callable[[Any], str], bool]


class RowsModel(QAbstractTableModel, Generic[R]):
    """A read-only table of dataclass rows: one (header, text-of-row, is-number) per column."""

    COLUMNS: ClassVar[list[Column]] = []
    TOOLTIPS: ClassVar[dict[int, Callable[[Any], str]]] = {}

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[R] = []
        self.columns: list[Column] = list(self.COLUMNS)

    def set_rows(self, rows: list[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.columns[section][0])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        _header, text, numeric = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in self.TOOLTIPS:
            return self.TOOLTIPS[index.column()](row)
        return None


class FeesModel(RowsModel[FeeRow]):
    COLUMNS: ClassVar[list[Column]] = [
        (QT_TR_NOOP("Mint"), lambda f: short_mint(f.mint_url), False),
        (QT_TR_NOOP("Input fee"), lambda f: f"{f.fee_ppk} ppk", True),
        (QT_TR_NOOP("Volume"), lambda f: money_text(f.volume, f.unit), True),
        (QT_TR_NOOP("Input fees"), lambda f: money_text(f.input_fees, f.unit), True),
        (QT_TR_NOOP("LN payments"), lambda f: f"{f.lightning_payments:,}", True),
        (QT_TR_NOOP("LN fee reserve"), lambda f: money_text(f.lightning_reserve, f.unit), True),
        (QT_TR_NOOP("LN fees paid"), lambda f: money_text(f.lightning_paid, f.unit), True),
        (QT_TR_NOOP("Reserve returned"), lambda f: money_text(f.reserve_returned, f.unit), True),
        (QT_TR_NOOP("Change returned"), lambda f: money_text(f.change_returned, f.unit), True),
        (QT_TR_NOOP("All fees"), lambda f: money_text(f.fees, f.unit), True),
        (QT_TR_NOOP("Effective"), lambda f: percent_text(f.effective_percent), True),
        (QT_TR_NOOP("LN fee %"), lambda f: percent_text(f.lightning_percent), True),
    ]
    TOOLTIPS: ClassVar[dict[int, Callable[[Any], str]]] = {0: lambda f: f.mint_url}

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, str] = {}  # URL → "Label or name (host)", from the snapshot's exposure rows

    def set_names(self, names: dict[str, str]) -> None:
        self.names = dict(names)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.column() == 0:
            row = self._rows[index.row()]
            return self.names.get(row.mint_url) or short_mint(row.mint_url)
        return super().data(index, role)

    def fiat_column(self, currency: str) -> None:
        """Show the fees' value at the recorded rates as the last column."""
        self.beginResetModel()
        self.columns = [
            *self.COLUMNS,
            (tr("Fees in {0}").format(currency), lambda f: fiat_text(f.fiat_fees, currency), True),
        ]
        self.endResetModel()


class ExposureModel(RowsModel[ExposureRow]):
    COLUMNS: ClassVar[list[Column]] = [
        (QT_TR_NOOP("Mint"), lambda x: x.name or short_mint(x.mint_url), False),
        (QT_TR_NOOP("Trusted"), lambda x: tr("yes") if x.trusted else tr("no"), False),
        (QT_TR_NOOP("Balance"), lambda x: money_text(x.balance, x.unit), True),
        (QT_TR_NOOP("Pending"), lambda x: money_text(x.pending, x.unit), True),
        (QT_TR_NOOP("Share"), lambda x: percent_text(x.share), True),
        (QT_TR_NOOP("Operations"), lambda x: f"{x.operations:,}", True),
        (QT_TR_NOOP("Volume"), lambda x: money_text(x.volume, x.unit), True),
    ]
    TOOLTIPS: ClassVar[dict[int, Callable[[Any], str]]] = {0: lambda x: x.mint_url}


def with_fiat_column(columns: list[Column], at: int, currency: str) -> list[Column]:
    """``columns`` with the value at the recorded rates inserted at ``at``."""
    fiat: Column = (tr("Sales in {0}").format(currency), lambda r: fiat_text(r.fiat, currency), True)
    return [*columns[:at], fiat, *columns[at:]]


# Catalog sales are recorded in sat (the till's unit); the tables say so in the header.
class BestSellersModel(RowsModel[ItemSales]):
    COLUMNS: ClassVar[list[Column]] = [
        (QT_TR_NOOP("Item"), lambda i: i.name, False),
        (QT_TR_NOOP("Sold"), lambda i: f"{i.quantity:,}", True),
        (QT_TR_NOOP("Sales (sat)"), lambda i: f"{i.amount:,}", True),
        (QT_TR_NOOP("Share"), lambda i: f"{i.share:.1f}%", True),
    ]

    def fiat_column(self, currency: str) -> None:
        self.beginResetModel()
        self.columns = with_fiat_column(self.COLUMNS, 3, currency)
        self.endResetModel()


class CategoriesModel(RowsModel[CategorySales]):
    COLUMNS: ClassVar[list[Column]] = [
        (QT_TR_NOOP("Category"), lambda c: c.category, False),
        (QT_TR_NOOP("Sales (sat)"), lambda c: f"{c.amount:,}", True),
        (QT_TR_NOOP("Share"), lambda c: f"{c.share:.1f}%", True),
    ]

    def fiat_column(self, currency: str) -> None:
        self.beginResetModel()
        self.columns = with_fiat_column(self.COLUMNS, 2, currency)
        self.endResetModel()


class LossesModel(RowsModel[SaleLoss]):
    COLUMNS: ClassVar[list[Column]] = [
        (QT_TR_NOOP("Receipt"), lambda x: x.receipt, False),
        (QT_TR_NOOP("Mint"), lambda x: short_mint(x.mint), False),
        (QT_TR_NOOP("Lost (sat)"), lambda x: f"{x.loss:,}", True),
    ]
    TOOLTIPS: ClassVar[dict[int, Callable[[Any], str]]] = {1: lambda x: x.mint}


def category_label(title: str) -> str:
    """A bar group's label: the mint's name over its host (rich text), so a narrow group elides neither and two
    mints of one name stay told apart. Categories must be unique: titles are (they carry the host)."""
    name, sep, host = title.rpartition(" (")
    if not sep:
        return html.escape(title)
    return f"{html.escape(name)}<br><small>{html.escape(host.removesuffix(')'))}</small>"
