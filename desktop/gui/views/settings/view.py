"""Settings: mints, Lightning backends, fiat currency, password, recovery words, the database and till name, where
the data and logs live."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.api import MIN_PASSWORD_LENGTH
from core.api.backends import BackendsService
from core.api.mint_labels import mint_label, set_mint_label
from core.errors import UserFacingError
from desktop.gui.context import BALANCES, MINTS, AppContext
from desktop.gui.dialogs import ask_password, ask_text, await_dialog, confirm
from desktop.gui.i18n import LANGUAGE_KEY, LANGUAGES, QT_TR_NOOP, tr
from desktop.gui.stale import refresh_when_shown
from desktop.gui.tasks import run_blocking
from desktop.gui.views.pin.widgets import PinSettingsBox
from desktop.gui.views.settings.database import DatabaseBox, storage_box
from desktop.gui.views.settings.dialogs import AddBackendDialog, WordsDialog
from desktop.gui.views.settings.model import BackendRow, BackendsModel, MintsModel
from desktop.gui.views.settings.state import FIAT_CURRENCIES, SettingsState
from desktop.gui.widgets.common import heading, hint, short_url
from desktop.gui.widgets.mint_probe import AddMintDialog
from desktop.gui.widgets.table import row_table

__all__ = ["AddBackendDialog", "SettingsView", "WordsDialog"]


def _table(model: Any, name: str, accessible_name: str) -> QTableView:
    table = row_table(model, name, accessible_name)
    table.setMinimumHeight(90)
    table.setMaximumHeight(110)
    return table


class SettingsView(QWidget):
    title = QT_TR_NOOP("Settings")

    def __init__(self, ctx: AppContext, backends: BackendsService | None, password: str | None) -> None:
        super().__init__()
        self.setObjectName("settingsView")
        self.ctx = ctx
        self.state = SettingsState(ctx.service, backends, password)
        self.mints_model = MintsModel()
        self.backends_model = BackendsModel()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        layout.addWidget(heading(tr("Settings")))
        layout.addWidget(self._mints_box())
        layout.addWidget(self._backends_box())
        layout.addWidget(self._display_box())
        layout.addWidget(self._security_box())
        self.pin_box = PinSettingsBox(ctx)  # the spending PIN (desktop/gui/views/pin)
        layout.addWidget(self.pin_box)
        self.database_box = DatabaseBox(ctx)  # where the wallet lives, this till's name (database.py)
        layout.addWidget(self.database_box)
        layout.addWidget(storage_box(ctx.service.config))
        layout.addStretch(1)
        self.when_shown = refresh_when_shown(self, ctx.bus, lambda _what: self.refresh(), MINTS, BALANCES)
        self.refresh()

    # --- sections ------------------------------------------------------------------------------

    def _mints_box(self) -> QGroupBox:
        box = QGroupBox(tr("Mints"))
        layout = QVBoxLayout(box)
        self.mints_table = _table(self.mints_model, "mintsTable", tr("Mints"))
        layout.addWidget(self.mints_table)
        row = QHBoxLayout()
        add = QPushButton(tr("Add mint…"))
        add.clicked.connect(lambda: self.ctx.run(self.add_mint()))
        self.trust_button = QPushButton(tr("Trust / distrust"))
        self.trust_button.clicked.connect(lambda: self.ctx.run(self.toggle_trust()))
        self.remove_mint_button = QPushButton(tr("Remove"))
        self.remove_mint_button.clicked.connect(lambda: self.ctx.run(self.remove_mint()))
        self.label_mint_button = QPushButton(tr("Label…"))
        self.label_mint_button.setToolTip(tr("Name the mint your way; its host is always shown beside the name"))
        self.label_mint_button.clicked.connect(lambda: self.ctx.run(self.label_mint()))
        row.addWidget(add)
        row.addWidget(self.label_mint_button)
        row.addWidget(self.trust_button)
        row.addWidget(self.remove_mint_button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _backends_box(self) -> QGroupBox:
        box = QGroupBox(tr("Lightning backends"))
        layout = QVBoxLayout(box)
        layout.addWidget(
            hint(tr("Your own Lightning wallets (LNbits, …) for topping up mints and withdrawing from them."))
        )
        self.backends_table = _table(self.backends_model, "backendsTable", tr("Lightning backends"))
        layout.addWidget(self.backends_table)
        row = QHBoxLayout()
        self.add_backend_button = QPushButton(tr("Add backend…"))
        self.add_backend_button.clicked.connect(lambda: self.ctx.run(self.add_backend()))
        self.test_backend_button = QPushButton(tr("Test"))
        self.test_backend_button.clicked.connect(lambda: self.ctx.run(self.test_backend(), label=tr("Testing…")))
        self.remove_backend_button = QPushButton(tr("Remove"))
        self.remove_backend_button.clicked.connect(lambda: self.ctx.run(self.remove_backend()))
        for b in (self.add_backend_button, self.test_backend_button, self.remove_backend_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        if self.state.backends is None:
            box.setEnabled(False)
            box.setToolTip(tr("Lightning backends are not available in this build"))
        return box

    def _reload_display(self) -> None:
        """Show values another process saved (``nutdesk relays --add``), never over what the user is typing."""
        if not self.relays.hasFocus() and not self.relays.isModified():
            self.relays.setText(" ".join(self.state.relays))
        if not self.currency.hasFocus():
            self.currency.setCurrentText(self.state.currency)

    def _display_box(self) -> QGroupBox:
        box = QGroupBox(tr("Display"))
        form = QFormLayout(box)
        self.currency = QComboBox()
        self.currency.setObjectName("fiatCurrency")
        self.currency.setEditable(True)
        self.currency.addItems(FIAT_CURRENCIES)
        self.currency.setCurrentText(self.state.currency)
        self.currency.setMaximumWidth(160)
        self.currency.activated.connect(lambda _i: self.ctx.run(self.set_currency(self.currency.currentText())))
        form.addRow(tr("Fiat currency:"), self.currency)
        form.addRow("", hint(tr("Fiat values are shown only while a fresh exchange rate is known.")))
        row = QHBoxLayout()
        self.relays = QLineEdit(" ".join(self.state.relays))
        self.relays.setObjectName("payerRelays")
        self.relays.setPlaceholderText("wss://relay.example.com …")
        self.relays_button = QPushButton(tr("Save relays"))
        self.relays_button.clicked.connect(lambda: self.ctx.run(self.save_relays()))
        row.addWidget(self.relays)
        row.addWidget(self.relays_button)
        form.addRow(tr("Nostr relays:"), row)
        self.relays_message = hint(
            tr("Payment requests sent over Nostr that name no relay of their own go through these.")
        )
        form.addRow("", self.relays_message)
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem(tr("System language"), "")
        for code, name in LANGUAGES.items():  # each language in its own name, so a user always finds theirs
            self.language.addItem(name, code)
        stored = str(self.ctx.settings.value(LANGUAGE_KEY, "") or "")
        self.language.setCurrentIndex(max(0, self.language.findData(stored)))
        self.language.activated.connect(lambda _i: self.set_language(str(self.language.currentData())))
        form.addRow(tr("Language:"), self.language)
        self.language_message = hint(tr("A new language applies when Nutdesk is next started."))
        form.addRow("", self.language_message)
        return box

    def set_language(self, code: str) -> None:
        """Stored for the next start: the views are built once, in the language installed at start-up."""
        self.ctx.settings.setValue(LANGUAGE_KEY, code)
        self.language_message.setText(tr("Saved: restart Nutdesk to use the new language."))

    def _security_box(self) -> QGroupBox:
        box = QGroupBox(tr("Security"))
        layout = QVBoxLayout(box)
        self.password_status = QLabel()
        self.password_status.setObjectName("passwordStatus")
        layout.addWidget(self.password_status)
        row = QHBoxLayout()
        self.set_password_button = QPushButton(tr("Set password…"))
        self.set_password_button.clicked.connect(lambda: self.ctx.run(self.set_password()))
        self.remove_password_button = QPushButton(tr("Remove password…"))
        self.remove_password_button.clicked.connect(lambda: self.ctx.run(self.remove_password()))
        self.words_button = QPushButton(tr("Show recovery words…"))
        self.words_button.clicked.connect(lambda: self.ctx.run(self.show_words()))
        self.remember_button = QPushButton(tr("Remember in keyring"))
        self.remember_button.setObjectName("rememberPassword")
        self.remember_button.setToolTip(
            tr("Keep the password in the system keyring, so the wallet opens without a prompt")
        )
        self.remember_button.clicked.connect(lambda: self.ctx.run(self.toggle_remembered()))
        row.addWidget(self.set_password_button)
        row.addWidget(self.remove_password_button)
        row.addWidget(self.remember_button)
        row.addWidget(self.words_button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    # --- data ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        mints = self.ctx.service.list_mints()
        self.mints_model.labels = {m.url: mint_label(self.ctx.service, m.url) for m in mints}
        self.mints_model.set_rows(mints)
        self._reload_display()
        if self.state.backends is not None:
            old = {
                self.backends_model.backend(i).name: self.backends_model.backend(i).status
                for i in range(self.backends_model.rowCount())
            }
            rows = [BackendRow(c.name, c.type, old.get(c.name, "")) for c in self.state.backends.list()]
            self.backends_model.set_rows(rows)
        has = self.state.has_password
        self.password_status.setText(
            tr(
                "Encrypted with a password, asked at start: the recovery words and every secret of the ecash "
                "(proofs, tokens, quote keys, the journal) — a copy of the data directory cannot be spent."
            )
            if has
            else tr(
                "No password: anyone using this computer account, or a copy of the data directory, "
                "can spend the wallet. A password needs at least {0} characters."
            ).format(MIN_PASSWORD_LENGTH)
        )
        self.set_password_button.setText(tr("Change password…") if has else tr("Set password…"))
        self.remove_password_button.setEnabled(has)
        self.remember_button.setVisible(has and self.state.keyring_available)
        self.remember_button.setText(
            tr("Forget from keyring") if has and self.state.remembered else tr("Remember in keyring")
        )

    def _selected(self, table: QTableView) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    # --- mints ---------------------------------------------------------------------------------

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
        row = self._selected(self.mints_table)
        if row is None:
            return
        mint = self.mints_model.mint(row)
        await self.ctx.write(self.ctx.service.trust_mint, mint.url, not mint.trusted)
        self.ctx.changed(MINTS)

    async def label_mint(self) -> None:
        row = self._selected(self.mints_table)
        if row is None:
            return
        mint = self.mints_model.mint(row)
        current = mint_label(self.ctx.service, mint.url)
        text = await ask_text(
            self, tr("Mint label"), tr("Label for {0} (empty: its own name):").format(short_url(mint.url)), current
        )
        if text is not None:
            await self.ctx.write(set_mint_label, self.ctx.service, mint.url, text)
            self.ctx.changed(MINTS, BALANCES)

    async def remove_mint(self) -> None:
        row = self._selected(self.mints_table)
        if row is None:
            return
        mint = self.mints_model.mint(row)
        if await confirm(
            self, tr("Remove mint"), tr("Remove {0} from the wallet?").format(short_url(mint.url)), yes=tr("Remove")
        ):
            await self.ctx.service.remove_mint(mint.url)
            self.ctx.changed(MINTS, BALANCES)

    # --- backends ------------------------------------------------------------------------------

    async def add_backend(self) -> None:
        backends = self.state.backends
        if backends is None:
            return
        dialog = AddBackendDialog(backends.types(), self)
        try:
            if await await_dialog(dialog) != QDialog.DialogCode.Accepted:
                return
            name, type_name, options = dialog.values()
        finally:
            dialog.deleteLater()
        await self.ctx.write(backends.add, name, type_name, options)
        self.refresh()

    async def test_backend(self) -> None:
        row = self._selected(self.backends_table)
        if self.state.backends is None or self.backends_model.rowCount() == 0:
            raise UserFacingError(tr("No Lightning backend yet: add one with “Add backend…”, then test it."))
        if row is None:
            raise UserFacingError(tr("Select a backend in the list, then press Test."))
        name = self.backends_model.backend(row).name
        try:
            status = await self.state.backends.test(name)
        except Exception:
            self.backends_model.set_status(name, "failed")
            raise
        self.backends_model.set_status(name, f"online · balance {status.balance_sat:,} sat")

    async def remove_backend(self) -> None:
        row = self._selected(self.backends_table)
        if row is None or self.state.backends is None:
            return
        name = self.backends_model.backend(row).name
        if await confirm(self, tr("Remove backend"), tr("Remove the backend {0!r}?").format(name), yes=tr("Remove")):
            await self.state.backends.remove(name)
            self.refresh()

    # --- display and security ------------------------------------------------------------------

    async def set_currency(self, code: str) -> None:
        await self.ctx.write(self.state.set_currency, code)
        if self.ctx.rates is not None:
            self.ctx.rates.currency = self.state.currency
            self.ctx.run(self.ctx.rates.refresh())
        self.ctx.changed(BALANCES)

    async def save_relays(self) -> None:
        try:
            saved = await self.ctx.write(self.state.set_relays, self.relays.text())
        except UserFacingError as exc:
            self.relays_message.setText(str(exc))
            return
        self.relays.setText(" ".join(saved))
        self.relays_message.setText(tr("Saved {0} relay(s).").format(len(saved)) if saved else tr("Saved: no relays."))

    async def set_password(self) -> None:
        old = None
        if self.state.has_password:
            old = await ask_password(self, tr("Change password"), tr("Enter the current password."))
            if old is None:
                return
        new = await ask_password(
            self,
            tr("New password"),
            tr("Choose the new password: at least {0} characters, asked at every start.").format(MIN_PASSWORD_LENGTH),
            repeat=True,
        )
        if new is None:
            return
        self.ctx.tasks.status.emit(tr("Encrypting the wallet…"))
        await run_blocking(self.state.change_password, old, new)
        self.refresh()
        self.ctx.tasks.status.emit(tr("Password changed"))

    async def remove_password(self) -> None:
        old = await ask_password(self, tr("Remove password"), tr("Enter the current password to remove it."))
        if old is None:
            return
        await run_blocking(self.state.change_password, old, None)
        self.refresh()

    async def toggle_remembered(self) -> None:
        await run_blocking(self.state.set_remembered, not self.state.remembered)
        self.refresh()

    async def show_words(self) -> None:
        password = None
        if self.state.has_password:
            password = await ask_password(
                self, tr("Recovery words"), tr("Enter the wallet password to show the words.")
            )
            if password is None:
                return
        dialog = WordsDialog(self.state.recovery_words(password), self)
        try:
            await await_dialog(dialog)
        finally:
            dialog.deleteLater()
