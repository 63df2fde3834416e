"""Argument types shared by the commands: a bad value is refused by the parser, before a wallet opens or a mint is
asked (a mint answers ``invoice 0`` with a validation error, not a sentence)."""

from __future__ import annotations

import argparse

from desktop.cli.catalogue import _

__all__ = ["amount"]


def amount(text: str) -> int:
    """A positive whole amount in the unit's smallest denomination (sat, cent)."""
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{0!r} is not a whole number (amounts are in sat, or cents)").format(text)
        ) from None
    if value <= 0:
        raise argparse.ArgumentTypeError(_("the amount must be at least 1, not {0}").format(value))
    return value
