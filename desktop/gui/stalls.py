"""A stall recorder: a 5 ms QTimer that notes every gap longer than it should be (the event loop was busy).

On when ``NUTDESK_STALLS=1`` (or ``--debug``): the longest gaps are logged and, at exit, one JSON line goes to
stderr (``bench.run`` reads it): seconds from ``NUTDESK_BENCH_T0`` (the launcher's ``time.time()``) to the
first tick after the window was shown, the longest stall after showing, and the peak RSS. ``bench.gui_send`` uses
it in process (``reset()`` before each send) to compare a send awaited on the Qt loop with one on the core worker.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["StallRecorder", "stalls_enabled"]

log = logging.getLogger(__name__)
TICK_MS = 5
REPORT_MS = 50.0  # a gap this long is logged: the goal is no stall over 50 ms


def stalls_enabled() -> bool:
    return os.environ.get("NUTDESK_STALLS", "") not in ("", "0")


class StallRecorder(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest_ms = 0.0
        self.stalls: list[float] = []  # gaps over REPORT_MS, in ms
        self.shown_at: float | None = None
        self.ready_at: float | None = None

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def mark_shown(self) -> None:
        """The window was shown: the next tick is the first moment it can answer input."""
        self.shown_at = time.perf_counter()
        self.longest_ms = 0.0
        self.stalls.clear()

    def reset(self) -> None:
        """Forget the gaps noted so far: the next ones belong to what the caller measures now (a benchmark's send)."""
        self._last = time.perf_counter()
        self.longest_ms = 0.0
        self.stalls.clear()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000.0 - TICK_MS
        self._last = now
        if self.shown_at is not None and self.ready_at is None:
            self.ready_at = time.time()
            return  # the gap up to the first tick after show() is the start-up, counted as ready_s
        if gap > self.longest_ms:
            self.longest_ms = gap
        if gap > REPORT_MS:
            self.stalls.append(gap)
            log.info("event loop stalled for %.0f ms", gap)

    def report(self) -> dict[str, float | int | None]:
        t0 = float(os.environ.get("NUTDESK_BENCH_T0", "0") or 0)
        return {
            "ready_s": (self.ready_at - t0) if (t0 and self.ready_at) else None,
            "longest_stall_ms": round(self.longest_ms, 1),
            "stalls_over_50ms": len(self.stalls),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }

    def close_after(self, window: QWidget) -> None:
        """With ``NUTDESK_BENCH_SECONDS`` set: report, then close ``window`` that long after it was shown."""
        seconds = float(os.environ.get("NUTDESK_BENCH_SECONDS", "0") or 0)
        if seconds > 0:

            def finish() -> None:
                self.print_report()
                window.close()

            QTimer.singleShot(int(seconds * 1000), finish)

    def print_report(self) -> None:
        if not self._timer.isActive():
            return  # reported already
        self._timer.stop()
        print("NUTDESK_STALLS " + json.dumps(self.report()), file=sys.stderr, flush=True)
