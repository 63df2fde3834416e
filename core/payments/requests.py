"""NUT-18 payment requests beyond the codec: delivering a payload over the ``post`` transport or the ``nostr``
transport (a NIP-17 private message, gift-wrapped to the receiver's key, published to its relays), making new
requests, and a small local HTTP listener that receives payloads (the merchant console's building block).

The listener is plain asyncio (no web framework): it accepts ``POST <path>`` with a JSON
``PaymentRequestPayload``, hands it to a ``redeem`` coroutine supplied by the caller (the API layer, which
swaps the proofs into the wallet), and answers 200 only after the ecash is safely ours — so the payer knows.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any

import httpx

from core.errors import MalformedInput, NutdeskError, PaymentRequestError, UnsupportedInput, UserFacingError
from core.httpread import fetch
from core.i18n import t
from core.nostr.crypto import NostrKeys
from core.nostr.nip17 import gift_wrap
from core.nostr.relay import PublishResult, check_relay_url, publish, unique_relays
from core.payments.errors import DeliveryFailed
from core.payments.urls import check_url
from core.protocol.jsonread import read_json, read_object
from core.protocol.payment_requests import PaymentRequest, PaymentRequestPayload, Transport, parse_nostr_target

__all__ = [
    "PaymentRequestListener",
    "ReceivedPayment",
    "choose_transport",
    "deliver_nostr",
    "deliver_post",
    "new_request",
    "nostr_destination",
]

log = logging.getLogger(__name__)

_MAX_BODY = 1024 * 1024
_HEADER_LIMIT = 100
# A listener open to a LAN must not be held by idle or slow clients: a cap on connections at once and one
# deadline for reading a whole request (line, headers and body), answered 408 when it passes.
MAX_CONNECTIONS = 32
REQUEST_DEADLINE = 30.0
_DELIVERY_DEADLINE = 120.0


def new_request(
    amount: int | None,
    unit: str = "sat",
    *,
    mints: list[str] | None = None,
    description: str | None = None,
    transports: tuple[Transport, ...] = (),
    single_use: bool = True,
    request_id: str | None = None,
) -> PaymentRequest:
    if amount is not None and amount <= 0:
        raise PaymentRequestError(t("the requested amount must be positive"))
    return PaymentRequest(
        id=request_id or secrets.token_hex(8),
        amount=amount,
        unit=unit,
        single_use=single_use,
        mints=tuple(mints or ()),
        description=description,
        transports=transports,
    )


def choose_transport(request: PaymentRequest) -> Transport | None:
    """The transport we will use: the first ``post`` (the receiver confirms it redeemed the ecash), else the
    first ``nostr`` one that speaks NIP-17; None for in-band (no transports at all)."""
    if not request.transports:
        return None
    for transport in request.transports:
        if transport.type == "post":
            check_url(transport.target, "the payment request's post transport")
            return transport
    nostr = [t for t in request.transports if t.type == "nostr"]
    for transport in nostr:
        nips = [value for tag in transport.tags if tag and tag[0] == "n" for value in tag[1:]]
        if not nips or "17" in nips:
            parse_nostr_target(transport.target)  # a malformed npub/nprofile is refused before anything is spent
            return transport
    if nostr:
        raise UnsupportedInput(
            t(
                "this payment request is delivered over Nostr with a scheme other than NIP-17 "
                "private messages, which Nutdesk does not speak (ask for a request with NIP-17 "
                "or an HTTP post transport)"
            )
        )
    kinds = ", ".join(sorted({t.type for t in request.transports}))
    raise UnsupportedInput(t("this payment request uses a transport Nutdesk does not know ({0})").format(kinds))


def nostr_destination(transport: Transport, fallback_relays: Sequence[str] = ()) -> tuple[str, list[str]]:
    """(the receiver's public key hex, the relays to publish to) of a ``nostr`` transport: the relays named in
    its nprofile, else ``fallback_relays`` (the wallet's configured ones). Raises before anything is spent."""
    pubkey, hints = parse_nostr_target(transport.target)
    relays: list[str] = []
    for url in [*hints, *(v for tag in transport.tags if tag and tag[0] == "r" for v in tag[1:])]:
        try:
            relays.append(check_relay_url(url))
        except UserFacingError:
            log.info("ignoring the relay hint %r of a payment request", url)
    relays = unique_relays(relays or fallback_relays)
    if not relays:
        raise UserFacingError(
            t(
                "this payment request is delivered over Nostr but names no relay, and no Nostr "
                "relays are configured (add one in the settings, or ask the receiver for a "
                "request with relays)"
            )
        )
    return pubkey.hex(), relays


async def deliver_nostr(
    transport: Transport,
    payload: PaymentRequestPayload,
    fallback_relays: Sequence[str] = (),
    *,
    sender: NostrKeys | None = None,
    timeout: float = 10.0,
) -> list[PublishResult]:
    """Send the payload as a NIP-17 private message (kind-14 rumor, sealed, gift-wrapped to the receiver) to
    every relay; delivered when at least one relay accepts it (``OK true``), else ``DeliveryFailed``.

    ``sender``: the key that signs the seal; a fresh one by default (the payer stays anonymous)."""
    receiver, relays = nostr_destination(transport, fallback_relays)
    content = json.dumps(payload.to_json(), separators=(",", ":"))
    wrap = gift_wrap(sender or NostrKeys.generate(), receiver, content, relay_hint=relays[0])
    results = await publish(wrap, relays, timeout=timeout)
    if not any(r.accepted for r in results):
        reasons = "; ".join(f"{r.relay}: {r.message or 'refused'}" for r in results)
        raise DeliveryFailed(t("no Nostr relay accepted the payment ({0})").format(reasons))
    return results


async def deliver_post(http: httpx.AsyncClient, transport: Transport, payload: PaymentRequestPayload) -> None:
    """POST the payload; raises ``DeliveryFailed`` unless the receiver answers 2xx."""
    url = check_url(transport.target, "the payment request's post transport")
    host = httpx.URL(url).host
    try:
        # One deadline for the whole delivery and a capped answer: the receiver is a stranger too.
        response = await fetch(http, "POST", url, cap=_MAX_BODY, deadline=_DELIVERY_DEADLINE, json=payload.to_json())
    except TimeoutError as exc:
        raise DeliveryFailed(t("{0} did not answer within {1:g} s").format(host, _DELIVERY_DEADLINE)) from exc
    except (httpx.HTTPError, MalformedInput) as exc:
        raise DeliveryFailed(t("could not deliver the payment to {0}: {1!r}").format(host, exc)) from exc
    if not response.is_success:
        detail = response.text[:200].strip()
        try:
            body = read_json(response.content, cap=_MAX_BODY)
            if isinstance(body, dict):
                detail = str(body.get("detail") or body.get("reason") or body.get("error") or detail)[:500]
        except MalformedInput:
            pass
        raise DeliveryFailed(
            t("the receiver refused the payment (HTTP {0}{1})").format(
                response.status_code, ": " + detail if detail else ""
            )
        )


@dataclass(frozen=True)
class ReceivedPayment:
    """One payload the listener redeemed."""

    request_id: str | None
    amount: int
    fee: int
    mint: str
    unit: str
    memo: str | None = None


Redeemer = Callable[[PaymentRequest, PaymentRequestPayload], Awaitable[ReceivedPayment]]
# Another POST endpoint on the listener (``route``): (the path after its prefix, the body) → (status, JSON answer).
Route = Callable[[str, bytes], Awaitable[tuple[HTTPStatus, dict[str, Any]]]]


@dataclass
class _Pending:
    request: PaymentRequest
    future: asyncio.Future[ReceivedPayment]
    received: list[ReceivedPayment] = field(default_factory=list)


class PaymentRequestListener:
    """A local HTTP endpoint for the ``post`` transport.

    ``start()`` binds ``host:port`` (127.0.0.1 and a free port by default); ``add(request)`` registers a
    request (its transport target is ``url_for(request_id)``); ``wait(request_id)`` resolves with the first
    payment. ``public_url`` replaces the base URL written into requests (behind a reverse proxy or on a LAN).
    """

    def __init__(
        self,
        redeem: Redeemer,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        public_url: str | None = None,
        max_connections: int = MAX_CONNECTIONS,
        request_deadline: float = REQUEST_DEADLINE,
    ) -> None:
        self._redeem = redeem
        self._max_connections = max_connections
        self._deadline = request_deadline
        self._open = 0
        self._host = host
        self._port = port
        self._public_url = public_url.rstrip("/") if public_url else None
        self._server: asyncio.Server | None = None
        self._pending: dict[str, _Pending] = {}
        self._lock = asyncio.Lock()
        self._routes: dict[str, Route] = {}

    @property
    def base_url(self) -> str:
        if self._public_url:
            return self._public_url
        if self._server is None:
            raise RuntimeError("the listener is not started")
        host = f"[{self._host}]" if ":" in self._host else self._host
        return f"http://{host}:{self._port}"

    def url_for(self, request_id: str) -> str:
        return f"{self.base_url}/cashu/payreq/{request_id}"

    async def start(self) -> None:
        if self._server is not None:
            return
        self._server = await asyncio.start_server(self._handle, self._host, self._port)
        self._port = int(self._server.sockets[0].getsockname()[1])

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        for pending in self._pending.values():
            if not pending.future.done():
                pending.future.cancel()

    async def __aenter__(self) -> PaymentRequestListener:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def transport(self, request_id: str) -> Transport:
        return Transport("post", self.url_for(request_id))

    def route(self, prefix: str, handler: Route) -> None:
        """Serve POSTs to ``prefix…`` with ``handler`` (under the same limits as payments: size, deadline)."""
        self._routes[prefix] = handler

    def add(self, request: PaymentRequest) -> None:
        if not request.id:
            raise PaymentRequestError(t("a request received over the listener needs an id"))
        loop = asyncio.get_running_loop()
        self._pending[request.id] = _Pending(request, loop.create_future())

    async def wait(self, request_id: str, timeout: float | None = None) -> ReceivedPayment:
        pending = self._pending.get(request_id)
        if pending is None:
            raise PaymentRequestError(t("no request {0} is waiting here").format(request_id))
        return await asyncio.wait_for(asyncio.shield(pending.future), timeout)

    def received(self, request_id: str) -> list[ReceivedPayment]:
        pending = self._pending.get(request_id)
        return list(pending.received) if pending else []

    # --- HTTP ---------------------------------------------------------------------------------

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._open += 1
        try:
            if self._open > self._max_connections:
                status, body = HTTPStatus.SERVICE_UNAVAILABLE, {"detail": "too many connections, try again"}
            else:
                status, body = await self._serve_one(reader)
        except TimeoutError:
            status, body = HTTPStatus.REQUEST_TIMEOUT, {"detail": f"no whole request within {self._deadline:g} s"}
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError, ValueError):
            status, body = HTTPStatus.BAD_REQUEST, {"detail": "malformed HTTP request"}
        except Exception:  # the listener serves strangers: one bad request must never end it
            log.exception("payment request listener: unexpected error")
            status, body = HTTPStatus.INTERNAL_SERVER_ERROR, {"detail": "internal error"}
        finally:
            self._open -= 1
        payload = json.dumps(body).encode()
        head = (
            f"HTTP/1.1 {status.value} {status.phrase}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(payload)}\r\nConnection: close\r\n\r\n"
        ).encode()
        with contextlib.suppress(ConnectionError, TimeoutError):
            writer.write(head + payload)
            await asyncio.wait_for(writer.drain(), 5)
        writer.close()
        with contextlib.suppress(ConnectionError, TimeoutError):
            await asyncio.wait_for(writer.wait_closed(), 5)

    async def _read_request(self, reader: asyncio.StreamReader) -> tuple[str, str, bytes] | HTTPStatus:
        """(method, path, body) of one request, read under the whole-request deadline (TimeoutError)."""
        async with asyncio.timeout(self._deadline):
            request_line = (await reader.readline()).decode("latin-1").strip()
            parts = request_line.split()
            if len(parts) != 3:
                return HTTPStatus.BAD_REQUEST
            method, path, _ = parts
            headers: dict[str, str] = {}
            for _ in range(_HEADER_LIMIT):
                line = (await reader.readline()).decode("latin-1")
                if line in ("\r\n", "\n", ""):
                    break
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            raw_length = headers.get("content-length", "0") or "0"
            if not raw_length.isdigit():
                return HTTPStatus.BAD_REQUEST
            length = int(raw_length)
            if length > _MAX_BODY:
                return HTTPStatus.REQUEST_ENTITY_TOO_LARGE
            body = await reader.readexactly(length) if length else b""
        return method, path, body

    async def _serve_one(self, reader: asyncio.StreamReader) -> tuple[HTTPStatus, dict[str, Any]]:
        read = await self._read_request(reader)
        if isinstance(read, HTTPStatus):
            detail = "payload too large" if read is HTTPStatus.REQUEST_ENTITY_TOO_LARGE else "malformed request"
            return read, {"detail": detail}
        method, path, body = read
        for start, handler in self._routes.items():
            if path.startswith(start):
                if method != "POST":
                    return HTTPStatus.METHOD_NOT_ALLOWED, {"detail": "POST here"}
                return await handler(path[len(start) :].split("?", 1)[0], body)
        prefix = "/cashu/payreq/"
        if not path.startswith(prefix):
            return HTTPStatus.NOT_FOUND, {"detail": "not found"}
        if method != "POST":
            return HTTPStatus.METHOD_NOT_ALLOWED, {"detail": "POST a payment payload here"}
        request_id = path[len(prefix) :].split("?", 1)[0]
        pending = self._pending.get(request_id)
        if pending is None:
            return HTTPStatus.NOT_FOUND, {"detail": "unknown payment request"}
        try:
            payload = PaymentRequestPayload.from_json(read_object(body, cap=_MAX_BODY))
        except (ValueError, TypeError, KeyError, ArithmeticError, NutdeskError) as exc:
            return HTTPStatus.BAD_REQUEST, {"detail": f"malformed payload: {exc}"}
        async with self._lock:  # one redemption at a time: a single-use request is paid once
            if pending.request.single_use and pending.future.done():
                return HTTPStatus.CONFLICT, {"detail": "this payment request was already paid"}
            try:
                received = await self._redeem(pending.request, payload)
            except NutdeskError as exc:
                log.info("payment for request %s refused: %s", request_id, exc)
                return HTTPStatus.BAD_REQUEST, {"detail": str(exc), "code": exc.code}
            pending.received.append(received)
            if not pending.future.done():
                pending.future.set_result(received)
        return HTTPStatus.OK, {"status": "OK", "amount": received.amount}
