"""The balances table: one row per mint and unit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.views.balances.state import BalanceEntry, MintHealth
from desktop.gui.widgets.common import format_amount, short_url

__all__ = ["BalancesModel"]

Index = QModelIndex | QPersistentModelIndex
_NO_INDEX = QModelIndex()


class BalancesModel(QAbstractTableModel):
    MINT, UNIT, BALANCE, PENDING, FIAT, STATUS = range(6)
    HEADERS = (
        QT_TR_NOOP("Mint"),
        QT_TR_NOOP("Unit"),
        QT_TR_NOOP("Balance"),
        QT_TR_NOOP("Pending"),
        QT_TR_NOOP("Fiat"),
        QT_TR_NOOP("Status"),
    )
    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[BalanceEntry] = []
        self._health: dict[str, MintHealth] = {}
        self.currency = "USD"

    def set_rows(self, rows: list[BalanceEntry], health: dict[str, MintHealth]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._health = dict(health)
        self.endResetModel()

    def set_health(self, health: dict[str, MintHealth]) -> None:
        self._health = dict(health)
        if self._rows:
            self.dataChanged.emit(self.index(0, self.STATUS), self.index(len(self._rows) - 1, self.STATUS))

    def entry(self, row: int) -> BalanceEntry:
        return self._rows[row]

    def rowCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _NO_INDEX) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if section == self.FIAT:
                return f"Value ({self.currency})"
            return tr(self.HEADERS[section])
        return None

    def _status(self, e: BalanceEntry) -> str:
        health = self._health.get(e.mint_url)
        trust = tr("trusted") if e.trusted else tr("not trusted")
        if e.misbehaved:
            trust = tr("misbehaved · {0}").format(trust)
        if health is None or health.reachable is None:
            return trust
        return f"{trust} · {'online' if health.reachable else 'unreachable'}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        e = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.MINT:
                return e.mint_name
            if col == self.UNIT:
                return e.unit
            if col == self.BALANCE:
                return format_amount(e.balance, e.unit)
            if col == self.PENDING:
                return format_amount(e.pending, e.unit) if e.pending else "—"
            if col == self.FIAT:
                return f"{e.fiat:,.2f}" if e.fiat is not None else "—"
            if col == self.STATUS:
                return self._status(e)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == self.MINT:
                return e.mint_url
            if col == self.STATUS:
                health = self._health.get(e.mint_url)
                if e.misbehaved:
                    return tr("This mint misbehaved: {0}").format(e.misbehaved)
                if health and health.error:
                    return health.error
                if health and health.motd:
                    return tr("Message of the day: {0}").format(health.motd)
            if col == self.PENDING and e.pending:
                return tr("Sent or in flight, not yet claimed or settled")
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.BALANCE, self.PENDING, self.FIAT):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS:
            health = self._health.get(e.mint_url)
            if e.misbehaved or (health is not None and health.reachable is False):
                return QColor("#c0392b")
        elif role == Qt.ItemDataRole.UserRole:
            # Sort keys: raw numbers for the amount columns.
            return {self.BALANCE: e.balance, self.PENDING: e.pending}.get(col, e.mint_name)
        elif role == self.EntryRole:
            return e
        if role == Qt.ItemDataRole.StatusTipRole and col == self.MINT:
            return short_url(e.mint_url)
        return None
