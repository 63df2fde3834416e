"""The Point of sale entry of the main window: the shop's settings (policy, fee caps, backend, PIN, what a locked
till may charge and refund) and the button that opens the full-window till.

While the till is locked the main window (Settings, the seed, token export) is hidden and disabled, and stays
so: showing or activating it brings the till back instead."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.api.backends import BackendsService
from core.api.pos import PosService, Sale, SettlementMode
from core.errors import UserFacingError
from desktop.gui.context import SETTINGS, AppContext
from desktop.gui.core_worker import proxy_like
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.pos.cashiers import CashiersBox
from desktop.gui.pos.giveaways import GiveawaysBox, OfflineBox
from desktop.gui.pos.model import announce_sales
from desktop.gui.pos.webhooks import WebhooksBox
from desktop.gui.pos.window import PosWindow
from desktop.gui.stale import refresh_when_shown
from desktop.gui.widgets.common import heading, hint

__all__ = ["PosLauncherView"]

MODE_LABELS = {
    SettlementMode.TRUSTED_ONLY: QT_TR_NOOP("Trusted mints only (swap, refuse others)"),
    SettlementMode.HOLD_WHEN_TRUSTED: QT_TR_NOOP("Hold when trusted (swap trusted, melt others to my Lightning)"),
    SettlementMode.ALWAYS_FORWARD: QT_TR_NOOP("Always forward (melt everything to my Lightning)"),
}

# The till's QR names how a wallet delivers the payment: Nostr relays here (the GUI runs no POST endpoint).
UNPAYABLE_SETTINGS = QT_TR_NOOP(
    "No Nostr relay: a customer's wallet that scans the till's QR cannot send the payment to the till by itself. "
    "Add a relay so it can; until then the cashier takes tokens (paste, or scan the customer's QR) or Lightning."
)

UNIT_PRICING_LABELS = {
    "mint": QT_TR_NOOP("Accept, at the customer's mint's price"),
    "rates": QT_TR_NOOP("Accept, at the exchange rate"),
    "off": QT_TR_NOOP("Refuse (sat ecash only)"),
}


class PosLauncherView(QWidget):
    title = QT_TR_NOOP("Point of sale")

    def __init__(self, ctx: AppContext, backends: BackendsService | None = None) -> None:
        super().__init__()
        self.setObjectName("posView")
        self.ctx = ctx
        # The till's coroutines (intake, swaps, listeners, its background loop) run on the core worker's loop.
        self.till = proxy_like(ctx.service, PosService(ctx.service, backends=backends, rates=ctx.rates))
        self.till_window: PosWindow | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Point of sale")))
        layout.addWidget(
            hint(tr("Charge customers with a payment-request QR, a pasted or scanned token, or Lightning."))
        )
        form = QFormLayout()
        policy = self.till.policy()
        self.shop_name = QLineEdit(policy.shop_name)
        form.addRow(tr("Shop name"), self.shop_name)
        self.mode = QComboBox()
        for mode, label in MODE_LABELS.items():
            self.mode.addItem(tr(label), mode.value)
        self.mode.setCurrentIndex(self.mode.findData(policy.mode.value))
        form.addRow(tr("Settlement"), self.mode)
        self.trusted = QLabel("\n".join(policy.trusted_mints) or tr("none (trust mints in Balances)"))
        form.addRow(tr("Trusted mints"), self.trusted)
        self.backend = QComboBox()
        self.backend.addItem(tr("(none)"), "")
        for name in backends.names() if backends is not None else []:
            self.backend.addItem(name, name)
        self.backend.setCurrentIndex(max(self.backend.findData(policy.backend), 0))
        form.addRow(tr("Forward to backend"), self.backend)
        self.max_input_fee = QDoubleSpinBox()
        self.max_input_fee.setSuffix(" %")
        self.max_input_fee.setValue(policy.max_input_fee_pct)
        form.addRow(tr("Max mint input fee"), self.max_input_fee)
        self.max_ln_fee = QDoubleSpinBox()
        self.max_ln_fee.setSuffix(" %")
        self.max_ln_fee.setValue(policy.max_lightning_fee_pct)
        form.addRow(tr("Max Lightning fee reserve"), self.max_ln_fee)
        self.fee_advance = QSpinBox()
        self.fee_advance.setRange(0, 10**6)
        self.fee_advance.setSuffix(tr(" sat"))
        self.fee_advance.setValue(policy.fee_advance)
        form.addRow(tr("Customer fee advance"), self.fee_advance)
        self.unit_pricing = QComboBox()
        self.unit_pricing.setObjectName("unitPricing")
        for value, label in UNIT_PRICING_LABELS.items():
            self.unit_pricing.addItem(tr(label), value)
        self.unit_pricing.setCurrentIndex(max(self.unit_pricing.findData(policy.unit_pricing), 0))
        form.addRow(tr("Dollar and euro ecash"), self.unit_pricing)
        self.relays = QLineEdit(" ".join(policy.nostr_relays))
        self.relays.setObjectName("nostrRelays")
        self.relays.setPlaceholderText(tr("wss://relay.example.com … (empty: no Nostr payments)"))
        self.relays.setToolTip(tr("Customers' wallets send the ecash as a NIP-17 private message through these relays"))
        form.addRow(tr("Nostr relays"), self.relays)
        self.unpayable = QLabel(tr(UNPAYABLE_SETTINGS))
        self.unpayable.setObjectName("unpayableWarning")
        self.unpayable.setWordWrap(True)
        self.unpayable.setStyleSheet("background: #fff4ce; color: #4a3b00; border-radius: 6px; padding: 8px")
        self.unpayable.setVisible(not policy.nostr_relays)
        self.relays.textChanged.connect(lambda text: self.unpayable.setVisible(not text.strip()))
        form.addRow("", self.unpayable)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(tr("set") if policy.pin_hash else tr("no PIN: the till cannot be locked"))
        form.addRow(tr("Cashier lock PIN"), self.pin)
        self.locked_max_charge = QSpinBox()
        self.locked_max_charge.setObjectName("lockedMaxCharge")
        self.locked_max_charge.setRange(0, 2_000_000_000)
        self.locked_max_charge.setSpecialValueText(tr("no limit"))
        self.locked_max_charge.setSuffix(tr(" sat"))
        self.locked_max_charge.setValue(policy.locked_max_charge)
        form.addRow(tr("Locked: charge at most"), self.locked_max_charge)
        self.locked_max_refund = QSpinBox()
        self.locked_max_refund.setObjectName("lockedMaxRefund")
        self.locked_max_refund.setRange(0, 2_000_000_000)
        self.locked_max_refund.setSpecialValueText(tr("no limit"))
        self.locked_max_refund.setSuffix(tr(" sat"))
        self.locked_max_refund.setValue(policy.locked_max_refund)
        form.addRow(tr("Locked: refund at most"), self.locked_max_refund)
        layout.addLayout(form)
        boxes = QHBoxLayout()
        self.cashiers = CashiersBox(ctx, self.till)
        self.webhooks = WebhooksBox(ctx, self.till)
        boxes.addWidget(self.cashiers, 1)
        boxes.addWidget(self.webhooks, 2)
        layout.addLayout(boxes)
        edge = QHBoxLayout()
        self.offline = OfflineBox(self.till)
        self.giveaways = GiveawaysBox(ctx, self.till)
        edge.addWidget(self.offline, 1)
        edge.addWidget(self.giveaways, 2)
        layout.addLayout(edge)
        self.save_button = QPushButton(tr("Save settings"))
        self.save_button.clicked.connect(lambda: ctx.run(self.save()))
        layout.addWidget(self.save_button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.enter_button = QPushButton(tr("Enter POS mode"))
        self.enter_button.setObjectName("enterPos")
        self.enter_button.setMinimumHeight(56)
        self.enter_button.clicked.connect(lambda: self.enter(full_screen=True))
        layout.addWidget(self.enter_button)
        layout.addStretch(1)
        self._shown = self._form()
        self.when_shown = refresh_when_shown(self, ctx.bus, self._on_changed, SETTINGS)

    def _form(self) -> dict[str, object]:
        """The policy as the form shows it (without the PIN, which is never shown)."""
        return {
            "shop_name": self.shop_name.text().strip() or "Nutdesk shop",
            "mode": self.mode.currentData(),
            "backend": self.backend.currentData() or "",
            "max_input_fee_pct": self.max_input_fee.value(),
            "max_lightning_fee_pct": self.max_ln_fee.value(),
            "fee_advance": self.fee_advance.value(),
            "unit_pricing": self.unit_pricing.currentData(),
            "nostr_relays": self.relays.text().replace(",", " ").split(),
            "locked_max_charge": self.locked_max_charge.value(),
            "locked_max_refund": self.locked_max_refund.value(),
            **self.offline.changes(),
        }

    def _show_policy(self) -> None:
        """Fill the form from the stored policy: at start, and when another process (the CLI, another till) saved
        settings while the form holds no unsaved edit of its own."""
        policy = self.till.policy()
        self.shop_name.setText(policy.shop_name)
        self.mode.setCurrentIndex(self.mode.findData(policy.mode.value))
        self.trusted.setText("\n".join(policy.trusted_mints) or tr("none (trust mints in Balances)"))
        self.backend.setCurrentIndex(max(self.backend.findData(policy.backend), 0))
        self.max_input_fee.setValue(policy.max_input_fee_pct)
        self.max_ln_fee.setValue(policy.max_lightning_fee_pct)
        self.fee_advance.setValue(policy.fee_advance)
        self.unit_pricing.setCurrentIndex(max(self.unit_pricing.findData(policy.unit_pricing), 0))
        self.relays.setText(" ".join(policy.nostr_relays))
        self.locked_max_charge.setValue(policy.locked_max_charge)
        self.locked_max_refund.setValue(policy.locked_max_refund)
        self._shown = self._form()

    def _on_changed(self, what: frozenset[str]) -> None:
        if SETTINGS in what and not self.pin.text() and self._form() == self._shown:
            self._show_policy()

    async def save(self) -> None:
        changes = self._form()
        if self.pin.text():
            changes["pin"] = self.pin.text()
        try:
            await self.ctx.write(self.till.configure, **changes)  # one fsync'd commit: on the core thread
        except UserFacingError as exc:
            self.message.setText(str(exc))
            return
        self.pin.clear()
        self._shown = self._form()
        self.message.setText(tr("Saved."))

    def enter(self, *, full_screen: bool = True) -> PosWindow:
        """Open the till (finishing any sale a crash left settling first, in the background)."""
        if self.till_window is None:
            self.till_window = PosWindow(self.ctx, self.till)
            self.till_window.closed.connect(self._closed)
            self.till_window.lock_changed.connect(self._lock_changed)
            self.ctx.run(self._settle())
        if full_screen:
            self.till_window.showFullScreen()
        else:
            self.till_window.show()
        return self.till_window

    def resume_lock(self) -> PosWindow | None:
        """At start-up: a till left locked (closed, crashed or killed while locked) opens locked again."""
        if not self.till.locked:
            return None
        window = self.enter(full_screen=True)
        window.show_locked()
        return window

    async def _settle(self) -> None:
        if await self.till.settle_pending() and self.till_window is not None:
            self.till_window.refresh_sales()

    def sales_settled(self, sales: list[Sale]) -> None:
        """The background loop settled ``sales`` (a network break, a crash): refresh what shows them."""
        announce_sales(self.ctx, sales)
        if self.till_window is not None:
            self.till_window.refresh_sales()

    # --- the cashier lock: the main window out of reach ----------------------------------------

    def _lock_changed(self, locked: bool) -> None:
        main = self.window()
        if main is self:  # not in a main window (a test of the view alone)
            return
        if locked:
            main.installEventFilter(self)
            main.setEnabled(False)
            main.hide()
        else:
            main.removeEventFilter(self)
            main.setEnabled(True)
            main.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.till.locked and watched is self.window():
            if event.type() == QEvent.Type.Show:
                QTimer.singleShot(0, self._keep_main_hidden)
            elif event.type() == QEvent.Type.WindowActivate:
                QTimer.singleShot(0, self._keep_main_hidden)
                return True
        return super().eventFilter(watched, event)

    def _keep_main_hidden(self) -> None:
        if not self.till.locked:
            return
        self.window().hide()
        if self.till_window is not None:
            self.till_window.showFullScreen()
            self.till_window.activateWindow()

    def _closed(self) -> None:
        if self.till_window is not None:
            self.till_window.deleteLater()
            self.till_window = None
