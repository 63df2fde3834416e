"""The one place where a mint's HTTP answer or an httpx failure becomes a core error.

Two questions decide the type: did the mint *answer* and refuse (definitely failed, ``MintRejected``), or did
something break on the way (``MintUnreachable``), and in that case, could the request have reached the mint
(``sent``)? Only a failure while connecting proves it did not.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from core.errors import (
    MalformedInput,
    MintRejected,
    MintUnreachable,
    NutdeskError,
    PaymentFailed,
    ProofsAlreadySpent,
    QuoteExpired,
    QuoteNotPaid,
)
from core.protocol.jsonread import MINT_CAP, read_json

__all__ = [
    "MintPaymentFailed",
    "MintQuoteExpired",
    "MintQuoteNotPaid",
    "error_from_response",
    "error_from_transport",
]


# The mint's quote/payment refusals are both "the mint rejected it" (carry its code) and the wallet's
# more specific category, so `except QuoteNotPaid` and `except MintRejected` both catch them.
class MintQuoteNotPaid(QuoteNotPaid, MintRejected):
    """The mint says the quote is not paid (code 20001)."""


class MintQuoteExpired(QuoteExpired, MintRejected):
    """The mint says the quote has expired (code 20007)."""


class MintPaymentFailed(PaymentFailed, MintRejected):
    """The mint says the Lightning payment failed (code 20004)."""


_BY_CODE: dict[int, type[MintRejected]] = {
    11001: ProofsAlreadySpent,
    20001: MintQuoteNotPaid,
    20004: MintPaymentFailed,
    20007: MintQuoteExpired,
}


def _body(response: httpx.Response) -> Any:
    try:
        return read_json(response.content, cap=MINT_CAP)
    except MalformedInput:
        return None


def error_from_response(response: httpx.Response, mint_url: str) -> NutdeskError:
    """A non-2xx answer as a core error. 5xx means the mint may have acted: outcome unknown."""
    status = response.status_code
    if status >= 500:
        return MintUnreachable(f"mint {mint_url} answered HTTP {status}", mint_url=mint_url, sent=True)
    body = _body(response)
    if isinstance(body, dict) and "detail" in body:
        detail = body["detail"]
        raw_code = body.get("code")
        code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else None
        # 422 validation errors put a list of problems in ``detail``: keep it readable.
        detail_text = detail if isinstance(detail, str) else json.dumps(detail)
        cls = _BY_CODE.get(code, MintRejected) if code is not None else MintRejected
        return cls(detail_text, mint_code=code, detail=detail_text)
    text = response.text.strip()[:200]
    detail_text = f"HTTP {status}" + (f": {text}" if text else "")
    # 4xx without a NUT error body (404 = endpoint unknown, 429 = rate limited): refused, nothing happened.
    return MintRejected(f"mint {mint_url} refused the request ({detail_text})", mint_code=None, detail=detail_text)


def error_from_transport(exc: httpx.TransportError, mint_url: str) -> MintUnreachable:
    """An httpx transport failure. ``sent=False`` only when the request certainly never left."""
    # Connecting failed (refused, DNS, TLS, connect timeout) or no pooled connection was free: nothing was sent.
    not_sent = (
        httpx.ConnectError,
        httpx.ConnectTimeout,
        httpx.PoolTimeout,
        httpx.ProxyError,
        httpx.UnsupportedProtocol,
    )
    if isinstance(exc, not_sent):
        return MintUnreachable(f"cannot connect to mint {mint_url}: {exc!r}", mint_url=mint_url, sent=False)
    # Read/write timeouts, resets, a peer that closed mid-answer: the mint may have processed the request.
    return MintUnreachable(f"mint {mint_url} did not answer: {exc!r}", mint_url=mint_url, sent=True)
