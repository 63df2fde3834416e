"""The "this mint misbehaved" mark: kept in the settings table (no schema change), shown in Balances.

A mark is set when a mint's answer breaks the protocol (``MintMisbehaved``): the user should know that this
mint sent signatures that do not answer our outputs, change beyond the reserve, or no DLEQ proof. The mark
stays until the user clears it (``nutdesk mint clear-mark URL``, or Balances' "Clear the misbehaved mark…", both
through ``WalletService.clear_misbehaved``); the latest reason is kept.
"""

from __future__ import annotations

import time

from core.errors import NutdeskError
from core.ports.storage import WalletStore

__all__ = ["PREFIX", "clear_mark", "mark_misbehaved", "misbehaved_mints", "preimage_matches"]

PREFIX = "mint_misbehaved:"


def mark_misbehaved(store: WalletStore, mint_url: str, reason: str) -> None:
    stamp = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    store.set_setting(PREFIX + mint_url, f"{stamp}: {reason}")


def clear_mark(store: WalletStore, mint_url: str) -> None:
    store.set_setting(PREFIX + mint_url, "")


def misbehaved_mints(store: WalletStore) -> dict[str, str]:
    """``{mint_url: "when: why"}`` of every marked mint."""
    return {k[len(PREFIX) :]: v for k, v in store.settings_with_prefix(PREFIX).items() if v}


def preimage_matches(request: str | None, preimage: str | None) -> bool | None:
    """Does the mint's preimage prove the payment of ``request`` (sha256(preimage) = its payment hash)?

    ``None`` when there is nothing to check (no preimage, or an invoice we cannot decode). A mismatch is not
    a failure — FakeWallet mints send non-standard preimages — but it is recorded and shown.
    """
    # The invoice decoder (bolt11) loads only for a melt: reading the marks (every ``balance``) must not pay for it.
    from core.payments.invoices import decode_invoice
    from core.protocol import htlc

    if not preimage or not request:
        return None
    try:
        payment_hash = decode_invoice(request).payment_hash
    except NutdeskError:
        return None
    return htlc.preimage_matches(preimage, payment_hash)
