"""History: every operation, newest first; filter by kind, search, export what is shown as CSV."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.api.mint_labels import mint_titles
from desktop.gui.changes import operations_of
from desktop.gui.context import HISTORY, AppContext
from desktop.gui.dialogs import await_dialog
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.stale import refresh_when_shown
from desktop.gui.views.history.model import HistoryFilter, HistoryModel
from desktop.gui.views.history.state import KIND_LABELS, HistoryState, rows_to_csv
from desktop.gui.widgets.common import empty_state, heading, shortcut

__all__ = ["HistoryView"]


class HistoryView(QWidget):
    title = QT_TR_NOOP("History")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("historyView")
        self.ctx = ctx
        self.state = HistoryState(ctx.service)
        self.model = HistoryModel()
        self.model.load_more = self.state.load_more  # a long history is read as the user scrolls to it
        self.proxy = HistoryFilter()
        self.proxy.setSourceModel(self.model)

        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("History")))
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("historySearch")
        self.search.setAccessibleName(tr("Search the history"))
        self.search.setPlaceholderText(tr("Search mint, memo, state, amount…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.kind = QComboBox()
        self.kind.setObjectName("historyKind")
        self.kind.addItem(tr("All kinds"), "")
        for kind, label in KIND_LABELS.items():
            self.kind.addItem(tr(label), kind)
        self.kind.currentIndexChanged.connect(self._filter)
        self.export_button = QPushButton(tr("Export CSV…"))
        self.export_button.clicked.connect(lambda: ctx.run(self.export_csv_dialog()))
        shortcut(self, "Ctrl+S", self.export_button)
        self.search.setToolTip(tr("Search time, kind, mint, state, memo, amount"))
        shortcut(self, "Ctrl+F", self.search, lambda: self.search.setFocus(Qt.FocusReason.ShortcutFocusReason))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.kind)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(tr("History: one row per operation"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(HistoryModel.TIME, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        # Sized once to the first page (ResizeToContents would measure every row on every change).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(HistoryModel.MEMO, QHeaderView.ResizeMode.Stretch)
        self._sized = False
        header.sortIndicatorChanged.connect(lambda *_: self.model.fetch_all())  # sorting orders every row
        layout.addWidget(self.table, 1)
        self.empty = empty_state(
            tr(
                "<b>No operations yet.</b><br>Everything the wallet does is listed here: receive a token or a "
                "Lightning payment in <b>Receive</b> (Ctrl+2) to begin."
            ),
            "historyEmpty",
        )
        layout.addWidget(self.empty, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        # Rows read as the user scrolls change the count ("1000+" until the end is read).
        self.model.rowsInserted.connect(lambda *_: self._update_count())
        self.model.read_more.connect(self._update_count)
        self.when_shown = refresh_when_shown(self, ctx.bus, self._on_changed, HISTORY)
        self.refresh()

    def _on_changed(self, what: frozenset[str]) -> None:
        if HISTORY not in what:
            return
        named = operations_of(what)
        if named:
            self.update_operations(named)  # the rows of what changed, not the whole history again
        else:
            self.refresh()

    def update_operations(self, ids: Iterable[str]) -> None:
        rows = self.state.rows_for(ids)
        if any(r.mint not in self.model.titles for r in rows):
            self.model.titles = mint_titles(self.ctx.service)  # a mint added since: its title
        self.model.upsert_rows(rows)
        self._shown()

    def refresh(self) -> None:
        self.model.titles = mint_titles(self.ctx.service)
        rows = self.state.load()
        self.model.update_rows(rows, complete=self.state.complete(rows))
        if self.search.text() or self.kind.currentData():
            self.model.fetch_all()  # a filter searches the whole history, not the pages scrolled to
        self._shown()

    def _shown(self) -> None:
        if not self._sized and self.model.rowCount():
            self._sized = True
            for column in range(HistoryModel.MEMO):
                self.table.resizeColumnToContents(column)  # the first page only: the model has no more yet
        has_rows = self.model.rowCount() > 0
        self.table.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        self._update_count()

    def _filter(self) -> None:
        self.model.fetch_all()
        self.proxy.set_text(self.search.text())
        self.proxy.set_kind(str(self.kind.currentData() or ""))
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.total
        if shown == self.model.rowCount():
            shown = total  # no filter: the pages not fetched yet are shown too, once scrolled to
        more = "" if self.model.complete else "+"  # more in the database, read when scrolled to
        self.count.setText(
            tr("{0} operations").format(f"{total}{more}")
            if shown == total
            else tr("{0} of {1} operations").format(shown, f"{total}{more}")
        )

    async def export_csv(self, path: str | Path) -> Path:
        """Write the rows shown (filtered, in the shown order) as CSV."""
        target = Path(path)
        self.model.fetch_all()
        text = rows_to_csv(self.proxy.visible_rows())
        await asyncio.to_thread(target.write_text, text, encoding="utf-8")
        self.ctx.tasks.status.emit(tr("Exported {0} operations to {1}").format(self.proxy.rowCount(), target))
        return target

    async def export_csv_dialog(self) -> None:
        dialog = QFileDialog(self, tr("Export history"), str(Path.home() / "nutdesk-history.csv"), tr("CSV (*.csv)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        await self.export_csv(dialog.selectedFiles()[0])
