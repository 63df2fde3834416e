"""One coroutine run on the app's own Qt event loop (offscreen), as the GUI benchmarks measure it."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

__all__ = ["run_on_qt_loop"]

T = TypeVar("T")


def run_on_qt_loop(main: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """Run ``main()`` to its end on a ``NutdeskEventLoop`` over a fresh QApplication; the loop is closed after.

    Qt is imported here, not at module level, so that the benchmarks' other steps start without it."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.app import NutdeskEventLoop

    app = QApplication([])
    app.setQuitOnLastWindowClosed(False)
    loop = NutdeskEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        return loop.run_until_complete(main())
    finally:
        loop.close()
        asyncio.set_event_loop(None)
