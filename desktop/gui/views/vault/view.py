"""Files & cheques: every token this wallet handed out (sent, exported to a file, written as a cheque) with its
state as the mint last told it (NUT-07), reclaim of unclaimed tokens and expired cheques — by hand, or
automatically on a timer — and a form to write a cheque (a token locked to a recipient that comes back after its
expiry), saved as a token file and a printable page with its QR."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.api import SendResult, export_token_file, suggested_file_name
from core.api.cheque_page import qr_text, render_page, write_page
from core.api.cheques import Cheque, ChequeService, VaultEntry, VaultState, parse_duration
from core.errors import OutcomeUnknown, UserFacingError
from desktop.gui.changes import announce, announce_since, journal_mark
from desktop.gui.context import BALANCES, HISTORY, SENT, AppContext
from desktop.gui.core_worker import proxy_like
from desktop.gui.dialogs import await_dialog
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.stale import refresh_when_shown
from desktop.gui.tasks import run_blocking
from desktop.gui.views.send.view import ExportDialog
from desktop.gui.views.vault.model import VaultModel
from desktop.gui.widgets.common import MintCombo, format_amount, heading, hint
from desktop.gui.widgets.qr import QrWidget
from desktop.gui.widgets.table import row_table

__all__ = ["VaultView"]

# How often the vault asks the mints while the window is open (and reclaims expired cheques if enabled).
AUTO_CHECK_MS = 5 * 60 * 1000


class VaultView(QWidget):
    title = QT_TR_NOOP("Files & cheques")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("vaultView")
        self.ctx = ctx
        self.cheques = proxy_like(ctx.service, ChequeService(ctx.service))  # its coroutines on the core loop
        self.model = VaultModel()
        self.last: tuple[SendResult, Cheque, str] | None = None  # the cheque just written, and its mint

        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Files & cheques")))
        layout.addWidget(
            hint(
                tr(
                    "Every token this wallet handed out — sent, saved to a file, or written as a cheque — and whether "
                    "its receiver claimed it. Unclaimed tokens can be taken back; a cheque comes back after its expiry."
                )
            )
        )
        self.table = row_table(self.model, "vaultTable", tr("Exported tokens and cheques"), stretch=6)
        layout.addWidget(self.table, 2)

        buttons = QHBoxLayout()
        self.check_button = QPushButton(tr("Check with mints"))
        self.reclaim_button = QPushButton(tr("Reclaim selected"))
        self.expired_button = QPushButton(tr("Reclaim expired cheques"))
        self.auto = QCheckBox(tr("Reclaim expired cheques automatically"))
        self.auto.setChecked(self.cheques.auto_reclaim())
        for widget in (self.check_button, self.reclaim_button, self.expired_button, self.auto):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.check_button.clicked.connect(lambda: ctx.run(self.check(), tr("Asking the mints…")))
        self.reclaim_button.clicked.connect(lambda: ctx.run(self.reclaim_selected(), tr("Reclaiming…")))
        self.expired_button.clicked.connect(lambda: ctx.run(self.reclaim_expired(), tr("Reclaiming…")))
        self.auto.toggled.connect(self.cheques.set_auto_reclaim)
        self.result = QLabel()
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        layout.addWidget(self._cheque_box(), 3)

        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_CHECK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.when_shown = refresh_when_shown(self, ctx.bus, lambda _what: self.refresh(), SENT, BALANCES)
        self.refresh()

    def _cheque_box(self) -> QGroupBox:
        box = QGroupBox(tr("Write a cheque"))
        outer = QHBoxLayout(box)
        form = QFormLayout()
        self.amount = QSpinBox()
        self.amount.setRange(1, 2_000_000_000)
        self.mint = MintCombo()
        self.recipient = QLineEdit()
        self.recipient.setPlaceholderText(tr("the recipient's public key: 02…/03… hex, P2PK:…, or npub1…"))
        self.expires = QLineEdit("30d")
        self.expires.setToolTip(tr("After this the cheque returns to you if unclaimed: 30d, 12h, 90m …"))
        self.memo = QLineEdit()
        form.addRow(tr("Amount (sat):"), self.amount)
        form.addRow(tr("From mint:"), self.mint)
        form.addRow(tr("Pay to:"), self.recipient)
        form.addRow(tr("Returns after:"), self.expires)
        form.addRow(tr("Memo:"), self.memo)
        self.write_button = QPushButton(tr("Write cheque"))
        self.write_button.clicked.connect(lambda: self.ctx.run(self.write_cheque(), tr("Writing the cheque…")))
        form.addRow("", self.write_button)
        outer.addLayout(form, 1)
        right = QVBoxLayout()
        self.qr = QrWidget(minimum=160)
        self.token_text = QPlainTextEdit()
        self.token_text.setReadOnly(True)
        self.token_text.setMaximumHeight(70)
        row = QHBoxLayout()
        self.save_button = QPushButton(tr("Save to file…"))
        self.page_button = QPushButton(tr("Save printable page…"))
        for button in (self.save_button, self.page_button):
            button.setEnabled(False)
            row.addWidget(button)
        self.save_button.clicked.connect(lambda: self.ctx.run(self.save_file(), tr("Saving…")))
        self.page_button.clicked.connect(self._choose_page)
        right.addWidget(self.qr, 1)
        right.addWidget(self.token_text)
        right.addLayout(row)
        outer.addLayout(right, 1)
        return box

    # --- the list ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """The rows as stored (no network); ``check`` asks the mints."""
        self.model.set_rows(self.cheques.entries())
        self.mint.reload(self.ctx.service)

    def selected(self) -> VaultEntry | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        row = self.model.data(indexes[0], VaultModel.RowRole)
        return row if isinstance(row, VaultEntry) else None

    def _tick(self) -> None:
        self.when_shown.catch_up()  # hidden since a change: the rows as stored now decide whether to check
        if self.model.rowCount() and self.auto.isChecked():
            self.ctx.run(self._background_check())

    async def _background_check(self) -> None:
        # A mint that is down now is asked again at the next tick: no error dialog every few minutes.
        try:
            await self.check()
        except OutcomeUnknown as exc:
            self.result.setText(tr("Could not check now: {0}").format(exc))

    async def check(self) -> None:
        before = {e.id: e.state for e in self.model.rows()}
        mark = await journal_mark(self.ctx) if self.auto.isChecked() else None  # reclaims write entries
        entries = await self.cheques.refresh()
        self.model.set_rows(entries)
        back = [e for e in entries if e.state is VaultState.RECLAIMED and before.get(e.id) is not VaultState.RECLAIMED]
        claimed = sum(1 for e in entries if e.state is VaultState.CLAIMED)
        expired = sum(1 for e in entries if e.state is VaultState.EXPIRED)
        text = tr("Checked: {0} claimed, {1} expired.").format(claimed, expired)
        if back:
            text += tr(" Took back {0} expired cheque(s).").format(len(back))
        self.result.setText(text)
        moved = [e for e in entries if before.get(e.id) is not e.state]
        if mark is not None:
            # Reclaims (a refused one too) wrote entries no result names: those changed since the mark.
            await announce_since(self.ctx, mark, BALANCES, HISTORY, SENT)
        elif moved:
            ids, mints = [e.operation_id for e in moved], [e.mint_url for e in moved]
            announce(self.ctx, BALANCES, HISTORY, SENT, operations=ids, mints=mints)
        else:
            self.ctx.changed(BALANCES, SENT)  # a NUT-07 check writes proof states, not the journal: History stands

    async def reclaim_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            self.result.setText(tr("Select a token or cheque first."))
            return
        result = await self.cheques.reclaim(entry.id)
        self.result.setText(
            tr("✓ Reclaimed {0} (fee {1}).").format(format_amount(result.amount, result.unit), result.fee)
        )
        named = [result.operation_id, entry.operation_id]  # the reclaim's entry, and the send it took back
        announce(self.ctx, BALANCES, HISTORY, SENT, operations=named, mints=[result.mint], units=[result.unit])

    async def reclaim_expired(self) -> None:
        mark = await journal_mark(self.ctx)
        results = await self.cheques.reclaim_all(expired_only=True)
        total = sum(r.amount for r in results)
        self.result.setText(
            tr("✓ Took back {0} expired cheque(s), {1} sat.").format(len(results), total)
            if results
            else tr("None expired.")
        )
        # Named by the journal, not the results: a cheque its recipient claimed first writes a refused reclaim's
        # entry that no result reports.
        await announce_since(self.ctx, mark, BALANCES, HISTORY, SENT)

    # --- writing a cheque ----------------------------------------------------------------------

    async def write_cheque(self) -> None:
        mint = self.mint.current_url()
        if not mint:
            raise UserFacingError(tr("add a mint with a balance first"))
        recipient = self.recipient.text().strip()
        if not recipient:
            raise UserFacingError(tr("enter the recipient's public key"))
        result, cheque = await self.cheques.write_cheque(
            self.amount.value(),
            recipient,
            expires_in=parse_duration(self.expires.text()),
            mint_url=mint,
            memo=self.memo.text().strip(),
        )
        self.last = (result, cheque, mint)
        self.qr.set_text(qr_text(result.token))  # without DLEQ proofs if the full token is too long for one QR
        self.token_text.setPlainText(result.token)
        self.save_button.setEnabled(True)
        self.page_button.setEnabled(True)
        self.result.setText(
            tr(
                "✓ Cheque for {0} (fee {1}); only the recipient can redeem it until it expires, "
                "then it comes back to you."
            ).format(format_amount(result.amount, "sat"), result.fee)
        )
        announce(self.ctx, BALANCES, HISTORY, SENT, operations=[result.operation_id], mints=[mint])

    def suggested_path(self) -> Path:
        amount = self.last[0].amount if self.last else 0
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = Path(str(self.ctx.settings.value("send/export_dir", str(Path.home()))))
        return folder / suggested_file_name(amount, "sat", stamp=f"cheque-{stamp}")

    async def save_file(self) -> None:
        if self.last is None:
            raise UserFacingError(tr("write a cheque first"))
        dialog = ExportDialog(self.suggested_path(), self)
        try:
            if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            path, passphrase = dialog.chosen()
        finally:
            dialog.deleteLater()
        written = await run_blocking(export_token_file, path, self.last[0].token, passphrase)
        await self.ctx.write(self.ctx.service.record_token_file, self.last[0].token, str(written))
        self.result.setText(tr("✓ Saved to {0}").format(written) + (tr(" (encrypted).") if passphrase else "."))
        self.refresh()

    def _choose_page(self) -> None:
        target = self.suggested_path().with_suffix(".html")
        dialog = QFileDialog(self, tr("Save the printable page"), str(target))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(tr("Web page (*.html)"))
        dialog.fileSelected.connect(lambda path: self.ctx.run(self.save_page(Path(path)), tr("Saving…")))
        dialog.open()

    async def save_page(self, path: Path) -> Path:
        if self.last is None:
            raise UserFacingError(tr("write a cheque first"))
        result, cheque, mint = self.last
        page = render_page(
            result.token,
            amount=result.amount,
            unit="sat",
            mint=mint,
            recipient=cheque.recipient,
            locktime=cheque.locktime,
            memo=self.memo.text().strip(),
        )
        written = await run_blocking(write_page, path, page)
        self.result.setText(tr("✓ Printable page saved to {0}: open it in a browser to print.").format(written))
        return written
