"""Tokens we made that nobody has claimed yet: amount, mint, where it was saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core.api import ExportedToken
from desktop.gui.widgets.common import format_amount, short_url

__all__ = ["SentTokensModel"]

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class SentTokensModel(QAbstractTableModel):
    AMOUNT, MINT, FILE, STATE = range(4)
    HEADERS = ("Amount", "Mint", "Saved to", "State")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[ExportedToken] = []

    def set_rows(self, rows: list[ExportedToken]) -> None:
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda t: -t.id)
        self.endResetModel()

    def token(self, row: int) -> ExportedToken:
        return self._rows[row]

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
        t = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.AMOUNT: format_amount(t.amount, t.unit),
                self.MINT: short_url(t.mint_url),
                self.FILE: Path(t.file_path).name if t.file_path else "—",
                self.STATE: "waiting to be claimed" if t.state == "pending" else t.state,
            }.get(col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.FILE and t.file_path:
                return t.file_path
            if col == self.MINT:
                return t.mint_url
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
