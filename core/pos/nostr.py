"""The shop's NUT-18 ``nostr`` transport: its Nostr identity and the inbox that hears customers' payments.

- The shop's key is random, made on first use and kept in the wallet's settings (``pos:nostr_key``) encrypted
  like other secrets (``encrypt_secret``), under a key derived from the wallet seed — so it is exactly as
  protected as the seed (which the wallet password encrypts) and survives a password change untouched.
  A merchant can import an existing key (``nsec``) instead.
- The request's transport is ``{"t": "nostr", "a": <nprofile with the shop's relays>, "g": [["n", "17"]]}``:
  customers' wallets send the payload as a NIP-17 private message (gift-wrapped kind-14 rumor).
- ``NostrInbox`` subscribes to gift wraps tagged with the shop's key on every relay (from two days back: a
  wrap's ``created_at`` is randomized up to two days into the past), unwraps each once and hands the rumor to
  the till, which checks it like any posted payload.
- The inbox hears strangers: each event is handled inside its own error boundary (a poisoned one is logged
  once and skipped), and the inbox restarts itself if it ever stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from core.nostr.crypto import NostrKeys, nprofile_encode
from core.nostr.nip17 import GIFT_WRAP, MAX_BACKDATE, Rumor, unwrap
from core.nostr.relay import Subscription, unique_relays
from core.ports.storage import WalletStore
from core.protocol.payment_requests import Transport
from core.wallet.seed import decrypt_secret, encrypt_secret

__all__ = ["NOSTR_KEY_SETTING", "NostrInbox", "load_shop_key", "save_shop_key", "shop_transport"]

log = logging.getLogger(__name__)

NOSTR_KEY_SETTING = "pos:nostr_key"
_KEY_DOMAIN = b"nutdesk/pos-nostr-key"
_MAX_POISONED = 10_000


def _seed_password(seed: bytes) -> str:
    return hmac.new(seed, _KEY_DOMAIN, hashlib.sha256).hexdigest()


def load_shop_key(store: WalletStore, seed: bytes) -> NostrKeys:
    """The shop's Nostr key; a new random one is made and stored (encrypted) the first time."""
    stored = store.get_setting(NOSTR_KEY_SETTING)
    if stored is None:
        keys = NostrKeys.generate()
        save_shop_key(store, seed, keys)
        return keys
    return NostrKeys.from_hex(decrypt_secret(stored, _seed_password(seed)))


def save_shop_key(store: WalletStore, seed: bytes, keys: NostrKeys) -> None:
    store.set_setting(NOSTR_KEY_SETTING, encrypt_secret(keys.secret.hex(), _seed_password(seed)))


def shop_transport(keys: NostrKeys, relays: Sequence[str]) -> Transport:
    """The NUT-18 transport naming the shop's key and relays, for NIP-17 messages."""
    return Transport("nostr", nprofile_encode(keys.public_hex, unique_relays(relays)), (("n", "17"),))


class NostrInbox:
    """Gift-wrapped messages to ``keys`` on ``relays``, unwrapped and passed to ``handle`` one at a time."""

    def __init__(
        self,
        keys: NostrKeys,
        relays: Sequence[str],
        handle: Callable[[Rumor], Awaitable[None]],
        *,
        retry: float = 2.0,
    ) -> None:
        self.keys = keys
        self.relays = tuple(unique_relays(relays))
        self._handle = handle
        since = int(time.time()) - MAX_BACKDATE - 600
        wanted = {"kinds": [GIFT_WRAP], "#p": [keys.public_hex], "since": since}
        self.subscription = Subscription(self.relays, [wanted], retry=retry)
        self._task: asyncio.Task[None] | None = None
        self._retry = retry
        self._poisoned: set[str] = set()
        self.handled = 0  # messages unwrapped and handed over (for tests and the status line)
        self.skipped = 0  # poisoned or foreign events, each logged once
        self.restarts = 0

    @property
    def synced(self) -> asyncio.Event:
        """Set once a relay has sent what it stored (the inbox is listening)."""
        return self.subscription.synced

    def transport(self) -> Transport:
        return shop_transport(self.keys, self.relays)

    def start(self) -> None:
        if self._task is None:
            self.subscription.start()
            self._task = asyncio.create_task(self._supervise(), name="pos nostr inbox")

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def ensure_running(self) -> None:
        """Start the inbox again if it ever stopped (it restarts itself; this is the belt to those braces)."""
        if self._task is not None and self._task.done():
            log.warning("the Nostr inbox had stopped; starting it again")
            self._task = None
        self.start()

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.subscription.close()

    async def _supervise(self) -> None:
        """Run the inbox; if it ever ends by an error, log it and start over (only ``close`` stops it)."""
        while True:
            try:
                await self._run()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("the Nostr inbox stopped; restarting it")
            self.restarts += 1
            await asyncio.sleep(self._retry)

    async def _run(self) -> None:
        async for event in self.subscription:
            await self._one(event)

    async def _one(self, event: dict[str, Any]) -> None:
        """One event inside its own error boundary: a poisoned event is logged once and skipped."""
        event_id = str(event.get("id", ""))[:64]
        if event_id in self._poisoned:
            return
        try:
            rumor = unwrap(self.keys, event)
        except Exception as exc:  # NostrError, or anything a crafted event trips (kept from the next event)
            self._poison(event_id, f"ignoring a gift wrap that does not open: {exc}")
            return
        self.handled += 1
        try:
            await self._handle(rumor)
        except asyncio.CancelledError:
            raise
        except Exception:  # the inbox must outlive one bad message
            log.exception("handling a Nostr payment failed")

    def _poison(self, event_id: str, message: str) -> None:
        if len(self._poisoned) >= _MAX_POISONED:
            self._poisoned.clear()  # bounded memory; a replayed old event is at worst logged again
        self._poisoned.add(event_id)
        self.skipped += 1
        log.info("%s (event %s)", message[:300], event_id)
