"""The wallet's Nostr relays (setting ``nostr:relays``), readable without the payment stack: every CLI command's
mint-list backup check reads them (``core.api.payments`` re-exports them)."""

from __future__ import annotations

import json
from collections.abc import Sequence

from core.api.service import WalletService
from core.nostr.relay_urls import check_relay_url, unique_relays

__all__ = ["NOSTR_RELAYS_SETTING", "nostr_relays", "set_nostr_relays"]

NOSTR_RELAYS_SETTING = "nostr:relays"  # JSON list: where Nostr payment requests without relay hints are sent


def nostr_relays(wallet: WalletService) -> list[str]:
    """The wallet's configured Nostr relays (setting ``nostr:relays``)."""
    raw = wallet.store.get_setting(NOSTR_RELAYS_SETTING)
    return unique_relays(json.loads(raw)) if raw else []


def set_nostr_relays(wallet: WalletService, relays: Sequence[str]) -> list[str]:
    """Replace the wallet's Nostr relays (each ``wss://…``); returns them."""
    checked = unique_relays(check_relay_url(r) for r in relays)
    wallet.store.set_setting(NOSTR_RELAYS_SETTING, json.dumps(checked))
    return checked
