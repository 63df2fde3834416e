"""Mint discovery from the command line (NIP-87): ``discover [--relay URL…] [--network N]`` lists mints announced
and recommended on Nostr with their reviews; ``review URL [--rating 0-5] [--text T]`` publishes yours."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from core.api.discovery import discover_mints, publish_review
from core.api.service import WalletService
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]


async def cmd_discover(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    mints = await discover_mints(service, args.relays, network=args.network)
    known = {m.url for m in service.list_mints()}
    rows: list[dict[str, Any]] = [
        {
            "url": m.url,
            "announced": m.announced,
            "recommendations": m.recommendations,
            "rating": m.rating,
            "nuts": list(m.nuts),
            "in_wallet": m.url in known,
            "reviews": [{"author": r.author, "rating": r.rating, "text": r.text} for r in m.reviews],
        }
        for m in mints
    ]
    out.result({"mints": rows})
    for row in rows:
        stars = f"{row['rating']:.1f}/5" if row["rating"] is not None else "unrated"
        mark = " (in your wallet)" if row["in_wallet"] else ""
        out.say(_("{0}{1}: {2} recommendation(s), {3}").format(row["url"], mark, row["recommendations"], stars))
        for review in row["reviews"][:3]:
            out.say(f"    {review['text'][:100]}")
    if not rows:
        out.say(_("No mints announced or recommended on these relays."))


async def cmd_review(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    results = await publish_review(service, args.url, rating=args.rating, text=args.text, relays=args.relays)
    accepted = [r.relay for r in results if r.accepted]
    out.result({"url": args.url, "accepted": accepted})
    out.say(_("Review of {0} published to {1}.").format(args.url, ", ".join(accepted)))


HANDLERS: dict[str, Handler] = {"discover": cmd_discover, "review": cmd_review}


def add_parsers(sub: Any) -> None:
    disc = sub.add_parser("discover", help=_("mints announced and recommended on Nostr (NIP-87), with reviews"))
    disc.add_argument("--relay", action="append", dest="relays", metavar="URL", help=_("default: your relays"))
    disc.add_argument("--network", default="mainnet", help=_("mainnet (default), testnet, signet or regtest"))
    rev = sub.add_parser("review", help=_("publish your recommendation of a mint on Nostr (NIP-87)"))
    rev.add_argument("url")
    rev.add_argument("--rating", type=int, choices=range(6), metavar="0-5")
    rev.add_argument("--text", default="", help=_("what you would tell others about this mint"))
    rev.add_argument("--relay", action="append", dest="relays", metavar="URL", help=_("default: your relays"))
