"""GUI rows of ``make bench`` measured in process on a copy of the big wallet (offscreen): what the History view
costs the first time it is shown (views are built when first shown), a refresh that reads the history again, and
the update a change event naming its operation causes; the Balances view's build and one refresh.

``python -m bench.gui_views DIR`` on a ``bench.make_wallet`` wallet prints the same figures.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from core.api.service import WalletService
from core.config import Config

__all__ = ["gui_views"]


def _best_ms(action: Callable[[], object], repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def measure(wallet: Path) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # a machine without a display (CI, this build box)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.gui.changes import announce
    from desktop.gui.context import BALANCES, HISTORY, AppContext
    from desktop.gui.errors import ErrorReporter
    from desktop.gui.tasks import TaskRunner
    from desktop.gui.views.balances.view import BalancesView
    from desktop.gui.views.history.view import HistoryView

    app = QApplication.instance() or QApplication([])
    root = Path(tempfile.mkdtemp(prefix="nutdesk-gui-views-"))
    shutil.copytree(wallet, root / "w")
    service = WalletService.open(Config(data_dir=root / "w"))
    service.unlock()
    reporter = ErrorReporter()
    reporter.show_dialogs = False
    settings = QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat)
    ctx = AppContext(service=service, tasks=TaskRunner(reporter.report), errors=reporter, settings=settings)
    out: dict[str, float] = {}
    try:
        started = time.perf_counter()
        history = HistoryView(ctx)
        history.resize(1100, 760)
        history.show()
        app.processEvents()
        out["history_first_show_ms"] = (time.perf_counter() - started) * 1000
        out["history_rows"] = history.model.total
        out["history_refresh_ms"] = _best_ms(history.refresh)
        newest = history.model.data(history.model.index(0, 0), history.model.RowRole).id
        out["history_named_update_ms"] = _best_ms(lambda: announce(ctx, HISTORY, operations=[newest]))
        history.close()
        started = time.perf_counter()
        balances = BalancesView(ctx)
        balances.show()
        app.processEvents()
        out["balances_first_show_ms"] = (time.perf_counter() - started) * 1000
        out["balances_refresh_ms"] = statistics.median(
            _best_ms(lambda: ctx.changed(BALANCES), repeats=1) for _ in range(3)
        )
        balances.close()
    finally:
        asyncio.run(service.close())
        shutil.rmtree(root, ignore_errors=True)
    return out


def gui_views(table: object, wallet: Path, label: str) -> None:
    """Rows for ``bench.run``'s table (``table.add(metric, value, goal, ratio)``)."""
    m = measure(wallet)
    add = table.add  # type: ignore[attr-defined]
    from desktop.gui.views.history.model import PAGE

    rows = f"{int(m['history_rows']):,} rows"
    add(
        f"GUI History first shown, {label} ({rows} loaded, {PAGE} given to Qt)",
        f"{m['history_first_show_ms']:.0f} ms",
        "—",
    )
    add(f"GUI History refresh reading the history, {label}", f"{m['history_refresh_ms']:.0f} ms", "—")
    add(
        f"GUI History update for a change naming its operation, {label}",
        f"{m['history_named_update_ms']:.1f} ms",
        "≤ 50 ms",
        f"{m['history_named_update_ms'] / 50:.2f}",
    )
    add(f"GUI Balances first shown, {label}", f"{m['balances_first_show_ms']:.0f} ms", "—")
    refresh = m["balances_refresh_ms"]
    add(f"GUI Balances refresh (one balance aggregate), {label}", f"{refresh:.0f} ms", "≤ 50 ms", f"{refresh / 50:.2f}")


if __name__ == "__main__":
    for key, value in measure(Path(sys.argv[1])).items():
        print(f"{key}: {value:,.1f}")
