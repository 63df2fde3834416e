"""Lists in Settings: the wallet's mints and the saved Lightning backends."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from core.api.service import MintView
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.widgets.common import format_amount
from desktop.gui.widgets.table import RowsTableModel

__all__ = ["BackendRow", "BackendsModel", "MintsModel"]


class MintsModel(RowsTableModel[MintView]):
    NAME, URL, UNITS, BALANCE, TRUSTED = range(5)
    HEADERS = (QT_TR_NOOP("Name"), QT_TR_NOOP("URL"), QT_TR_NOOP("Units"), QT_TR_NOOP("Balance"), QT_TR_NOOP("Trusted"))

    def __init__(self) -> None:
        super().__init__()
        self.labels: dict[str, str] = {}  # URL → the user's label (set by the view on refresh)

    def mint(self, row: int) -> MintView:
        return self.row(row)

    def cell(self, m: MintView, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return self.labels.get(m.url) or m.name
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
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.BALANCE:  # amounts line up on the right
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class BackendRow:
    def __init__(self, name: str, type_name: str, status: str = "") -> None:
        self.name = name
        self.type = type_name
        self.status = status


class BackendsModel(RowsTableModel[BackendRow]):
    NAME, TYPE, STATUS = range(3)
    HEADERS = (QT_TR_NOOP("Name"), QT_TR_NOOP("Type"), QT_TR_NOOP("Status"))

    def backend(self, row: int) -> BackendRow:
        return self.row(row)

    def set_status(self, name: str, status: str) -> None:
        for i, r in enumerate(self._rows):
            if r.name == name:
                r.status = status
                self.dataChanged.emit(self.index(i, self.STATUS), self.index(i, self.STATUS))

    def cell(self, r: BackendRow, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (r.name, r.type, r.status or tr("not tested"))[col]
        return None
