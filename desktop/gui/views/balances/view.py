"""Balances: totals, one row per mint and unit, the selected mint's health; add / trust / remove / transfer, and
clear a mint's "misbehaved" mark."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.gui.changes import announce
from desktop.gui.context import BALANCES, HISTORY, MINTS, AppContext
from desktop.gui.dialogs import await_dialog, confirm
from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.gui.stale import refresh_when_shown
from desktop.gui.views.balances.model import BalancesModel
from desktop.gui.views.balances.state import BalanceEntry, BalancesState
from desktop.gui.widgets.common import MintCombo, empty_state, format_amount, heading, hint, short_url, shortcut
from desktop.gui.widgets.mint_health import MintHealthPanel
from desktop.gui.widgets.mint_probe import AddMintDialog
from desktop.gui.widgets.table import row_table

__all__ = ["BalancesView", "TransferDialog"]


class TransferDialog(QDialog):
    """Move value between two mints (melt at one, mint at the other)."""

    def __init__(self, service: WalletService, parent: QWidget | None = None, *, source: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(tr("Transfer between mints"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(tr("The source mint pays a Lightning invoice of the destination mint; Lightning fees apply."))
        )
        form = QFormLayout()
        self.amount = QSpinBox()
        self.amount.setRange(1, 2_100_000_000)
        self.amount.setSuffix(tr(" sat"))
        self.source = MintCombo()
        self.source.reload(service)
        self.destination = MintCombo()
        self.destination.reload(service, prefer_funded=False)
        if source:
            self.source.select_url(source)
        if self.destination.current_url() == self.source.current_url() and self.destination.count() > 1:
            self.destination.setCurrentIndex(1)
        form.addRow(tr("Amount:"), self.amount)
        form.addRow(tr("From:"), self.source)
        form.addRow(tr("To:"), self.destination)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Transfer"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class BalancesView(QWidget):
    title = QT_TR_NOOP("Balances")

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setObjectName("balancesView")
        self.ctx = ctx
        self.state = BalancesState(ctx.service, rates=ctx.fiat_value)
        self.model = BalancesModel()
        self._refreshing = False

        layout = QVBoxLayout(self)
        layout.addWidget(heading(tr("Balances")))
        self.total = QLabel()
        self.total.setObjectName("totalLabel")
        font = self.total.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        self.total.setFont(font)
        layout.addWidget(self.total)
        self.pending = QLabel()
        layout.addWidget(self.pending)
        self.in_flight = QLabel()
        self.in_flight.setObjectName("inFlightLabel")
        self.in_flight.setWordWrap(True)
        layout.addWidget(self.in_flight)
        self.health = MintHealthPanel(ctx)  # answer times, failures, fees, self-check; expiring keysets
        layout.addWidget(self.health.banner)

        self.table = row_table(
            self.model, "balancesTable", tr("Balances: one row per mint and unit"), stretch=BalancesModel.MINT
        )
        self.table.setAlternatingRowColors(True)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        layout.addWidget(self.table, 3)
        self.empty = empty_state(
            tr(
                "<b>No mints yet.</b><br>A mint issues the ecash and holds the bitcoin behind it. "
                "Add one you trust (<b>Add mint…</b>, Ctrl+N),<br>then receive a token or a Lightning payment in "
                "<b>Receive</b> (Ctrl+2)."
            ),
            "balancesEmpty",
        )
        layout.addWidget(self.empty, 3)

        buttons = QHBoxLayout()
        self.add_button = QPushButton(tr("Add mint…"))
        self.trust_button = QPushButton(tr("Trust"))
        self.remove_button = QPushButton(tr("Remove"))
        self.transfer_button = QPushButton(tr("Transfer…"))
        self.check_button = QPushButton(tr("Check mints"))
        # Only for a marked mint: the mark stays until the user, judging the fault a one-off, clears it.
        self.clear_mark_button = QPushButton(tr("Clear the misbehaved mark…"))
        self.clear_mark_button.setObjectName("clearMarkButton")
        for b in (self.add_button, self.trust_button, self.remove_button, self.transfer_button):
            buttons.addWidget(b)
        buttons.addWidget(self.clear_mark_button)
        buttons.addStretch(1)
        buttons.addWidget(self.check_button)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(lambda: ctx.run(self.add_mint()))
        shortcut(self, "Ctrl+N", self.add_button)
        self.trust_button.clicked.connect(lambda: ctx.run(self.toggle_trust()))
        self.remove_button.clicked.connect(lambda: ctx.run(self.remove_mint()))
        self.transfer_button.clicked.connect(lambda: ctx.run(self.transfer()))
        self.clear_mark_button.clicked.connect(lambda: ctx.run(self.clear_mark()))
        self.check_button.clicked.connect(lambda: ctx.run(self.check_mints(), label=tr("Checking the mints…")))

        self.details = QGroupBox(tr("Mint"))
        form = QFormLayout(self.details)
        self.d_url = QLabel()
        self.d_url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.d_motd = QLabel()
        self.d_motd.setWordWrap(True)
        self.d_health = QLabel()
        self.d_keysets = QLabel()
        self.d_fees = QLabel()
        form.addRow(tr("URL:"), self.d_url)
        form.addRow(tr("Status:"), self.d_health)
        form.addRow(tr("Message:"), self.d_motd)
        form.addRow(tr("Keysets:"), self.d_keysets)
        form.addRow(tr("Input fee:"), self.d_fees)
        form.addRow(tr("Health:"), self.health)
        layout.addWidget(self.details, 2)

        self.when_shown = refresh_when_shown(self, ctx.bus, self._on_changed, BALANCES, MINTS)
        self.refresh()

    # --- data ----------------------------------------------------------------------------------

    def _on_changed(self, what: frozenset[str]) -> None:
        if what & {BALANCES, MINTS}:
            self.refresh()

    def refresh(self) -> None:
        keep = self.selected_entry()
        self.model.currency = self.ctx.rates.currency if self.ctx.rates is not None else ""
        self.model.set_rows(self.state.load(), self.state.health)
        self.table.setColumnHidden(BalancesModel.FIAT, all(e.fiat is None for e in self.state.entries))
        totals = self.state.totals()
        total = " · ".join(format_amount(v, u) for u, v in totals.items()) or format_amount(0, "sat")
        fiat = self.state.fiat_total()
        currency = self.model.currency
        self.total.setText(total + (tr("  ≈ {0:,.2f} {1}").format(fiat, currency) if fiat is not None else ""))
        pending = self.state.pending_totals()
        self.pending.setText(
            tr("Pending: ")
            + ", ".join(format_amount(v, u) for u, v in pending.items())
            + tr(" (sent, not yet claimed)")
            if pending
            else ""
        )
        self.pending.setVisible(bool(pending))
        titles = {e.mint_url: e.mint_name for e in self.state.entries}
        said = tr("In flight: {0}, from {1} to {2}: waiting for {2}; recovery finishes it when that mint answers.")
        self.in_flight.setText(
            "\n".join(
                said.format(
                    format_amount(m.amount, m.unit),
                    titles.get(m.from_mint, m.from_mint),
                    titles.get(m.to_mint, m.to_mint),
                )
                for m in self.state.in_flight
            )
        )
        self.in_flight.setVisible(bool(self.state.in_flight))
        self.health.refresh_banner([e.mint_url for e in self.state.entries])
        row = 0
        if keep is not None:
            for i, e in enumerate(self.state.entries):
                if e.mint_url == keep.mint_url and e.unit == keep.unit:
                    row = i
        if self.state.entries:
            self._refreshing = True
            try:
                self.table.selectRow(row)
            finally:
                self._refreshing = False
        self.table.setVisible(bool(self.state.entries))
        self.empty.setVisible(not self.state.entries)
        self._show_details()

    def selected_entry(self) -> BalanceEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def _selected(self, selected: QItemSelection, deselected: QItemSelection) -> None:
        if not self._refreshing:  # a refresh selects its row, then shows the details once
            self._show_details()

    def _show_details(self) -> None:
        entry = self.selected_entry()
        for b in (self.trust_button, self.remove_button, self.transfer_button):
            b.setEnabled(entry is not None)
        self.clear_mark_button.setVisible(entry is not None and bool(entry.misbehaved))
        self.details.setVisible(entry is not None)
        if entry is None:
            return
        self.trust_button.setText(tr("Distrust") if entry.trusted else tr("Trust"))
        self.details.setTitle(entry.mint_name)
        self.d_url.setText(entry.mint_url)
        self.health.show_mint(entry.mint_url)
        health = self.state.health.get(entry.mint_url)
        if health is None or health.reachable is None:
            self.d_health.setText(tr("not checked yet (Check mints)"))
        elif health.reachable:
            when = dt.datetime.fromtimestamp(health.checked_at).strftime("%H:%M")
            self.d_health.setText(tr("online (checked {0})").format(when))
        else:
            self.d_health.setText(tr("unreachable: {0}").format(health.error))
        if entry.misbehaved:
            self.d_health.setText(tr("{0} — MISBEHAVED: {1}").format(self.d_health.text(), entry.misbehaved))
        motd = health.motd if health and health.reachable else entry.motd  # no mint_view: it sums the balances
        self.d_motd.setText(motd or tr("(none)"))
        keysets = self.state.keysets(entry.mint_url)
        rotation = tr(", {0} rotated out").format(keysets.inactive) if keysets.rotated else ""
        self.d_keysets.setText(tr("{0} active{1}").format(keysets.active, rotation))
        self.d_fees.setText(
            ", ".join(tr("{0} ppk per proof ({1})").format(ppk, u) for u, ppk in sorted(keysets.fee_ppk.items()))
            or tr("none")
        )

    # --- actions -------------------------------------------------------------------------------

    async def check_mints(self) -> None:
        await self.state.check_all()
        await self.health.check_all(sorted({e.mint_url for e in self.state.entries}))
        self.model.set_health(self.state.health)
        self._show_details()

    async def add_mint(self) -> None:
        dialog = AddMintDialog(self.ctx.service, self.ctx.tasks, self)
        try:
            if await await_dialog(dialog) != QDialog.DialogCode.Accepted or dialog.probe.view is None:
                return
            url, trusted = dialog.probe.view.url, dialog.probe.trust.isChecked()
        finally:
            dialog.deleteLater()
        await self.ctx.service.add_mint(url, trusted=trusted)
        self.ctx.changed(MINTS, BALANCES)

    async def toggle_trust(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        await self.ctx.write(self.ctx.service.trust_mint, entry.mint_url, not entry.trusted)  # off the Qt thread
        self.ctx.changed(MINTS)

    async def remove_mint(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        held = sum(e.balance + e.pending for e in self.state.entries if e.mint_url == entry.mint_url)
        warning = tr("\n\nIt still holds {0}.").format(format_amount(held, entry.unit)) if held else ""
        if not await confirm(
            self,
            tr("Remove mint"),
            tr("Remove {0} from the wallet?{1}").format(short_url(entry.mint_url), warning),
            yes=tr("Remove"),
        ):
            return
        await self.ctx.service.remove_mint(entry.mint_url)
        self.ctx.changed(MINTS, BALANCES)

    async def clear_mark(self) -> None:
        entry = self.selected_entry()
        if entry is None or not entry.misbehaved:
            return
        if not await confirm(
            self,
            tr("Clear the misbehaved mark"),
            tr(
                "Clear the misbehaved mark of {0}?\n\nRecorded: {1}\n\nClear it only if you judge this a one-off "
                "fault: the mark comes back if the mint breaks the protocol again."
            ).format(entry.mint_name, entry.misbehaved),
            yes=tr("Clear mark"),
        ):
            return
        await self.ctx.write(self.ctx.service.clear_misbehaved, entry.mint_url)  # off the Qt thread
        self.ctx.changed(MINTS, BALANCES)

    async def transfer(self) -> None:
        entry = self.selected_entry()
        dialog = TransferDialog(self.ctx.service, self, source=entry.mint_url if entry else "")
        try:
            if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            amount = dialog.amount.value()
            source, destination = dialog.source.current_url(), dialog.destination.current_url()
        finally:
            dialog.deleteLater()
        if source == destination:
            raise UserFacingError(tr("choose two different mints"))
        result = await self.ctx.service.transfer(amount, source, destination)
        self.ctx.tasks.status.emit(tr("Moved {0} (fee {1})").format(format_amount(result.amount, "sat"), result.fee))
        # One journal entry for the whole move (melt there, mint here): History redraws that row only.
        named = [result.operation_id] if result.operation_id else []
        announce(self.ctx, BALANCES, HISTORY, operations=named, mints=[source, destination])
