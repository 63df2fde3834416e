"""Settings as plain Python: password changes (re-encrypting backend secrets first), the seed backup, fiat, the
Nostr relays for paying requests that name none."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.api import check_new_password
from core.api.backends import BackendsService
from core.api.payments import fiat_currency, nostr_relays, set_fiat_currency, set_nostr_relays
from core.api.service import WalletService
from core.errors import UserFacingError
from desktop import keyring_unlock
from desktop.gui.i18n import tr

__all__ = ["FIAT_CURRENCIES", "SettingsState"]

FIAT_CURRENCIES = ["USD", "EUR", "GBP", "CHF", "CAD", "AUD", "JPY", "BRL", "ARS", "MXN", "NGN", "INR", "ZAR"]


@dataclass
class SettingsState:
    service: WalletService
    backends: BackendsService | None = None
    password: str | None = None  # the password the wallet was unlocked with (None: no password)

    @property
    def has_password(self) -> bool:
        return self.service.password_protected

    def change_password(self, old: str | None, new: str | None) -> None:
        """Set (old None), change, or remove (new None) the wallet password. Slow (scrypt, and sealing or opening
        every secret row): call it off the Qt thread."""
        if new is not None and not new:
            raise UserFacingError(tr("an empty password protects nothing: choose Remove password instead"))
        if new is not None:
            check_new_password(new)  # before anything is re-encrypted
        current = old if self.has_password else None
        # Raises InvalidPassword before anything changes.
        self.service.mnemonic(current)
        if self.backends is not None:
            self.backends.reencrypt(current, new)
        self.service.set_password(current, new)
        self.password = new
        # A remembered password must follow the change (or go with the password).
        if self.remembered:
            if new is None:
                keyring_unlock.forget(self.data_dir)
            else:
                keyring_unlock.remember(self.data_dir, new)

    @property
    def data_dir(self) -> Path:
        return Path(self.service.config.data_dir)

    @property
    def keyring_available(self) -> bool:
        return keyring_unlock.available()

    @property
    def remembered(self) -> bool:
        return keyring_unlock.recall(self.data_dir) is not None

    def set_remembered(self, remember: bool) -> None:
        """Keep the password in the OS keyring (no prompt at start), or take it out."""
        if not remember:
            keyring_unlock.forget(self.data_dir)
            return
        if not self.has_password or self.password is None:
            raise UserFacingError(tr("there is no password to remember"))
        if not keyring_unlock.remember(self.data_dir, self.password):
            raise UserFacingError(tr("the system keyring is not available"))

    def recovery_words(self, password: str | None) -> list[str]:
        return self.service.mnemonic(password if self.has_password else None).split()

    @property
    def currency(self) -> str:
        return fiat_currency(self.service)

    def set_currency(self, code: str) -> None:
        set_fiat_currency(self.service, code)

    @property
    def relays(self) -> list[str]:
        return nostr_relays(self.service)

    def set_relays(self, text: str) -> list[str]:
        """Relays typed as one line (spaces or commas between them); each must be ws:// or wss://."""
        return set_nostr_relays(self.service, text.replace(",", " ").split())
