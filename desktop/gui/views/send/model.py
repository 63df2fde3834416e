"""Tokens we made that nobody has claimed yet: amount, mint, where it was saved."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from core.api import ExportedToken
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.widgets.common import format_amount, short_url
from desktop.gui.widgets.table import RowsTableModel

__all__ = ["SentTokensModel"]


class SentTokensModel(RowsTableModel[ExportedToken]):
    AMOUNT, MINT, FILE, STATE = range(4)
    HEADERS = (QT_TR_NOOP("Amount"), QT_TR_NOOP("Mint"), QT_TR_NOOP("Saved to"), QT_TR_NOOP("State"))

    def __init__(self) -> None:
        super().__init__()
        self.titles: dict[str, str] = {}  # URL → "Label or name (host)", set by the view on refresh

    def set_rows(self, rows: Iterable[ExportedToken]) -> None:
        super().set_rows(sorted(rows, key=lambda t: -t.id))

    def token(self, row: int) -> ExportedToken:
        return self.row(row)

    def cell(self, t: ExportedToken, col: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                self.AMOUNT: format_amount(t.amount, t.unit),
                self.MINT: self.titles.get(t.mint_url) or short_url(t.mint_url),
                self.FILE: Path(t.file_path).name if t.file_path else "—",
                self.STATE: tr("waiting to be claimed") if t.state == "pending" else t.state,
            }.get(col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.FILE and t.file_path:
                return t.file_path
            if col == self.MINT:
                return t.mint_url
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
