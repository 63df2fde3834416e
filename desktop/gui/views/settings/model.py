"""Lists in Settings: the wallet's mints and the saved Lightning backends."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from core.api.service import MintView
from desktop.gui.widgets.common import format_amount

__all__ = ["BackendRow", "BackendsModel", "MintsModel"]

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class _Table(QAbstractTableModel):
    HEADERS: tuple[str, ...] = ()

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def _count(self) -> int:
        raise NotImplementedError


class MintsModel(_Table):
    NAME, URL, UNITS, BALANCE, TRUSTED = range(5)
    HEADERS = ("Name", "URL", "Units", "Balance", "Trusted")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[MintView] = []

    def set_rows(self, rows: list[MintView]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def mint(self, row: int) -> MintView:
        return self._rows[row]

    def _count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        m = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return m.name
            if col == self.URL:
                return m.url
            if col == self.UNITS:
                return ", ".join(m.units) or "—"
            if col == self.BALANCE:
                return ", ".join(format_amount(v, u) for u, v in m.balances.items()) or "—"
            if col == self.TRUSTED:
                return "yes" if m.trusted else "no"
        if role == Qt.ItemDataRole.ToolTipRole and col == self.NAME and m.motd:
            return m.motd
        return None


class BackendRow:
    def __init__(self, name: str, type_name: str, status: str = "") -> None:
        self.name = name
        self.type = type_name
        self.status = status


class BackendsModel(_Table):
    NAME, TYPE, STATUS = range(3)
    HEADERS = ("Name", "Type", "Status")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[BackendRow] = []

    def set_rows(self, rows: list[BackendRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def backend(self, row: int) -> BackendRow:
        return self._rows[row]

    def set_status(self, name: str, status: str) -> None:
        for i, r in enumerate(self._rows):
            if r.name == name:
                r.status = status
                self.dataChanged.emit(self.index(i, self.STATUS), self.index(i, self.STATUS))

    def _count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.name, r.type, r.status or "not tested")[index.column()]
        return None
