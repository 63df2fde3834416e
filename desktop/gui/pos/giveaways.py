"""POS settings boxes for the merchant's edge: offline acceptance (ask for ecash locked to the shop; caps on
unlocked ecash taken while a mint is unreachable) and giveaways (create with one-time codes, see what is left,
close, save the codes page to print: one QR per code)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from core.api.giveaway_page import write_page
from core.api.giveaways import GiveawayService
from core.api.pos import PosService
from core.errors import UserFacingError
from desktop.gui.context import AppContext
from desktop.gui.core_worker import proxy_like
from desktop.gui.i18n import tr
from desktop.gui.pos.printing import write_pdf
from desktop.gui.widgets.qr import QrWidget

__all__ = ["GiveawaysBox", "OfflineBox"]


def _sats(name: str, value: int, none: str) -> QSpinBox:
    box = QSpinBox()
    box.setObjectName(name)
    box.setRange(0, 2_000_000_000)
    box.setSpecialValueText(none)
    box.setSuffix(tr(" sat"))
    box.setValue(value)
    return box


class OfflineBox(QGroupBox):
    """Offline acceptance settings; ``changes()`` is merged into the policy when the settings are saved."""

    def __init__(self, till: PosService) -> None:
        super().__init__(tr("Offline acceptance"))
        policy = till.policy()
        form = QFormLayout(self)
        self.locked = QCheckBox(tr("Ask for ecash locked to the shop's key (taken even while its mint is down)"))
        self.locked.setObjectName("offlineLocked")
        self.locked.setChecked(policy.offline_locked)
        form.addRow(self.locked)
        self.sale_cap = _sats("offlineSaleCap", policy.offline_sale_cap, tr("none offline"))
        form.addRow(tr("Unlocked ecash offline, per sale"), self.sale_cap)
        self.mint_cap = _sats("offlineMintCap", policy.offline_mint_cap, tr("no total limit"))
        form.addRow(tr("… unredeemed in total per mint"), self.mint_cap)

    def changes(self) -> dict[str, object]:
        return {"offline_locked": self.locked.isChecked(), "offline_sale_cap": self.sale_cap.value(),
                "offline_mint_cap": self.mint_cap.value()}  # fmt: skip


class GiveawaysBox(QGroupBox):
    def __init__(self, ctx: AppContext, till: PosService) -> None:
        super().__init__("Giveaways")
        self.setObjectName("giveawaysBox")
        self.ctx = ctx
        self.till = till
        self.service = proxy_like(till, GiveawayService(till.service))  # its coroutines on the core loop
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("giveawayList")
        layout.addWidget(self.list)
        row = QHBoxLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("name"))
        self.name.setMinimumWidth(120)
        self.amount = _sats("giveawayAmount", 0, tr("per claim"))
        self.budget = _sats("giveawayBudget", 0, "budget")
        self.codes = QSpinBox()
        self.codes.setRange(0, 1000)
        self.codes.setSuffix(tr(" codes"))
        for w in (self.name, self.amount, self.budget, self.codes):
            row.addWidget(w)
        self.create_button = QPushButton(tr("Create"))
        self.create_button.setObjectName("createGiveaway")
        self.create_button.clicked.connect(lambda: ctx.run(self.create_giveaway()))
        row.addWidget(self.create_button)
        self.close_button = QPushButton(tr("Close selected"))
        self.close_button.clicked.connect(lambda: ctx.run(self.close_selected()))
        row.addWidget(self.close_button)
        self.page_button = QPushButton(tr("Codes page…"))
        self.page_button.setObjectName("giveawayCodesPage")
        self.page_button.setToolTip(tr("Save the selected giveaway's one-time codes as a page to print: one QR each"))
        self.page_button.clicked.connect(lambda: self.ctx.run(self.save_codes_page(None)))
        row.addWidget(self.page_button)
        layout.addLayout(row)
        claim_row = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setObjectName("giveawayCode")
        self.code.setPlaceholderText(tr("a flyer's one-time code (for the selected giveaway)"))
        claim_row.addWidget(self.code, 1)
        self.claim_button = QPushButton(tr("Claim → token QR"))
        self.claim_button.setObjectName("claimGiveaway")
        self.claim_button.clicked.connect(lambda: self.ctx.run(self.claim_code()))
        claim_row.addWidget(self.claim_button)
        layout.addLayout(claim_row)
        self.token_qr = QrWidget(minimum=160)
        self.token_qr.setObjectName("giveawayTokenQr")
        self.token_qr.setAccessibleName(tr("The claimed token's QR code"))
        self.token_qr.setMaximumSize(240, 240)
        self.token_qr.hide()
        layout.addWidget(self.token_qr)
        self.message = QLabel()
        self.message.setObjectName("giveawayMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.refresh()

    def refresh(self) -> None:
        current = self.list.currentItem()
        selected = None if current is None else current.data(Qt.ItemDataRole.UserRole)
        self.list.clear()
        for g in self.service.giveaways():
            text = tr("{0}: {1:,} {2} a claim · {3:,} of {4:,} given · {5} claims · {6}")
            item = QListWidgetItem(text.format(g.name, g.amount, g.unit, g.spent, g.budget, g.claims, g.state))
            item.setData(Qt.ItemDataRole.UserRole, g.id)
            self.list.addItem(item)
            if g.id == selected:
                self.list.setCurrentItem(item)

    async def create_giveaway(self) -> None:
        try:
            self.till.check_unlocked(tr("create a giveaway"))  # fills the core's "a cashier cannot {0}"
            made, codes = await self.ctx.write(
                self.service.create, self.name.text(), self.amount.value(), self.budget.value(),
                codes=self.codes.value(),
            )  # fmt: skip
        except UserFacingError as exc:
            self.message.setText(str(exc))
            return
        shown = tr(" One-time codes (shown once, print them): {0}").format(" ".join(codes)) if codes else ""
        self.message.setText(tr("Giveaway {0} created.{1}").format(made.name, shown))
        self.refresh()

    async def claim_code(self) -> None:
        """Pay a flyer's code: the token is shown as a QR for the claimant's wallet."""
        item = self.list.currentItem()
        if item is None or not self.code.text().strip():
            self.message.setText(tr("Select a giveaway and enter the code."))
            return
        self.claim_button.setEnabled(False)
        try:
            claim = await self.service.claim(str(item.data(Qt.ItemDataRole.UserRole)), code=self.code.text())
        except UserFacingError as exc:
            self.token_qr.hide()  # not the previous claimant's token
            self.message.setText(str(exc))
            return
        finally:
            self.claim_button.setEnabled(True)
        self.code.clear()
        self.token_qr.set_text(claim.token)
        self.token_qr.show()
        self.message.setText(tr("Claimed {0:,}: let the customer scan the token.").format(claim.amount))
        self.refresh()

    async def save_codes_page(self, path: str | None) -> Path | None:
        """Write the selected giveaway's codes page: HTML, or PDF when the name ends in .pdf (owner-only: the codes
        are worth money). The QR codes are made off the event loop (a thousand codes take a while)."""
        item = self.list.currentItem()
        if item is None:
            self.message.setText(tr("Select a giveaway first."))
            return None
        gid = str(item.data(Qt.ItemDataRole.UserRole))
        try:
            make_page = self.service.codes_page_maker(gid, self.till)
        except UserFacingError as exc:
            self.message.setText(str(exc))
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, tr("Save the codes page"), f"giveaway-{gid}.html", tr("Web page (*.html);;PDF (*.pdf)")
            )  # fmt: skip
        if not path:
            return None
        target = Path(path)
        self.page_button.setEnabled(False)
        try:
            page = await asyncio.to_thread(make_page)
            if target.suffix.lower() == ".pdf":
                write_pdf(page, target, self.service.giveaway(gid).name)  # Qt paints on this thread
                await asyncio.to_thread(target.chmod, 0o600)
            else:
                await asyncio.to_thread(write_page, target, page)
        except (OSError, UserFacingError) as exc:
            self.message.setText(str(exc))
            return None
        finally:
            self.page_button.setEnabled(True)
        self.message.setText(tr("The codes page is in {0}: print it and cut out the flyers.").format(target))
        return target

    async def close_selected(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            await self.ctx.write(self.service.close, str(item.data(Qt.ItemDataRole.UserRole)))
            self.refresh()
