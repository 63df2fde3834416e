"""How report figures are written for people (no Qt): amounts, fiat values, percentages, bucket names."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

__all__ = ["FIAT_UNITS", "bucket_name", "fiat_text", "money_text", "percent_text", "short_mint"]

FIAT_UNITS = frozenset({"usd", "eur", "gbp", "chf", "cad", "aud", "jpy"})


def money_text(amount: int, unit: str) -> str:
    """``1,234 sat``; fiat units (amounts in cents) as ``12.34 USD``."""
    if unit in FIAT_UNITS:
        return f"{amount / 100:,.2f} {unit.upper()}"
    return f"{amount:,} {unit}"


def fiat_text(value: Decimal | None, currency: str) -> str:
    return "—" if value is None else f"{value:,.2f} {currency}"


def percent_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


def short_mint(url: str) -> str:
    return url.removeprefix("https://").removeprefix("http://").rstrip("/")


def bucket_name(bucket: str, granularity: str) -> str:
    """``2026-11-02`` → ``2 Nov``, ``wk 2 Nov``, ``Nov 2026``."""
    day = dt.date.fromisoformat(bucket)
    if granularity == "month":
        return day.strftime("%b %Y")
    text = f"{day.day} {day.strftime('%b')}"
    return f"wk {text}" if granularity == "week" else text
