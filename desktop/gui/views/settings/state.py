"""Settings as plain Python: password changes (re-encrypting backend secrets first), the seed backup, fiat, the
Nostr relays for paying requests that name none."""

from __future__ import annotations

from dataclasses import dataclass

from core.api.backends import BackendsService
from core.api.payments import fiat_currency, nostr_relays, set_fiat_currency, set_nostr_relays
from core.api.service import WalletService
from core.errors import UserFacingError

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
        """Set (old None), change, or remove (new None) the wallet password."""
        if new is not None and not new:
            raise UserFacingError("an empty password protects nothing: choose Remove password instead")
        current = old if self.has_password else None
        # Raises InvalidPassword before anything changes.
        self.service.mnemonic(current)
        if self.backends is not None:
            self.backends.reencrypt(current, new)
        self.service.set_password(current, new)
        self.password = new

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
