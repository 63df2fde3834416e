"""``report --period P --format csv|json|beancount|pdf|history-csv --out FILE``: the figures of the Analytics view
for a period (CSV, JSON), an accounting ledger (Beancount), the operations themselves (history-csv) or a
printable PDF report (rendered with Qt, imported only for that format so the CLI stays quick).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.api.analytics import GRANULARITIES, PERIOD_PRESETS, AnalyticsService
from core.api.service import WalletService
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]
FORMATS = ("csv", "json", "beancount", "pdf", "history-csv")


async def cmd_report(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    analytics = AnalyticsService(service)
    period = analytics.parse_period(args.period, granularity=args.granularity, utc=args.utc)
    if args.format == "pdf":
        from desktop.reports.pdf import write_pdf_report  # Qt: only for this format

        snapshot = await asyncio.to_thread(analytics.snapshot, period)
        # Qt paints in the thread that made the application object: this one.
        path = write_pdf_report(snapshot, Path(args.out))
        count = snapshot.entries
    else:
        path, count = await asyncio.to_thread(analytics.write_file, period, args.format, args.out)
    out.result({"file": str(path), "format": args.format, "period": period.to_json(), "entries": count})
    out.say(
        _("Wrote the {0} report for {1} ({2} entries) to {3}.").format(
            args.format, period.label or args.period, count, path
        )
    )


HANDLERS: dict[str, Handler] = {"report": cmd_report}


def add_parsers(sub: Any) -> None:
    rep = sub.add_parser("report", help=_("reports and exports: figures (csv/json), Beancount, history, PDF"))
    rep.add_argument(
        "--period",
        default="month",
        help=_("{0}, YYYY, YYYY-MM, YYYY-MM-DD or FROM..TO (default: month)").format(", ".join(PERIOD_PRESETS)),
    )
    rep.add_argument("--format", choices=FORMATS, default="csv")
    rep.add_argument("--out", required=True, help=_("the file to write (written atomically)"))
    rep.add_argument("--granularity", choices=GRANULARITIES, help=_("bucket size of the figures (default: by period)"))
    rep.add_argument("--utc", action="store_true", help=_("days in UTC instead of local time"))
