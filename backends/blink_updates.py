"""Blink and Flash: the invoices paid to the backend, as they are paid — a ``graphql-transport-ws`` subscription
(Blink), or polling the status of each invoice the backend made (Flash has no websocket for API keys)."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import websockets
from websockets.asyncio.client import connect as ws_connect

from backends._http import decode_bolt11, json_object
from core.errors import BackendError
from core.i18n import t
from core.ports.lightning import PaidInvoice, PaymentState

if TYPE_CHECKING:
    from backends.blink import BlinkBackend

__all__ = ["poll_paid", "subscribe_paid"]

log = logging.getLogger("backends.blink")  # the backend's own logger, as before the split


async def subscribe_paid(backend: BlinkBackend) -> AsyncIterator[PaidInvoice]:
    """Blink's ``myUpdates`` subscription: each invoice of the backend's wallet once, when PAID; reconnects after
    a dropped websocket (an invoice paid meanwhile is the caller's to find by status)."""
    query = (
        "subscription { myUpdates { update { ... on LnUpdate { status walletId transaction { "
        "settlementAmount initiationVia { ... on InitiationViaLn { paymentHash } } } } } } }"
    )
    seen: set[str] = set()
    wallet_id = await backend.wallet_id()
    while True:
        try:
            async with ws_connect(
                backend.ws_url, subprotocols=[websockets.Subprotocol("graphql-transport-ws")], proxy=None
            ) as conn:
                await conn.send(json.dumps({"type": "connection_init", "payload": {"X-API-KEY": backend._api_key}}))
                ack = json_object(await conn.recv())
                if ack.get("type") != "connection_ack":
                    raise BackendError(t("{0} refused the subscription: {1}").format(backend.name, ack))
                await conn.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
                async for raw in conn:
                    message = json_object(raw)
                    if message.get("type") == "ping":
                        await conn.send(json.dumps({"type": "pong"}))
                        continue
                    if message.get("type") != "next":
                        continue
                    update = (((message.get("payload") or {}).get("data") or {}).get("myUpdates") or {}).get(
                        "update"
                    ) or {}
                    tx = update.get("transaction") or {}
                    payment_hash = (tx.get("initiationVia") or {}).get("paymentHash")
                    if (
                        update.get("status") == "PAID"
                        and update.get("walletId", wallet_id) == wallet_id
                        and payment_hash
                        and payment_hash not in seen
                    ):
                        seen.add(payment_hash)
                        amount = int(tx.get("settlementAmount") or 0)
                        yield PaidInvoice(payment_hash, amount * 1000 if backend.currency == "BTC" else 0)
        except (OSError, websockets.WebSocketException, TimeoutError, ValueError) as exc:
            log.info("%s websocket dropped (%s); reconnecting", backend.name, exc)
        await asyncio.sleep(backend.poll_interval)


async def poll_paid(backend: BlinkBackend) -> AsyncIterator[PaidInvoice]:
    """Ask for the status of every invoice ``backend`` made, until each is paid or expired."""
    """No websocket: ask for the status of every invoice this backend made, until each is paid or expired."""
    done: set[str] = set()
    while True:
        for payment_hash in list(backend._requests):
            if payment_hash in done or payment_hash in backend._sent:
                continue
            try:
                result = await backend.invoice_status(payment_hash)
            except BackendError as exc:
                log.info("%s status poll failed: %s", backend.name, exc)
                break
            if result.state is PaymentState.SETTLED:
                done.add(payment_hash)
                _, amount_msat, _ = decode_bolt11(backend._requests[payment_hash])
                yield PaidInvoice(payment_hash, amount_msat or 0)
            elif result.state is PaymentState.FAILED:
                done.add(payment_hash)
        await asyncio.sleep(backend.poll_interval)
