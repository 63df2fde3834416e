"""The history table and its filter proxy (kind + free-text search), Electrum's model / proxy / view triple.

The model pages: Qt sees ``PAGE`` rows at first and asks for more (``canFetchMore``/``fetchMore``) as the user
scrolls, so a long history costs the rows on screen, not a ``data()`` call per cell of every row. A refresh
inserts the new rows at the top and updates changed ones in place instead of resetting the model, so the
selection and the scroll position survive an operation finishing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor

from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.views.history.state import HistoryRow
from desktop.gui.widgets.common import format_amount, short_url
from desktop.gui.widgets.table import Index, RowsTableModel

__all__ = ["FAILED_GREY", "HistoryFilter", "HistoryModel"]

FAILED_GREY = "#8a8a8a"
PAGE = 200
_NO_INDEX = QModelIndex()


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
    read_more = Signal()  # more of the history was read from the database (it may have been the end of it)

    def __init__(self) -> None:
        super().__init__()
        self.titles: dict[str, str] = {}  # URL → "Label or name (host)", set by the view on refresh
        self._all: list[HistoryRow] = []  # newest first; ``_rows`` is the prefix Qt has been given
        # The history read so far is ``_all``; unless complete, ``load_more`` reads a longer prefix from the database
        # (and says whether that is all) once Qt has been given every row of it.
        self.complete = True
        self.load_more: Callable[[], tuple[list[HistoryRow], bool]] | None = None

    @property
    def total(self) -> int:
        return len(self._all)

    def set_rows(self, rows: Iterable[HistoryRow], *, complete: bool = True) -> None:
        self.beginResetModel()
        self._all = list(rows)
        self.complete = complete
        self._rows = self._all[:PAGE]
        self.endResetModel()

    def update_rows(self, rows: Iterable[HistoryRow], *, complete: bool = True) -> None:
        """Show ``rows`` (newest first): new ones inserted at the top, changed ones redrawn, a reset only when
        the list changed in another way (a deletion, a re-ordering)."""
        new = list(rows)
        self.complete = complete
        before = list(self._rows)
        old_ids = [r.id for r in self._all]
        known = set(old_ids)
        added = 0
        while added < len(new) and new[added].id not in known:
            added += 1
        kept_ids = [r.id for r in new[added:]]
        if not old_ids or kept_ids != old_ids[: len(kept_ids)] or len(kept_ids) < len(before):
            self.set_rows(new, complete=complete)
            return
        self._all = new
        if added:
            self.beginInsertRows(_NO_INDEX, 0, added - 1)
            self._rows = new[: len(before) + added]
            self.endInsertRows()
        else:
            self._rows = new[: len(before)]
        last = len(self.HEADERS) - 1
        for number, old in enumerate(before, start=added):
            if self._rows[number] != old:
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))

    def upsert_rows(self, rows: Iterable[HistoryRow]) -> None:
        """Put these operations' rows in place (a change named them): a known one redrawn where it is, a new one
        inserted by its time (newest first). Nothing else is read or redrawn."""
        where = {r.id: number for number, r in enumerate(self._all)}
        last = len(self.HEADERS) - 1
        for row in rows:
            number = where.get(row.id)
            if number is not None:
                if self._all[number] == row:
                    continue
                self._all[number] = row
                if number < len(self._rows):
                    self._rows[number] = row
                    self.dataChanged.emit(self.index(number, 0), self.index(number, last))
                continue
            at = 0
            while at < len(self._all) and self._all[at].time > row.time:
                at += 1
            if at == len(self._all) and not self.complete:
                continue  # older than all read so far: it comes with the rest when the user scrolls there
            self._all.insert(at, row)
            if at <= len(self._rows):
                self.beginInsertRows(_NO_INDEX, at, at)
                self._rows.insert(at, row)
                self.endInsertRows()
            where = {r.id: n for n, r in enumerate(self._all)}  # the rows after ``at`` moved down one

    def canFetchMore(self, parent: Index = _NO_INDEX) -> bool:
        return not parent.isValid() and (len(self._rows) < len(self._all) or not self.complete)

    def fetchMore(self, parent: Index = _NO_INDEX) -> None:
        if parent.isValid():
            return
        if len(self._rows) == len(self._all) and not self.complete:
            self._read_more()
        start = len(self._rows)
        more = self._all[start : start + PAGE]
        if more:
            self.beginInsertRows(_NO_INDEX, start, start + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def _read_more(self) -> None:
        if self.load_more is None:
            self.complete = True
            return
        rows, complete = self.load_more()
        if [r.id for r in rows[: len(self._rows)]] != [r.id for r in self._rows]:
            self.set_rows(rows, complete=complete)  # the history changed meanwhile: start again from its top
        else:
            self._all, self.complete = rows, complete
        self.read_more.emit()

    def fetch_all(self) -> None:
        """Give Qt every row (a search or an export must see the whole history, not the pages scrolled to)."""
        while self.canFetchMore():
            self.fetchMore()

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
                if r.waiting_for:
                    return tr("waiting for {0}").format(self.titles.get(r.waiting_for) or short_url(r.waiting_for))
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
