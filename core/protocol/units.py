"""Currency units of Cashu amounts: display formatting and parsing of what the user types.

A Cashu amount is always an integer in the unit's minor denomination: ``sat`` and ``msat`` are themselves
indivisible, ``usd`` and ``eur`` amounts are cents. Parsing goes through ``Decimal`` so that "0.1" + "0.2"
never becomes 0.30000000000000004 of anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from core.errors import ProtocolError
from core.i18n import t

__all__ = ["KNOWN_UNITS", "UnitInfo", "format_amount", "parse_amount", "unit_info"]


@dataclass(frozen=True)
class UnitInfo:
    """How a unit is shown: ``decimals`` minor digits, a prefix ``symbol`` (fiat) or none."""

    code: str
    decimals: int
    symbol: str | None = None


_GROUPED = re.compile(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]*)?")

KNOWN_UNITS: dict[str, UnitInfo] = {
    "sat": UnitInfo("sat", 0),
    "msat": UnitInfo("msat", 0),
    "usd": UnitInfo("usd", 2, "$"),
    "eur": UnitInfo("eur", 2, "€"),
}


def unit_info(unit: str) -> UnitInfo:
    """The display rules for ``unit``; an unknown unit (a mint may invent one) counts whole integers."""
    code = unit.strip().lower()
    return KNOWN_UNITS.get(code, UnitInfo(code, 0))


def format_amount(amount: int, unit: str, *, symbol: bool = True) -> str:
    """Format integer minor units for display.

    ``1000, "sat"`` → ``"1,000 sat"``; ``1234, "usd"`` → ``"$12.34"``, or ``"12.34 USD"`` without ``symbol``.
    """
    info = unit_info(unit)
    sign = "-" if amount < 0 else ""
    magnitude = abs(amount)
    if info.decimals:
        whole, fraction = divmod(magnitude, 10**info.decimals)
        number = f"{whole:,}.{fraction:0{info.decimals}d}"
    else:
        number = f"{magnitude:,}"
    if info.symbol is None:
        return f"{sign}{number} {info.code}"
    if symbol:
        return f"{sign}{info.symbol}{number}"
    return f"{sign}{number} {info.code.upper()}"


def parse_amount(text: str, unit: str) -> int:
    """Parse what the user typed (``"1,000"``, ``"$12.34"``, ``"12.3 eur"``) into integer minor units.

    Raises ``ProtocolError`` for negative, empty, non-numeric input or more decimals than the unit has:
    silently rounding money the user typed would be worse than asking again.
    """
    info = unit_info(unit)
    cleaned = text.strip()
    if info.symbol and cleaned.startswith(info.symbol):
        cleaned = cleaned[len(info.symbol) :]
    lowered = cleaned.lower()
    if lowered.endswith(info.code):
        cleaned = cleaned[: len(cleaned) - len(info.code)]
    cleaned = cleaned.replace(" ", "").replace("\u00a0", "")
    # A comma is accepted only as a thousands separator between groups of three digits: "1,5" may be
    # a European 1.5, and reading it as 15 would charge ten times the price.
    if "," in cleaned:
        if not _GROUPED.fullmatch(cleaned):
            raise ProtocolError(t("not an amount in {0}: {1!r}").format(info.code, text))
        cleaned = cleaned.replace(",", "")
    if not cleaned or not all(char.isascii() and (char.isdigit() or char == ".") for char in cleaned):
        raise ProtocolError(t("not an amount in {0}: {1!r}").format(info.code, text))
    # Too many fraction digits is refused even when they are zeros: "1.000" may be a European thousand.
    fraction = cleaned.partition(".")[2]
    if len(fraction) > info.decimals or (info.decimals == 0 and "." in cleaned):
        raise ProtocolError(
            t("{0} amounts have at most {1} decimal places: {2!r}").format(info.code, info.decimals, text)
        )
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ProtocolError(t("not an amount in {0}: {1!r}").format(info.code, text)) from exc
    return int(value.scaleb(info.decimals))
