"""The Z-report page: the shift's totals; print, save (CSV, PDF), close the shift (not while locked)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QTextBrowser, QVBoxLayout, QWidget

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
        layout = QVBoxLayout(self)
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

    def show_report(self) -> None:
        self.report = self.till.zreport()
        self.zreport_view.setHtml(zreport_html(self.report))
        self.close_shift_button.setEnabled(not self.till.locked)

    async def close_shift(self) -> None:
        try:
            self.report = await self.model.ctx.write(self.till.close_shift)  # the shift's row: on the core thread
        except UserFacingError as exc:
            self.zreport_view.append(f"<p style='color:{ERROR_COLOR}'>{exc}</p>")
            return
        self.zreport_view.setHtml(zreport_html(self.report))
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
            path, _ = QFileDialog.getSaveFileName(self, tr("Save the Z-report"), f"zreport-{report.shift_id}.csv")
        if path:
            write_atomically(path, lambda f: self.till.write_zreport_csv(report, f))

    def save_zreport_pdf(self, path: str | None) -> Path | None:
        if self.report is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save the Z-report"), f"zreport-{self.report.shift_id}.pdf")
        if not path:
            return None
        return write_pdf(zreport_html(self.report), Path(path), f"Z-report {self.report.shift_id}")
