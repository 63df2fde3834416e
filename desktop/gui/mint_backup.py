"""NUT-27 in the app: whenever the mint list changes (a mint added, removed, trusted from a token), it is backed
up to the user's Nostr relays in the background; once at start too, for changes made from the command line."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from core.api.mint_backup import BackupReport, sync_mint_backup
from desktop.gui.context import MINTS, AppContext

__all__ = ["MintBackupWatcher"]


class MintBackupWatcher(QObject):
    """Publishes the mint list when it changed since a relay last accepted it (nothing without relays)."""

    synced = Signal(object)  # the BackupReport of an attempt

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.last_report: BackupReport | None = None
        ctx.bus.changed.connect(lambda what: self.schedule() if MINTS in what else None)
        self.schedule()

    def schedule(self) -> None:
        self.ctx.run(self._sync())

    async def _sync(self) -> None:
        report = await self.ctx.on_core(sync_mint_backup(self.ctx.service))  # signing, relays, a commit: off the loop
        if report is not None:
            self.last_report = report
            self.synced.emit(report)
