"""NUT-17 websocket subscriptions (``/v1/ws``, JSON-RPC 2.0), with a polling fallback.

Wire protocol (see the recorded exchange in shared/reference/mint-http-samples):
  client → ``{"jsonrpc": "2.0", "id": n, "method": "subscribe", "params": {"kind", "filters", "subId"}}``
  mint   → ``{"jsonrpc": "2.0", "result": {"status": "OK", "subId"}, "id": n}`` (or ``"error"``)
  mint   → ``{"jsonrpc": "2.0", "method": "subscribe", "params": {"subId", "payload"}}`` — the current state
            first, then every change
  client → ``unsubscribe {"subId"}`` when done.

``subscribe`` yields raw payloads; ``watch`` turns them into typed values and falls back to polling when the
mint does not offer the kind or the websocket fails, so callers never have to care which one ran.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import uuid
from collections.abc import AsyncGenerator, Awaitable, Callable, Sequence
from typing import Any, TypeVar

import websockets
from websockets.asyncio.client import ClientConnection, connect

from core.errors import MalformedInput, ProtocolError
from core.i18n import t
from core.protocol.jsonread import MINT_CAP, read_json

__all__ = ["SubscriptionError", "subscribe", "watch", "ws_url_for"]

log = logging.getLogger(__name__)

T = TypeVar("T")

_ids = itertools.count()


class SubscriptionError(Exception):
    """The websocket could not be used (connect, handshake, refusal, or closed early).

    Internal to mint_client: ``watch`` catches it and polls instead, so it never reaches wallet code.
    """


def ws_url_for(base_url: str) -> str:
    """``http://host/path`` → ``ws://host/path/v1/ws`` (``https`` → ``wss``)."""
    if base_url.startswith("https://"):
        return "wss://" + base_url.removeprefix("https://") + "/v1/ws"
    if base_url.startswith("http://"):
        return "ws://" + base_url.removeprefix("http://") + "/v1/ws"
    raise SubscriptionError(t("no websocket scheme for {0}").format(base_url))


async def _send(ws: ClientConnection, method: str, params: dict[str, Any]) -> int:
    request_id = next(_ids)
    await ws.send(json.dumps({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params}))
    return request_id


async def subscribe(
    ws_url: str,
    kind: str,
    filters: Sequence[str],
    *,
    open_timeout: float = 10.0,
    use_proxy: bool = False,
) -> AsyncGenerator[dict[str, Any], None]:
    """Yield every notification payload of one subscription until the caller stops iterating.

    Raises ``SubscriptionError`` if the websocket cannot be opened, the mint refuses the subscription, or the
    connection drops. Close the generator (``contextlib.aclosing``) so the unsubscribe goes out promptly.
    """
    sub_id = str(uuid.uuid4())
    try:
        # proxy=None unless asked: like httpx's trust_env=False, environment proxies are not used silently.
        async with connect(ws_url, open_timeout=open_timeout, proxy=True if use_proxy else None) as ws:
            request_id = await _send(ws, "subscribe", {"kind": kind, "filters": list(filters), "subId": sub_id})
            try:
                async for raw in ws:
                    try:
                        message = read_json(raw, cap=MINT_CAP)
                    except MalformedInput as exc:
                        raise SubscriptionError(
                            t("the mint sent an unreadable {0} notification: {1}").format(kind, exc)
                        ) from exc
                    if not isinstance(message, dict):
                        continue
                    if message.get("id") == request_id and "error" in message:
                        raise SubscriptionError(
                            t("mint refused the {0} subscription: {1}").format(kind, message["error"])
                        )
                    params = message.get("params")
                    # The mint may send the current state before or after the subscribe result: take both orders.
                    if (
                        message.get("method") == "subscribe"
                        and isinstance(params, dict)
                        and params.get("subId") == sub_id
                        and isinstance(params.get("payload"), dict)
                    ):
                        yield params["payload"]
            finally:
                # Best effort: the connection closes right after, which ends the subscription anyway.
                with contextlib.suppress(websockets.ConnectionClosed, OSError):
                    await asyncio.wait_for(_send(ws, "unsubscribe", {"subId": sub_id}), 1.0)
        raise SubscriptionError(t("the mint closed the websocket"))
    except (OSError, TimeoutError, ValueError, websockets.WebSocketException) as exc:
        # OSError: refused/reset; InvalidHandshake/InvalidStatus: no /v1/ws; ConnectionClosed: dropped;
        # ValueError: a frame that is not JSON.
        raise SubscriptionError(t("{0} websocket failed: {1!r}").format(kind, exc)) from exc


async def watch(
    *,
    ws_url: str | None,
    kind: str,
    filters: Sequence[str],
    parse: Callable[[dict[str, Any]], T],
    key: Callable[[T], str],
    poll: Callable[[], Awaitable[Sequence[T]]],
    poll_interval: float = 1.0,
    transient: tuple[type[Exception], ...] = (),
    use_proxy: bool = False,
) -> AsyncGenerator[T, None]:
    """Yield each *change* of the watched objects: current states first, then updates.

    ``ws_url`` None means the mint does not offer this kind: poll from the start. A websocket that fails at any
    point hands over to polling for the rest of the watch. Values are de-duplicated by ``key`` so a switch
    from websocket to polling does not repeat a state. A poll failing with one of ``transient`` is logged and
    retried at the next interval (a network blip must not end a long wait for a payment).
    """
    last: dict[str, T] = {}

    def changed(item: T) -> bool:
        k = key(item)
        if last.get(k) == item:
            return False
        last[k] = item
        return True

    if ws_url is not None:
        stream = subscribe(ws_url, kind, filters, use_proxy=use_proxy)
        try:
            async for payload in stream:
                item = parse(payload)
                if changed(item):
                    yield item
        except (SubscriptionError, ProtocolError) as exc:
            # A notification that does not parse ("change": [0]) ends the websocket, not the watch: polling
            # reads the same state through the strict HTTP path.
            log.info("falling back to polling: %s", exc)
        finally:
            await stream.aclose()
    while True:
        try:
            items = await poll()
        except transient as exc:
            log.info("poll failed, trying again: %s", exc)
            items = ()
        for item in items:
            if changed(item):
                yield item
        await asyncio.sleep(poll_interval)
