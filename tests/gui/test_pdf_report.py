"""The PDF report, rendered page by page to PNG (QtPdf) and looked at: "daily", not "dayly"; the balance chart
fits the page, so today's balance (its right end) is drawn and the line is not flat at 0; two mints of one name
are two rows told apart by their hosts, each named once per table."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from core.api.analytics import AnalyticsService
from core.api.service import WalletService
from core.config import Config
from desktop.reports.pdf import write_pdf_report
from tests.unit.test_analytics_queries import _op

A, B = "http://127.0.0.1:3338", "https://mint.example.com"
ORANGE = QColor("#f7931a")
SCALE = 1.5  # pixels per PDF point


def render(pdf: Path, out: Path) -> tuple[list[QImage], list[str]]:
    """Every page as a PNG next to the PDF (kept for a look) and its text."""
    document = QPdfDocument(None)
    document.load(str(pdf))
    images, texts = [], []
    for page in range(document.pageCount()):
        size = document.pagePointSize(page)
        image = document.render(page, QSize(int(size.width() * SCALE), int(size.height() * SCALE)))
        assert image.save(str(out / f"page{page}.png"))
        images.append(image)
        texts.append(document.getAllText(page).text())
    document.close()
    return images, texts


def orange_pixels(image: QImage) -> list[tuple[int, int]]:
    found = []
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - ORANGE.red()) < 40 and abs(c.green() - ORANGE.green()) < 40 and c.blue() < 90:
                found.append((x, y))
    return found


@pytest.fixture
def wallet(tmp_path: Path) -> WalletService:
    service = WalletService.open(Config(data_dir=tmp_path / "wallet"))
    service.store.upsert_mint(A, name="Cashu mint", info={}, trusted=True)
    service.store.upsert_mint(B, name="Cashu mint", info={}, trusted=True)
    return service


def test_every_page_of_the_report_reads_right(wallet: WalletService, tmp_path: Path, qapp: QApplication) -> None:
    # A new user's month: everything happened today, so the whole story is the chart's last point.
    now = time.time()
    _op(wallet.store, "issue", A, 500, 0, now - 60)
    _op(wallet.store, "issue", B, 300, 0, now - 50)
    _op(wallet.store, "melt", A, 100, 2, now - 40, data={"fee_reserve": 4})
    snapshot = AnalyticsService(wallet).snapshot("last-30-days")
    pdf = write_pdf_report(snapshot, tmp_path / "report.pdf")
    images, texts = render(pdf, tmp_path)
    text = "\n".join(texts)

    assert "daily figures" in text and "dayly" not in text
    # Two mints named alike: each shown with its host, the same number of times (once per mint table).
    assert text.count("127.0.0.1:3338") == text.count("mint.example.com") == 3
    assert text.count("Cashu mint") == 6

    page = images[0]
    line = orange_pixels(page)
    assert line, "the balance chart is drawn"
    margin = int(15 / 25.4 * 72 * SCALE)  # the 15 mm page margin, in pixels
    rightmost = max(x for x, _ in line)
    assert rightmost < page.width() - margin - 10, "the chart's right end is inside the page, not cut off"
    baseline = max(y for _, y in line)  # the balance at 0 before today
    end_height = min(y for x, y in line if x >= rightmost - 6)
    assert baseline - end_height > 50, "today's balance rises above 0 at the chart's right end"
    wallet.store.close()
