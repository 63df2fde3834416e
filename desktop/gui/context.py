"""What every view is given: the wallet service, the task runner, the error reporter and the change bus.

``service`` (and ``rates``) are proxies from ``desktop.gui.core_worker``: their coroutines run on the core worker's
loop, off the Qt thread. A coroutine a view builds from core objects itself goes there with ``ctx.on_core(coro)``.

Operations announce what they changed (Anki's change sets): ``ctx.changed("balances", "history")``; each view
decides whether to refresh. No view holds a reference to the main window.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QSettings, Signal

from core.api.payments import RatesService
from core.api.service import WalletService
from desktop.gui.core_worker import CoreWorker
from desktop.gui.errors import ErrorReporter
from desktop.gui.tasks import TaskRunner

__all__ = ["BALANCES", "HISTORY", "MINTS", "SALES", "SENT", "SETTINGS", "AppContext", "ChangeBus"]

T = TypeVar("T")

BALANCES = "balances"
HISTORY = "history"
MINTS = "mints"
SENT = "sent"
SALES = "sales"  # the till's sales and refunds
SETTINGS = "settings"  # the wallet's stored settings (the POS policy among them)


class ChangeBus(QObject):
    changed = Signal(object)  # frozenset[str]


@dataclass
class AppContext:
    service: WalletService
    tasks: TaskRunner
    errors: ErrorReporter
    settings: QSettings
    bus: ChangeBus = field(default_factory=ChangeBus)
    worker: CoreWorker | None = None
    demo: bool = False
    rates: RatesService | None = None

    def fiat_value(self, amount: int, unit: str) -> Decimal | None:
        return None if self.rates is None else self.rates.fiat_value(amount, unit)

    def changed(self, *what: str) -> None:
        self.bus.changed.emit(frozenset(what))

    async def on_core(self, coro: Coroutine[Any, Any, T]) -> T:
        """Await ``coro`` run on the core loop (database writes, crypto): the Qt loop goes on meanwhile."""
        if self.worker is None:
            return await coro
        return await self.worker.run(coro)

    async def write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Await the sync ``fn`` (a setting saved, a mint trusted: one fsync'd commit) called on the core thread,
        so the Qt loop never waits on the disk. Reads may stay on the Qt thread; writes come here."""
        if self.worker is None:
            return fn(*args, **kwargs)
        return await self.worker.call(fn, *args, **kwargs)

    def run(self, coro: Coroutine[Any, Any, T], label: str = "", waiting_for: str = "") -> Any:
        return self.tasks.start(coro, label=label, waiting_for=waiting_for)
