"""One open wallet in the GUI: the service and its companions (payments, rates, backends), the start-up steps
(first-run wizard or password), the main window, and an orderly close."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QWidget

from core.api.backends import BackendsService
from core.api.journal_cursor import cursor_for
from core.api.payments import PaymentsService, RatesService
from core.api.pos import PosService
from core.api.recovery import RecoveryService, moved_operations
from core.api.service import WalletService
from core.api.watch import ChangeWatcher, watcher_for
from core.config import Config
from core.errors import InvalidPassword
from desktop import keyring_unlock
from desktop.cli.parser import package_version
from desktop.gui.changes import announce
from desktop.gui.context import BALANCES, HISTORY, SENT, AppContext
from desktop.gui.core_worker import CoreProxy, CoreWorker, on_loop, proxy
from desktop.gui.dialogs import PasswordDialog, await_dialog
from desktop.gui.errors import ErrorReporter
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.mint_backup import MintBackupWatcher
from desktop.gui.outside_changes import OutsideChanges
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.shell import LazyView, MainWindow, lazy
from desktop.gui.tasks import TaskRunner, run_blocking, shutdown_processes
from desktop.gui.views.balances.view import BalancesView
from desktop.gui.views.pin.widgets import install_gui_pin_prompter
from desktop.gui.views.recovery.view import RECOVERY
from desktop.gui.wizard.wizard import FirstRunWizard

__all__ = ["Session"]

log = logging.getLogger("nutdesk.gui")


def _backend_registry() -> Any:
    try:
        from backends.registry import default_registry
    except ImportError:  # a build without the backends package: Settings leaves the section disabled
        return None
    return default_registry()


class Session:
    def __init__(
        self,
        config: Config,
        reporter: ErrorReporter,
        settings: QSettings,
        *,
        demo: bool = False,
        fetch_rates: bool = True,
    ) -> None:
        self.config = config
        self.reporter = reporter
        self.settings = settings
        self.demo = demo
        self.fetch_rates = fetch_rates
        # The wallet's coroutines (database, crypto, network) run on the core worker's loop; the views are given
        # proxies that send them there, so the Qt loop never waits on an fsync.
        self.worker = CoreWorker()
        # Opened by start(), on the core thread: opening upgrades the schema (migrations, statistics: commits).
        self._core_service: WalletService | None = None
        self._service: WalletService | None = None
        self._gui_loop = asyncio.get_event_loop()
        self.tasks = TaskRunner(reporter.report)
        self.password: str | None = None
        self.wizard: FirstRunWizard | None = None
        self.unlock_dialog: PasswordDialog | None = None
        self.payments: PaymentsService | None = None
        self.rates: RatesService | None = None
        self.backends: BackendsService | None = None
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None
        self.recovery_interval = 30.0
        self._recovery_task: asyncio.Future[Any] | None = None
        self.pos: PosService | None = None  # the Point of sale view's till
        self.pos_interval = 15.0
        self._pos_stop: asyncio.Event | None = None
        self._pos_task: asyncio.Future[Any] | None = None
        self.watch_interval_ms = 500  # another process's change shows within a second
        self._watcher: ChangeWatcher | None = None
        self._watch_timer: QTimer | None = None
        self._outside: OutsideChanges | None = None

    @property
    def core_service(self) -> WalletService:
        """The wallet itself (the core thread's object; the views hold ``service``, its proxy)."""
        if self._core_service is None:
            raise RuntimeError("the wallet is opened by Session.start()")
        return self._core_service

    @property
    def service(self) -> WalletService:
        """The wallet as the views see it: a proxy whose coroutines run on the core worker."""
        if self._service is None:
            raise RuntimeError("the wallet is opened by Session.start()")
        return self._service

    # --- start-up ------------------------------------------------------------------------------

    async def open_wallet(self) -> None:
        """Open the data directory's database on the core thread: a first open or an upgrade writes (the schema,
        migrations) and an fsync'd commit must not hold the Qt loop. Safe to call twice."""
        if self._core_service is None:
            self._core_service = await self.worker.call(WalletService.open, self.config)
            self._service = proxy(self._core_service, self.worker)

    async def start(self) -> bool:
        """First-run wizard or password prompt; False when the user cancelled (then quit)."""
        await self.open_wallet()
        if not self.service.initialized:
            return await self._first_run()
        if self.service.password_protected:
            return await self._unlock()
        await run_blocking(self.service.unlock)  # it may write (an older wallet's rows): not on the Qt thread
        return True

    async def _first_run(self) -> bool:
        self.wizard = FirstRunWizard(self.service, self.tasks)
        try:
            if await await_dialog(self.wizard) != QDialog.DialogCode.Accepted:
                return False
            state = self.wizard.state
        finally:
            self.wizard.deleteLater()
            self.wizard = None
        self.password = state.password
        try:
            await state.finish(self.service, progress=lambda text: self.tasks.status.emit(text))
        except Exception as exc:
            # The wallet exists by now; only the mint step failed. Say so, and open the window anyway.
            if not self.service.initialized:
                raise
            self.reporter.report(exc)
        return True

    async def _unlock(self) -> bool:
        # The password remembered in the OS keyring, if the user asked for that (and there is a keyring).
        remembered = await run_blocking(keyring_unlock.recall, self.config.data_dir)
        if remembered is not None:
            try:
                await run_blocking(self.service.unlock, remembered)
                self.password = remembered
                return True
            except InvalidPassword:
                pass  # changed elsewhere: ask
        dialog = PasswordDialog(None, tr("Unlock Nutdesk"), tr("This wallet is protected by a password."))
        dialog.setObjectName("unlockDialog")
        remember = QCheckBox(tr("Remember it in the system keyring (no prompt at start)"))
        remember.setObjectName("rememberPassword")
        remember.setVisible(keyring_unlock.available())
        form = dialog.findChild(QFormLayout)
        if form is not None:
            form.addRow("", remember)
        self.unlock_dialog = dialog
        try:
            while True:
                if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
                    return False
                try:
                    # scrypt (about half a second) and, for an older wallet, sealing its rows: off the Qt thread.
                    await run_blocking(self.service.unlock, dialog.value())
                except InvalidPassword:
                    dialog.show_error(tr("Wrong password, try again."))
                    dialog.password.clear()
                    continue
                self.password = dialog.value()
                if remember.isChecked():
                    await run_blocking(keyring_unlock.remember, self.config.data_dir, self.password)
                return True
        finally:
            self.unlock_dialog = None
            dialog.deleteLater()

    # --- the window ----------------------------------------------------------------------------

    def open_window(self) -> MainWindow:
        # Built over the wallet itself, handed to the views as proxies: their coroutines run on the core loop.
        payments = PaymentsService(self.core_service)
        self.payments = proxy(payments, self.worker)
        rates = payments.rates() if self.fetch_rates else None
        if rates is not None:
            self.rates = proxy(rates, self.worker)
        registry = _backend_registry()
        if registry is not None:
            self.backends = proxy(BackendsService(self.core_service, registry, self.password), self.worker)
        self.ctx = AppContext(
            service=self.service,
            worker=self.worker,
            tasks=self.tasks,
            errors=self.reporter,
            settings=self.settings,
            demo=self.demo,
            rates=self.rates,
        )
        # Built when first shown (the start view at once), their modules imported then; the till's launcher now: its
        # till works in the background.
        views: list[QWidget | LazyView] = [
            lazy(BalancesView, self.ctx),
            lazy("desktop.gui.views.receive.view:ReceiveView", self.ctx, title=QT_TR_NOOP("Receive")),
            lazy("desktop.gui.views.send.view:SendView", self.ctx, title=QT_TR_NOOP("Send")),
            lazy("desktop.gui.views.pay.view:PayView", self.ctx, self.payments, title=QT_TR_NOOP("Pay")),
            lazy("desktop.gui.views.history.view:HistoryView", self.ctx, title=QT_TR_NOOP("History")),
            lazy("desktop.gui.views.analytics.view:AnalyticsView", self.ctx, title=QT_TR_NOOP("Analytics")),
            lazy("desktop.gui.views.recovery.view:RecoveryView", self.ctx, title=QT_TR_NOOP("Recovery")),
            lazy(
                "desktop.gui.views.settings.view:SettingsView",
                self.ctx,
                self.backends,
                self.password,
                title=QT_TR_NOOP("Settings"),
            ),
            PosLauncherView(self.ctx, self.backends),
            lazy("desktop.gui.views.vault.view:VaultView", self.ctx, title=QT_TR_NOOP("Files & cheques")),
        ]
        title = tr("Nutdesk {0}").format(package_version()) + (
            tr(" — demo (FakeWallet mint, not real money)") if self.demo else ""
        )
        self.window = MainWindow(self.ctx, views, title=title)
        self.mint_backup = MintBackupWatcher(self.ctx)  # NUT-27: the mint list to the relays when it changes
        install_gui_pin_prompter(self.core_service, self.window)  # spends above the limit ask for the spending PIN
        if rates is not None:

            def current_rate() -> tuple[Decimal, str] | None:  # called on the core thread: reads one attribute
                quote = rates.quote()
                return (quote.rate, quote.currency) if quote is not None else None

            self.core_service.record_rates_from(current_rate)
            self.worker.call_soon(rates.start)  # the refresher's task and HTTP client live on the core loop
            # Redraw fiat values once the first rate arrives.
            self.tasks.start(self._first_rate())
        self._start_recovery()
        self._start_watching()
        self._start_pos(next(v for v in views if isinstance(v, PosLauncherView)))
        # What is built by now lives as long as the window. Out of the collector's sight, a full collection (which
        # stops every thread, the Qt one too) that a big send's garbage triggers on the core thread does not walk
        # it each time: that walk was the longest stall left once the send ran off the loop (bench.gui_send).
        gc.freeze()
        return self.window

    def _start_recovery(self) -> None:
        """Resume what a crash or network break left unfinished, now and then in the background.

        Not a TaskRunner task: it lives as long as the window and must not keep the busy indicator on. The
        window shows balances at once; an offline mint only delays its own operations.

        On the core loop, and built over the wallet's proxy like the Recovery view's and the till's passes:
        ``RecoveryService`` takes one lock per wallet object, so the three take turns on one entry.
        """
        recovery = RecoveryService(self.service)
        ctx = self.ctx
        changed = on_loop(lambda ids: self._recovered(ctx, ids), self._gui_loop) if ctx is not None else None

        async def loop() -> None:
            while True:
                with contextlib.suppress(Exception):
                    reports = await recovery.recover(only_due=True)
                    if reports and changed is not None:
                        changed(moved_operations(reports))
                # close() cancels the task; a cancelled sleep leaves nothing behind.
                await asyncio.sleep(self.recovery_interval)

        self._recovery_task = self.worker.spawn(loop())

    @staticmethod
    def _recovered(ctx: AppContext, ids: list[str] | None) -> None:
        """Background recovery moved these journal entries (None: some it cannot name): History redraws them."""
        if ids is None:
            ctx.changed(RECOVERY, BALANCES, HISTORY, SENT)
        else:
            announce(ctx, RECOVERY, BALANCES, HISTORY, SENT, operations=ids)

    def _start_watching(self) -> None:
        """Refresh every view when another process (a CLI command, a second window) commits to this wallet.

        The same change events an operation in this window sends, so each view refreshes as it already does."""
        self._watcher = watcher_for(self.config)  # SQLite's data version, or PostgreSQL's LISTEN/NOTIFY
        if self.ctx is not None:  # which journal entries changed: History redraws those rows, not all of them
            self._outside = OutsideChanges(self.ctx, self.worker, cursor_for(self.config, self.core_service.store))
        self._watch_timer = QTimer()
        self._watch_timer.setInterval(self.watch_interval_ms)
        self._watch_timer.timeout.connect(self._poll_database)
        self._watch_timer.start()

    def _poll_database(self) -> None:
        if self._watcher is not None and self._outside is not None and self._watcher.changed():
            self._outside.notice()

    def _start_pos(self, launcher: PosLauncherView) -> None:
        """The point of sale's background work while the window lives, POS mode open or not: sales a network
        break left settling, exposure sweeps, webhook retries (with backoff). Like recovery, not a TaskRunner
        task; close() stops it. The till is a proxy: the loop runs on the core loop, ``on_change`` comes back."""
        self.pos = launcher.till
        self._pos_stop = asyncio.Event()  # waited on by the core loop: set there (close)
        self._pos_task = asyncio.ensure_future(
            self.pos.run_background(self._pos_stop, self.pos_interval, on_change=launcher.sales_settled)
        )

    def show(self) -> None:
        """Show the main window, or the locked till instead when the app was left with the cashier lock on."""
        assert self.window is not None
        self.window.show()
        self.view(PosLauncherView).resume_lock()

    async def _first_rate(self) -> None:
        if self.rates is None or self.ctx is None:
            return
        with contextlib.suppress(Exception):
            if await self.rates.refresh() is not None:
                self.ctx.changed("balances")

    def view(self, cls: type[Any]) -> Any:
        assert self.window is not None
        return self.window.view(cls)  # built now if not shown yet

    # --- shut-down -----------------------------------------------------------------------------

    async def close(self) -> None:
        """Stop every task, close the network clients and the database, then the core worker. Safe to call
        twice."""
        if self._recovery_task is not None:
            self._recovery_task.cancel()
            with contextlib.suppress(BaseException):
                await self._recovery_task
            self._recovery_task = None
        if self._pos_task is not None:
            assert self._pos_stop is not None
            if isinstance(self.pos, CoreProxy) and self.worker.running:
                self.worker.call_soon(self._pos_stop.set)
            else:
                self._pos_stop.set()
            self._pos_task.cancel()
            with contextlib.suppress(BaseException):
                await self._pos_task
            self._pos_task = None
        if self._watch_timer is not None:
            self._watch_timer.stop()
            self._watch_timer.deleteLater()
            self._watch_timer = None
        if self._outside is not None:
            self._outside.close()
            self._outside = None
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None
        await self.tasks.cancel_all()
        await self.worker.drain()  # the background recovery, the rates refresher, a cancelled operation unwinding
        if self.window is not None:
            self.window.hide()
            self.window.deleteLater()
            self.window = None
        for closer in (
            self.pos.close if self.pos else None,
            self.rates.close if self.rates else None,
            self.payments.close if self.payments else None,
            self.backends.aclose if self.backends else None,
            self._service.close if self._service else None,  # on the core loop, where its clients were opened
        ):
            if closer is None:
                continue
            try:
                await closer()
            except Exception:
                log.exception("while closing")
        self.rates = self.payments = self.backends = None
        self.pos = None
        await self.worker.shutdown()  # what is left on the core loop is cancelled and drained; the thread ends
        gc.unfreeze()  # the window's objects may be collected again
        shutdown_processes()
