"""The wallet's lock key (NUT-11/28) with a Copy button: what a sender locks ecash to for this wallet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from core.api.p2bk import wallet_lock_key
from core.api.service import WalletService
from core.errors import NutdeskError
from desktop.gui.i18n import tr
from desktop.gui.widgets.common import CopyButton

__all__ = ["LockKeyRow"]


class LockKeyRow(QWidget):
    def __init__(self, service: WalletService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockKeyRow")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        try:
            self.key = wallet_lock_key(service)
        except NutdeskError:  # a locked wallet: nothing to show until it is opened
            self.key = ""
        self.label = QLabel(
            tr("Your lock key: <code>{0}…{1}</code>").format(self.key[:14], self.key[-8:]) if self.key else ""
        )
        self.label.setToolTip(
            tr(
                "Senders can lock ecash to this key so that only this wallet can receive it; "
                "Nutdesk blinds such locks (P2BK) so the mint cannot link them to you."
            )
        )
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy = CopyButton(tr("Copy lock key"))
        self.copy.set_text(self.key)
        row.addWidget(self.label)
        row.addWidget(self.copy)
        row.addStretch(1)
        self.setVisible(bool(self.key))
