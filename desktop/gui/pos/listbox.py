"""The POS settings' editable lists (cashiers, webhooks): the entries, Add…/Remove and a message line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout

from core.api.pos import PosService
from core.errors import UserFacingError
from desktop.gui.context import AppContext
from desktop.gui.i18n import tr

__all__ = ["PolicyListBox"]


class PolicyListBox(QGroupBox):
    """Subclasses say what the entries are (``entries``), how one is removed (``remove_entry``) and added
    (``ask_add``); ``extra`` buttons go after Add… and Remove."""

    def __init__(
        self, title: str, ctx: AppContext, till: PosService, *, list_name: str, message: str = "",
        extra: tuple[QPushButton, ...] = (),
    ) -> None:  # fmt: skip
        super().__init__(title)
        self.ctx = ctx
        self.till = till
        self.body = layout = QVBoxLayout(self)  # subclasses may add below the message
        self.items = QListWidget()
        self.items.setObjectName(list_name)
        self.items.setMaximumHeight(80)
        layout.addWidget(self.items)
        row = QHBoxLayout()
        self.add_button = QPushButton(tr("Add…"))
        self.add_button.clicked.connect(lambda: self.ctx.run(self.ask_add()))
        self.remove_button = QPushButton(tr("Remove"))
        self.remove_button.clicked.connect(lambda: self.ctx.run(self.remove_selected()))
        for b in (self.add_button, self.remove_button, *extra):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)

    def entries(self) -> list[str]:
        raise NotImplementedError

    def remove_entry(self, name: str) -> None:
        """Remove one entry (a write: ``remove_selected`` runs it on the core thread)."""
        raise NotImplementedError

    async def ask_add(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        self.items.clear()
        self.items.addItems(self.entries())
        self.remove_button.setEnabled(self.items.count() > 0)

    async def remove_selected(self) -> None:
        item = self.items.currentItem()
        if item is None:
            self.message.setText(tr("Select one of the {0} to remove.").format(self.title().lower()))
            return
        try:
            await self.ctx.write(self.remove_entry, item.text())  # one fsync'd commit: not on the Qt thread
        except UserFacingError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(tr("Removed {0}.").format(item.text()))
        self.refresh()
