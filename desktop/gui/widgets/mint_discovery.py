"""Mints recommended on Nostr (NIP-87) inside "Add mint": the user's relays are asked on demand, the mints listed
with their recommendation count, rating and reviews; choosing one fills in its URL. "Write a review…" publishes
the user's own recommendation."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.api.discovery import DiscoveredMint, discover_mints, publish_review
from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.gui.dialogs import await_dialog
from desktop.gui.i18n import tr
from desktop.gui.tasks import TaskRunner

__all__ = ["DiscoveryPanel", "ReviewDialog", "describe"]


def describe(mint: DiscoveredMint) -> str:
    stars = f"{mint.rating:.1f}/5" if mint.rating is not None else "unrated"
    announced = ", announced" if mint.announced else ""
    return f"{mint.url} — {mint.recommendations} recommendation(s), {stars}{announced}"


class ReviewDialog(QDialog):
    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle(tr("Review a mint"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(tr("Mint:"), QLabel(url))
        self.rating = QSpinBox()
        self.rating.setRange(0, 5)
        self.rating.setValue(5)
        self.rating.setSuffix(" / 5")
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(tr("What would you tell others about this mint?"))
        form.addRow(tr("Rating:"), self.rating)
        form.addRow(tr("Review:"), self.text)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Publish on Nostr"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class DiscoveryPanel(QWidget):
    chosen = Signal(str)  # a mint URL

    def __init__(self, service: WalletService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mintDiscovery")
        self.service = service
        self.tasks = tasks
        self.mints: list[DiscoveredMint] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.load_button = QPushButton(tr("Show mints recommended on Nostr"))
        self.load_button.setObjectName("discoverButton")
        self.load_button.clicked.connect(lambda: tasks.start(self.load(), label=tr("Asking the relays…")))
        self.review_button = QPushButton(tr("Write a review…"))
        self.review_button.setObjectName("reviewButton")
        self.review_button.setEnabled(False)
        self.review_button.clicked.connect(lambda: tasks.start(self.review()))
        row.addWidget(self.load_button)
        row.addWidget(self.review_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.list = QListWidget()
        self.list.setObjectName("discoveredMints")
        self.list.setVisible(False)
        self.list.currentRowChanged.connect(self._selected)
        layout.addWidget(self.list)
        self.reviews = QLabel()
        self.reviews.setObjectName("discoveredReviews")
        self.reviews.setWordWrap(True)
        self.reviews.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.reviews)

    async def load(self) -> None:
        try:
            self.mints = await discover_mints(self.service)
        except UserFacingError as exc:
            self.reviews.setText(str(exc).capitalize() + ".")
            return
        self.list.clear()
        for mint in self.mints:
            item = QListWidgetItem(describe(mint))
            item.setToolTip("\n".join(r.text for r in mint.reviews[:5] if r.text))
            self.list.addItem(item)
        self.list.setVisible(True)
        self.reviews.setText("" if self.mints else tr("No mints announced or recommended on your relays."))

    def selected(self) -> DiscoveredMint | None:
        row = self.list.currentRow()
        return self.mints[row] if 0 <= row < len(self.mints) else None

    def _selected(self, row: int) -> None:
        mint = self.selected()
        self.review_button.setEnabled(mint is not None)
        if mint is None:
            return
        lines = [
            (f"{r.rating}/5 " if r.rating is not None else "") + (r.text or tr("(no text)")) for r in mint.reviews[:5]
        ]
        self.reviews.setText("\n".join(lines) or tr("No written reviews."))
        self.chosen.emit(mint.url)

    async def review(self, dialog: ReviewDialog | None = None) -> None:
        mint = self.selected()
        if mint is None:
            return
        if dialog is None:  # tests hand in a filled-in dialog
            dialog = ReviewDialog(mint.url, self)
            if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
        await publish_review(self.service, mint.url, rating=dialog.rating.value(), text=dialog.text.toPlainText())
        await self.load()
