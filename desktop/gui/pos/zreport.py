"""The Z-report page: the shift's totals; print, save (CSV, PDF), close the shift (not while locked).

A shop whose tills have names (several tills on one wallet) sees "This till" (this till's open shift) or "Whole shop"
(every till's open shift together); the page says which it shows. Closing the shift closes this till's only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QFileDialog, QHBoxLayout, QTextBrowser, QVBoxLayout, QWidget

from core.api.analytics import write_atomically
from core.api.pos import ZReport
from core.errors import UserFacingError
from desktop.gui.i18n import tr
from desktop.gui.pos.model import TillModel
from desktop.gui.pos.printing import write_pdf, zreport_html
from desktop.gui.pos.style import ERROR_COLOR, big_button, scale_font

__all__ = ["ZReportPage"]


class ZReportPage(QWidget):
    def __init__(self, model: TillModel, on_back: Callable[[], None]) -> None:
        super().__init__()
        self.model = model
        self.till = model.till
        self.report: ZReport | None = None
        self.shop_wide = False  # showing the whole shop's report (every till's open shift), not this till's
        layout = QVBoxLayout(self)
        scope_row = QHBoxLayout()
        self.this_till_button = big_button(tr("This till"), 1.2, "zreportThisTill")
        self.whole_shop_button = big_button(tr("Whole shop"), 1.2, "zreportWholeShop")
        self.scope_group = QButtonGroup(self)
        for b, wide in ((self.this_till_button, False), (self.whole_shop_button, True)):
            b.setCheckable(True)
            b.clicked.connect(lambda _=False, wide=wide: self.show_scope(wide))
            self.scope_group.addButton(b)
            scope_row.addWidget(b)
        self.this_till_button.setChecked(True)
        scope_row.addStretch(1)
        layout.addLayout(scope_row)
        self.zreport_view = QTextBrowser()
        self.zreport_view.setObjectName("zreportView")
        self.zreport_view.setAccessibleName(tr("Z-report"))
        scale_font(self.zreport_view, 1.2)
        layout.addWidget(self.zreport_view, 1)
        row = QHBoxLayout()
        self.close_shift_button = big_button(tr("Close shift"), 1.2, "closeShift", tr("End the shift; a new one opens"))
        self.close_shift_button.clicked.connect(lambda: model.ctx.run(self.close_shift()))
        row.addWidget(self.close_shift_button)
        for text, slot in (
            (tr("Print…"), self.print_zreport),
            (tr("Save CSV…"), lambda: self.save_zreport_csv(None)),
            (tr("Save PDF…"), lambda: self.save_zreport_pdf(None)),
            (tr("Back"), on_back),
        ):
            b = big_button(text, 1.2)
            b.clicked.connect(slot)
            row.addWidget(b)
        layout.addLayout(row)

    def _named_tills(self) -> bool:
        """Whether this wallet's tills have names (this one, or another with an open shift): then both views."""
        return bool(self.till.repo.till) or any(self.till.repo.open_shifts())

    def _scope(self) -> str:
        """What the report covers, said on it ("" for a wallet with one unnamed till: nothing to tell apart)."""
        if not self._named_tills():
            return ""
        if self.shop_wide:
            return tr("Whole shop: every till's open shift")
        name = self.till.repo.till
        return tr("This till: {0}").format(name) if name else tr("This till")

    def show_report(self) -> None:
        named = self._named_tills()
        for b in (self.this_till_button, self.whole_shop_button):
            b.setVisible(named)
        if not named:
            self.shop_wide = False
        self.report = self.till.shop_zreport() if self.shop_wide else self.till.zreport()
        self.zreport_view.setHtml(zreport_html(self.report, self._scope()))
        self.close_shift_button.setEnabled(not self.till.locked)

    def show_scope(self, shop_wide: bool) -> None:
        """Show this till's report or the whole shop's."""
        self.shop_wide = shop_wide
        (self.whole_shop_button if shop_wide else self.this_till_button).setChecked(True)
        self.show_report()

    async def close_shift(self) -> None:
        try:
            self.report = await self.model.ctx.write(self.till.close_shift)  # the shift's row: on the core thread
        except UserFacingError as exc:
            self.zreport_view.append(f"<p style='color:{ERROR_COLOR}'>{exc}</p>")
            return
        self.shop_wide = False  # the closed shift is this till's: its report is what shows
        self.this_till_button.setChecked(True)
        self.zreport_view.setHtml(zreport_html(self.report, self._scope()))
        self.model.sales_changed.emit()

    def print_zreport(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.zreport_view.document().print_(printer))
        dialog.show()

    def save_zreport_csv(self, path: str | None) -> None:
        report = self.report
        if report is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save the Z-report"), self._file_name(report, "csv"))
        if path:
            write_atomically(path, lambda f: self.till.write_zreport_csv(report, f))

    def save_zreport_pdf(self, path: str | None) -> Path | None:
        if self.report is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save the Z-report"), self._file_name(self.report, "pdf"))
        if not path:
            return None
        return write_pdf(zreport_html(self.report, self._scope()), Path(path), self._pdf_title(self.report))

    def _pdf_title(self, report: ZReport) -> str:
        return tr("Z-report, whole shop") if report.shop_wide else tr("Z-report {0}").format(report.shift_id)

    def _file_name(self, report: ZReport, ext: str) -> str:
        return f"zreport-shop.{ext}" if self.shop_wide else f"zreport-{report.shift_id}.{ext}"
