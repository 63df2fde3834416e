"""What a sat sale costs in another unit's ecash (usd or eur tokens, amounts in cents).

A customer may hold only dollar ecash; the shop prices its sale in sat. The shop's policy says where the price of
the foreign unit comes from (``unit_pricing``):

- ``mint``: the customer's mint itself — a NUT-04 quote for 1.00 of the unit is an invoice of N sat, so one cent
  is N/100 sat. That is the price the mint sells its dollars at, which is what the ecash is worth there.
- ``rates``: the shop's exchange-rate source (BTC price in that currency).
- ``off``: ecash in another unit is refused (wrong unit).

Rounding always favours the shop by less than one minor unit: the customer owes ``ceil(sats / sat_per_unit)``.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal, localcontext

from core.i18n import t
from core.payments.invoices import decode_invoice
from core.protocol.units import unit_info

__all__ = [
    "PRICEABLE_UNITS",
    "PriceCache",
    "UnitPrice",
    "UnitPricing",
    "price_from_invoice",
    "price_from_rate",
]

# Units whose price a BTC exchange rate (and a mint's quote) can give: fiat currencies in cents.
PRICEABLE_UNITS = frozenset({"usd", "eur"})

_SATS_PER_BTC = Decimal(100_000_000)
_PROBE = 100  # one whole currency unit, in cents: the mint quote the price is read from


def _floor_quotient(dividend: Decimal, divisor: Decimal) -> Decimal:
    """``dividend / divisor`` rounded down in its last digit (28 significant: the context's precision): a price
    rounded down means the customer owes a hair more, never less. It is stored exactly, every digit
    (``core.storage.exact``), so the receipt, the books and a later refund read back the price the till charged."""
    with localcontext() as ctx:
        ctx.rounding = ROUND_FLOOR
        return Decimal(dividend) / Decimal(divisor)


class UnitPricing(enum.StrEnum):
    MINT = "mint"
    RATES = "rates"
    OFF = "off"


@dataclass(frozen=True)
class UnitPrice:
    """``sat_per_unit`` sats buy one minor unit (one cent) of ``unit``, according to ``source``."""

    unit: str
    sat_per_unit: Decimal
    source: str  # mint · rates

    def due(self, sats: int) -> int:
        """The amount of ``unit`` that pays ``sats`` (rounded up)."""
        return int((Decimal(sats) / self.sat_per_unit).to_integral_value(rounding=ROUND_CEILING))

    def to_sat(self, amount: int) -> int:
        """What ``amount`` of ``unit`` is worth in sat (rounded down)."""
        return int((Decimal(amount) * self.sat_per_unit).to_integral_value(rounding=ROUND_FLOOR))

    def describe(self) -> str:
        """ "1 USD = 1,337 sat (the mint's price)" """
        whole = 10 ** unit_info(self.unit).decimals
        sats = (self.sat_per_unit * whole).quantize(Decimal(1))
        origin = "the mint's price" if self.source == UnitPricing.MINT else "exchange rate"
        return f"1 {self.unit.upper()} = {sats:,} sat ({origin})"


def price_from_invoice(unit: str, amount: int, bolt11: str) -> UnitPrice:
    """The price a mint asks: its quote for ``amount`` of ``unit`` is the invoice ``bolt11``."""
    invoice = decode_invoice(bolt11)
    if not invoice.amount_msat or amount <= 0:
        raise ValueError(t("the mint's quote has no amount"))
    # Rounded down: fewer sat per cent, the customer owes the shop a hair more, never less.
    price = _floor_quotient(Decimal(invoice.amount_msat) / 1000, Decimal(amount))
    return UnitPrice(unit, price, UnitPricing.MINT.value)


def price_from_rate(unit: str, btc_price: Decimal) -> UnitPrice:
    """The price from an exchange rate: ``btc_price`` of the currency buys one BTC."""
    cents_per_btc = Decimal(btc_price) * 10 ** unit_info(unit).decimals
    return UnitPrice(unit, _floor_quotient(_SATS_PER_BTC, cents_per_btc), UnitPricing.RATES.value)


class PriceCache:
    """Mint prices for ``max_age`` seconds, so a busy till does not ask the mint for a quote at every sale."""

    def __init__(self, max_age: float = 300.0) -> None:
        self.max_age = max_age
        self._prices: dict[tuple[str, str], tuple[float, UnitPrice]] = {}

    async def mint_price(self, mint: str, unit: str, quote: Callable[[int], Awaitable[str]]) -> UnitPrice:
        """The mint's price of ``unit``; ``quote(amount)`` returns the bolt11 of a mint quote for ``amount``."""
        cached = self._prices.get((mint, unit))
        if cached is not None and time.monotonic() - cached[0] < self.max_age:
            return cached[1]
        price = price_from_invoice(unit, _PROBE, await quote(_PROBE))
        self._prices[(mint, unit)] = (time.monotonic(), price)
        return price
