"""A small Nostr relay client (NIP-01 over websockets) for several relays at once.

- ``publish(event, relays)``: ``["EVENT", event]`` to every relay concurrently; each answers
  ``["OK", id, accepted, message]``. A relay that cannot be reached, refuses or stays silent is reported, never
  raised: the caller decides what "delivered" means (here: at least one relay accepted).
- ``Subscription(relays, filters)``: ``["REQ", sub, filters…]`` on every relay, reconnecting with backoff when a
  connection drops; events come out verified (NIP-01 id and signature) and once each, whichever relays carry
  them. ``synced`` is set when a relay has sent its stored events (``EOSE``). ``close()`` sends ``CLOSE``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

import websockets
from websockets.asyncio.client import ClientConnection
from websockets.asyncio.client import connect as ws_connect

from core.errors import MalformedInput
from core.nostr.crypto import verify_event
from core.nostr.relay_urls import check_relay_url, unique_relays
from core.protocol.jsonread import read_json

__all__ = ["PublishResult", "Subscription", "check_relay_url", "publish", "unique_relays"]

log = logging.getLogger(__name__)

_MAX_MESSAGE = 2**21  # as the websocket's own frame limit
_NETWORK_ERRORS = (OSError, websockets.WebSocketException, TimeoutError)


@dataclass(frozen=True)
class PublishResult:
    relay: str
    accepted: bool
    message: str = ""


async def _connect(url: str, timeout: float) -> ClientConnection:
    return await ws_connect(url, proxy=None, open_timeout=timeout, close_timeout=2, max_size=2**21)


async def _publish_one(relay: str, event: dict[str, Any], timeout: float) -> PublishResult:
    try:
        async with asyncio.timeout(timeout):
            conn = await _connect(relay, timeout)
            try:
                await conn.send(json.dumps(["EVENT", event], ensure_ascii=False))
                async for raw in conn:
                    try:
                        message = read_json(raw, cap=_MAX_MESSAGE)
                    except MalformedInput:
                        continue
                    if isinstance(message, list) and len(message) >= 3 and message[:2] == ["OK", event["id"]]:
                        return PublishResult(relay, message[2] is True, str(message[3]) if len(message) > 3 else "")
            finally:
                await conn.close()
        return PublishResult(relay, False, "the relay closed the connection without an answer")
    except TimeoutError:
        return PublishResult(relay, False, f"no answer within {timeout:g} s")
    except (*_NETWORK_ERRORS, ValueError) as exc:
        return PublishResult(relay, False, f"{type(exc).__name__}: {exc}")


async def publish(event: dict[str, Any], relays: Sequence[str], *, timeout: float = 10.0) -> list[PublishResult]:
    """Publish ``event`` to every relay concurrently; one result per relay, in order."""
    urls = unique_relays(relays)
    return list(await asyncio.gather(*(_publish_one(url, event, timeout) for url in urls)))


class Subscription:
    """``async with Subscription(relays, [filter]) as sub: async for event in sub: …``"""

    def __init__(
        self,
        relays: Sequence[str],
        filters: Sequence[dict[str, Any]],
        *,
        timeout: float = 10.0,
        retry: float = 2.0,
        max_retry: float = 60.0,
    ) -> None:
        self.relays = unique_relays(relays)
        self.filters = [dict(f) for f in filters]
        self.timeout = timeout
        self.retry = retry
        self.max_retry = max_retry
        self.synced = asyncio.Event()
        self.connected: set[str] = set()
        self._queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._seen: set[str] = set()
        self._tasks: list[asyncio.Task[None]] = []
        self._id = secrets.token_hex(8)

    def start(self) -> None:
        if not self._tasks:
            self._tasks = [asyncio.create_task(self._run(url), name=f"nostr-sub {url}") for url in self.relays]

    async def close(self) -> None:
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def __aenter__(self) -> Subscription:
        self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def get(self) -> dict[str, Any]:
        return await self._queue.get()

    async def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        while True:
            yield await self._queue.get()

    async def _run(self, url: str) -> None:
        delay = self.retry
        while True:
            try:
                conn = await _connect(url, self.timeout)
            except _NETWORK_ERRORS as exc:
                log.info("relay %s unreachable (%s); retrying in %g s", url, exc, delay)
            else:
                try:
                    self.connected.add(url)
                    delay = self.retry
                    await self._listen(url, conn)
                except (*_NETWORK_ERRORS, ValueError) as exc:
                    log.info("relay %s dropped the subscription (%s); reconnecting", url, exc)
                except Exception:  # a relay is a stranger: nothing it sends may end the subscription
                    log.exception("relay %s: unexpected error; reconnecting", url)
                finally:
                    self.connected.discard(url)
                    with contextlib.suppress(*_NETWORK_ERRORS):
                        await conn.send(json.dumps(["CLOSE", self._id]))
                    await conn.close()
            await asyncio.sleep(delay)
            delay = min(delay * 2, self.max_retry)

    async def _listen(self, url: str, conn: ClientConnection) -> None:
        await conn.send(json.dumps(["REQ", self._id, *self.filters]))
        async for raw in conn:
            try:
                message = read_json(raw, cap=_MAX_MESSAGE)
            except MalformedInput as exc:
                log.debug("relay %s sent an unreadable message: %s", url, exc)
                continue
            if not isinstance(message, list) or len(message) < 2 or message[1] != self._id:
                continue
            if message[0] == "EVENT" and len(message) >= 3 and isinstance(message[2], dict):
                event = message[2]
                eid = event.get("id")
                if isinstance(eid, str) and eid not in self._seen and verify_event(event):
                    self._seen.add(eid)
                    self._queue.put_nowait(event)
            elif message[0] == "EOSE":
                self.synced.set()
            elif message[0] == "CLOSED":
                log.info("relay %s closed the subscription: %s", url, message[2:] or "")
                return
