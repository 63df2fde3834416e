"""The till's keypad entry as plain Python: digits typed, sat or fiat, memo, tip — and what that charges."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from core.api.pos import tip_for_percent

__all__ = ["KeypadEntry"]

MAX_DIGITS = 12


@dataclass
class KeypadEntry:
    digits: str = ""
    fiat: bool = False  # the digits are cents of the shop's currency
    memo: str = ""
    tip_percent: int | None = None
    tip_custom: int = 0

    def press(self, key: str) -> None:
        if key == "C":
            self.digits = ""
        elif key == "⌫":
            self.digits = self.digits[:-1]
        elif key.isdigit() and len(self.digits) < MAX_DIGITS:
            self.digits = (self.digits + key).lstrip("0")
        elif key == "00" and self.digits and len(self.digits) < MAX_DIGITS - 1:
            self.digits += "00"

    def value(self) -> int:
        return int(self.digits or "0")

    def fiat_amount(self) -> Decimal | None:
        if not self.fiat:
            return None
        try:
            return (Decimal(self.value()) / 100).quantize(Decimal("0.01"))
        except InvalidOperation:
            return None

    def display(self, unit: str, currency: str) -> str:
        if self.fiat:
            return f"{self.value() / 100:,.2f} {currency}"
        return f"{self.value():,} {unit}"

    def tip(self, base: int) -> int:
        if self.tip_percent is not None:
            return tip_for_percent(base, self.tip_percent)
        return self.tip_custom

    def reset(self) -> None:
        self.digits, self.memo, self.tip_percent, self.tip_custom = "", "", None, 0
