"""Restoring from the words in the first-run wizard, with the NUT-27 mint-list backup: an optional relay field,
and the list of mints to restore (the one the user added, plus every mint the backup names)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout

from core.api.mint_backup import fetch_mint_list, merge_mint_lists
from core.api.payments import set_nostr_relays
from core.api.service import WalletService
from desktop.gui.core_worker import call_on_core_of
from desktop.gui.i18n import tr

__all__ = ["relay_field", "restore_mints"]


def relay_field(layout: QVBoxLayout) -> QLineEdit:
    label = QLabel(tr("Nostr relay of your mint-list backup (optional): every mint you used is found again."))
    label.setWordWrap(True)
    layout.addWidget(label)
    field = QLineEdit()
    field.setObjectName("restoreRelay")
    field.setPlaceholderText("wss://relay.example.com")
    layout.addWidget(field)
    return field


async def restore_mints(
    service: WalletService, mint_url: str, relays: list[str], progress: Callable[[str], None] | None
) -> list[str]:
    mints = [mint_url] if mint_url else []
    if relays:
        # The wallet's relays from now on (later changes are backed up there); a commit: on the core thread.
        await call_on_core_of(service, set_nostr_relays, service, relays)
        if progress:
            progress(tr("Fetching the mint-list backup…"))
        backup = await fetch_mint_list(service.seed, relays)
        return merge_mint_lists(mints, backup.mints if backup else ())
    return mints
