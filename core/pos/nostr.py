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
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import time
from collections.abc import Awaitable, Callable, Sequence

from core.nostr.crypto import NostrError, NostrKeys, nprofile_encode
from core.nostr.nip17 import GIFT_WRAP, MAX_BACKDATE, Rumor, unwrap
from core.nostr.relay import Subscription, unique_relays
from core.ports.storage import WalletStore
from core.protocol.payment_requests import Transport
from core.wallet.seed import decrypt_secret, encrypt_secret

__all__ = ["NOSTR_KEY_SETTING", "NostrInbox", "load_shop_key", "save_shop_key", "shop_transport"]

log = logging.getLogger(__name__)

NOSTR_KEY_SETTING = "pos:nostr_key"
_KEY_DOMAIN = b"nutdesk/pos-nostr-key"


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
        self.handled = 0  # messages unwrapped and handed over (for tests and the status line)

    @property
    def synced(self) -> asyncio.Event:
        """Set once a relay has sent what it stored (the inbox is listening)."""
        return self.subscription.synced

    def transport(self) -> Transport:
        return shop_transport(self.keys, self.relays)

    def start(self) -> None:
        if self._task is None:
            self.subscription.start()
            self._task = asyncio.create_task(self._run(), name="pos nostr inbox")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        await self.subscription.close()

    async def _run(self) -> None:
        async for event in self.subscription:
            try:
                rumor = unwrap(self.keys, event)
            except NostrError as exc:
                log.info("ignoring a gift wrap that does not open: %s", exc)
                continue
            self.handled += 1
            try:
                await self._handle(rumor)
            except Exception:  # the inbox must outlive one bad message
                log.exception("handling a Nostr payment failed")
