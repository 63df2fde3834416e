"""``nutdesk health [URL…] [--self-check] [--offline]``: each mint's health and the warnings that follow.

Answer times, failed operations, keysets nearing their final expiry (with the ecash still in them), fee changes
and the last self-check. ``--self-check`` also swaps a few sat of your own ecash at each mint (costs its fees).
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from core.api.mint_health import MintHealthReport, check_mint_health, known_health, self_check
from core.api.service import WalletService
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]


async def _one(service: WalletService, url: str, args: argparse.Namespace) -> MintHealthReport:
    if args.offline:
        return known_health(service, url)
    report = await check_mint_health(service, url)
    if args.self_check and report.reachable:
        report = await self_check(service, url)
    return report


async def cmd_health(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    urls = args.urls or [m.url for m in service.list_mints()]
    # One mint after another when self-checking: each swap is a journaled operation of its own.
    if args.self_check:
        reports = [await _one(service, url, args) for url in urls]
    else:
        reports = list(await asyncio.gather(*(_one(service, url, args) for url in urls)))
    out.result({"mints": [r.to_json() for r in reports]})
    for r in reports:
        out.say(f"{r.url}: {r.summary() if not r.warnings else r.summary().split(' · ⚠')[0]}")
        for warning in r.warnings:
            out.say(f"  ⚠ {warning}")


HANDLERS: dict[str, Handler] = {"health": cmd_health}


def add_parsers(sub: Any) -> None:
    health = sub.add_parser("health", help=_("each mint's health: answer times, failures, expiring keysets, fees"))
    health.add_argument("urls", nargs="*", metavar="URL", help=_("these mints (default: every mint of the wallet)"))
    health.add_argument(
        "--self-check", action="store_true", help=_("also swap a few sat of your own ecash (costs the mint's fees)")
    )
    health.add_argument("--offline", action="store_true", help=_("only what is known, without asking the mints"))
