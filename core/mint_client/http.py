"""``MintClient``: the NUT HTTP API of one mint over one long-lived ``httpx.AsyncClient``.

Why one client per mint: connection reuse (TLS handshakes cost more than most requests) and one place to
close. Errors are converted in ``_request`` only (via ``core.mint_client.errors``); retries happen only for
GETs, because a retried POST could spend or mint twice from the caller's point of view.

Every answer is read as a stream under a size cap (``max_answer``) and an overall deadline per request (not
per read: a mint sending one byte every few seconds cannot hold a command), then parsed by the one bounded
JSON reader (``core.protocol.jsonread``). A melt is not one long read: after the ordinary deadline the client
polls the melt quote until it settles or ``melt_timeout`` runs out.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
import time
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self, TypeVar

import httpx

from core.config import check_mint_url
from core.errors import (
    MalformedInput,
    MintUnreachable,
    NutdeskError,
    ProtocolError,
)
from core.httpread import fetch
from core.i18n import t
from core.mint_client import tls
from core.mint_client.cache_retry import after_lost_answer
from core.mint_client.deadline import TooSlow, overall_deadline, poll_melt
from core.mint_client.errors import error_from_response, error_from_transport
from core.mint_client.subscriptions import MintSubscriptions
from core.ports.mint import normalize_mint_url  # defined with the port; kept importable from here
from core.ports.mint_types import (
    KeysetInfo,
    KeysResponse,
    MeltQuote,
    MintInfo,
    MintQuote,
    ProofState,
    RestoreResponse,
    signatures_from_json,
)
from core.protocol.jsonread import MINT_CAP
from core.protocol.models import BlindedMessage, BlindSignature, Proof

__all__ = ["DEFAULT_MELT_TIMEOUT", "DEFAULT_TIMEOUT", "MintClient", "normalize_mint_url"]

log = logging.getLogger(__name__)

T = TypeVar("T")

# connect 10 s (a mint that does not accept within that is down); read 30 s for ordinary calls.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
# A melt blocks while the mint pays over Lightning, which can take many minutes (stuck HTLCs): give it an hour.
DEFAULT_MELT_TIMEOUT = httpx.Timeout(3600.0, connect=10.0)
# Pauses before the 2nd and 3rd attempt of an idempotent GET.
_GET_BACKOFF = (0.25, 0.75)


def _outputs_json(outputs: Sequence[BlindedMessage]) -> list[dict[str, Any]]:
    return [o.to_json() for o in outputs]


def _inputs_json(inputs: Sequence[Proof]) -> list[dict[str, Any]]:
    # DLEQ proofs are for the receiver of a token, not for the mint: leave them out of requests.
    return [p.to_json(include_dleq=False) for p in inputs]


class MintClient(MintSubscriptions):
    """Implements ``core.ports.mint.MintConnector`` for one mint. Use ``async with`` or call ``aclose()``."""

    def __init__(
        self,
        url: str,
        *,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        melt_timeout: httpx.Timeout = DEFAULT_MELT_TIMEOUT,
        trust_env: bool = False,
        transport: httpx.AsyncBaseTransport | None = None,
        poll_interval: float = 1.0,
        get_attempts: int = 3,
        info: MintInfo | None = None,
        max_answer: int = MINT_CAP,
    ) -> None:
        """``trust_env`` lets httpx read proxy/CA settings from the environment (off: explicit is safer).

        ``transport`` replaces the network (tests). ``info`` seeds the cached NUT-06 info used to decide
        whether websockets are available; otherwise it is fetched on the first watch.
        """
        # Plain http only on loopback (core.config): every request to a mint goes through this client.
        self._url = check_mint_url(normalize_mint_url(url))
        self._max_answer = max_answer
        # The whole request (connect, send, every byte of the answer) must finish within this.
        self._deadline = overall_deadline(timeout, 30.0)
        self._melt_deadline = overall_deadline(melt_timeout, 3600.0)
        self._trust_env = trust_env
        self._poll_interval = poll_interval
        self._get_attempts = max(1, get_attempts)
        self._info = info
        # With the environment trusted httpx reads its CA settings (SSL_CERT_FILE …); else the shared context.
        verify: ssl.SSLContext | bool = True if trust_env or transport is not None else tls.context()
        self._http = httpx.AsyncClient(
            base_url=self._url, timeout=timeout, trust_env=trust_env, transport=transport, verify=verify
        )

    # --- lifecycle ------------------------------------------------------------------------------------

    @property
    def url(self) -> str:
        return self._url

    @property
    def http(self) -> httpx.AsyncClient:
        """The one underlying client (exposed so tests can assert it is reused and closed)."""
        return self._http

    @property
    def closed(self) -> bool:
        return self._http.is_closed

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"MintClient({self._url!r})"

    # --- the one request path ------------------------------------------------------------------------

    async def _request(
        self, method: str, path: str, *, json: Any = None, http_timeout: httpx.Timeout | None = None
    ) -> Any:
        """Send one request and return the decoded JSON body; every failure leaves as a core error."""
        if self._http.is_closed:
            # httpx raises RuntimeError here; using a closed client is a bug, but it must stay in the error tree.
            raise MintUnreachable(t("client for {0} is closed").format(self._url), mint_url=self._url, sent=False)
        attempts = self._get_attempts if method == "GET" else 1
        for attempt in range(attempts):
            try:
                return await self._request_once(method, path, json=json, http_timeout=http_timeout)
            except MintUnreachable as exc:
                # A mint too slow for the whole-request deadline is not asked again: that would multiply it.
                if attempt + 1 >= attempts or isinstance(exc, TooSlow):
                    raise
                delay = _GET_BACKOFF[min(attempt, len(_GET_BACKOFF) - 1)]
                log.debug("GET %s failed (%s), retrying in %.2f s", path, exc, delay)
                await asyncio.sleep(delay)
        raise AssertionError("unreachable")  # the loop always returns or raises

    async def _request_once(self, method: str, path: str, *, json: Any, http_timeout: httpx.Timeout | None) -> Any:
        kwargs: dict[str, Any] = {}
        if http_timeout is not None:
            kwargs["timeout"] = http_timeout
        deadline = self._deadline
        try:
            answer = await fetch(self._http, method, path, cap=self._max_answer, deadline=deadline, json=json, **kwargs)
        except (TimeoutError, httpx.ReadTimeout) as exc:
            # The request may have reached the mint: outcome unknown (a GET is simply retried).
            raise TooSlow(
                t("mint {0} did not finish answering {1} {2} within {3:g} s").format(self._url, method, path, deadline),
                mint_url=self._url,
                sent=True,
            ) from exc
        except httpx.TransportError as exc:
            raise error_from_transport(exc, self._url) from exc
        except MalformedInput as exc:  # too large, or a body that cannot be decoded
            raise self._malformed(method, path, exc) from exc
        if not answer.is_success:
            raise error_from_response(httpx.Response(answer.status_code, content=answer.content), self._url)
        try:
            return answer.json(cap=self._max_answer)
        except MalformedInput as exc:
            raise self._malformed(method, path, exc) from exc

    def _malformed(self, method: str, path: str, exc: Exception) -> NutdeskError:
        message = t("mint {0} sent an unreadable answer to {1} {2}: {3}").format(self._url, method, path, exc)
        if method == "GET":
            return ProtocolError(message)
        # A 200 to a POST means the mint acted (tokens spent or signed) even if we cannot read the answer:
        # outcome unknown, so the wallet resumes by asking the mint instead of rolling back.
        return MintUnreachable(message, mint_url=self._url, sent=True)

    async def _call(
        self,
        method: str,
        path: str,
        parse: Callable[[Any], T],
        *,
        json: Any = None,
        http_timeout: httpx.Timeout | None = None,
    ) -> T:
        sent_at = time.monotonic()
        try:
            data = await self._request(method, path, json=json, http_timeout=http_timeout)
        except MintUnreachable as exc:
            # NUT-19: where the mint caches this endpoint, the identical request again gets the lost answer.
            resend = lambda: self._request(method, path, json=json, http_timeout=http_timeout)  # noqa: E731
            data = await after_lost_answer(exc, self._info, method, path, resend, sent_at)
        try:
            return parse(data)
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError, NutdeskError) as exc:
            raise self._malformed(method, path, exc) from exc

    # --- NUT-06/01/02 ---------------------------------------------------------------------------------

    async def get_info(self) -> MintInfo:
        info = await self._call("GET", "/v1/info", MintInfo.from_json)
        self._info = info
        return info

    async def get_keys(self, keyset_id: str | None = None) -> KeysResponse:
        path = "/v1/keys" if keyset_id is None else f"/v1/keys/{keyset_id}"
        return await self._call("GET", path, KeysResponse.from_json)

    async def get_keysets(self) -> list[KeysetInfo]:
        return await self._call("GET", "/v1/keysets", lambda d: [KeysetInfo.from_json(k) for k in d["keysets"]])

    # --- NUT-04 / NUT-20 --------------------------------------------------------------------------------

    async def post_mint_quote(
        self, amount: int, unit: str, pubkey: str | None = None, description: str | None = None
    ) -> MintQuote:
        body: dict[str, Any] = {"amount": amount, "unit": unit}
        if description is not None:
            body["description"] = description
        if pubkey is not None:
            body["pubkey"] = pubkey
        return await self._call("POST", "/v1/mint/quote/bolt11", MintQuote.from_json, json=body)

    async def get_mint_quote(self, quote: str) -> MintQuote:
        return await self._call("GET", f"/v1/mint/quote/bolt11/{quote}", MintQuote.from_json)

    async def post_mint(
        self, quote: str, outputs: Sequence[BlindedMessage], signature: str | None = None
    ) -> list[BlindSignature]:
        body: dict[str, Any] = {"quote": quote, "outputs": _outputs_json(outputs)}
        if signature is not None:
            body["signature"] = signature
        return await self._call("POST", "/v1/mint/bolt11", lambda d: signatures_from_json(d["signatures"]), json=body)

    async def post_mint_batch(
        self, quotes: Sequence[str], outputs: Sequence[BlindedMessage], signatures: Sequence[str | None] | None = None
    ) -> list[BlindSignature]:
        """NUT-29 ``POST /v1/mint/bolt11/batch``: several paid quotes issued in one atomic request."""
        body: dict[str, Any] = {"quotes": list(quotes), "outputs": _outputs_json(outputs)}
        if signatures is not None:
            body["signatures"] = list(signatures)
        parse = lambda d: signatures_from_json(d["signatures"])  # noqa: E731
        return await self._call("POST", "/v1/mint/bolt11/batch", parse, json=body)

    # --- NUT-05 / NUT-08 --------------------------------------------------------------------------------

    async def post_melt_quote(self, request: str, unit: str, amountless_amount_msat: int | None = None) -> MeltQuote:
        body: dict[str, Any] = {"request": request, "unit": unit}
        if amountless_amount_msat is not None:
            body["options"] = {"amountless": {"amount_msat": amountless_amount_msat}}
        return await self._call("POST", "/v1/melt/quote/bolt11", MeltQuote.from_json, json=body)

    async def post_melt_quote_mpp(self, request: str, unit: str, amount_msat: int) -> MeltQuote:
        """NUT-15: a melt quote for the part ``amount_msat`` of the invoice ``request`` (multi-path payment)."""
        body = {"request": request, "unit": unit, "options": {"mpp": {"amount": amount_msat}}}
        return await self._call("POST", "/v1/melt/quote/bolt11", MeltQuote.from_json, json=body)

    async def get_melt_quote(self, quote: str) -> MeltQuote:
        return await self._call("GET", f"/v1/melt/quote/bolt11/{quote}", MeltQuote.from_json)

    async def post_melt(self, quote: str, inputs: Sequence[Proof], outputs: Sequence[BlindedMessage] = ()) -> MeltQuote:
        body: dict[str, Any] = {"quote": quote, "inputs": _inputs_json(inputs)}
        if outputs:
            body["outputs"] = _outputs_json(outputs)
        try:
            return await self._call("POST", "/v1/melt/bolt11", MeltQuote.from_json, json=body)
        except TooSlow as exc:
            # The mint may be paying (a synchronous melt blocks for minutes): poll the quote, not one long read.
            return await poll_melt(
                lambda: self.get_melt_quote(quote),
                exc,
                quote=quote,
                deadline=self._melt_deadline,
                interval=self._poll_interval,
            )

    # --- NUT-03 / 07 / 09 -------------------------------------------------------------------------------

    async def post_swap(self, inputs: Sequence[Proof], outputs: Sequence[BlindedMessage]) -> list[BlindSignature]:
        body = {"inputs": _inputs_json(inputs), "outputs": _outputs_json(outputs)}
        return await self._call("POST", "/v1/swap", lambda d: signatures_from_json(d["signatures"]), json=body)

    async def post_checkstate(self, Ys: Sequence[str]) -> list[ProofState]:
        return await self._call(
            "POST", "/v1/checkstate", lambda d: [ProofState.from_json(s) for s in d["states"]], json={"Ys": list(Ys)}
        )

    async def post_restore(self, outputs: Sequence[BlindedMessage]) -> RestoreResponse:
        return await self._call(
            "POST", "/v1/restore", RestoreResponse.from_json, json={"outputs": _outputs_json(outputs)}
        )


if TYPE_CHECKING:
    from core.ports.mint import MintConnector

    # mypy proves here that MintClient satisfies the port; nothing runs.
    def _implements_port(client: MintClient) -> MintConnector:
        return client
