"""The table of operations needing attention."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.gui.i18n import QT_TR_NOOP
from desktop.gui.views.recovery.state import AttentionRow
from desktop.gui.widgets.common import format_amount, short_url
from desktop.gui.widgets.table import RowsTableModel

__all__ = ["AttentionModel"]


class AttentionModel(RowsTableModel[AttentionRow]):
    HEADERS = (
        QT_TR_NOOP("Operation"),
        QT_TR_NOOP("Mint"),
        QT_TR_NOOP("Amount"),
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Reason"),
        QT_TR_NOOP("Retries"),
        QT_TR_NOOP("Next retry"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.titles: dict[str, str] = {}  # URL → "Label or name (host)", set by the view on refresh

    def cell(self, row: AttentionRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.kind,
                self.titles.get(row.mint) or short_url(row.mint),
                format_amount(row.amount, row.unit),
                row.status,
                row.reason,
                str(row.retries),
                row.next_retry,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.mint}\noperation {row.operation_id}\n{row.reason}"
        return None
