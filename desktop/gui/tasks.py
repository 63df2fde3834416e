"""Coroutines started from widgets: kept alive, counted for the busy indicator, their errors reported.

A button's slot calls ``tasks.start(self._do_something())`` and returns at once; the window never blocks.
Tests (and the shutdown path) ``await tasks.wait_idle()``.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import multiprocessing as mp
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from desktop.gui.i18n import tr

__all__ = ["TaskRunner", "run_blocking", "run_in_process", "shutdown_processes"]

T = TypeVar("T")


class TaskRunner(QObject):
    """Owns every background coroutine of the window."""

    busy_changed = Signal(bool)
    status = Signal(str)

    def __init__(self, on_error: Callable[[BaseException], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_error = on_error
        self._tasks: set[asyncio.Task[Any]] = set()
        self.waiting_notice_every = 5.0

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def start(self, coro: Coroutine[Any, Any, T], *, label: str = "", waiting_for: str = "") -> asyncio.Task[T]:
        """Run ``coro``; ``label`` goes to the status bar, and after a few seconds "still waiting for
        ``waiting_for`` (n s)" (a host when the caller knows which mint it waits on)."""
        task = asyncio.ensure_future(coro)
        was_busy = self.busy
        self._tasks.add(task)
        if label:
            self.status.emit(label)
            # A frozen mint must not mean a silent status bar: say how long this has been waiting.
            ticker = asyncio.ensure_future(self._still_waiting(label, waiting_for or tr("an answer")))
            task.add_done_callback(lambda _t: ticker.cancel())
        if not was_busy:
            self.busy_changed.emit(True)
        task.add_done_callback(self._done)
        return task

    async def _still_waiting(self, label: str, waiting_for: str) -> None:
        waited = 0.0
        while True:
            await asyncio.sleep(self.waiting_notice_every)
            waited += self.waiting_notice_every
            self.status.emit(
                tr("{0}: still waiting for {1} ({2:.0f} s)…").format(label.rstrip("…. "), waiting_for, waited)
            )

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not self._tasks:
            self.busy_changed.emit(False)
            self.status.emit("")
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            self._on_error(exc)

    async def wait_idle(self, timeout: float = 60.0) -> None:
        """Wait until no task runs (tasks started meanwhile are waited for too)."""
        async with asyncio.timeout(timeout):
            while self._tasks:
                await asyncio.wait(set(self._tasks))

    async def cancel_all(self) -> None:
        tasks = set(self._tasks)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(BaseException):
                await task


async def run_blocking(fn: Callable[..., T], *args: Any) -> T:
    """Run blocking work that releases the GIL (I/O, QR decoding, hashlib) off the Qt thread."""
    return await asyncio.get_running_loop().run_in_executor(None, fn, *args)


_processes: concurrent.futures.ProcessPoolExecutor | None = None


async def run_in_process(fn: Callable[..., T], *args: Any) -> T:
    """Run CPU work that holds the GIL (pyrage's scrypt: ≈1 s) in a helper process: in a thread it would still
    freeze the window. ``fn`` and its arguments must be picklable (a module-level function)."""
    global _processes
    if _processes is None:
        # spawn, not fork: a forked copy of a Qt process with its threads is not safe to run in.
        _processes = concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=mp.get_context("spawn"))
    return await asyncio.get_running_loop().run_in_executor(_processes, fn, *args)


def shutdown_processes() -> None:
    global _processes
    if _processes is not None:
        _processes.shutdown(wait=False, cancel_futures=True)
        _processes = None
