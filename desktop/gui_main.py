"""Starting the window: one QApplication on a qasync event loop."""

from __future__ import annotations

import argparse
import os
import sys

__all__ = ["has_display", "run_gui"]


def has_display() -> bool:
    """True when Qt can open a window here (a display server, or an explicit Qt platform)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(args: argparse.Namespace) -> int:
    if not has_display():
        print(
            "nutdesk: no display found, so the window cannot open.\n"
            "  Run it on a desktop session, or under Xvfb (xvfb-run nutdesk),\n"
            "  or use the headless commands: nutdesk --help",
            file=sys.stderr,
        )
        return 2
    from core.api import warm_tls

    warm_tls()  # the window talks to its mints at once: their TLS context is built while it starts
    # The core first, Qt after: once PySide6 is imported its import hook reads the source of every module imported
    # later (to see whether it selects a PySide "__feature__"), ≈ 0.1 ms each for the ~600 modules of the core and
    # its libraries. None of them uses Qt, so they are imported before it.
    import core.api.payments
    import core.api.pos
    import core.api.service  # noqa: F401
    from desktop.app import run_app

    return run_app(args)
