"""Shared plumbing of the HTTP backends: one ``httpx.AsyncClient`` per backend, transport errors converted once.

The one rule: a connection that could not be made means nothing was sent (``BackendUnavailable``); a
connection that broke after a payment request left means the outcome is unknown (``SentButUnknown``,
which payment code turns into a PENDING result — never FAILED).
"""

from __future__ import annotations

import asyncio
import hashlib
import ssl
from typing import Any

import httpx

from core.errors import AnswerTooLarge, BackendError, BackendUnavailable, MalformedInput
from core.httpread import read_capped
from core.i18n import t
from core.protocol.jsonread import read_json

__all__ = [
    "HttpBackendBase",
    "SentButUnknown",
    "decode_bolt11",
    "expired_invoice",
    "json_object",
    "option_bool",
    "relay_message",
]

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# Paying can block while the backend routes the payment.
PAY_TIMEOUT = httpx.Timeout(120.0, connect=10.0)
MAX_ANSWER = 4 * 1024 * 1024
_TRANSFER_HEADERS = frozenset({"content-encoding", "content-length", "transfer-encoding"})


class SentButUnknown(Exception):
    """The request left but no answer came back."""


class HttpBackendBase:
    """Owns the client; ``request`` converts transport errors; ``aclose`` closes it."""

    name = "backend"

    def __init__(
        self,
        base_url: str,
        headers: dict[str, str] | None = None,
        *,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        verify: bool | str | ssl.SSLContext = True,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._timeout = timeout
        self._client = httpx.AsyncClient(
            base_url=self.base_url,
            headers=headers or {},
            timeout=timeout,
            verify=verify,
            transport=transport,
            trust_env=False,
        )

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> Any:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: dict[str, Any] | None = None,
        timeout: httpx.Timeout | None = None,
        sent_matters: bool = False,
    ) -> httpx.Response:
        """One request. ``sent_matters``: raise ``SentButUnknown`` (not ``BackendUnavailable``) after sending."""
        kwargs: dict[str, Any] = {"json": json, "params": params}
        if timeout is not None:
            kwargs["timeout"] = timeout
        effective = timeout or self._timeout
        # One deadline for the whole request (not per read) and a size cap read as a stream.
        deadline = (effective.read or 30.0) + (effective.connect or 0.0)
        try:
            async with asyncio.timeout(deadline):
                async with self._client.stream(method, path, **kwargs) as streamed:
                    body = await read_capped(streamed, MAX_ANSWER)
                    headers = [(k, v) for k, v in streamed.headers.items() if k.lower() not in _TRANSFER_HEADERS]
                    return httpx.Response(streamed.status_code, headers=headers, content=body, request=streamed.request)
        except TimeoutError as exc:
            if sent_matters:
                raise SentButUnknown(t("{0}: no whole answer within {1:g} s").format(self.name, deadline)) from exc
            raise BackendUnavailable(
                t("{0} at {1} did not answer within {2:g} s").format(self.name, self.base_url, deadline)
            ) from exc
        except (AnswerTooLarge, httpx.DecodingError) as exc:
            if sent_matters:
                raise SentButUnknown(t("{0}: unusable answer ({1})").format(self.name, exc)) from exc
            raise BackendError(t("{0} sent an unusable answer: {1}").format(self.name, exc)) from exc
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            raise BackendUnavailable(t("{0} at {1} is unreachable: {2}").format(self.name, self.base_url, exc)) from exc
        except httpx.TransportError as exc:
            if sent_matters:
                raise SentButUnknown(
                    t("{0}: the connection broke after the request was sent ({1})").format(self.name, exc)
                ) from exc
            raise BackendUnavailable(t("{0} at {1} did not answer: {2}").format(self.name, self.base_url, exc)) from exc

    def json_of(self, response: httpx.Response) -> Any:
        try:
            return read_json(response.content, cap=MAX_ANSWER)
        except MalformedInput as exc:
            raise BackendError(
                t("{0} answered {1} with something that is not JSON: {2}").format(
                    self.name, response.status_code, response.text[:200]
                )
            ) from exc


def relay_message(raw: str | bytes) -> list[Any]:
    """A Nostr relay message as a list padded to 4 items; anything unreadable is a list of Nones (ignored)."""
    try:
        value = read_json(raw, cap=MAX_ANSWER)
    except MalformedInput:
        return [None] * 4
    if not isinstance(value, list):
        return [None] * 4
    return value + [None] * (4 - len(value)) if len(value) < 4 else value


def json_object(raw: str | bytes) -> dict[str, Any]:
    """A JSON object from a stranger, or ``{}`` when it is not one (malformed, too deep, 1e999, a list)."""
    try:
        value = read_json(raw, cap=MAX_ANSWER)
    except MalformedInput:
        return {}
    return value if isinstance(value, dict) else {}


def decode_bolt11(bolt11: str) -> tuple[str, int | None, int | None]:
    """(payment hash, amount msat or None, expiry seconds) of an invoice; ``BackendError`` when it is not one."""
    import bolt11 as bolt11_lib

    try:
        decoded = bolt11_lib.decode(bolt11.strip())
    except Exception as exc:  # the library raises many types
        raise BackendError(t("not a valid Lightning invoice: {0}").format(exc)) from exc
    amount = int(decoded.amount_msat) if decoded.amount_msat is not None else None
    return str(decoded.payment_hash), amount, decoded.expiry


def expired_invoice(bolt11: str) -> bool:
    """Whether a (valid) invoice's expiry has passed. Servers differ (LNbits pays its own expired invoices),
    so every backend refuses to pay one before sending anything."""
    import bolt11 as bolt11_lib

    try:
        return bool(bolt11_lib.decode(bolt11.strip()).has_expired())
    except Exception:  # not decodable: the backend's own checks report it
        return False


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def option_bool(value: str | None, default: bool = False) -> bool:
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")
