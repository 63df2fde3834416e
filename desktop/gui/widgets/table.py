"""The shared base of the views' read-only table models: a list of row objects, fixed headers, and a
``cell(row, column, role)`` each model fills in."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.gui.i18n import tr

__all__ = ["SIZED_ROWS", "Index", "RowsTableModel", "row_table", "size_columns_to_contents"]

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()
R = TypeVar("R")


class RowsTableModel(QAbstractTableModel, Generic[R]):
    HEADERS: ClassVar[tuple[str, ...]] = ()
    # The row object itself, for views and proxies that need more than the shown text.
    RowRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[R] = []

    def set_rows(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row(self, number: int) -> R:
        return self._rows[number]

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        if role == self.RowRole:
            return row
        return self.cell(row, index.column(), role)

    def cell(self, row: R, column: int, role: int) -> Any:
        """What ``role`` shows for ``row`` in ``column`` (None for nothing)."""
        raise NotImplementedError


# ResizeToContents measures the rows again on every change of the model; Qt's default looks at 1,000 rows besides
# those on screen. A column's width is read from the first rows and those in view: a long table (a merchant's
# thousands of cheques, a year of webhook deliveries) costs the same per change as a short one.
SIZED_ROWS = 100


def size_columns_to_contents(table: QTableView) -> QHeaderView:
    """Columns sized to their contents, measured on at most ``SIZED_ROWS`` rows plus those in view."""
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(SIZED_ROWS)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return header


def row_table(model: QAbstractItemModel, name: str, accessible_name: str, *, stretch: int | None = None) -> QTableView:
    """The views' table of rows: one whole row selected at a time, no row numbers, columns sized to their contents
    and ``stretch`` (else the last column) taking the width that is left."""
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible_name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    header = size_columns_to_contents(table)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table
