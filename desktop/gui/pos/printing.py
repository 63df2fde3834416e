"""Receipts and Z-reports on paper (the Qt print dialog) and as PDF, from one HTML rendering."""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from core.api.pos import ZReport

__all__ = ["receipt_html", "write_pdf", "zreport_html"]


def receipt_html(rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<tr><td style='color:#555;padding-right:12px'>{html.escape(k)}</td>"
        f"<td style='text-align:right'><b>{html.escape(v)}</b></td></tr>"
        for k, v in rows
    )
    return f"<h2 style='text-align:center'>Receipt</h2><table width='100%' cellspacing='4'>{body}</table>"


def _fmt(ts: float | None) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M") if ts else "open"


def zreport_html(report: ZReport) -> str:
    head = "".join(f"<th align='right'>{h}</th>" for h in ("Sales", "Amount", "Tips", "Fees", "Refunds", "Net"))

    def row(name: str, t: object) -> str:
        from core.api.pos import ShiftTotals

        assert isinstance(t, ShiftTotals)
        cells = (t.count, f"{t.amount:,}", f"{t.tips:,}", f"{t.fees:,}", f"{t.refunds:,}", f"{t.net:,}")
        return f"<tr><td>{html.escape(name)}</td>" + "".join(f"<td align='right'>{c}</td>" for c in cells) + "</tr>"

    by_kind = "".join(row(k, v) for k, v in sorted(report.by_settlement.items()))
    by_cashier = "".join(row(k, v) for k, v in sorted(report.by_cashier.items()))
    return (
        f"<h2>Z-report — {html.escape(report.shop)}</h2>"
        f"<p>Shift {report.shift_id}: {_fmt(report.opened_at)} → {_fmt(report.closed_at)} · amounts in "
        f"{report.unit} · failed attempts: {report.failed}</p>"
        f"<h3>By settlement</h3><table width='100%'><tr><th></th>{head}</tr>{by_kind}"
        f"{row('Total', report.total)}</table>"
        f"<h3>By cashier</h3><table width='100%'><tr><th></th>{head}</tr>{by_cashier}</table>"
    )


def document(html_text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setDefaultFont(QFont("DejaVu Sans", 10))
    doc.setHtml(html_text)
    return doc


def print_to(device: QPagedPaintDevice, html_text: str) -> None:
    document(html_text).print_(device)


def write_pdf(html_text: str, path: Path, title: str) -> Path:
    """Render ``html_text`` to a PDF at ``path`` (written next to it, then renamed)."""
    target = Path(path).expanduser()
    tmp = target.with_name(f".{target.name}.tmp")
    writer = QPdfWriter(str(tmp))
    writer.setTitle(title)
    writer.setCreator("Nutdesk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A5),
            QPageLayout.Orientation.Portrait,
            QMarginsF(10, 10, 10, 10),
            QPageLayout.Unit.Millimeter,
        )
    )
    print_to(writer, html_text)
    os.replace(tmp, target)
    return target
