"""The history table and its filter proxy (kind + free-text search), Electrum's model / proxy / view triple."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from desktop.gui.i18n import QT_TR_NOOP
from desktop.gui.views.history.state import HistoryRow
from desktop.gui.widgets.common import format_amount, short_url
from desktop.gui.widgets.table import Index, RowsTableModel

__all__ = ["FAILED_GREY", "HistoryFilter", "HistoryModel"]

FAILED_GREY = "#8a8a8a"


class HistoryModel(RowsTableModel[HistoryRow]):
    TIME, KIND, AMOUNT, FEE, MINT, STATE, MEMO = range(7)
    HEADERS = (
        QT_TR_NOOP("Time"),
        QT_TR_NOOP("Kind"),
        QT_TR_NOOP("Amount"),
        QT_TR_NOOP("Fee"),
        QT_TR_NOOP("Mint"),
        QT_TR_NOOP("State"),
        QT_TR_NOOP("Memo"),
    )
    SortRole = Qt.ItemDataRole.UserRole

    def __init__(self) -> None:
        super().__init__()
        self.titles: dict[str, str] = {}  # URL → "Label or name (host)", set by the view on refresh

    def cell(self, r: HistoryRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.TIME:
                return dt.datetime.fromtimestamp(r.time).strftime("%Y-%m-%d %H:%M")
            if col == self.KIND:
                return r.kind_label
            if col == self.AMOUNT:
                if r.moved_nothing:  # "+119 sat" on a failed receive would read as money received
                    return format_amount(r.amount, r.unit)
                sign = "−" if r.signed_amount < 0 else "+"
                return sign + format_amount(r.amount, r.unit)
            if col == self.FEE:
                return format_amount(r.fee, r.unit) if r.fee else "—"
            if col == self.MINT:
                return self.titles.get(r.mint) or short_url(r.mint)
            if col == self.STATE:
                return r.state
            if col == self.MEMO:
                return r.memo
        elif role == self.SortRole:
            return {self.TIME: r.time, self.AMOUNT: r.signed_amount, self.FEE: r.fee}.get(
                col, self.cell(r, col, Qt.ItemDataRole.DisplayRole)
            )
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == self.STATE and r.error:
                return r.error
            if col == self.MINT:
                return r.mint
            if col == self.TIME:
                return r.iso_time
        elif role == Qt.ItemDataRole.TextAlignmentRole and col in (self.AMOUNT, self.FEE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.ForegroundRole:
            if r.moved_nothing:
                return QColor(FAILED_GREY)
            if col == self.AMOUNT:
                return QColor("#c0392b") if r.signed_amount < 0 else QColor("#27ae60")
        return None


class HistoryFilter(QSortFilterProxyModel):
    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._kind = ""
        self.setSortRole(HistoryModel.SortRole)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text
        self.endFilterChange()

    def set_kind(self, kind: str) -> None:
        self.beginFilterChange()
        self._kind = kind
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        row: HistoryRow = model.data(model.index(source_row, 0, source_parent), HistoryModel.RowRole)
        if row is None:
            return False
        if self._kind and row.kind != self._kind:
            return False
        return row.matches(self._text)

    def visible_rows(self) -> list[HistoryRow]:
        return [self.data(self.index(i, 0), HistoryModel.RowRole) for i in range(self.rowCount())]
