"""The PDF report of a period: totals, balances, fees, exposure, sales, failures and a balance chart, laid out as
HTML in a ``QTextDocument`` and printed by ``QPdfWriter`` (A4). Imported only by the GUI and by
``nutdesk report --format pdf``: Qt is loaded then, never for the other CLI commands.
"""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from core.api.analytics import CATEGORY_LABELS, AnalyticsSnapshot, BalancePoint
from desktop.reports.formatting import bucket_name, fiat_text, money_text, percent_text, short_mint

__all__ = ["report_html", "write_pdf_report"]

_app: QGuiApplication | None = None
CHART_URL = "nutdesk://balance-chart.png"
ADJECTIVES = {"day": "daily", "week": "weekly", "month": "monthly", "year": "yearly"}
# The chart is drawn at CHART_PIXELS and shown at CHART_SHOWN points: narrower than the text width of an A4 page
# with 15 mm margins (≈ 510 pt), or its right end (the latest balance, the end labels) is cut off the page.
CHART_PIXELS = (1280, 440)
CHART_SHOWN = (500, 172)


def _ensure_app() -> None:
    """QTextDocument needs a (Gui) application for fonts; the CLI has none, and maybe no display."""
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _app = QGuiApplication([])


class Markup(str):
    """A cell already written as HTML (not escaped again)."""


def _mint_cell(title: str) -> Markup:
    """ "Name (host)" as the name over its host in grey: wrapped anywhere in a narrow column, it read as two mints."""
    name, sep, host = title.rpartition(" (")
    if not sep:
        return Markup(html.escape(title))
    return Markup(
        f'{html.escape(name)}<br><span style="color: #777777; font-size: 7pt">{html.escape(host[:-1])}</span>'
    )


def _table(headers: list[str], rows: list[list[str]], numeric_from: int = 1, first_width: int = 0) -> str:
    """``first_width`` (percent of the page) keeps a mint's host on one line in a table of many columns."""
    right = ' align="right"'
    first = f' width="{first_width}%"' if first_width else ""
    head = "".join(
        f"<th{right if i >= numeric_from else ''}{first if i == 0 else ''}>{html.escape(h)}</th>"
        for i, h in enumerate(headers)
    )
    body = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            align = ' align="right"' if i >= numeric_from else ""
            text = cell if isinstance(cell, Markup) else html.escape(cell)
            cells.append(f"<td{align}>{text}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(headers)}"><i>nothing in this period</i></td></tr>')
    return f'<table cellspacing="0" cellpadding="3" width="100%"><tr>{head}</tr>{"".join(body)}</table>'


def report_html(snapshot: AnalyticsSnapshot, *, chart: bool = True) -> str:
    s = snapshot
    cur = s.currency
    period = s.period
    start = dt.datetime.fromtimestamp(s.start).strftime("%Y-%m-%d")
    end = dt.datetime.fromtimestamp(period.end).strftime("%Y-%m-%d %H:%M")
    parts = [
        "<h1>Nutdesk report</h1>",
        f"<p><b>{html.escape(period.label or 'Period')}</b>: {start} to {end} "
        f"({ADJECTIVES.get(period.granularity, period.granularity)} figures, "
        f"{'UTC' if period.utc else 'local time'}) · "
        f"{s.entries:,} operations · generated {dt.datetime.now().strftime('%Y-%m-%d %H:%M')}</p>",
    ]
    if s.unpriced:
        parts.append(
            f"<p><i>{s.unpriced:,} operations have no recorded {cur} rate: their fiat value is left out.</i></p>"
        )
    for unit in s.units:
        totals = s.totals(unit)
        fiat = s.fiat_totals(unit)
        rows = [
            [CATEGORY_LABELS.get(k, "Fees"), money_text(v, unit), fiat_text(fiat.get(k), cur)]
            for k, v in totals.items()
            if v or k == "fees"
        ]
        rows.append(["Balance at the end", money_text(s.balance_at_end("*", unit), unit), ""])
        parts.append(f"<h2>Totals ({html.escape(unit)})</h2>")
        parts.append(_table(["", "Amount", cur], rows))
    if chart and s.balances:
        width, height = CHART_SHOWN
        parts.append(f'<h2>Balance over time</h2><p><img src="{CHART_URL}" width="{width}" height="{height}"></p>')
    # Titles ("Name (host)", or the user's label) from the snapshot: two mints of one name stay two rows.
    names = {x.mint_url: x.name for x in s.exposure}
    parts.append("<h2>Balance per mint</h2>")
    parts.append(
        _table(
            ["Mint", "Unit", "Start", "End"],
            [
                [
                    _mint_cell(names.get(m) or short_mint(m)),
                    u,
                    money_text(pts[0].balance - _change(s, m, u, pts[0].bucket), u),
                    money_text(pts[-1].balance, u),
                ]
                for (m, u), pts in _series(s).items()
                if m != "*"
            ],
            numeric_from=2,
        )
    )
    parts.append(
        "<h2>Fees per mint</h2>"
        "<p>Amounts in sat (or the unit named). Input: the mints' input fees; reserve: Lightning fee reserve; "
        "LN paid: Lightning fees paid; unused: reserve returned as change; rate: all fees over the volume.</p>"
    )
    parts.append(
        _table(
            ["Mint", "ppk", "Volume", "Input", "Reserve", "LN paid", "Unused", "Rate"],
            [
                [
                    _mint_cell(names.get(f.mint_url) or short_mint(f.mint_url))
                    if f.unit == "sat"
                    else Markup(f"{_mint_cell(names.get(f.mint_url) or short_mint(f.mint_url))} ({f.unit})"),
                    str(f.fee_ppk),
                    f"{f.volume:,}",
                    f"{f.input_fees:,}",
                    f"{f.lightning_reserve:,}",
                    f"{f.lightning_paid:,}",
                    f"{f.reserve_returned:,}",
                    percent_text(f.effective_percent),
                ]
                for f in s.fees
            ],
            first_width=24,
        )
    )
    parts.append("<h2>Exposure now</h2>")
    parts.append(
        _table(
            ["Mint", "Trusted", "Balance", "Pending", "Share", "Operations"],
            [
                [
                    _mint_cell(x.name or short_mint(x.mint_url)),
                    "yes" if x.trusted else "no",
                    money_text(x.balance, x.unit),
                    money_text(x.pending, x.unit),
                    percent_text(x.share),
                    f"{x.operations:,}",
                ]
                for x in s.exposure
            ],
        )
    )
    if s.sales:
        parts.append("<h2>Sales and tips</h2>")
        parts.append(
            _table(
                ["", "Checkouts", "Sales", "Tips", f"Sales {cur}", f"Tips {cur}"],
                [
                    [
                        bucket_name(r.bucket, period.granularity),
                        str(r.count),
                        money_text(r.sales, r.unit),
                        money_text(r.tips, r.unit),
                        fiat_text(r.fiat_sales, cur),
                        fiat_text(r.fiat_tips, cur),
                    ]
                    for r in s.sales
                ],
            )
        )
    failures = [f for f in s.failures if f.total]
    parts.append("<h2>Failed and recovered operations</h2>")
    parts.append(
        _table(
            ["", "Failed", "Rolled back", "Recovered", "Open", "Dismissed"],
            [
                [
                    bucket_name(f.bucket, period.granularity),
                    str(f.failed),
                    str(f.rolled_back),
                    str(f.recovered),
                    str(f.open),
                    str(f.dismissed),
                ]
                for f in failures
            ],
        )
    )
    style = (
        "<style>body { font-family: 'DejaVu Sans'; font-size: 9pt; } h1 { font-size: 16pt; } "
        "h2 { font-size: 11pt; margin-top: 12px; } th { background: #eeeeee; text-align: left; } "
        "td, th { border-bottom: 1px solid #cccccc; }</style>"
    )
    return f"<html><head>{style}</head><body>{''.join(parts)}</body></html>"


def _series(s: AnalyticsSnapshot) -> dict[tuple[str, str], list[BalancePoint]]:
    out: dict[tuple[str, str], list[BalancePoint]] = {}
    for p in s.balances:
        out.setdefault((p.mint_url, p.unit), []).append(p)
    return out


def _change(s: AnalyticsSnapshot, mint: str, unit: str, bucket: str) -> int:
    return sum(f.balance_change for f in s.flows if f.mint_url == mint and f.unit == unit and f.bucket == bucket)


def balance_chart(s: AnalyticsSnapshot, unit: str = "sat", size: tuple[int, int] = CHART_PIXELS) -> QImage:
    """The total balance of ``unit`` at the end of each bucket, as a simple line chart."""
    width, height = size
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    points = [p for p in s.balances if p.mint_url == "*" and p.unit == unit]
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(26)  # ≈ 10 px once shown at CHART_SHOWN: as large as the report's text
    painter.setFont(font)
    left, right, top, bottom = 190, 110, 24, 64
    plot = QRectF(left, top, width - left - right, height - top - bottom)
    painter.setPen(QPen(QColor("#999999"), 1))
    painter.drawRect(plot)
    if points:
        low = min(0, *(p.balance for p in points))
        high = max(1, *(p.balance for p in points))
        span = high - low or 1
        step = plot.width() / max(1, len(points) - 1)

        def at(i: int, value: int) -> QPointF:
            return QPointF(plot.left() + i * step, plot.bottom() - (value - low) / span * plot.height())

        painter.setPen(QPen(QColor("#555555"), 1))
        for value in (low, (low + high) // 2, high):
            y = at(0, value).y()
            painter.drawText(QRectF(0, y - 16, left - 12, 32), int(Qt.AlignmentFlag.AlignRight), f"{value:,}")
        for i in {0, len(points) // 2, len(points) - 1}:
            x = at(i, 0).x()
            label = bucket_name(points[i].bucket, s.period.granularity)
            painter.drawText(QRectF(x - 100, plot.bottom() + 10, 200, 40), int(Qt.AlignmentFlag.AlignHCenter), label)
        painter.setPen(QPen(QColor("#f7931a"), 4))
        for i in range(1, len(points)):
            painter.drawLine(at(i - 1, points[i - 1].balance), at(i, points[i].balance))
        if len(points) == 1:
            painter.drawEllipse(at(0, points[0].balance), 5, 5)
    painter.end()
    return image


def write_pdf_report(snapshot: AnalyticsSnapshot, path: Path) -> Path:
    """Render the report of ``snapshot`` to a PDF at ``path`` (A4, written next to it then renamed)."""
    _ensure_app()
    target = Path(path).expanduser()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    document = QTextDocument()
    document.setDefaultFont(QFont("DejaVu Sans", 9))
    units = snapshot.units or ["sat"]
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), balance_chart(snapshot, units[0]))
    document.setHtml(report_html(snapshot))
    writer = QPdfWriter(str(tmp))
    writer.setTitle(f"Nutdesk report {snapshot.period.label}")
    writer.setCreator("Nutdesk")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(300)
    painter = QPainter(writer)
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    # Lay the document out at the printer's resolution (points → device pixels) page by page.
    scale = writer.resolution() / 72.0
    document.setPageSize(QSizeF(rect.width() / scale, rect.height() / scale))
    painter.scale(scale, scale)
    pages = document.pageCount()
    page_height = document.pageSize().height()
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(0, -page * page_height)
        document.drawContents(painter, QRectF(0, page * page_height, document.pageSize().width(), page_height))
        painter.restore()
    painter.end()
    os.replace(tmp, target)
    return target
