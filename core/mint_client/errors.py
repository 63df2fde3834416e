"""The one place where a mint's HTTP answer or an httpx failure becomes a core error.

Two questions decide the type: did the mint *answer* and refuse (``MintRejected``, whose code decides its
verdict by ``VERDICT_BY_CODE``), or did something break on the way (``MintUnreachable``), and in that case, could
the request have reached the mint (``sent``)? Only a failure while connecting proves it did not.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from core.errors import (
    MalformedInput,
    MintRefusalUnclear,
    MintRefused,
    MintRejected,
    MintRequestInFlight,
    MintUnreachable,
    NutdeskError,
    OutputsAlreadySigned,
    ProofsAlreadySpent,
    QuoteExpired,
    QuoteNotPaid,
    Verdict,
)
from core.i18n import t
from core.protocol.jsonread import MINT_CAP, read_json

__all__ = [
    "VERDICT_BY_CODE",
    "MintPaymentFailed",
    "MintQuoteExpired",
    "MintQuoteNotPaid",
    "error_from_response",
    "error_from_transport",
    "verdict_for_code",
]


# THE table (docs/verdicts.md mirrors it): what a NUT error code proves about a swap, mint or melt request.
# Only codes that prove the mint did nothing may release inputs. Any code not listed — and code 0, a missing code,
# an unreadable body, a 5xx — is UNKNOWN. Learned from cdk, which treats only validation failures as final and
# answers "already spent"/"pending"/"already signed" by asking the mint (check state, restore) before deciding.
VERDICT_BY_CODE: dict[int, Verdict] = {
    10001: Verdict.NOTHING_HAPPENED,  # proof verification failed
    11001: Verdict.INPUTS_SPENT,  # already spent — perhaps by this request's earlier try
    11002: Verdict.IN_FLIGHT,  # inputs pending
    11003: Verdict.OUTPUTS_SIGNED,  # outputs already signed
    11004: Verdict.IN_FLIGHT,  # outputs pending
    11005: Verdict.NOTHING_HAPPENED,  # not balanced
    11006: Verdict.NOTHING_HAPPENED,  # amount outside limit
    11007: Verdict.NOTHING_HAPPENED,  # duplicate inputs
    11008: Verdict.NOTHING_HAPPENED,  # duplicate outputs
    11009: Verdict.NOTHING_HAPPENED,  # multiple units
    11010: Verdict.NOTHING_HAPPENED,  # input and output units differ
    11013: Verdict.NOTHING_HAPPENED,  # unit not supported
    11014: Verdict.NOTHING_HAPPENED,  # too many inputs
    11015: Verdict.NOTHING_HAPPENED,  # too many outputs
    12001: Verdict.NOTHING_HAPPENED,  # keyset unknown
    12002: Verdict.NOTHING_HAPPENED,  # keyset inactive
    12003: Verdict.NOTHING_HAPPENED,  # keyset expired
    20001: Verdict.NOTHING_HAPPENED,  # quote not paid
    20002: Verdict.OUTPUTS_SIGNED,  # quote already issued — perhaps to this request's earlier try
    20003: Verdict.NOTHING_HAPPENED,  # minting disabled
    20004: Verdict.UNKNOWN,  # Lightning payment failed: follow the melt quote's state, never the code
    20005: Verdict.IN_FLIGHT,  # quote pending
    20006: Verdict.UNKNOWN,  # invoice already paid: ask the quote
    20007: Verdict.NOTHING_HAPPENED,  # quote expired
    20008: Verdict.NOTHING_HAPPENED,  # mint request signature invalid
    20009: Verdict.NOTHING_HAPPENED,  # NUT-20 pubkey required
}


def verdict_for_code(code: int | None) -> Verdict:
    """The verdict of a NUT error code; code 0, None and codes not in the table are UNKNOWN."""
    return VERDICT_BY_CODE.get(code, Verdict.UNKNOWN) if code is not None else Verdict.UNKNOWN


# The mint's quote/payment refusals are both "the mint rejected it" (carry its code) and the wallet's
# more specific category, so `except QuoteNotPaid` and `except MintRejected` both catch them.
class MintQuoteNotPaid(QuoteNotPaid, MintRefused):
    """The mint says the quote is not paid (code 20001)."""


class MintQuoteExpired(QuoteExpired, MintRefused):
    """The mint says the quote has expired (code 20007)."""


class MintPaymentFailed(MintRefusalUnclear):
    """The mint says the Lightning payment failed (code 20004): the melt quote's state decides, not the code."""

    code = "payment-failed"


_BY_CODE: dict[int, type[MintRejected]] = {
    11001: ProofsAlreadySpent,
    20001: MintQuoteNotPaid,
    20004: MintPaymentFailed,
    20007: MintQuoteExpired,
}

_BY_VERDICT: dict[Verdict, type[MintRejected]] = {
    Verdict.NOTHING_HAPPENED: MintRefused,
    Verdict.INPUTS_SPENT: ProofsAlreadySpent,
    Verdict.OUTPUTS_SIGNED: OutputsAlreadySigned,
    Verdict.IN_FLIGHT: MintRequestInFlight,
    Verdict.UNKNOWN: MintRefusalUnclear,
}


def _class_for(code: int | None) -> type[MintRejected]:
    if code is not None and code in _BY_CODE:
        return _BY_CODE[code]
    return _BY_VERDICT[verdict_for_code(code)]


def _body(response: httpx.Response) -> Any:
    try:
        return read_json(response.content, cap=MINT_CAP)
    except MalformedInput:
        return None


def error_from_response(response: httpx.Response, mint_url: str) -> NutdeskError:
    """A non-2xx answer as a core error. 5xx means the mint may have acted: outcome unknown."""
    status = response.status_code
    if status >= 500:
        return MintUnreachable(t("mint {0} answered HTTP {1}").format(mint_url, status), mint_url=mint_url, sent=True)
    body = _body(response)
    if isinstance(body, dict) and "detail" in body:
        detail = body["detail"]
        raw_code = body.get("code")
        code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else None
        # 422 validation errors put a list of problems in ``detail``: keep it readable.
        detail_text = detail if isinstance(detail, str) else json.dumps(detail)
        return _class_for(code)(detail_text, mint_code=code, detail=detail_text)
    text = response.text.strip()[:200]
    detail_text = f"HTTP {status}" + (f": {text}" if text else "")
    # 4xx without a NUT error body (404, 429, a proxy's page): it proves nothing about what the mint did.
    return MintRefusalUnclear(
        t("mint {0} refused the request ({1})").format(mint_url, detail_text), mint_code=None, detail=detail_text
    )


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
        return MintUnreachable(
            t("cannot connect to mint {0}: {1!r}").format(mint_url, exc), mint_url=mint_url, sent=False
        )
    # Read/write timeouts, resets, a peer that closed mid-answer: the mint may have processed the request.
    return MintUnreachable(t("mint {0} did not answer: {1!r}").format(mint_url, exc), mint_url=mint_url, sent=True)
