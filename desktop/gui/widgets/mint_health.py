"""A mint's health in Balances: answer times, failures, fee changes, the last self-check (with a button to run
one), and a banner across all mints when ecash sits in a keyset that is about to expire."""

from __future__ import annotations

import asyncio
import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.api.mint_health import MintHealthReport, check_mint_health, known_health, known_health_of, self_check
from desktop.gui.changes import announce_since, journal_mark
from desktop.gui.context import BALANCES, HISTORY, AppContext
from desktop.gui.i18n import tr

__all__ = ["MintHealthPanel"]

WARNING_STYLE = "color: #d35400;"


class MintHealthPanel(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mintHealth")
        self.ctx = ctx
        self.url = ""
        self.reports: dict[str, MintHealthReport] = {}
        self.known: dict[str, MintHealthReport] = {}  # without asking the mints, as of the last refresh_banner
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(tr("not checked yet"))
        self.summary.setObjectName("mintHealthSummary")
        self.summary.setWordWrap(True)
        self.warnings = QLabel()
        self.warnings.setObjectName("mintHealthWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(WARNING_STYLE)
        row = QHBoxLayout()
        self.self_check_button = QPushButton(tr("Self-check"))
        self.self_check_button.setObjectName("selfCheckButton")
        self.self_check_button.setToolTip(
            tr("Swap a few sat of your own ecash at this mint and take it back (costs fees)")
        )
        self.self_check_button.clicked.connect(lambda: ctx.run(self.run_self_check(), label=tr("Self-check…")))
        row.addWidget(self.summary, 1)
        row.addWidget(self.self_check_button)
        layout.addLayout(row)
        layout.addWidget(self.warnings)
        # Shown above the table: expiring keysets matter whichever mint is selected.
        self.banner = QLabel()
        self.banner.setObjectName("expiryBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(WARNING_STYLE + " font-weight: bold;")
        self.banner.setVisible(False)

    def report_for(self, url: str) -> MintHealthReport:
        return self.reports.get(url) or self.known.get(url) or known_health(self.ctx.service, url)

    def show_mint(self, url: str) -> None:
        self.url = url
        report = self.report_for(url)
        text = report.summary().split(" · ⚠")[0]
        if report.checked_at:
            text += f" (checked {dt.datetime.fromtimestamp(report.checked_at).strftime('%H:%M')})"
        if report.self_check_at:
            when = dt.datetime.fromtimestamp(report.self_check_at).strftime("%Y-%m-%d %H:%M")
            text += tr("; last self-check {0}: {1}").format(when, report.self_check_detail)
        self.summary.setText(text)
        self.warnings.setText("\n".join(f"⚠ {w}" for w in report.warnings))
        self.warnings.setVisible(bool(report.warnings))

    def refresh_banner(self, urls: list[str]) -> None:
        # What is known of every mint, read once per refresh (the failed operations once for all the mints).
        self.known = known_health_of(self.ctx.service, [u for u in urls if u not in self.reports])
        lines = []
        for url in dict.fromkeys(urls):
            report = self.report_for(url)
            lines += [f"⚠ {url}: {w}" for w in report.warnings if w.startswith("keyset ")]
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    async def check_all(self, urls: list[str]) -> None:
        # On the core loop: the keyset refresh it makes is a journal of commits.
        reports = await asyncio.gather(*(self.ctx.on_core(check_mint_health(self.ctx.service, url)) for url in urls))
        self.reports.update({r.url: r for r in reports})
        self.refresh_banner(urls)
        if self.url:
            self.show_mint(self.url)

    async def run_self_check(self) -> None:
        if not self.url:
            return
        url = self.url
        mark = await journal_mark(self.ctx)  # the swaps' entries are named after (the report has no ids)
        self.reports[url] = await self.ctx.on_core(self_check(self.ctx.service, url))  # swaps, commits
        self.show_mint(self.url)
        await announce_since(self.ctx, mark, BALANCES, HISTORY, mints=[url])
