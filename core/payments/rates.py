"""Exchange rates for showing fiat values, after Electrum's design: one small class per keyless source,
each ``async get_rates(http, ccy) -> {CCY: Decimal}`` (the price of one bitcoin). ``ExchangeRates`` asks
them all concurrently, drops failures and outliers (more than 1 % from the median), keeps the median of
the rest with its time, and shows **nothing** once that is older than ``max_age`` (10 minutes): a missing
price is better than a wrong one.
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

import httpx

from core.errors import MalformedInput
from core.httpread import fetch
from core.i18n import t

__all__ = [
    "ALL_SOURCES",
    "Bitstamp",
    "CoinGecko",
    "Coinbase",
    "ExchangeRates",
    "Kraken",
    "RateQuote",
    "RateSource",
    "RateSourceError",
    "Yadio",
]

log = logging.getLogger(__name__)

MAX_AGE = 600.0
_RATE_CAP = 1024 * 1024
OUTLIER_TOLERANCE = Decimal("0.01")


class RateSourceError(Exception):
    """One source failed; internal to this module (the aggregate simply leaves it out)."""


def _decimal(value: object, what: str) -> Decimal:
    try:
        result = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise RateSourceError(t("{0} is not a number: {1!r}").format(what, value)) from exc
    if not result.is_finite() or result <= 0:
        raise RateSourceError(t("{0} is not a positive price: {1!r}").format(what, value))
    return result


class RateSource(ABC):
    """A keyless price source. ``base_url`` is injectable (tests run local fakes of each format)."""

    name: ClassVar[str]
    default_base_url: ClassVar[str]

    def __init__(self, base_url: str | None = None) -> None:
        self.base_url = (base_url or self.default_base_url).rstrip("/")

    async def _get_json(self, http: httpx.AsyncClient, path: str, params: dict[str, str] | None = None) -> Any:
        try:
            response = await fetch(http, "GET", self.base_url + path, cap=_RATE_CAP, deadline=10.0, params=params)
            if not response.is_success:
                raise RateSourceError(t("{0}: HTTP {1}").format(self.name, response.status_code))
            return response.json(cap=_RATE_CAP)
        except TimeoutError as exc:
            raise RateSourceError(t("{0}: no answer within 10 s").format(self.name)) from exc
        except (httpx.HTTPError, MalformedInput) as exc:
            raise RateSourceError(t("{0}: {1!r}").format(self.name, exc)) from exc

    @abstractmethod
    async def get_rates(self, http: httpx.AsyncClient, ccy: str) -> dict[str, Decimal]:
        """Price of 1 BTC in ``ccy`` (upper case) — more currencies if the source returns them at once."""

    def __repr__(self) -> str:
        return f"{self.__class__.__name__}({self.base_url!r})"


class Coinbase(RateSource):
    name = "Coinbase"
    default_base_url = "https://api.coinbase.com"

    async def get_rates(self, http: httpx.AsyncClient, ccy: str) -> dict[str, Decimal]:
        data = await self._get_json(http, "/v2/exchange-rates", {"currency": "BTC"})
        try:
            rates = data["data"]["rates"]
            return {ccy: _decimal(rates[ccy], f"{self.name} {ccy}")}
        except (KeyError, TypeError) as exc:
            raise RateSourceError(t("{0} has no {1} rate").format(self.name, ccy)) from exc


class CoinGecko(RateSource):
    name = "CoinGecko"
    default_base_url = "https://api.coingecko.com"

    async def get_rates(self, http: httpx.AsyncClient, ccy: str) -> dict[str, Decimal]:
        data = await self._get_json(http, "/api/v3/exchange_rates")
        try:
            return {ccy: _decimal(data["rates"][ccy.lower()]["value"], f"{self.name} {ccy}")}
        except (KeyError, TypeError) as exc:
            raise RateSourceError(t("{0} has no {1} rate").format(self.name, ccy)) from exc


class Kraken(RateSource):
    name = "Kraken"
    default_base_url = "https://api.kraken.com"

    async def get_rates(self, http: httpx.AsyncClient, ccy: str) -> dict[str, Decimal]:
        data = await self._get_json(http, "/0/public/Ticker", {"pair": f"XBT{ccy}"})
        try:
            if data.get("error"):
                raise RateSourceError(t("{0}: {1}").format(self.name, data["error"]))
            ticker = next(iter(data["result"].values()))
            return {ccy: _decimal(ticker["c"][0], f"{self.name} {ccy}")}
        except (KeyError, TypeError, StopIteration, AttributeError, IndexError) as exc:
            raise RateSourceError(t("{0} has no {1} rate").format(self.name, ccy)) from exc


class Bitstamp(RateSource):
    name = "Bitstamp"
    default_base_url = "https://www.bitstamp.net"

    async def get_rates(self, http: httpx.AsyncClient, ccy: str) -> dict[str, Decimal]:
        data = await self._get_json(http, f"/api/v2/ticker/btc{ccy.lower()}/")
        try:
            return {ccy: _decimal(data["last"], f"{self.name} {ccy}")}
        except (KeyError, TypeError) as exc:
            raise RateSourceError(t("{0} has no {1} rate").format(self.name, ccy)) from exc


class Yadio(RateSource):
    name = "Yadio"
    default_base_url = "https://api.yadio.io"

    async def get_rates(self, http: httpx.AsyncClient, ccy: str) -> dict[str, Decimal]:
        data = await self._get_json(http, "/exrates/BTC")
        try:
            return {ccy: _decimal(data["BTC"][ccy], f"{self.name} {ccy}")}
        except (KeyError, TypeError) as exc:
            raise RateSourceError(t("{0} has no {1} rate").format(self.name, ccy)) from exc


ALL_SOURCES: tuple[type[RateSource], ...] = (Coinbase, CoinGecko, Kraken, Bitstamp, Yadio)


@dataclass(frozen=True)
class RateQuote:
    """The aggregate price of 1 BTC in ``currency`` at ``fetched_at``, and which sources made it."""

    currency: str
    rate: Decimal
    fetched_at: float
    sources: tuple[str, ...]
    dropped: tuple[str, ...] = ()  # outliers
    failed: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "currency": self.currency,
            "rate": str(self.rate),
            "fetched_at": self.fetched_at,
            "sources": list(self.sources),
            "dropped": list(self.dropped),
            "failed": list(self.failed),
        }


class ExchangeRates:
    """Fetches, aggregates and caches; ``rate(ccy)`` is None when nothing fresh is known."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        sources: Sequence[RateSource] | None = None,
        *,
        max_age: float = MAX_AGE,
        tolerance: Decimal = OUTLIER_TOLERANCE,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._http = http
        self.sources = list(sources) if sources is not None else [cls() for cls in ALL_SOURCES]
        self.max_age = max_age
        self.tolerance = tolerance
        self._clock = clock
        self._cache: dict[str, RateQuote] = {}

    async def _one(self, source: RateSource, ccy: str) -> Decimal:
        rates = await source.get_rates(self._http, ccy)
        return rates[ccy]

    async def refresh(self, ccy: str) -> RateQuote | None:
        """Ask every source now; on total failure the old quote stays (and ages out)."""
        ccy = ccy.upper()
        results = await asyncio.gather(*(self._one(s, ccy) for s in self.sources), return_exceptions=True)
        prices: dict[str, Decimal] = {}
        failed: list[str] = []
        for source, result in zip(self.sources, results, strict=True):
            if isinstance(result, Decimal):
                prices[source.name] = result
            elif isinstance(result, Exception):
                # Any answer a source cannot turn into a price leaves it out; it never ends the refresh.
                log.info("rate source %s failed: %s", source.name, result)
                failed.append(source.name)
            elif isinstance(result, BaseException):
                raise result
        if not prices:
            return self.quote(ccy)
        median = statistics.median(prices.values())
        kept = {n: p for n, p in prices.items() if abs(p - median) <= median * self.tolerance}
        dropped = tuple(sorted(set(prices) - set(kept)))
        quote = RateQuote(
            currency=ccy,
            rate=statistics.median(kept.values()),
            fetched_at=self._clock(),
            sources=tuple(sorted(kept)),
            dropped=dropped,
            failed=tuple(sorted(failed)),
        )
        self._cache[ccy] = quote
        return quote

    def quote(self, ccy: str) -> RateQuote | None:
        """The cached quote if it is fresh enough to show, else None."""
        quote = self._cache.get(ccy.upper())
        if quote is None or self._clock() - quote.fetched_at > self.max_age:
            return None
        return quote

    def rate(self, ccy: str) -> Decimal | None:
        quote = self.quote(ccy)
        return None if quote is None else quote.rate
