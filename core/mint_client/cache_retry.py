"""NUT-19 cached responses: a swap, mint or melt whose answer was lost is asked again, identically.

A mint that advertises ``nuts["19"]`` keeps the answer of every successful request to its ``cached_endpoints``
for ``ttl`` seconds (forever without one), keyed by the exact request. When the connection drops after our
request left, sending the IDENTICAL body again (same inputs, same outputs) returns the original answer instead
of acting twice, and the wallet finishes the operation on the spot rather than journaling "outcome unknown".

Only a successful retry counts. A retry that is refused proves nothing about the first try (a keyset may have
been rotated in between, or the mint evicted its cache and now sees spent inputs): then the first error, the
outcome-unknown one, is what the caller gets, and NUT-07/NUT-09 recovery takes over as before.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx

from core.errors import MintUnreachable, NutdeskError
from core.mint_client.deadline import TooSlow
from core.ports.mint_types import MintInfo

__all__ = ["CachePolicy", "after_lost_answer", "answer_lost", "cache_policy", "retry_lost_answer"]

log = logging.getLogger(__name__)

T = TypeVar("T")

# Pauses before each identical retry: short, because the mint already acted and only the answer was lost.
RETRY_PAUSES = (0.2, 0.6, 1.5)


@dataclass(frozen=True, slots=True)
class CachePolicy:
    """What the mint caches: ``(method, path)`` pairs and how long (``None``: no limit given)."""

    endpoints: frozenset[tuple[str, str]]
    ttl: float | None

    def covers(self, method: str, path: str) -> bool:
        return (method.upper(), path) in self.endpoints


def cache_policy(info: MintInfo | None) -> CachePolicy | None:
    """The NUT-19 policy ``info`` advertises, or ``None`` when the mint caches nothing."""
    if info is None:
        return None
    entry: dict[str, Any] | None = info.nuts.get(19)
    if not isinstance(entry, dict):
        return None
    endpoints: set[tuple[str, str]] = set()
    raw = entry.get("cached_endpoints")
    for item in raw if isinstance(raw, list) else []:
        if isinstance(item, dict) and isinstance(item.get("method"), str) and isinstance(item.get("path"), str):
            endpoints.add((item["method"].upper(), item["path"]))
    if not endpoints:
        return None
    ttl_raw = entry.get("ttl")
    # bool is an int in Python; a ttl of True is nonsense, and a negative or zero ttl caches nothing useful.
    ttl = float(ttl_raw) if isinstance(ttl_raw, int) and not isinstance(ttl_raw, bool) else None
    if ttl is not None and ttl <= 0:
        return None
    return CachePolicy(frozenset(endpoints), ttl)


def answer_lost(exc: BaseException) -> bool:
    """Whether ``exc`` means the request left but its answer never arrived (worth an identical retry).

    Only a broken connection counts: a 5xx or an unreadable body is an answer (the cache keeps only successful
    ones, so asking again could act anew rather than replay).
    """
    return isinstance(exc, MintUnreachable) and exc.sent and isinstance(exc.__cause__, httpx.TransportError)


async def retry_lost_answer(
    send: Callable[[], Awaitable[T]],
    first_error: MintUnreachable,
    *,
    policy: CachePolicy,
    sent_at: float,
    pauses: tuple[float, ...] = RETRY_PAUSES,
) -> T:
    """Send the identical request again until the mint's cache answers; else re-raise ``first_error``.

    ``send`` must rebuild exactly the same request body (the cache key is the body). ``sent_at`` is the
    ``time.monotonic()`` of the first send: past the ttl the cache may be gone, so a retry would act anew
    (harmless for the mint, which refuses reused outputs, but pointless).
    """
    for attempt, pause in enumerate(pauses, start=1):
        if policy.ttl is not None and time.monotonic() + pause - sent_at >= policy.ttl:
            break
        await asyncio.sleep(pause)
        try:
            answer = await send()
        except MintUnreachable as exc:
            log.info("NUT-19 retry %d: the answer was lost again (%s)", attempt, exc)
            continue
        except NutdeskError as exc:
            # A refusal of the retry says nothing about the first request: keep "outcome unknown".
            log.info("NUT-19 retry %d refused (%s): leaving the outcome to recovery", attempt, exc)
            break
        log.info("NUT-19: the mint's cache gave the lost answer on retry %d", attempt)
        return answer
    raise first_error


async def after_lost_answer(
    exc: MintUnreachable,
    info: MintInfo | None,
    method: str,
    path: str,
    resend: Callable[[], Awaitable[T]],
    sent_at: float,
) -> T:
    """The mint client's hook: retry ``resend`` where ``info`` says the endpoint is cached; else raise ``exc``.

    ``info`` is what the wallet fetched on opening the mint (no extra request here: a lost answer is no time to
    learn new things about the mint). A ``TooSlow`` request is not retried: the mint may still be working on it
    (a melt is then settled by polling its quote), and the cache only holds finished answers.
    """
    if method != "POST" or not answer_lost(exc) or isinstance(exc, TooSlow):
        raise exc
    policy = cache_policy(info)
    if policy is None or not policy.covers(method, path):
        raise exc
    return await retry_lost_answer(resend, exc, policy=policy, sent_at=sent_at)
