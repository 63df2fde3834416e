"""GUI test set-up: one qasync loop for the whole session (qasync 0.28 leaves timers armed on close, so the loop
is created once and its timers killed at the end), a real nutshell mint, and an open ``Session`` per test.

Tests are plain functions that drive the widgets and run coroutines with ``run(coro)`` — never
``qtbot.waitSignal`` around async work (that deadlocks under qasync).
"""

from __future__ import annotations

import asyncio
import threading
import traceback
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import event
from sqlalchemy.engine import Engine

from core.api.service import WalletService
from core.config import Config
from desktop.app import NutdeskEventLoop
from desktop.gui.errors import ErrorReporter
from desktop.gui.session import Session
from tests.peers.nutshell import NutshellMint

T = TypeVar("T")
Runner = Callable[[Coroutine[Any, Any, T]], T]

# FakeWallet pays quickly so the suite stays fast (still a visible UNPAID → PAID step).
FAST = {"FAKEWALLET_DELAY_INCOMING_PAYMENT": "0.3", "FAKEWALLET_DELAY_OUTGOING_PAYMENT": "0.3"}


@pytest.fixture(scope="session")
def gui_loop(qapp: QApplication) -> Iterator[NutdeskEventLoop]:
    qapp.setQuitOnLastWindowClosed(False)  # as make_application does: closing a dialog must not stop the loop
    loop = NutdeskEventLoop(qapp)
    asyncio.set_event_loop(loop)
    yield loop
    loop.close()
    asyncio.set_event_loop(None)


@pytest.fixture
def run(gui_loop: NutdeskEventLoop) -> Runner[Any]:
    def runner(coro: Coroutine[Any, Any, T], timeout: float = 60.0) -> T:
        result: T = gui_loop.run_until_complete(asyncio.wait_for(coro, timeout))
        return result

    return runner


@pytest.fixture(scope="session")
def gui_mint() -> Iterator[NutshellMint]:
    mint = NutshellMint(name="GUI Test Mint", extra_env=FAST)
    try:
        mint.start()
    except BaseException:
        mint.cleanup()
        raise
    yield mint
    mint.cleanup()


async def until(predicate: Callable[[], object], timeout: float = 20.0, what: str = "condition") -> None:
    """Poll ``predicate`` while the loop runs (Qt events included)."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


def find_widget(cls: type[T], name: str | None = None) -> T | None:
    """A visible top-level (or any) widget of ``cls`` — dialogs opened by the app."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, cls) and widget.isVisible() and (name is None or widget.objectName() == name):
            return widget
    return None


async def wait_for_dialog(cls: type[T], name: str | None = None, timeout: float = 10.0) -> T:
    found: list[T] = []

    def look() -> bool:
        widget = find_widget(cls, name)
        if widget is not None:
            found.append(widget)
        return bool(found)

    await until(look, timeout, f"a {cls.__name__} dialog")
    return found[0]


async def make_funded_wallet(data_dir: Path, mint_url: str, amount: int, *, trusted: bool = True) -> str:
    """A wallet in ``data_dir`` with ``amount`` sat at ``mint_url``; returns its mnemonic."""
    service = WalletService.open(Config(data_dir=data_dir))
    try:
        words = service.create_wallet()
        await service.add_mint(mint_url, trusted=trusted)
        if amount:
            quote = await service.create_invoice(amount, mint_url)
            await service.wait_and_mint(mint_url, quote.quote, timeout=30)
        return words
    finally:
        await service.close()


_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class WriteRecorder:
    """The thread of every INSERT/UPDATE/DELETE and of every commit that follows one, on every engine of the
    process (the wallet's, the till's): a write on the Qt thread means the window waited on an fsync.

    ``on_qt_thread`` lists where each such write came from (the innermost frames of the project's code)."""

    def __init__(self) -> None:
        self.qt_thread = threading.get_ident()
        self.threads: list[int] = []
        self.on_qt_thread: list[str] = []

    def _record(self, what: str) -> None:
        thread = threading.get_ident()
        self.threads.append(thread)
        if thread != self.qt_thread:
            return
        stack = traceback.extract_stack()
        # The window's own writes: from a view, a dialog, the session (the test's set-up writes from its own code,
        # or through a service proxy, are not the window's).
        if not any("/desktop/gui/" in f.filename and not f.filename.endswith("core_worker.py") for f in stack):
            return
        frames = [
            f"{f.filename.rsplit('/', 3)[-1]}:{f.lineno} {f.name}"
            for f in stack
            if "/desktop/" in f.filename or "/core/" in f.filename
        ]
        self.on_qt_thread.append(f"{what} via " + " <- ".join(reversed(frames[-8:])))

    def _on_execute(self, conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(_WRITES):
            conn.info["wrote"] = True
            self._record(statement.split("(")[0].strip()[:60])

    def _on_commit(self, conn: Any) -> None:
        if conn.info.pop("wrote", False):  # a commit that syncs writes to the disk (a reader's is free)
            self._record("COMMIT")

    def install(self) -> None:
        event.listen(Engine, "before_cursor_execute", self._on_execute)
        event.listen(Engine, "commit", self._on_commit)

    def remove(self) -> None:
        event.remove(Engine, "before_cursor_execute", self._on_execute)
        event.remove(Engine, "commit", self._on_commit)


class GuiHarness:
    """Opens sessions (the app's start-up path) on a data dir and closes them at the end of the test."""

    def __init__(self, tmp_path: Path, run: Runner[Any]) -> None:
        self.tmp_path = tmp_path
        self.run = run
        self.sessions: list[Session] = []
        self.reporter = ErrorReporter()
        self.reporter.show_dialogs = False
        self.settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        self.writes = WriteRecorder()

    def session(self, data_dir: Path) -> Session:
        session = Session(Config(data_dir=data_dir), self.reporter, self.settings, fetch_rates=False)
        self.sessions.append(session)
        return session

    def open(self, data_dir: Path) -> Session:
        """Start (no wizard expected) and show the window."""
        session = self.session(data_dir)
        assert self.run(session.start())
        window = session.open_window()
        window.show()
        return session

    def errors(self) -> list[BaseException]:
        found = list(self.reporter.history)
        self.reporter.history.clear()
        return found

    def close(self) -> None:
        for session in self.sessions:
            self.run(session.close())
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QWidget) and widget.isVisible():
                widget.close()


@pytest.fixture
def gui(tmp_path: Path, run: Runner[Any]) -> Iterator[GuiHarness]:
    harness = GuiHarness(tmp_path, run)
    harness.writes.install()
    try:
        yield harness
        unexpected = harness.errors()
        harness.close()
    finally:
        harness.writes.remove()
    assert unexpected == [], f"errors reported to the user during the test: {unexpected!r}"
    on_qt = harness.writes.on_qt_thread
    assert on_qt == [], "database writes ran on the Qt thread (the window waited on an fsync):\n" + "\n".join(on_qt)
