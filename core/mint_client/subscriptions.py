"""NUT-17 subscriptions of ``MintClient``, with a polling fallback: each change of a mint quote, a melt quote or a
proof's state, current state first, and the waits built on them. A mixin, so the HTTP client stays one object for
the ``core.ports.mint.MintConnector`` port while its request code and its watches live in modules of their own."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator, Awaitable, Callable, Collection, Sequence
from typing import Any, TypeVar

from core.errors import MintUnreachable, NutdeskError, PaymentPending, ProtocolError, QuoteNotPaid
from core.i18n import t
from core.ports.mint_types import (
    MeltQuote,
    MeltQuoteState,
    MintInfo,
    MintQuote,
    MintQuoteState,
    ProofState,
    SubscriptionKind,
)

__all__ = ["MintSubscriptions"]

log = logging.getLogger("core.mint_client.http")  # one logger for the client, as before the split

T = TypeVar("T")

_PAID_STATES = frozenset({MintQuoteState.PAID, MintQuoteState.ISSUED})


def _quote_id(quote: MintQuote | MeltQuote) -> str:
    return quote.quote


def _state_y(state: ProofState) -> str:
    return state.Y


class MintSubscriptions:
    """The watches of one mint; ``MintClient`` provides the requests they fall back to."""

    _url: str
    _info: MintInfo | None
    _poll_interval: float
    _trust_env: bool

    async def get_info(self) -> MintInfo:
        raise NotImplementedError

    async def get_mint_quote(self, quote: str) -> MintQuote:
        raise NotImplementedError

    async def get_melt_quote(self, quote: str) -> MeltQuote:
        raise NotImplementedError

    async def post_checkstate(self, Ys: Sequence[str]) -> list[ProofState]:
        raise NotImplementedError

    # --- NUT-17 subscriptions, with polling fallback ----------------------------------------------------

    async def _ws_url_if_supported(self, kind: SubscriptionKind, unit: str | None) -> str | None:
        info = self._info
        if info is None:
            try:
                info = await self.get_info()
            except NutdeskError as exc:
                log.info("no mint info for %s (%s): polling", self._url, exc)
                return None
        units = [unit] if unit else sorted({m.unit for m in info.mint_methods + info.melt_methods} | {"sat"})
        if not any(info.supports_websocket(kind, "bolt11", u) for u in units):
            return None
        from core.mint_client import ws

        try:
            return ws.ws_url_for(self._url)
        except ws.SubscriptionError:
            return None

    def _parser(self, parse: Callable[[dict[str, Any]], T]) -> Callable[[dict[str, Any]], T]:
        def checked(payload: dict[str, Any]) -> T:
            try:
                return parse(payload)
            except (KeyError, TypeError, ValueError) as exc:
                raise ProtocolError(
                    t("mint {0} sent an unreadable notification: {1!r}").format(self._url, exc)
                ) from exc

        return checked

    async def _watch(
        self,
        kind: SubscriptionKind,
        unit: str | None,
        filters: list[str],
        parse: Callable[[dict[str, Any]], T],
        key: Callable[[T], str],
        poll: Callable[[], Awaitable[list[T]]],
    ) -> AsyncGenerator[T, None]:
        """One NUT-17 subscription (current state first), or ``poll`` every ``poll_interval`` without one."""
        # The websocket client loads for a subscription only: a send or a receive never waits on one.
        from core.mint_client import ws

        stream = ws.watch(
            ws_url=await self._ws_url_if_supported(kind, unit),
            kind=kind,
            filters=filters,
            parse=self._parser(parse),
            key=key,
            poll=poll,
            poll_interval=self._poll_interval,
            transient=(MintUnreachable,),
            use_proxy=self._trust_env,
        )
        async with contextlib.aclosing(stream):
            async for item in stream:
                yield item

    async def watch_mint_quote(self, quote: str, unit: str | None = None) -> AsyncGenerator[MintQuote, None]:
        """Each change of a mint quote, current state first (NUT-17, else GET every ``poll_interval``)."""

        async def poll() -> list[MintQuote]:
            return [await self.get_mint_quote(quote)]

        kind = SubscriptionKind.BOLT11_MINT_QUOTE
        async with contextlib.aclosing(self._watch(kind, unit, [quote], MintQuote.from_json, _quote_id, poll)) as s:
            async for item in s:
                yield item

    async def watch_melt_quote(self, quote: str, unit: str | None = None) -> AsyncGenerator[MeltQuote, None]:
        """Each change of a melt quote, current state first (NUT-17, else GET every ``poll_interval``)."""

        async def poll() -> list[MeltQuote]:
            return [await self.get_melt_quote(quote)]

        kind = SubscriptionKind.BOLT11_MELT_QUOTE
        async with contextlib.aclosing(self._watch(kind, unit, [quote], MeltQuote.from_json, _quote_id, poll)) as s:
            async for item in s:
                yield item

    async def watch_proof_states(self, Ys: Sequence[str]) -> AsyncGenerator[ProofState, None]:
        """Each change of the proofs' states (NUT-17 ``proof_state``, else NUT-07 every ``poll_interval``)."""
        ys = list(Ys)

        async def poll() -> list[ProofState]:
            return await self.post_checkstate(ys)

        kind = SubscriptionKind.PROOF_STATE
        async with contextlib.aclosing(self._watch(kind, None, ys, ProofState.from_json, _state_y, poll)) as s:
            async for item in s:
                yield item

    async def wait_for_mint_quote(
        self,
        quote: str,
        states: Collection[MintQuoteState] = _PAID_STATES,
        timeout: float | None = None,
    ) -> MintQuote:
        """Return the quote once it is in one of ``states``; ``QuoteNotPaid`` if ``timeout`` runs out first."""
        try:
            async with asyncio.timeout(timeout):
                async with contextlib.aclosing(self.watch_mint_quote(quote)) as updates:
                    async for update in updates:
                        if update.state in states:
                            return update
        except TimeoutError as exc:
            raise QuoteNotPaid(
                t("mint quote {0} not {1} within {2} s").format(quote, "/".join(states), timeout)
            ) from exc
        raise AssertionError("unreachable")  # watch only ends by raising

    async def wait_for_mint_quote_paid(self, quote: str, timeout: float | None = None) -> MintQuote:
        """Shorthand: wait until the mint quote's invoice is paid (PAID or already ISSUED)."""
        return await self.wait_for_mint_quote(quote, _PAID_STATES, timeout)

    async def wait_for_melt_quote(
        self,
        quote: str,
        states: Collection[MeltQuoteState],
        timeout: float | None = None,
    ) -> MeltQuote:
        """Return the melt quote once it is in one of ``states``; ``PaymentPending`` if ``timeout`` runs out."""
        try:
            async with asyncio.timeout(timeout):
                async with contextlib.aclosing(self.watch_melt_quote(quote)) as updates:
                    async for update in updates:
                        if update.state in states:
                            return update
        except TimeoutError as exc:
            # Waiting on a melt says nothing about its outcome: still in flight, ask again later.
            raise PaymentPending(
                t("melt quote {0} not {1} within {2} s").format(quote, "/".join(states), timeout)
            ) from exc
        raise AssertionError("unreachable")
