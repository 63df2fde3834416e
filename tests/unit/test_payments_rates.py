"""Exchange rates from local fakes of each source's format: concurrent, outliers dropped, stale shows nothing."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack
from decimal import Decimal

import httpx
import pytest

from core.api.payments import RatesService
from core.payments.rates import (
    ALL_SOURCES,
    Bitstamp,
    Coinbase,
    CoinGecko,
    ExchangeRates,
    Kraken,
    RateSource,
    Yadio,
)
from tests.fakes.http import closed_port_url
from tests.fakes.rate_servers import FakeRateServer


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


class BitstampMirror(Bitstamp):
    name = "Bitstamp-mirror"


@pytest.fixture
async def http() -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(trust_env=False) as client:
        yield client


@pytest.fixture
def servers() -> Iterator[dict[str, FakeRateServer]]:
    prices = {"Coinbase": "60000.50", "CoinGecko": "60010", "Kraken": "59990.1", "Bitstamp": "60005", "Yadio": "60001"}
    with ExitStack() as stack:
        yield {name: stack.enter_context(FakeRateServer(name, Decimal(p))) for name, p in prices.items()}


def sources_for(servers: dict[str, FakeRateServer]) -> list[RateSource]:
    return [cls(servers[cls.name].base_url) for cls in ALL_SOURCES]


@pytest.mark.parametrize("cls", ALL_SOURCES, ids=[c.name for c in ALL_SOURCES])
async def test_each_source_reads_its_own_format(
    cls: type[RateSource], servers: dict[str, FakeRateServer], http: httpx.AsyncClient
) -> None:
    rates = await cls(servers[cls.name].base_url).get_rates(http, "USD")
    assert list(rates) == ["USD"]
    assert abs(rates["USD"] - servers[cls.name].price) < Decimal("0.001")


def test_default_sources_point_at_the_real_apis() -> None:
    assert [s().base_url for s in (Coinbase, CoinGecko, Kraken, Bitstamp, Yadio)] == [
        "https://api.coinbase.com",
        "https://api.coingecko.com",
        "https://api.kraken.com",
        "https://www.bitstamp.net",
        "https://api.yadio.io",
    ]


async def test_one_down_one_outlier(servers: dict[str, FakeRateServer], http: httpx.AsyncClient) -> None:
    servers["Kraken"].status = 503  # down with an HTML error page
    servers["Yadio"].price = Decimal("90000")  # an outlier, 50 % off
    sources = [*sources_for(servers), BitstampMirror(closed_port_url())]  # and one that refuses connections
    rates = ExchangeRates(http, sources)
    quote = await rates.refresh("usd")
    assert quote is not None
    assert quote.sources == ("Bitstamp", "CoinGecko", "Coinbase")
    assert quote.dropped == ("Yadio",)
    assert quote.failed == ("Bitstamp-mirror", "Kraken")
    assert quote.rate == Decimal("60005")  # the median of the three that agree
    assert rates.rate("USD") == Decimal("60005")


async def test_stale_rates_show_nothing(servers: dict[str, FakeRateServer], http: httpx.AsyncClient) -> None:
    clock = Clock()
    rates = ExchangeRates(http, sources_for(servers), clock=clock)
    assert rates.rate("USD") is None
    await rates.refresh("USD")
    assert rates.rate("USD") is not None
    clock.now += 599
    assert rates.rate("USD") is not None
    # Every source goes down: the old rate is kept until it is too old, then nothing is shown.
    for server in servers.values():
        server.status = 500
    assert await rates.refresh("USD") is not None
    clock.now += 2
    assert await rates.refresh("USD") is None
    assert rates.rate("USD") is None


async def test_unknown_currency_gives_no_rate(servers: dict[str, FakeRateServer], http: httpx.AsyncClient) -> None:
    rates = ExchangeRates(http, sources_for(servers))
    assert await rates.refresh("XYZ") is None


async def test_rates_service_fiat_values(servers: dict[str, FakeRateServer], http: httpx.AsyncClient) -> None:
    for server in servers.values():
        server.price = Decimal("50000")
    service = RatesService(http, sources_for(servers), currency="usd")
    assert service.fiat_value(100_000) is None, "no rate yet: nothing to show"
    assert service.format(1) is None
    await service.refresh()
    assert service.rate() == Decimal("50000")
    assert service.fiat_value(100_000) == Decimal("50.00")
    assert service.fiat_value(100_000_000, "msat") == Decimal("50.00")
    assert service.fiat_value(1234, "usd") == Decimal("12.34"), "a usd balance is already fiat (cents)"
    assert service.fiat_value(1234, "eur") is None
    assert service.sats_for(Decimal("5")) == 10_000
    assert service.format(2_000_000) == "1,000.00 USD"
    await service.close()


async def test_rates_service_background_refresh(servers: dict[str, FakeRateServer]) -> None:
    service = RatesService(sources=sources_for(servers), currency="USD", interval=0.05)
    service.start()
    for _ in range(100):
        if service.rate() is not None:
            break
        await asyncio.sleep(0.02)
    assert service.rate() is not None
    await service.close()
