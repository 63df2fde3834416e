"""Deadlines of the mint client: one per whole request, and a melt that outlives it settled by polling.

A synchronous melt blocks while the mint pays over Lightning (minutes, sometimes). Instead of one read that long
(which a slow-drip mint could also abuse), the melt call gets the ordinary deadline; when it passes, the client
asks the melt quote's state every ``interval`` until PAID or the melt deadline runs out.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import httpx

from core.errors import MintUnreachable, PaymentPending
from core.i18n import t
from core.ports.mint_types import MeltQuote, MeltQuoteState

__all__ = ["TooSlow", "overall_deadline", "poll_melt"]


class TooSlow(MintUnreachable):
    """The whole-request deadline passed (the mint may still be working on it)."""


def overall_deadline(timeout: httpx.Timeout, default: float) -> float:
    """The whole-request deadline: the read timeout (plus the connect timeout), else ``default``."""
    read = timeout.read if timeout.read is not None else default
    return read + (timeout.connect or 0.0)


async def poll_melt(
    get_quote: Callable[[], Awaitable[MeltQuote]],
    cause: MintUnreachable,
    *,
    quote: str,
    deadline: float,
    interval: float,
) -> MeltQuote:
    """After a melt call broke off: the quote once PAID; still PENDING at the end is ``PaymentPending``.

    UNPAID proves nothing here (our request may still be on its way): ``cause`` (outcome unknown) is raised.
    """
    loop = asyncio.get_running_loop()
    until = loop.time() + deadline
    state = None
    while loop.time() < until:
        try:
            current: MeltQuote | None = await get_quote()
        except MintUnreachable:
            current = None
        if current is not None:
            state = current.state
            if state == MeltQuoteState.PAID:
                return current
            if state == MeltQuoteState.UNPAID:
                break  # nothing settled (yet): outcome unknown, recovery asks again later
        await asyncio.sleep(interval)
    if state == MeltQuoteState.PENDING:
        raise PaymentPending(t("melt quote {0} is still pending at the mint").format(quote))
    raise cause
