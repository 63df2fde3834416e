"""The longest Qt event-loop stall during a send from a big wallet, with the window open: the send awaited on the
Qt loop (how the GUI ran it before the core worker) against the same send through the GUI's proxy, which runs it
on the core worker's loop. ``python -m bench.gui_send --data-dir DIR --mint URL [--sends N]`` (a copy of a
``bench.make_wallet`` wallet: it spends from it); prints one ``NUTDESK_GUI_SEND {json}`` line. ``bench.run``'s
``gui`` step runs it.

Both ways share the window, its views and their refreshes; only where the wallet's coroutine runs differs. The
stall recorder (``desktop.gui.stalls``, a 5 ms QTimer) is reset before each send and read after it.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.qtloop import run_on_qt_loop


async def _measure(data_dir: Path, mint_url: str, sends: int, amount: int, *, refresh: bool) -> dict[str, Any]:
    from PySide6.QtCore import QSettings

    from core.api.service import WalletService
    from core.config import Config
    from desktop.gui.errors import ErrorReporter
    from desktop.gui.session import Session
    from desktop.gui.stalls import StallRecorder

    reporter = ErrorReporter()
    reporter.show_dialogs = False
    settings = QSettings(str(Path(tempfile.mkdtemp()) / "settings.ini"), QSettings.Format.IniFormat)
    config = Config(data_dir=data_dir)
    session = Session(config, reporter, settings, fetch_rates=False)
    recorder = StallRecorder()
    stalls: dict[str, list[float]] = {"qt_loop": [], "core_worker": []}
    pauses: dict[str, list[float]] = {"qt_loop": [], "core_worker": []}
    collecting: list[float] = []

    def on_gc(phase: str, info: dict[str, int]) -> None:  # a collection stops every thread: the core's too
        if phase == "start":
            collecting.append(time.perf_counter())
        elif collecting:
            gc_pauses.append((time.perf_counter() - collecting.pop()) * 1000.0)

    gc_pauses: list[float] = []
    gc.callbacks.append(on_gc)
    try:
        if not await session.start():
            raise RuntimeError("the wallet did not open")
        session.open_window().show()
        recorder.start()
        await asyncio.sleep(3.0)  # the window's own start-up is another row (GUI cold start)
        if not refresh and session._watch_timer is not None:
            # The views' refresh after a commit is the same Qt work either way (and its own row): leave it out to
            # see what the send itself costs the loop.
            session._watch_timer.stop()
        on_qt = WalletService.open(config)  # the old way: the service's coroutine awaited on the Qt loop
        on_qt.unlock()
        try:
            for i in range(sends):
                ways = [("qt_loop", on_qt), ("core_worker", session.service)]
                for name, service in ways if i % 2 == 0 else ways[::-1]:
                    recorder.reset()
                    gc_pauses.clear()
                    await service.send(amount, mint_url)
                    await asyncio.sleep(0.05)  # the tick after the send notes its last gap
                    stalls[name].append(recorder.longest_ms)
                    pauses[name].append(max(gc_pauses, default=0.0))
        finally:
            await on_qt.close()
    finally:
        gc.callbacks.remove(on_gc)
        await session.close()
    return {
        "sends": sends,
        "views_refresh": refresh,
        "longest_stall_ms": {k: round(max(v), 1) for k, v in stalls.items()},
        "median_stall_ms": {k: round(statistics.median(v), 1) for k, v in stalls.items()},
        "longest_gc_pause_ms": {k: round(max(v), 1) for k, v in pauses.items()},
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.gui_send", description=__doc__.split("\n\n")[0])
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--mint", required=True)
    p.add_argument("--sends", type=int, default=3)
    p.add_argument("--amount", type=int, default=1001)
    p.add_argument("--no-refresh", action="store_true", help="no view refresh after each commit (the send alone)")
    args = p.parse_args(argv)
    result = run_on_qt_loop(
        lambda: _measure(args.data_dir, args.mint, args.sends, args.amount, refresh=not args.no_refresh)
    )
    print("NUTDESK_GUI_SEND " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
