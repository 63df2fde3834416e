"""The application object and its event loop: one QApplication on a qasync loop, a global exception hook,
and a clean shutdown (mint clients, database, the loop's own timers)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import logging.handlers
import signal
import sys
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from core.api import OwnerOnlyRotatingFileHandler
from core.config import Config
from desktop.gui.errors import ErrorReporter, install_excepthook, loop_exception_handler
from desktop.gui.i18n import install_translator
from desktop.gui.palette import follow_system_scheme
from desktop.gui.stalls import StallRecorder, stalls_enabled
from desktop.resources import APP_ID, app_icon

__all__ = ["NutdeskEventLoop", "configure_logging", "make_application", "run_app"]

log = logging.getLogger("nutdesk")


class NutdeskEventLoop(qasync.QEventLoop):  # type: ignore[misc]
    """qasync 0.28's ``close()`` leaves its Qt timers armed; one firing at a freed object is a SIGSEGV at exit
    (qasync issue #73). Kill them when closing."""

    def close(self) -> None:
        timer: Any = getattr(self, "_timer", None)
        super().close()
        if timer is None:
            return
        callbacks: dict[int, Any] = getattr(timer, "_SimpleTimer__callbacks", {})
        for timer_id in list(callbacks):
            timer.killTimer(timer_id)
        callbacks.clear()


def configure_logging(logs_dir: Path, *, debug: bool = False) -> None:
    """A rotating log file in the data directory (the Settings view shows where), warnings on stderr."""
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    try:
        logs_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = OwnerOnlyRotatingFileHandler(
            logs_dir / "nutdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.DEBUG if debug else logging.WARNING)
    root.addHandler(console)


def make_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName("Nutdesk")
    app.setApplicationName("Nutdesk")
    app.setDesktopFileName(APP_ID)  # Wayland finds the taskbar icon through the desktop entry
    # The app's life is the coroutine's, not the windows': closing the first-run wizard (the only window at that
    # moment) must not quit Qt, which would stop the qasync loop under the running start-up coroutine.
    app.setQuitOnLastWindowClosed(False)
    app.setWindowIcon(app_icon())
    follow_system_scheme(app)
    return app


def _config_for(args: argparse.Namespace) -> Config:
    from desktop.cli.runner import config_from_args  # --db and --till, as the CLI reads them

    return config_from_args(args)


async def _run(args: argparse.Namespace, reporter: ErrorReporter) -> int:
    from desktop.gui.session import Session

    demo_env = None
    if args.demo:
        from desktop.demo import DemoEnvironment

        demo_env = DemoEnvironment()
        print("nutdesk: starting the demo mints (FakeWallet, not real money)…", file=sys.stderr)
        await demo_env.start()
        config = Config(data_dir=demo_env.wallet_dir)
        settings = QSettings(str(demo_env.root / "settings.ini"), QSettings.Format.IniFormat)
    else:
        config = _config_for(args)
        settings = QSettings()
    app = QApplication.instance()
    if app is not None:  # the Settings language, or the system's: before the first window is built
        install_translator(app, settings)
    configure_logging(config.logs_dir, debug=args.debug)
    smoke_seconds = getattr(args, "smoke_test", None)
    # A smoke test fetches no exchange rate: it checks the package, not the network.
    session = Session(config, reporter, settings, demo=args.demo, fetch_rates=smoke_seconds is None)
    stop = _close_on_signals(session)
    smoke = None
    if smoke_seconds is not None:
        from desktop.gui.smoke import SmokeTest

        smoke = SmokeTest(session, smoke_seconds)
    stalls = None
    if stalls_enabled() or args.debug:
        stalls = StallRecorder()
        stalls.start()
    try:
        if not await session.start():
            return 1
        window = session.open_window()
        reporter.set_parent(lambda: session.window)
        session.show()
        if stalls is not None:
            stalls.mark_shown()
            stalls.close_after(window)
        await window.wait_closed()
        if stalls is not None:
            stalls.print_report()
        if smoke is not None:
            smoke.print_report()
            return 0 if smoke.passed else 1
        return 0
    finally:
        stop()
        await session.close()
        if demo_env is not None:
            await demo_env.stop()


def _close_on_signals(session: Any) -> Any:
    """Ctrl+C / SIGTERM close the window, so the normal shutdown runs (and the demo mints are stopped).

    Python handles signals only when it runs; a Qt timer gives it a moment twice a second."""
    loop = asyncio.get_running_loop()

    def handler(signum: int, frame: object) -> None:
        window = session.window
        if window is not None:
            loop.call_soon_threadsafe(window.close)
        elif session.wizard is not None:
            loop.call_soon_threadsafe(session.wizard.reject)
        elif session.unlock_dialog is not None:
            loop.call_soon_threadsafe(session.unlock_dialog.reject)

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    ticker = QTimer()
    ticker.timeout.connect(lambda: None)
    ticker.start(500)

    def restore() -> None:
        ticker.stop()
        for sig, old in previous.items():
            signal.signal(sig, old)

    return restore


def run_app(args: argparse.Namespace) -> int:
    app = make_application()
    loop = NutdeskEventLoop(app)
    asyncio.set_event_loop(loop)
    reporter = ErrorReporter()
    undo_hook = install_excepthook(reporter)
    loop.set_exception_handler(loop_exception_handler(reporter))
    try:
        with loop:
            code: int = loop.run_until_complete(_run(args, reporter))
    finally:
        undo_hook()
        asyncio.set_event_loop(None)
    return code
