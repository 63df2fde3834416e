"""The shop's webhooks in the POS settings: add (a secret is made when none is given, and shown this once),
remove, and the delivery log (every event, its attempts and the receiver's last answer)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.api.pos import Delivery, PosService
from core.errors import UserFacingError
from desktop.gui.context import AppContext
from desktop.gui.dialogs import await_dialog
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.pos.listbox import PolicyListBox
from desktop.gui.widgets.common import CopyButton, hint
from desktop.gui.widgets.table import RowsTableModel, size_columns_to_contents

__all__ = ["DeliveryLogDialog", "DeliveryModel", "WebhookDialog", "WebhooksBox"]


class WebhookDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webhookDialog")
        self.setWindowTitle(tr("Add a webhook"))
        form = QFormLayout(self)
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://shop.example/cashu-events")
        form.addRow(tr("URL:"), self.url)
        self.secret = QLineEdit()
        self.secret.setPlaceholderText(tr("empty: make a random one"))
        form.addRow(tr("Signing secret:"), self.secret)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class DeliveryModel(RowsTableModel[Delivery]):
    HEADERS = (
        QT_TR_NOOP("Created"),
        QT_TR_NOOP("Event"),
        QT_TR_NOOP("Sale"),
        QT_TR_NOOP("URL"),
        QT_TR_NOOP("State"),
        QT_TR_NOOP("Attempts"),
        QT_TR_NOOP("Last answer"),
    )

    def cell(self, d: Delivery, col: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        answer = f"HTTP {d.last_status}" if d.last_status else (d.last_error or "—")
        created = dt.datetime.fromtimestamp(d.created_at).strftime("%Y-%m-%d %H:%M:%S")
        return (created, d.event, d.sale_id, d.url, d.state, d.attempts, answer)[col]


class DeliveryLogDialog(QDialog):
    def __init__(self, deliveries: list[Delivery], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deliveryLog")
        self.setWindowTitle(tr("Webhook deliveries"))
        self.resize(900, 360)
        layout = QVBoxLayout(self)
        self.model = DeliveryModel()
        self.model.set_rows(deliveries)
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        size_columns_to_contents(table)
        table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(table)
        if not deliveries:
            layout.addWidget(hint(tr("No events yet: a paid or refunded sale sends one to every webhook.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class WebhooksBox(PolicyListBox):
    """Webhooks: paid and refunded sales POSTed as JSON, signed with HMAC-SHA256 (header X-Nutdesk-Signature)."""

    def __init__(self, ctx: AppContext, till: PosService) -> None:
        self.log_button = QPushButton(tr("Delivery log…"))
        self.log_button.setObjectName("webhookLog")
        super().__init__("Webhooks", ctx, till, list_name="webhookUrls", extra=(self.log_button,))
        self.log_button.clicked.connect(lambda: self.ctx.run(self.show_log()))
        self.copy_secret = CopyButton(tr("Copy secret"))
        self.copy_secret.hide()
        self.body.addWidget(self.copy_secret)
        self.refresh()

    def entries(self) -> list[str]:
        return [w.url for w in self.till.policy().webhooks]

    def remove_entry(self, name: str) -> None:
        self.till.remove_webhook(name)
        self.copy_secret.hide()

    async def add(self, url: str, secret: str = "") -> bool:
        try:
            hook = await self.ctx.write(self.till.add_webhook, url, secret)
        except UserFacingError as exc:
            self.message.setText(str(exc))
            self.copy_secret.hide()
            return False
        self.refresh()
        self.message.setText(
            tr("Added {0}. Its signing secret (give it to the receiver; it is not shown again): {1}").format(
                hook.url, hook.secret
            )
        )
        self.copy_secret.set_text(hook.secret)
        self.copy_secret.show()
        return True

    async def ask_add(self) -> None:
        dialog = WebhookDialog(self)
        try:
            if await await_dialog(dialog) == QDialog.DialogCode.Accepted:
                await self.add(dialog.url.text(), dialog.secret.text())
        finally:
            dialog.deleteLater()

    async def show_log(self) -> None:
        await self.till.deliver_webhooks()  # due retries first, so the log is current
        dialog = DeliveryLogDialog(self.till.webhook_log(), self)
        try:
            await await_dialog(dialog)
        finally:
            dialog.deleteLater()
