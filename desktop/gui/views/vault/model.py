"""The vault's table: one row per exported token or cheque."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt

from core.api.cheques import VaultEntry
from desktop.gui.i18n import QT_TR_NOOP
from desktop.gui.widgets.common import format_amount, short_url
from desktop.gui.widgets.table import RowsTableModel

__all__ = ["VaultModel"]


class VaultModel(RowsTableModel[VaultEntry]):
    HEADERS = (
        "#",
        QT_TR_NOOP("Kind"),
        QT_TR_NOOP("Amount"),
        QT_TR_NOOP("Mint"),
        QT_TR_NOOP("State"),
        QT_TR_NOOP("Returns"),
        QT_TR_NOOP("File"),
    )
    STATE = 4

    def cell(self, row: VaultEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            returns = (
                time.strftime("%Y-%m-%d %H:%M", time.localtime(row.cheque.locktime)) if row.cheque is not None else ""
            )
            file_name = row.file_path.rsplit("/", 1)[-1] if row.file_path else ""
            return (
                str(row.id),
                "Cheque" if row.cheque else "Token",
                format_amount(row.amount, row.unit),
                short_url(row.mint_url),
                row.state.value,
                returns,
                file_name,
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [row.mint_url]
            if row.cheque is not None:
                lines.append(f"to {row.cheque.recipient}")
            if row.file_path:
                lines.append(row.file_path)
            return "\n".join(lines)
        return None
