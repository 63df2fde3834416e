"""Send: amount, mint, options → a token as a QR code, copy, save to a file; pending tokens with "Reclaim"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.api import ENCRYPTED_SUFFIX, PLAIN_SUFFIX, suggested_file_name
from core.api.mint_labels import mint_titles
from core.errors import UserFacingError
from desktop.gui.changes import announce
from desktop.gui.context import BALANCES, HISTORY, MINTS, SENT, AppContext
from desktop.gui.dialogs import await_dialog, confirm
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.stale import refresh_when_shown
from desktop.gui.views.send.model import SentTokensModel
from desktop.gui.views.send.state import SendState
from desktop.gui.widgets.common import (
    CopyButton,
    MintCombo,
    empty_state,
    format_amount,
    heading,
    hint,
    short_url,
    shortcut,
)

__all__ = ["ExportDialog", "SendView"]


class ExportDialog(QDialog):
    """Where to save the token, and whether to encrypt it with a passphrase."""

    def __init__(self, suggested: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(tr("Save the token to a file"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                tr(
                    "Anyone holding this file can spend the ecash, unless it is encrypted. "
                    "An encrypted file (.cashu.age) opens with Nutdesk or the age tool and the passphrase."
                )
            )
        )
        form = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit(str(suggested))
        self.path.setObjectName("exportPath")
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form.addRow(tr("File:"), row)
        self.encrypt = QCheckBox(tr("Encrypt with a passphrase"))
        self.encrypt.setObjectName("encrypt")
        self.encrypt.toggled.connect(self._toggle)
        form.addRow("", self.encrypt)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("Passphrase:"), self.passphrase)
        form.addRow(tr("Repeat:"), self.repeat)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._toggle(False)
        self.resize(560, self.sizeHint().height())

    def _toggle(self, on: bool) -> None:
        self.passphrase.setEnabled(on)
        self.repeat.setEnabled(on)
        path = self.path.text()
        if on and not path.endswith(ENCRYPTED_SUFFIX):
            self.path.setText(path.removesuffix(PLAIN_SUFFIX) + ENCRYPTED_SUFFIX)
        elif not on and path.endswith(ENCRYPTED_SUFFIX):
            self.path.setText(path.removesuffix(ENCRYPTED_SUFFIX) + PLAIN_SUFFIX)

    def _browse(self) -> None:
        dialog = QFileDialog(self, tr("Save the token"), self.path.text())
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(self.path.setText)
        dialog.open()

    def _check(self) -> None:
        if not self.path.text().strip():
            self.error.setText(tr("Choose a file."))
            return
        if self.encrypt.isChecked():
            if not self.passphrase.text():
                self.error.setText(tr("Enter a passphrase."))
                return
            if self.passphrase.text() != self.repeat.text():
                self.error.setText(tr("The two passphrases differ."))
                return
        self.accept()

    def chosen(self) -> tuple[str, str | None]:
        return self.path.text().strip(), (self.passphrase.text() if self.encrypt.isChecked() else None)


class SendView(QWidget):
    title = QT_TR_NOOP("Send")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("sendView")
        self.ctx = ctx
        self.state = SendState(ctx.service)
        self.pending_model = SentTokensModel()
        outer = QVBoxLayout(self)
        outer.addWidget(heading(tr("Send ecash")))
        splitter = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(splitter, 1)

        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(self._form(), 1)
        top_layout.addWidget(self._result_box(), 1)
        splitter.addWidget(top)
        splitter.addWidget(self._pending_box())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.when_shown = refresh_when_shown(self, ctx.bus, self._on_changed, BALANCES, MINTS, SENT)
        self.refresh()

    # --- layout --------------------------------------------------------------------------------

    def _form(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        form = QFormLayout()
        self.amount = QSpinBox()
        self.amount.setObjectName("sendAmount")
        self.amount.setRange(1, 2_100_000_000)
        self.amount.setValue(100)
        self.amount.setSuffix(tr(" sat"))
        self.mint = MintCombo()
        self.memo = QLineEdit()
        self.memo.setPlaceholderText(tr("optional, travels with the token"))
        form.addRow(tr("Amount:"), self.amount)
        form.addRow(tr("From mint:"), self.mint)
        form.addRow(tr("Memo:"), self.memo)
        layout.addLayout(form)

        options = QGroupBox(tr("Options"))
        opt = QFormLayout(options)
        self.include_fee = QCheckBox(tr("Include the receiver's mint fee"))
        self.offline = QCheckBox(tr("Offline: exact proofs only, no mint contact"))
        self.lock_to = QLineEdit()
        self.lock_to.setPlaceholderText(tr("02… public key (P2PK), optional"))
        self.lock_expiry = QCheckBox(tr("Refundable after"))
        self.locktime = QDateTimeEdit(QDateTime.currentDateTime().addDays(7))
        self.locktime.setCalendarPopup(True)
        self.locktime.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.refund = QLineEdit()
        self.refund.setPlaceholderText(tr("refund public key (defaults to nobody)"))
        opt.addRow(self.include_fee)
        opt.addRow(self.offline)
        opt.addRow(tr("Lock to:"), self.lock_to)
        expiry_row = QHBoxLayout()
        expiry_row.addWidget(self.lock_expiry)
        expiry_row.addWidget(self.locktime, 1)
        opt.addRow("", expiry_row)
        opt.addRow(tr("Refund key:"), self.refund)
        self.blind_lock = QCheckBox(tr("Blind the lock (P2BK): the mint cannot link it to the receiver"))
        self.blind_lock.setChecked(True)  # NUT-28; untick for wallets that cannot unlock blinded locks
        opt.addRow(self.blind_lock)
        layout.addWidget(options)
        self.lock_to.textChanged.connect(self._lock_changed)
        self.lock_expiry.toggled.connect(self._lock_changed)
        self._lock_changed()

        self.send_button = QPushButton(tr("Create token"))
        self.send_button.setObjectName("sendButton")
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(
            lambda: self.ctx.run(
                self.create_token(), label=tr("Creating the token…"), waiting_for=short_url(self.mint.current_url())
            )
        )
        shortcut(self, "Ctrl+Return", self.send_button)
        layout.addWidget(self.send_button)
        layout.addStretch(1)
        return layout

    def _lock_changed(self) -> None:
        locked = bool(self.lock_to.text().strip())
        self.lock_expiry.setEnabled(locked)
        self.locktime.setEnabled(locked and self.lock_expiry.isChecked())
        self.refund.setEnabled(locked and self.lock_expiry.isChecked())

    def _result_box(self) -> QGroupBox:
        box = QGroupBox(tr("Token"))
        self.result_box = box
        layout = QVBoxLayout(box)
        from desktop.gui.widgets.animated_qr import AnimatedQrWidget

        self.qr = AnimatedQrWidget()  # long tokens animate (NUT-16)
        self.qr.setObjectName("tokenQr")
        layout.addWidget(self.qr, 1)
        self.result_label = QLabel(tr("Create a token to see it here."))
        self.result_label.setObjectName("sendResult")
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        self.token_text = QPlainTextEdit()
        self.token_text.setObjectName("tokenText")
        self.token_text.setReadOnly(True)
        self.token_text.setMaximumHeight(64)
        self.token_text.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        layout.addWidget(self.token_text)
        row = QHBoxLayout()
        self.copy = CopyButton(tr("Copy token"))
        self.copy.set_text("")
        self.export_button = QPushButton(tr("Save to file…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: self.ctx.run(self.export_file(), label=tr("Saving…")))
        shortcut(self, "Ctrl+S", self.export_button)
        row.addWidget(self.copy)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        return box

    def _pending_box(self) -> QGroupBox:
        box = QGroupBox(tr("Sent, not yet claimed"))
        layout = QVBoxLayout(box)
        self.pending_table = QTableView()
        self.pending_table.setObjectName("pendingTable")
        self.pending_table.setModel(self.pending_model)
        self.pending_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pending_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pending_table.verticalHeader().hide()
        self.pending_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.pending_table)
        self.pending_empty = empty_state(
            tr(
                "Nothing waiting. A token you create stays listed here until someone claims it; "
                "until then you can take it back with <b>Reclaim</b>."
            ),
            "pendingEmpty",
        )
        self.pending_empty.setMinimumHeight(60)
        layout.addWidget(self.pending_empty)
        row = QHBoxLayout()
        self.check_button = QPushButton(tr("Check claimed"))
        self.check_button.clicked.connect(lambda: self.ctx.run(self.check_claimed(), label=tr("Asking the mints…")))
        self.reclaim_button = QPushButton(tr("Reclaim"))
        self.reclaim_button.setObjectName("reclaimButton")
        self.reclaim_button.setToolTip(tr("Take back a token nobody claimed yet"))
        self.reclaim_button.clicked.connect(lambda: self.ctx.run(self.reclaim_selected(), label=tr("Reclaiming…")))
        row.addStretch(1)
        row.addWidget(self.check_button)
        row.addWidget(self.reclaim_button)
        layout.addLayout(row)
        return box

    # --- data ----------------------------------------------------------------------------------

    def _on_changed(self, what: frozenset[str]) -> None:
        if what & {BALANCES, MINTS, SENT}:
            self.refresh()

    def refresh(self) -> None:
        self.mint.reload(self.ctx.service)
        self.pending_model.titles = mint_titles(self.ctx.service)
        self.pending_model.set_rows(self.state.pending())
        has_rows = self.pending_model.rowCount() > 0
        self.reclaim_button.setEnabled(has_rows)
        self.check_button.setEnabled(has_rows)
        self.pending_table.setVisible(has_rows)
        self.pending_empty.setVisible(not has_rows)

    # --- actions -------------------------------------------------------------------------------

    async def create_token(self) -> None:
        locktime = None
        if self.lock_to.text().strip() and self.lock_expiry.isChecked():
            locktime = int(self.locktime.dateTime().toSecsSinceEpoch())
        request = self.state.build(
            amount=self.amount.value(),
            mint_url=self.mint.current_url(),
            memo=self.memo.text(),
            lock_to=self.lock_to.text(),
            blind=self.blind_lock.isChecked(),
            locktime=locktime,
            refund=self.refund.text() if locktime else "",
            offline=self.offline.isChecked(),
            include_fee=self.include_fee.isChecked(),
        )
        result = await self.state.send(request)
        self.qr.set_text(result.token)
        self.token_text.setPlainText(result.token)
        self.copy.set_text(result.token)
        self.export_button.setEnabled(True)
        locked = tr(" Locked to the given key.") if request.lock else ""
        self.result_label.setText(
            tr("✓ Token for {0} (fee {1}).{2} It stays pending until the receiver claims it.").format(
                format_amount(result.amount, request.unit), format_amount(result.fee, request.unit), locked
            )
        )
        announce(self.ctx, BALANCES, HISTORY, SENT, operations=[result.operation_id])  # History: that row only

    def suggested_path(self) -> Path:
        result = self.state.result
        amount = result.amount if result else 0
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = Path(str(self.ctx.settings.value("send/export_dir", str(Path.home()))))
        return folder / suggested_file_name(amount, "sat", stamp=stamp)

    async def export_file(self) -> None:
        if self.state.result is None:
            raise UserFacingError(tr("create a token first"))
        dialog = ExportDialog(self.suggested_path(), self)
        try:
            if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            path, passphrase = dialog.chosen()
        finally:
            dialog.deleteLater()
        written = await self.state.export(path, passphrase)
        self.ctx.settings.setValue("send/export_dir", str(written.parent))
        encrypted = " (encrypted)" if passphrase else ""
        self.result_label.setText(tr("✓ Saved to {0}{1}. It stays pending until claimed.").format(written, encrypted))
        self.ctx.changed(SENT)

    async def reclaim_selected(self) -> None:
        rows = self.pending_table.selectionModel().selectedRows()
        if not rows:
            if self.pending_model.rowCount() == 0:
                return
            rows = [self.pending_model.index(0, 0)]
        token = self.pending_model.token(rows[0].row())
        if not await confirm(
            self,
            tr("Reclaim token"),
            tr("Take back {0}? Whoever holds the token can no longer claim it.").format(
                format_amount(token.amount, token.unit)
            ),
            yes=tr("Reclaim"),
        ):
            return
        result = await self.state.reclaim(token)
        self.result_label.setText(
            tr("✓ Reclaimed {0} (fee {1}).").format(format_amount(result.amount, result.unit), result.fee)
        )
        named = [result.operation_id, token.operation_id]  # the reclaim's entry, and the send it took back
        announce(self.ctx, BALANCES, HISTORY, SENT, operations=named, mints=[result.mint], units=[result.unit])

    async def check_claimed(self) -> None:
        claimed = await self.state.check_claimed()
        total = sum(claimed.values())
        self.ctx.tasks.status.emit(tr("{0} claimed by receivers").format(total) if total else tr("Nothing claimed yet"))
        self.ctx.changed(BALANCES, SENT)  # a NUT-07 check writes proof states, not the journal: History stands
