"""Receive: a token (paste, drop, QR from an image / the screen / a camera, a token file) or a Lightning invoice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication, QImage, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.api import is_encrypted_file, read_token_file
from core.api.batch import mint_all_paid
from core.api.mint_labels import mint_titles
from core.api.repeats import AlreadyDone
from core.errors import UserFacingError
from desktop.gui.changes import announce, announce_since, journal_mark
from desktop.gui.context import BALANCES, HISTORY, MINTS, AppContext
from desktop.gui.dialogs import ask_password, await_dialog
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.stale import refresh_when_shown
from desktop.gui.tasks import run_blocking, run_in_process
from desktop.gui.views.receive.state import InvoiceState, LightningReceive, ReceiveState, batch_summary, lock_text
from desktop.gui.widgets.common import CopyButton, MintCombo, format_amount, heading, hint, short_url, shortcut
from desktop.gui.widgets.lock_key import LockKeyRow
from desktop.gui.widgets.qr import QrWidget
from desktop.gui.widgets.scan import camera_available, decode_qr, grab_screen, scanner_available
from desktop.gui.widgets.ur_reader import UrReader

__all__ = ["ReceiveView", "TokenDropBox"]

TOKEN_FILE_FILTER = QT_TR_NOOP("Cashu token files (*.cashu *.cashu.age *.txt);;All files (*)")


class TokenDropBox(QPlainTextEdit):
    """A text box that also takes dropped text and dropped files."""

    file_dropped = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setAcceptDrops(True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.file_dropped.emit(files[0])
            return
        if mime.hasText():
            event.acceptProposedAction()
            self.setPlainText(mime.text())
            return
        super().dropEvent(event)


class ReceiveView(QWidget):
    title = QT_TR_NOOP("Receive")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("receiveView")
        self.ctx = ctx
        self.state = ReceiveState(ctx.service)
        self.lightning = LightningReceive(ctx.service)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Receive")))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._token_tab(), tr("Ecash token"))
        self.tabs.addTab(self._lightning_tab(), tr("Lightning"))
        layout.addWidget(self.tabs)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(250)
        self._preview_timer.timeout.connect(lambda: ctx.run(self.update_preview()))
        self.when_shown = refresh_when_shown(
            self, ctx.bus, lambda _what: self.mint.reload(ctx.service), MINTS, BALANCES
        )

    # --- the token tab -------------------------------------------------------------------------

    def _token_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(hint(tr("Paste a token, drop a token file or text here, or scan a QR code.")))
        self.lock_key = LockKeyRow(self.ctx.service)  # what senders lock to (P2PK/P2BK)
        layout.addWidget(self.lock_key)
        self.input = TokenDropBox()
        self.input.setObjectName("tokenInput")
        self.input.setAccessibleName(tr("Token to receive (paste or drop a token or a token file)"))
        self.input.setPlaceholderText(tr("cashuB…"))
        self.input.setMaximumHeight(110)
        self.input.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.input.textChanged.connect(self._input_changed)
        self.input.file_dropped.connect(lambda path: self.ctx.run(self.load_file(path)))
        layout.addWidget(self.input)

        sources = QHBoxLayout()
        self.paste_button = QPushButton(tr("Paste"))
        self.paste_button.clicked.connect(self.paste)
        self.image_button = QPushButton(tr("Scan image…"))
        self.image_button.clicked.connect(lambda: self.ctx.run(self.scan_image_file()))
        self.screen_button = QPushButton(tr("Scan screen"))
        self.screen_button.clicked.connect(lambda: self.ctx.run(self.scan_screen()))
        self.camera_button = QPushButton(tr("Camera…"))
        self.camera_button.clicked.connect(lambda: self.ctx.run(self.scan_camera()))
        self.file_button = QPushButton(tr("Open token file…"))
        shortcut(self, "Ctrl+O", self.file_button)
        self.file_button.clicked.connect(lambda: self.ctx.run(self.open_file()))
        for b in (self.paste_button, self.image_button, self.screen_button, self.camera_button, self.file_button):
            sources.addWidget(b)
        sources.addStretch(1)
        layout.addLayout(sources)
        self.ur_reader = UrReader()  # animated QR (NUT-16): frames from scans and pastes, with progress
        layout.addWidget(self.ur_reader)
        if not scanner_available():
            for b in (self.image_button, self.screen_button):
                b.setEnabled(False)
                b.setToolTip(tr("QR scanning needs the zxing-cpp package"))
        if not camera_available():
            self.camera_button.setEnabled(False)
            self.camera_button.setToolTip(tr("No camera detected: scan from an image or the screen instead"))

        self.preview_box = QGroupBox(tr("Token"))
        form = QFormLayout(self.preview_box)
        self.p_amount = QLabel("—")
        self.p_amount.setObjectName("previewAmount")
        self.p_mint = QLabel("—")
        self.p_mint.setWordWrap(True)
        self.p_fee = QLabel("—")
        self.p_net = QLabel("—")
        self.p_memo = QLabel("—")
        self.p_memo.setWordWrap(True)
        self.p_lock = QLabel("—")
        self.p_lock.setObjectName("previewLock")
        self.p_lock.setWordWrap(True)
        form.addRow(tr("Amount:"), self.p_amount)
        form.addRow(tr("Mint:"), self.p_mint)
        form.addRow(tr("Mint fee:"), self.p_fee)
        form.addRow(tr("You receive:"), self.p_net)
        form.addRow(tr("Memo:"), self.p_memo)
        form.addRow(tr("Lock:"), self.p_lock)
        self.trust = QCheckBox(tr("Add and trust this mint"))
        self.trust.setObjectName("trustMint")
        form.addRow("", self.trust)
        layout.addWidget(self.preview_box)
        self.message = QLabel()
        self.message.setObjectName("receiveMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.receive_button = QPushButton(tr("Receive"))
        self.receive_button.setObjectName("receiveButton")
        self.receive_button.setDefault(True)
        self.receive_button.clicked.connect(
            lambda: self.ctx.run(
                self.redeem(),
                label=tr("Receiving…"),
                waiting_for=short_url(self.state.preview.mint) if self.state.preview else "",
            )
        )
        shortcut(self, "Ctrl+Return", self.receive_button)
        row.addWidget(self.receive_button)
        layout.addLayout(row)
        layout.addStretch(1)
        self._show_preview()
        return tab

    def _input_changed(self) -> None:
        self.receive_button.setEnabled(False)
        self._preview_timer.start()

    def paste(self) -> None:
        self.input.setPlainText(QGuiApplication.clipboard().text())

    async def update_preview(self) -> None:
        text = self.ur_reader.take(self.input.toPlainText())
        if text and text != self.input.toPlainText():  # the frames completed a token: show the token itself
            self.input.setPlainText(text)
        await self.state.set_text(text)
        self._show_preview()

    def _show_preview(self) -> None:
        p = self.state.preview
        self.preview_box.setEnabled(p is not None)
        self.receive_button.setEnabled(self.state.receivable)
        if self.state.error:
            self.message.setText(tr("<span style='color:#c0392b'>{0}</span>").format(self.state.error))
        elif self.message.text().startswith("<span"):
            self.message.setText("")
        if p is None:
            for label in (self.p_amount, self.p_mint, self.p_fee, self.p_net, self.p_memo, self.p_lock):
                label.setText("—")
            self.trust.setVisible(False)
            return
        self.p_amount.setText(format_amount(p.amount, p.unit))
        status = tr("trusted") if p.trusted else (tr("known, not trusted") if p.known else tr("new to this wallet"))
        self.p_mint.setText(f"{mint_titles(self.ctx.service).get(p.mint) or short_url(p.mint)} — {status}")
        self.p_fee.setText(format_amount(p.fee, p.unit))
        self.p_net.setText(format_amount(p.net, p.unit))
        self.p_memo.setText(p.memo or "—")
        self.p_lock.setText(lock_text(self.state.lock))
        self.trust.setVisible(not p.trusted)
        self.trust.setChecked(False)

    async def redeem(self) -> None:
        if self.state.token is None:
            await self.update_preview()
        if self.state.needs_trust and not self.trust.isChecked():
            raise UserFacingError(
                tr("this token is from a mint the wallet does not trust: tick 'Add and trust this mint' to receive it")
            )
        try:
            result = await self.state.redeem(trust=self.trust.isChecked())
        except AlreadyDone as done:  # a repeat, not a failure: say so where the result would be
            self.input.clear()
            self.message.setText(f"✓ {done}")
            return
        self.input.blockSignals(True)
        self.input.clear()
        self.input.blockSignals(False)
        self._show_preview()
        self.message.setText(
            tr("✓ Received {0} from {1} (fee {2}).").format(
                format_amount(result.amount, result.unit),
                short_url(result.mint),
                format_amount(result.fee, result.unit),
            )
        )
        # Naming the operation: History inserts its row instead of reading the history again.
        announce(self.ctx, BALANCES, HISTORY, MINTS, operations=[result.operation_id], mints=[result.mint])

    # --- sources -------------------------------------------------------------------------------

    def _found(self, texts: list[str]) -> None:
        if not texts:
            raise UserFacingError(tr("no QR code found"))
        self.input.setPlainText(texts[0])

    async def scan_image_file(self) -> None:
        dialog = QFileDialog(
            self, tr("Scan a QR code from an image"), "", tr("Images (*.png *.jpg *.jpeg *.bmp *.gif)")
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        await self.scan_image(QImage(dialog.selectedFiles()[0]))

    async def scan_image(self, image: QImage) -> None:
        self._found(await run_blocking(decode_qr, image))

    async def scan_screen(self) -> None:
        await self.scan_image(grab_screen())

    async def scan_camera(self) -> None:
        from desktop.gui.widgets.camera import CameraScanDialog

        dialog = CameraScanDialog(self)
        try:
            if await await_dialog(dialog) == QDialog.DialogCode.Accepted and dialog.result_text:
                self.input.setPlainText(dialog.result_text)
        finally:
            dialog.deleteLater()

    async def open_file(self) -> None:
        dialog = QFileDialog(self, tr("Open a token file"), "", tr(TOKEN_FILE_FILTER))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        await self.load_file(dialog.selectedFiles()[0])

    async def load_file(self, path: str) -> None:
        passphrase = None
        if is_encrypted_file(path):
            passphrase = await ask_password(
                self, tr("Encrypted token file"), tr("{0} is encrypted.").format(Path(path).name)
            )
            if passphrase is None:
                return
        token = await run_in_process(read_token_file, path, passphrase)  # scrypt holds the GIL: not a thread
        self.input.setPlainText(token)

    # --- the Lightning tab ---------------------------------------------------------------------

    def _lightning_tab(self) -> QWidget:
        tab = QWidget()
        layout = QHBoxLayout(tab)
        left = QVBoxLayout()
        left.addWidget(hint(tr("Create a Lightning invoice at a mint; when it is paid, the mint issues the ecash.")))
        form = QFormLayout()
        self.ln_amount = QSpinBox()
        self.ln_amount.setObjectName("invoiceAmount")
        self.ln_amount.setRange(1, 2_100_000_000)
        self.ln_amount.setValue(1000)
        self.ln_amount.setSuffix(tr(" sat"))
        self.mint = MintCombo()
        self.mint.reload(self.ctx.service)
        form.addRow(tr("Amount:"), self.ln_amount)
        form.addRow(tr("Mint:"), self.mint)
        left.addLayout(form)
        self.invoice_button = QPushButton(tr("Create invoice"))
        self.invoice_button.setObjectName("createInvoice")
        self.invoice_button.clicked.connect(lambda: self.ctx.run(self.create_invoice()))
        left.addWidget(self.invoice_button)
        # NUT-29: invoices paid while the app was closed (or from another device) minted in one batch per mint.
        self.mint_all_button = QPushButton(tr("Mint all paid invoices"))
        self.mint_all_button.setObjectName("mintAllPaid")
        self.mint_all_button.clicked.connect(lambda: self.ctx.run(self.mint_all_paid()))
        left.addWidget(self.mint_all_button)
        self.ln_status = QLabel("")
        self.ln_status.setObjectName("invoiceStatus")
        self.ln_status.setWordWrap(True)
        left.addWidget(self.ln_status)
        self.ln_progress = QProgressBar()
        self.ln_progress.setRange(0, 0)
        self.ln_progress.hide()
        left.addWidget(self.ln_progress)
        self.invoice_text = QLabel()
        self.invoice_text.setWordWrap(True)
        self.invoice_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.invoice_text.setMaximumWidth(420)
        left.addWidget(self.invoice_text)
        self.copy_invoice = CopyButton(tr("Copy invoice"))
        self.copy_invoice.set_text("")
        left.addWidget(self.copy_invoice)
        left.addStretch(1)
        layout.addLayout(left, 1)
        self.invoice_qr = QrWidget()
        self.invoice_qr.setObjectName("invoiceQr")
        layout.addWidget(self.invoice_qr, 1)
        return tab

    async def create_invoice(self) -> None:
        request = await self.lightning.create(self.ln_amount.value(), self.mint.current_url())
        self.invoice_qr.set_text(request)
        self.invoice_text.setText(request[:60] + "…")
        self.invoice_text.setToolTip(request)
        self.copy_invoice.set_text(request)
        self.ln_status.setText(tr(InvoiceState.WAITING.value))
        self.ln_progress.show()
        self.invoice_button.setEnabled(False)
        self.ctx.run(self._wait_for_payment())

    async def _wait_for_payment(self) -> None:
        mark = await journal_mark(self.ctx)  # the entry minting writes is named after (its id is not returned)
        try:
            minted = await self.lightning.wait()
        except BaseException:
            self.ln_status.setText(tr("The invoice was not paid."))
            raise
        finally:
            self.ln_progress.hide()
            self.invoice_button.setEnabled(True)
        self.ln_status.setText(tr("✓ Paid: {0} of ecash minted.").format(format_amount(minted, "sat")))
        await announce_since(self.ctx, mark, BALANCES, HISTORY, mints=[self.lightning.mint_url])

    async def mint_all_paid(self) -> None:
        self.mint_all_button.setEnabled(False)
        mark = await journal_mark(self.ctx)
        try:
            outcomes = await self.ctx.on_core(mint_all_paid(self.ctx.service))  # journal, unblinding off the loop
        finally:
            self.mint_all_button.setEnabled(True)
        self.ln_status.setText(batch_summary(outcomes))
        await announce_since(self.ctx, mark, BALANCES, HISTORY, mints=[o.mint_url for o in outcomes])
