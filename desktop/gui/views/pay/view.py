"""Pay: paste or scan anything payable → what it is, amount, fees, mint → confirm → progress → result."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.api.journal_cursor import JournalCursor
from core.api.mint_labels import mint_titles
from core.api.payments import PaymentsService
from core.errors import UserFacingError
from desktop.gui.changes import announce, announce_since, journal_mark
from desktop.gui.context import BALANCES, HISTORY, MINTS, SENT, AppContext
from desktop.gui.dialogs import await_dialog
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.stale import refresh_when_shown
from desktop.gui.tasks import run_blocking
from desktop.gui.views.pay.state import PayState, PayStep
from desktop.gui.widgets.common import CopyButton, format_amount, heading, hint, short_url, shortcut
from desktop.gui.widgets.scan import decode_qr, scanner_available

__all__ = ["PayView"]


# The "Pay from" choice that pays one invoice from several mints (NUT-15, core.api.mpp).
MULTI_PATH = "multi-path"


class PayView(QWidget):
    title = QT_TR_NOOP("Pay")

    def __init__(self, ctx: AppContext, payments: PaymentsService) -> None:
        super().__init__()
        self.setObjectName("payView")
        self.ctx = ctx
        self.state = PayState(payments)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Pay")))
        layout.addWidget(
            hint(
                tr("Paste a Lightning invoice, an LNURL, a Lightning address (name@domain) or a Cashu payment request.")
            )
        )
        self.input = QPlainTextEdit()
        self.input.setObjectName("payInput")
        self.input.setAccessibleName(tr("What to pay: invoice, Lightning address, LNURL or payment request"))
        self.input.setPlaceholderText(tr("lnbc… · lnurl… · name@domain · creqA…"))
        self.input.setMaximumHeight(90)
        self.input.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere)
        self.input.textChanged.connect(self._input_changed)
        layout.addWidget(self.input)
        row = QHBoxLayout()
        paste = QPushButton(tr("Paste"))
        paste.clicked.connect(lambda: self.input.setPlainText(QGuiApplication.clipboard().text()))
        self.scan_button = QPushButton(tr("Scan image…"))
        self.scan_button.clicked.connect(lambda: ctx.run(self.scan_image_file()))
        self.scan_button.setEnabled(scanner_available())
        row.addWidget(paste)
        row.addWidget(self.scan_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.what = QLabel("")
        self.what.setObjectName("payWhat")
        self.what.setWordWrap(True)
        layout.addWidget(self.what)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._details_page())
        self.pages.addWidget(self._confirm_page())
        self.pages.addWidget(self._result_page())
        layout.addWidget(self.pages)
        layout.addStretch(1)
        self.when_shown = refresh_when_shown(self, ctx.bus, lambda _what: self._reload_mints(), MINTS, BALANCES)
        self._reload_mints()
        self._input_changed()

    # --- pages ---------------------------------------------------------------------------------

    def _details_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.amount = QSpinBox()
        self.amount.setObjectName("payAmount")
        self.amount.setRange(1, 2_100_000_000)
        self.amount.setSuffix(tr(" sat"))
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(tr("optional note to the receiver"))
        self.mint = QComboBox()
        self.mint.setMinimumContentsLength(30)
        form.addRow(tr("Amount:"), self.amount)
        form.addRow(tr("Comment:"), self.comment)
        form.addRow(tr("Pay from:"), self.mint)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addStretch(1)
        self.continue_button = QPushButton(tr("Continue"))
        self.continue_button.setObjectName("payContinue")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(lambda: self.ctx.run(self.prepare(), label=tr("Getting a quote…")))
        shortcut(self, "Ctrl+Return", self.continue_button)
        row.addWidget(self.continue_button)
        layout.addLayout(row)
        return page

    def _confirm_page(self) -> QWidget:
        page = QGroupBox(tr("Confirm the payment"))
        form = QFormLayout(page)
        self.c_what = QLabel()
        self.c_to = QLabel()
        self.c_to.setWordWrap(True)
        self.c_description = QLabel()
        self.c_description.setWordWrap(True)
        self.c_amount = QLabel()
        self.c_amount.setObjectName("confirmAmount")
        self.c_fees = QLabel()
        self.c_total = QLabel()
        self.c_total.setObjectName("confirmTotal")
        self.c_mint = QLabel()
        form.addRow(tr("What:"), self.c_what)
        form.addRow(tr("To:"), self.c_to)
        form.addRow(tr("For:"), self.c_description)
        form.addRow(tr("Amount:"), self.c_amount)
        form.addRow(tr("Fees:"), self.c_fees)
        form.addRow(tr("At most:"), self.c_total)
        form.addRow(tr("From mint:"), self.c_mint)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        form.addRow(self.progress)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.pay_button = QPushButton(tr("Pay"))
        self.pay_button.setObjectName("payButton")
        self.pay_button.clicked.connect(lambda: self.ctx.run(self.pay(), label=tr("Paying…")))
        row.addWidget(self.cancel_button)
        row.addWidget(self.pay_button)
        form.addRow(row)
        return page

    def _result_page(self) -> QWidget:
        page = QGroupBox(tr("Result"))
        layout = QVBoxLayout(page)
        self.r_summary = QLabel()
        self.r_summary.setObjectName("payResult")
        self.r_summary.setWordWrap(True)
        layout.addWidget(self.r_summary)
        form = QFormLayout()
        self.r_preimage = QLabel()
        self.r_preimage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.r_preimage.setWordWrap(True)
        self.r_success = QLabel()
        self.r_success.setWordWrap(True)
        self.r_success.setOpenExternalLinks(True)
        form.addRow(tr("Preimage:"), self.r_preimage)
        form.addRow(tr("Message:"), self.r_success)
        layout.addLayout(form)
        self.r_token_copy = CopyButton(tr("Copy token for the receiver"))
        self.r_token_copy.hide()
        layout.addWidget(self.r_token_copy)
        row = QHBoxLayout()
        row.addStretch(1)
        again = QPushButton(tr("Pay something else"))
        again.clicked.connect(self.reset)
        row.addWidget(again)
        layout.addLayout(row)
        return page

    # --- input ---------------------------------------------------------------------------------

    def _reload_mints(self) -> None:
        keep = self.mint.currentData()
        self.mint.clear()
        self.mint.addItem(tr("Automatic (cheapest that can pay)"), "")
        titles = mint_titles(self.ctx.service)
        for m in self.ctx.service.list_mints():
            self.mint.addItem(f"{titles.get(m.url, m.url)} — {format_amount(m.balances.get('sat', 0), 'sat')}", m.url)
        self.mint.addItem(tr("Several mints at once (multi-path, NUT-15)"), MULTI_PATH)
        index = self.mint.findData(keep)
        self.mint.setCurrentIndex(max(index, 0))

    def _input_changed(self) -> None:
        understood = self.state.set_text(self.input.toPlainText())
        self.pages.setCurrentIndex(0)
        if self.state.error:
            self.what.setText(tr("<span style='color:#c0392b'>{0}</span>").format(self.state.error))
        elif understood is None:
            self.what.setText("")
        else:
            amount = f" for {format_amount(understood.amount, 'sat')}" if understood.amount else ""
            about = f": {understood.description}" if understood.description else ""
            self.what.setText(tr("<b>{0}</b>{1}{2}").format(understood.name, amount, about))
        fixed = understood is not None and understood.amount is not None
        if fixed and understood is not None and understood.amount is not None:
            self.amount.setValue(understood.amount)
        self.amount.setEnabled(understood is not None and not fixed)
        self.comment.setEnabled(understood is not None and understood.can_comment)
        self.continue_button.setEnabled(understood is not None and not understood.receive_instead)

    async def scan_image_file(self) -> None:
        dialog = QFileDialog(
            self, tr("Scan a QR code from an image"), "", tr("Images (*.png *.jpg *.jpeg *.bmp *.gif)")
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        if await await_dialog(dialog) != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return
        texts = await run_blocking(decode_qr, QImage(dialog.selectedFiles()[0]))
        if not texts:
            raise UserFacingError(tr("no QR code found in the image"))
        self.input.setPlainText(texts[0])

    # --- steps ---------------------------------------------------------------------------------

    async def prepare(self) -> None:
        if self.mint.currentData() == MULTI_PATH:
            await self._prepare_multi_path()
            return
        self.continue_button.setEnabled(False)
        try:
            p = await self.state.prepare(
                amount=self.amount.value(), comment=self.comment.text(), mint=str(self.mint.currentData() or "")
            )
        finally:
            self.continue_button.setEnabled(True)
        understood = self.state.understood
        self.c_what.setText(understood.name if understood else p.kind)
        self.c_to.setText(p.destination or "—")
        self.c_description.setText(p.description or "—")
        self.c_amount.setText(format_amount(p.amount, p.unit))
        self.c_fees.setText(
            tr("Lightning fee reserve {0} (unused part returned) · mint fee {1}").format(
                format_amount(p.fee_reserve, p.unit), format_amount(p.input_fee, p.unit)
            )
        )
        self.c_total.setText(tr("<b>{0}</b>").format(format_amount(p.total, p.unit)))
        titles = mint_titles(self.ctx.service)
        source = f"{titles.get(p.transfer_from) or short_url(p.transfer_from)} → " if p.transfer_from else ""
        self.c_mint.setText(source + (titles.get(p.mint_url) or short_url(p.mint_url)))
        self.pay_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.pages.setCurrentIndex(1)

    def cancel(self) -> None:
        self.state.cancel()
        self.pages.setCurrentIndex(0)

    async def _prepare_multi_path(self) -> None:
        self.continue_button.setEnabled(False)
        try:
            plan = await self.state.prepare_multi_path(self.ctx.service)
        finally:
            self.continue_button.setEnabled(True)
        titles = mint_titles(self.ctx.service)
        self.c_what.setText(tr("Lightning invoice, paid from several mints"))
        self.c_to.setText("—")
        self.c_description.setText("—")
        self.c_amount.setText(format_amount(plan.amount, plan.unit))
        reserve = sum(p.fee_reserve for p in plan.parts)
        self.c_fees.setText(
            tr("Lightning fee reserves {0} (unused part returned)").format(format_amount(reserve, plan.unit))
        )
        self.c_total.setText(tr("<b>{0}</b>").format(format_amount(plan.total, plan.unit)))
        self.c_mint.setText(
            " + ".join(
                f"{format_amount(p.amount, p.unit)} {titles.get(p.mint_url) or short_url(p.mint_url)}"
                for p in plan.parts
            )
        )
        self.pay_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        self.pages.setCurrentIndex(1)

    async def _failed(self, mark: JournalCursor | None, exc: BaseException) -> None:
        """A payment that raised may have left entries (a refused melt, a part pending): those the journal says
        changed since ``mark`` are named; cancelled (the window closing), every view reads everything."""
        self.pay_button.setEnabled(True)
        self.cancel_button.setEnabled(True)
        if isinstance(exc, Exception):
            await announce_since(self.ctx, mark, BALANCES, HISTORY, SENT)
        else:
            self.ctx.changed(BALANCES, HISTORY, SENT)

    async def _pay_multi_path(self) -> None:
        mints = [p.mint_url for p in self.state.plan.parts] if self.state.plan is not None else []
        mark = await journal_mark(self.ctx)
        try:
            result = await self.state.pay_multi_path(self.ctx.service)
        except BaseException as exc:
            await self._failed(mark, exc)
            raise
        finally:
            self.progress.hide()
        # The whole payment's entry and each part's: History redraws those rows, nothing else.
        parts = [r.operation_id for r in result.parts]
        announce(self.ctx, BALANCES, HISTORY, SENT, operations=[result.operation_id, *parts], mints=mints)
        self.r_summary.setText(
            tr("✓ Paid {0} (fee {1}) from {2} mints at once.").format(
                format_amount(result.amount, "sat"), format_amount(result.fee, "sat"), len(result.parts)
            )
        )
        self.r_preimage.setText(next((r.preimage for r in result.parts if r.preimage), None) or "—")
        self.r_success.setText("—")
        self.r_token_copy.set_text("")
        self.r_token_copy.setVisible(False)
        self.pages.setCurrentIndex(2)

    async def pay(self) -> None:
        if self.state.plan is not None:
            self.pay_button.setEnabled(False)
            self.cancel_button.setEnabled(False)
            self.progress.show()
            await self._pay_multi_path()
            return
        self.pay_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.progress.show()
        mark = await journal_mark(self.ctx)
        try:
            result = await self.state.pay()
        except BaseException as exc:
            await self._failed(mark, exc)
            raise
        finally:
            self.progress.hide()
        ids, mints = result.operation_ids, [result.mint_url]  # History redraws those rows, nothing else
        announce(self.ctx, BALANCES, HISTORY, SENT, operations=ids, mints=mints, units=[result.unit])
        if result.token:
            self.r_summary.setText(
                tr(
                    "✓ Token for {0} made (fee {1}). This request has no delivery address: give the receiver the token."
                ).format(format_amount(result.amount, result.unit), result.fee)
            )
        elif result.paid:
            mint = mint_titles(self.ctx.service).get(result.mint_url) or short_url(result.mint_url)
            self.r_summary.setText(
                tr("✓ Paid {0} (fee {1}) from {2}.").format(
                    format_amount(result.amount, result.unit), format_amount(result.fee, result.unit), mint
                )
            )
        else:
            self.r_summary.setText(
                tr(
                    "The payment is pending: the mint has not settled it yet. It stays in the journal and is "
                    "settled automatically."
                )
            )
        self.r_preimage.setText(result.preimage or "—")
        self.r_success.setText(self._success_text(result.success_action))
        self.r_token_copy.set_text(result.token or "")
        self.r_token_copy.setVisible(bool(result.token))
        self.pages.setCurrentIndex(2)

    @staticmethod
    def _success_text(action: dict[str, object] | None) -> str:
        if not action:
            return "—"
        parts = [str(action[k]) for k in ("message", "description", "plaintext") if action.get(k)]
        url = action.get("url")
        if url:
            parts.append(f"<a href='{url}'>{url}</a>")
        return " ".join(parts) or "—"

    def reset(self) -> None:
        self.input.clear()
        self.comment.clear()
        self.state.set_text("")
        self.pages.setCurrentIndex(0)

    @property
    def step(self) -> PayStep:
        return self.state.step
