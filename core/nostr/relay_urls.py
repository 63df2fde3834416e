"""Relay URLs: checked and deduplicated without loading the websocket client (``core.nostr.relay`` re-exports
them): reading the wallet's relay list must not cost a command that talks to no relay the websockets import."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlparse

from core.errors import UserFacingError
from core.i18n import t

__all__ = ["check_relay_url", "unique_relays"]


def check_relay_url(url: str) -> str:
    """A ``wss://`` (or ``ws://``) relay URL, stripped; ``UserFacingError`` otherwise."""
    url = url.strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("wss", "ws") or not parsed.hostname:
        raise UserFacingError(t("{0!r} is not a relay URL (wss://…)").format(url))
    return url


def unique_relays(relays: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(r.strip().rstrip("/") for r in relays if r.strip()))
