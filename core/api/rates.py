"""``RatesService``: fiat values for display and fiat entry, and the wallet's display currency.

Rates are ``Decimal`` (price of 1 BTC in the currency) end to end; amounts of ecash stay ``int``.
"""

from __future__ import annotations

import asyncio
import contextlib
from decimal import ROUND_HALF_UP, Decimal

import httpx

from core.api.service import WalletService
from core.errors import UserFacingError
from core.i18n import t
from core.payments.rates import ExchangeRates, RateQuote, RateSource

__all__ = ["DEFAULT_FIAT_CURRENCY", "FIAT_CURRENCY_SETTING", "RatesService", "fiat_currency", "set_fiat_currency"]

FIAT_CURRENCY_SETTING = "fiat_currency"
DEFAULT_FIAT_CURRENCY = "USD"
_SATS_PER_BTC = Decimal(100_000_000)


def fiat_currency(wallet: WalletService) -> str:
    """The wallet's display currency (setting ``fiat_currency``, default USD)."""
    return (wallet.store.get_setting(FIAT_CURRENCY_SETTING) or DEFAULT_FIAT_CURRENCY).upper()


def set_fiat_currency(wallet: WalletService, currency: str) -> None:
    currency = currency.strip().upper()
    if not (currency.isalpha() and 3 <= len(currency) <= 4):
        raise UserFacingError(t("{0!r} is not a currency code (like USD, EUR)").format(currency))
    wallet.store.set_setting(FIAT_CURRENCY_SETTING, currency)


class RatesService:
    """Fiat values for display and fiat entry. ``rate()`` is None when no fresh (≤ 10 min) rate is known.

    ``await refresh()`` asks every source once; ``start()`` refreshes every ``interval`` seconds in the
    background (the GUI does this); ``await close()`` stops that and closes an owned HTTP client.
    """

    def __init__(
        self,
        http: httpx.AsyncClient | None = None,
        sources: list[RateSource] | None = None,
        *,
        currency: str = DEFAULT_FIAT_CURRENCY,
        max_age: float = 600.0,
        interval: float = 150.0,
    ) -> None:
        self._own_http = http is None
        self._http = http or httpx.AsyncClient(trust_env=False, timeout=httpx.Timeout(10.0))
        self.rates = ExchangeRates(self._http, sources, max_age=max_age)
        self.currency = currency.upper()
        self.interval = interval
        self._task: asyncio.Task[None] | None = None

    @classmethod
    def for_wallet(cls, wallet: WalletService, sources: list[RateSource] | None = None) -> RatesService:
        return cls(sources=sources, currency=fiat_currency(wallet))

    async def refresh(self) -> RateQuote | None:
        return await self.rates.refresh(self.currency)

    def quote(self) -> RateQuote | None:
        return self.rates.quote(self.currency)

    def rate(self) -> Decimal | None:
        """Price of 1 BTC in the currency, or None (unknown or stale)."""
        return self.rates.rate(self.currency)

    def fiat_value(self, amount: int, unit: str = "sat") -> Decimal | None:
        """``amount`` of ``unit`` in the display currency, rounded to cents; None when no fresh rate."""
        unit = unit.lower()
        if unit == self.currency.lower():
            return (Decimal(amount) / 100).quantize(Decimal("0.01"))
        rate = self.rate()
        if rate is None or unit not in ("sat", "msat", "btc"):
            return None
        per_sat: dict[str, Decimal] = {"sat": Decimal(1), "msat": Decimal(1000), "btc": 1 / _SATS_PER_BTC}
        sats = Decimal(amount) / per_sat[unit]
        return (sats * rate / _SATS_PER_BTC).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    def sats_for(self, fiat_amount: Decimal) -> int | None:
        """Fiat entry: how many sats ``fiat_amount`` buys at the current rate (None when no fresh rate)."""
        rate = self.rate()
        if rate is None:
            return None
        return int((Decimal(fiat_amount) * _SATS_PER_BTC / rate).to_integral_value(rounding=ROUND_HALF_UP))

    def format(self, amount: int, unit: str = "sat") -> str | None:
        value = self.fiat_value(amount, unit)
        return None if value is None else f"{value:,.2f} {self.currency}"

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            await self.refresh()
            await asyncio.sleep(self.interval)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._own_http:
            await self._http.aclose()

    async def __aenter__(self) -> RatesService:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
