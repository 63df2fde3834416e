"""Recovery: what a crash or a network break left unfinished, failed transactions (retry, dismiss), reconcile with
a preview of the changes, and restore from the recovery words."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.api.messages import restore_summary
from core.api.mint_labels import mint_titles
from core.api.recovery import RecoveryReport, moved_operations
from desktop.gui.changes import announce, announce_since, journal_mark
from desktop.gui.context import BALANCES, HISTORY, SENT, AppContext
from desktop.gui.dialogs import await_dialog
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.stale import refresh_when_shown
from desktop.gui.views.recovery.model import AttentionModel
from desktop.gui.views.recovery.state import AttentionRow, RecoveryState
from desktop.gui.widgets.common import empty_state, heading, hint, shortcut
from desktop.gui.widgets.table import row_table

__all__ = ["RecoveryView"]

RECOVERY = "recovery"


class RecoveryView(QWidget):
    title = QT_TR_NOOP("Recovery")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("recoveryView")
        self.ctx = ctx
        self.state = RecoveryState(ctx.service)
        self.model = AttentionModel()

        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Recovery")))
        layout.addWidget(
            hint(
                tr(
                    "Every payment is journaled before it reaches a mint. What a crash or a network break left "
                    "unfinished is resumed at start-up and retried in the background; nothing here is ever released "
                    "while the mint may have spent it."
                )
            )
        )
        self.table = row_table(self.model, "recoveryTable", tr("Operations that need attention"), stretch=4)
        self.table.setMinimumHeight(150)
        layout.addWidget(self.table, 3)
        self.empty = empty_state(
            tr(
                "<b>Nothing needs attention:</b> every operation is finished. What a crash or a network break leaves "
                "unfinished shows here."
            ),
            "recoveryEmpty",
        )
        self.empty.setMinimumHeight(60)
        layout.addWidget(self.empty)

        buttons = QHBoxLayout()
        self.recover_button = QPushButton(tr("Resume all now"))
        self.retry_button = QPushButton(tr("Retry selected"))
        self.dismiss_button = QPushButton(tr("Dismiss selected"))
        self.dismiss_button.setToolTip(tr("Stop retrying automatically; the ecash stays reserved until resolved."))
        for button in (self.recover_button, self.retry_button, self.dismiss_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.recover_button.clicked.connect(lambda: ctx.run(self.recover_now(), tr("Resuming unfinished operations…")))
        shortcut(self, "Ctrl+R", self.recover_button)
        # The row is taken at the click: a refresh (another process's change) may come before the task starts.
        self.retry_button.clicked.connect(lambda: ctx.run(self.retry_selected(self.selected()), tr("Retrying…")))
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)

        box = QGroupBox(tr("Reconcile with the mints (NUT-07)"))
        box_layout = QVBoxLayout(box)
        box_layout.addWidget(
            hint(tr("Compare every proof the wallet holds with what its mint says; see the changes first."))
        )
        row = QHBoxLayout()
        self.check_button = QPushButton(tr("Check with mints"))
        self.apply_button = QPushButton(tr("Apply changes"))
        self.apply_button.setEnabled(False)
        row.addWidget(self.check_button)
        row.addWidget(self.apply_button)
        row.addStretch(1)
        box_layout.addLayout(row)
        self.reconcile_result = QLabel(tr("Not checked yet."))
        self.reconcile_result.setWordWrap(True)
        box_layout.addWidget(self.reconcile_result)
        self.check_button.clicked.connect(lambda: ctx.run(self.reconcile(apply=False), tr("Asking the mints…")))
        self.apply_button.clicked.connect(lambda: ctx.run(self.reconcile(apply=True), tr("Applying…")))
        layout.addWidget(box)

        restore_box = QGroupBox(tr("Restore from the recovery words (NUT-09)"))
        restore_layout = QHBoxLayout(restore_box)
        restore_layout.addWidget(hint(tr("Search a mint for every proof this wallet's seed ever received.")), 1)
        self.restore_button = QPushButton(tr("Restore from mint…"))
        self.restore_button.clicked.connect(lambda: ctx.run(self.restore_dialog(), tr("Restoring…")))
        restore_layout.addWidget(self.restore_button)
        layout.addWidget(restore_box)
        # Takes the spare height when the table is hidden, so the sections stay together at the top.
        layout.addStretch(1)

        self.when_shown = refresh_when_shown(self, ctx.bus, lambda _what: self.refresh(), RECOVERY, HISTORY)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        keep = self.selected()
        rows = self.state.rows()
        self.model.titles = mint_titles(self.ctx.service)
        self.model.set_rows(rows)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        # A refresh keeps the user's selection (the same operation), or selects the only row there is.
        for number, row in enumerate(rows):
            if (keep is not None and row.operation_id == keep.operation_id) or (keep is None and len(rows) == 1):
                self.table.selectRow(number)
                break
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.selected()
        self.retry_button.setEnabled(row is not None)
        self.dismiss_button.setEnabled(row is not None and row.failed_id is not None)

    def selected(self) -> AttentionRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        row = self.model.data(indexes[0], AttentionModel.RowRole)
        return row if isinstance(row, AttentionRow) else None

    def _changed(self, reports: Sequence[RecoveryReport] = ()) -> None:
        """Name the journal entries the reports moved, so History redraws those rows; when one of them cannot be
        named (a paid quote minted into an entry created just now) or there are no reports, everything is read."""
        ids = moved_operations(reports)
        if ids is not None:
            mints = [r.mint_url for r in reports]
            announce(self.ctx, RECOVERY, BALANCES, HISTORY, SENT, operations=ids, mints=mints)
        else:
            self.ctx.changed(RECOVERY, BALANCES, HISTORY, SENT)

    async def recover_now(self) -> None:
        reports = await self.state.recover_now()
        self.result.setText(
            "\n".join(f"{r.kind} {r.amount} {r.unit}: {r.result.replace('_', ' ')} — {r.detail}" for r in reports)
            or tr("Nothing to resume.")
        )
        self._changed(reports)

    async def retry_selected(self, row: AttentionRow | None = None) -> None:
        row = row or self.selected()
        if row is None:
            self.result.setText(tr("Select a row first."))
            return
        report = await self.state.retry(row)
        reports = report if isinstance(report, list) else [report]
        self.result.setText("\n".join(f"{r.kind}: {r.result.replace('_', ' ')} — {r.detail}" for r in reports))
        self._changed(reports)

    def dismiss_selected(self) -> None:
        row = self.selected()
        if row is None or row.failed_id is None:
            self.result.setText(
                tr("Select a failed transaction first (unfinished operations are resumed, not dismissed).")
            )
            return
        self.state.dismiss(row)
        self.result.setText(tr("Dismissed: {0} of {1} {2}.").format(row.kind, row.amount, row.unit))
        # Only its failure record moved (the entry stays as it is): the Recovery list, and that one History row.
        announce(self.ctx, RECOVERY, BALANCES, HISTORY, SENT, operations=[row.operation_id], mints=[row.mint])

    async def reconcile(self, *, apply: bool) -> None:
        mark = await journal_mark(self.ctx) if apply else None  # what applying wrote is named after
        reports = await self.state.reconcile(apply=apply)
        titles = mint_titles(self.ctx.service)
        lines = [self.state.describe(r, titles.get(r.mint_url, "")) for r in reports] or [tr("No mints yet.")]
        if apply:
            lines.insert(0, tr("Applied:"))
        self.reconcile_result.setText("\n".join(lines))
        self.apply_button.setEnabled(not apply and any(r.differences for r in reports))
        if apply:
            await announce_since(self.ctx, mark, RECOVERY, BALANCES, HISTORY, SENT, mints=[r.mint_url for r in reports])

    async def restore_dialog(self) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(tr("Restore from the recovery words"))
        dialog.setLabelText(tr("Mint to search (URL):"))
        dialog.setComboBoxItems([m.url for m in self.ctx.service.list_mints()])
        dialog.setComboBoxEditable(True)
        if await await_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.textValue().strip():
            await self.restore(dialog.textValue().strip())

    async def restore(self, url: str) -> dict[str, int]:
        mark = await journal_mark(self.ctx)  # the "restore" entries it writes are named after (no ids returned)
        restored = await self.ctx.service.restore([url], progress=self.ctx.tasks.status.emit)
        self.result.setText("\n".join(restore_summary(m, amount) for m, amount in restored.items()))
        await announce_since(self.ctx, mark, RECOVERY, BALANCES, HISTORY, SENT, mints=list(restored))
        return restored
