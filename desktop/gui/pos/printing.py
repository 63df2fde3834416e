"""Receipts and Z-reports on paper (the Qt print dialog) and as PDF, from one HTML rendering."""

from __future__ import annotations

import base64
import datetime as dt
import html
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from core.api.pos import ZReport
from desktop.gui.i18n import QT_TR_NOOP, tr

__all__ = ["receipt_html", "write_pdf", "zreport_html"]


# The receipt's labels and fixed values as the core writes them (core.pos.reports.receipt_lines), marked here so the
# printed and on-screen receipt speaks the till's language; amounts, names and times pass through unchanged.
RECEIPT_WORDS = (
    QT_TR_NOOP("Shop"),
    QT_TR_NOOP("Receipt"),
    QT_TR_NOOP("Time"),
    QT_TR_NOOP("Items"),
    QT_TR_NOOP("Price"),
    QT_TR_NOOP("Tip"),
    QT_TR_NOOP("Fee advance"),
    QT_TR_NOOP("Total"),
    QT_TR_NOOP("Fiat value"),
    QT_TR_NOOP("Rate"),
    QT_TR_NOOP("Paid with"),
    QT_TR_NOOP("Overpaid"),
    QT_TR_NOOP("Mint"),
    QT_TR_NOOP("Accepted offline"),
    QT_TR_NOOP("locked to the shop"),
    QT_TR_NOOP("redeemed when the mint is back"),
    QT_TR_NOOP("Loss"),
    QT_TR_NOOP("Paid by"),
    QT_TR_NOOP("Ecash"),
    QT_TR_NOOP("Ecash (forwarded over Lightning)"),
    QT_TR_NOOP("Lightning"),
    QT_TR_NOOP("Status"),
    QT_TR_NOOP("Refunded"),
    QT_TR_NOOP("Cashier"),
    QT_TR_NOOP("Till"),
    QT_TR_NOOP("Receipt sent to"),  # core.pos.transports: the signed receipt went to the payer's Nostr key
)


def _word(text: str) -> str:
    return tr(text) if text in RECEIPT_WORDS else text


def receipt_html(
    rows: list[tuple[str, str]], signed: str = "", till: str = "", refund_tills: Sequence[str] = ()
) -> str:
    """The receipt; ``signed``: its signed Nostr event (JSON), printed as a QR code anyone can verify; ``till``: the
    named till that sold it (a shop with several tills), printed after the receipt number; ``refund_tills``: the
    till of each "Refunded" row, in the rows' order (the sale's finished refunds, oldest first)."""
    refunded = [i for i, (k, _) in enumerate(rows) if k == "Refunded"]
    if any(refund_tills) and len(refunded) == len(refund_tills):
        rows = list(rows)
        for i, name in zip(refunded, refund_tills, strict=True):
            if name:
                rows[i] = (rows[i][0], f"{rows[i][1]} · {name}")
    if till:
        at = next((i + 1 for i, (k, _) in enumerate(rows) if k == "Receipt"), len(rows))
        rows = [*rows[:at], ("Till", till), *rows[at:]]
    body = "".join(
        f"<tr><td style='color:#555;padding-right:12px'>{html.escape(_word(k))}</td>"
        f"<td style='text-align:right'><b>{html.escape(_word(v))}</b></td></tr>"
        for k, v in rows
    )
    qr = _qr_html(signed) if signed else ""
    title = html.escape(tr("Receipt"))
    return f"<h2 style='text-align:center'>{title}</h2><table width='100%' cellspacing='4'>{body}</table>{qr}"


def _qr_html(text: str) -> str:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImageWriter

    from desktop.gui.widgets.qr import qr_image

    image = qr_image(text, 3)
    if image is None:
        too_large = tr("Signed receipt: too large for a QR code (nutdesk pos receipt)")
        return f"<p style='text-align:center'>{html.escape(too_large)}</p>"
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    QImageWriter(buffer, QByteArray(b"png")).write(image)
    png = base64.b64encode(bytes(data.data())).decode()
    return (
        f"<p style='text-align:center'><img src='data:image/png;base64,{png}' width='320' height='320'><br>"
        f"<span style='color:#555'>{html.escape(tr('Signed by the shop (Nostr event): scan to verify'))}</span></p>"
    )


def _fmt(ts: float | None) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M") if ts else tr("open")


def zreport_html(report: ZReport, scope: str = "") -> str:
    """The Z-report; ``scope``: what it covers ("Till T1", "Whole shop"), said under its title when given."""
    names = (tr("Sales"), tr("Amount"), tr("Tips"), tr("Fees"), tr("Refunds"), tr("Net"))
    head = "".join(f"<th align='right'>{h}</th>" for h in names)

    def row(name: str, t: object) -> str:
        from core.api.pos import ShiftTotals

        assert isinstance(t, ShiftTotals)
        cells = (t.count, f"{t.amount:,}", f"{t.tips:,}", f"{t.fees:,}", f"{t.refunds:,}", f"{t.net:,}")
        return f"<tr><td>{html.escape(name)}</td>" + "".join(f"<td align='right'>{c}</td>" for c in cells) + "</tr>"

    # Each text through tr() on its own (lupdate does not see tr() inside f-strings).
    by_settlement_title, by_cashier_title, by_till_title = tr("By settlement"), tr("By cashier"), tr("By till")
    total_name = tr("Total")
    by_kind = "".join(row(k, v) for k, v in sorted(report.by_settlement.items()))
    by_cashier = "".join(row(k, v) for k, v in sorted(report.by_cashier.items()))
    if report.shop_wide:  # every till's open shift: no one shift number to show
        shift = tr("All tills' open shifts, since {0} · amounts in {1} · failed attempts: {2}").format(
            _fmt(report.opened_at), report.unit, report.failed
        )
    else:
        shift = tr("Shift {0}: {1} → {2} · amounts in {3} · failed attempts: {4}").format(
            report.shift_id, _fmt(report.opened_at), _fmt(report.closed_at), report.unit, report.failed
        )
    title = tr("Z-report — {0}, whole shop") if report.shop_wide else tr("Z-report — {0}")
    by_till = ""
    if report.shop_wide:  # the till lines add up to the shop's total
        lines = "".join(row(k, v) for k, v in sorted(report.by_till.items()))
        by_till = (f"<h3>{html.escape(by_till_title)}</h3><table width='100%' id='byTill'><tr><th></th>{head}</tr>"
                   f"{lines}{row(total_name, report.total)}</table>")  # fmt: skip
    return (
        f"<h2>{html.escape(title.format(report.shop))}</h2>"
        + (f"<p><b>{html.escape(scope)}</b></p>" if scope else "")
        + f"<p>{html.escape(shift)}</p>"
        f"<h3>{html.escape(by_settlement_title)}</h3><table width='100%'><tr><th></th>{head}</tr>{by_kind}"
        f"{row(total_name, report.total)}</table>"
        f"<h3>{html.escape(by_cashier_title)}</h3><table width='100%'><tr><th></th>{head}</tr>{by_cashier}</table>"
        f"{by_till}"
        f"{_catalog_html(report)}"
    )


def _catalog_html(report: ZReport) -> str:
    """Losses (offline ecash found spent), tax included per rate, best sellers and categories."""
    parts = []
    # Each text through tr() on its own (lupdate does not see tr() inside f-strings).
    losses_name, tax_included, rate_name, sales_name, tax_name = (
        tr("Losses"),
        tr("Tax included"),
        tr("Rate"),
        tr("Sales"),
        tr("Tax"),
    )
    best_sellers, item_name, sold_name, amount_name = tr("Best sellers"), tr("Item"), tr("Sold"), tr("Amount")
    if report.total.losses:
        losses = tr("{0:,} {1} (offline ecash found already spent)").format(report.total.losses, report.unit)
        parts.append(f"<p><b>{html.escape(losses_name)}</b>: {html.escape(losses)}</p>")
    if report.taxes:
        rows = "".join(f"<tr><td>{html.escape(rate)}%</td><td align='right'>{t['amount']:,}</td>"
                       f"<td align='right'>{t['tax']:,}</td></tr>" for rate, t in report.taxes.items())  # fmt: skip
        parts.append(f"<h3>{tax_included}</h3><table width='100%'><tr><th>{rate_name}</th>"
                     f"<th align='right'>{sales_name}</th><th align='right'>{tax_name}</th></tr>"
                     f"{rows}</table>")  # fmt: skip
    if report.items:
        rows = "".join(f"<tr><td>{html.escape(name)}</td><td align='right'>{i['quantity']}</td>"
                       f"<td align='right'>{i['amount']:,}</td></tr>" for name, i in report.items.items())  # fmt: skip
        parts.append(f"<h3>{best_sellers}</h3><table width='100%'><tr><th>{item_name}</th>"
                     f"<th align='right'>{sold_name}</th><th align='right'>{amount_name}</th></tr>"
                     f"{rows}</table>")  # fmt: skip
    return "".join(parts)


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
