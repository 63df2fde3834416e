"""The table of operations needing attention."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.gui.views.recovery.state import AttentionRow
from desktop.gui.widgets.common import format_amount, short_url

__all__ = ["AttentionModel"]

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class AttentionModel(QAbstractTableModel):
    HEADERS = ("Operation", "Mint", "Amount", "Status", "Reason", "Retries", "Next retry")
    RowRole = Qt.ItemDataRole.UserRole

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[AttentionRow] = []

    def set_rows(self, rows: list[AttentionRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.kind,
                short_url(r.mint),
                format_amount(r.amount, r.unit),
                r.status,
                r.reason,
                str(r.retries),
                r.next_retry,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{r.mint}\noperation {r.operation_id}\n{r.reason}"
        if role == self.RowRole:
            return r
        return None
