"""CLI commands of giveaways: ``pos giveaway create|list|close|claim|codes|serve``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from typing import TYPE_CHECKING, Any

from core.api.giveaway_page import write_page
from core.api.giveaways import GiveawayService
from core.api.pos import PosService
from core.errors import UserFacingError
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["GIVEAWAY_HANDLERS", "add_giveaway_parsers"]


def add_giveaway_parsers(psub: Any) -> None:
    giveaway = psub.add_parser("giveaway", help=_("giveaways (a faucet): create | list | close | claim | codes …"))
    gsub = giveaway.add_subparsers(dest="giveaway_command", metavar="ACTION", required=True)
    create = gsub.add_parser("create", help=_("a new giveaway"))
    create.add_argument("name")
    create.add_argument("--amount", type=int, required=True, help=_("per claim"))
    create.add_argument("--budget", type=int, required=True, help=_("in total: the giveaway stops there"))
    create.add_argument("--per-claimant", type=int, default=1, help=_("claims per claimant per period (default 1)"))
    create.add_argument("--period", default="1d", help=_("30m, 12h, 1d, 2w … (default 1d)"))
    create.add_argument("--codes", type=int, default=0, help=_("one-time codes to print on flyers (shown once)"))
    create.add_argument("--mint", help=_("the mint to give from (default: the one with the most)"))
    gsub.add_parser("list", help=_("giveaways with what is left"))
    close = gsub.add_parser("close", help=_("stop a giveaway"))
    close.add_argument("id")
    claim = gsub.add_parser("claim", help=_("pay a claim: a claimant's payment request, or a one-time code"))
    claim.add_argument("id")
    who = claim.add_mutually_exclusive_group(required=True)
    who.add_argument("--request", help=_("the claimant's NUT-18 request (creqA…; their Nostr key is the claimant)"))
    who.add_argument("--code", help=_("a one-time code from the flyer, or its QR's link (the token is printed)"))
    codes = gsub.add_parser("codes", help=_("a giveaway's one-time codes; --out writes the printable page of QR codes"))
    codes.add_argument("id")
    codes.add_argument("--out", help=_("write the page (HTML, one QR per code) to this file"))
    serve = gsub.add_parser("serve", help=_("take claims over Nostr and HTTP until interrupted"))
    serve.add_argument("--seconds", type=float, default=0, help=_("stop after this many seconds (default: never)"))


def _line(g: Any) -> str:
    return (f"{g.id}  {g.name:<20} {g.amount:>6} {g.unit}/claim  {g.spent:>8}/{g.budget} given  {g.claims:>4} "
            f"claims  {g.state}")  # fmt: skip


async def _giveaway(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    service = GiveawayService(pos.service)
    action = args.giveaway_command
    if action == "create":
        pos.check_unlocked(_("create a giveaway"))
        made, codes = service.create(
            args.name, args.amount, args.budget, per_claimant=args.per_claimant, period=args.period,
            codes=args.codes, mint=args.mint,
        )  # fmt: skip
        out.result({"giveaway": made.to_json(), "codes": codes})
        out.say(_line(made))
        for code in codes:
            out.say(_("  code {0}").format(code))
    elif action == "close":
        closed = service.close(args.id)
        out.result({"giveaway": closed.to_json()})
        out.say(_line(closed))
    elif action == "claim":
        claim = await service.claim(args.id, request=args.request, code=args.code)
        out.result({"claim": claim.to_json()})
        out.say(_("Claim {0}: {1} given.").format(claim.id, claim.amount))
        if claim.token:
            out.say(claim.token)
    elif action == "codes":
        await _codes(pos, service, args, out)
    elif action == "serve":
        await _serve(pos, args, out)
    else:
        found = service.giveaways()
        out.result({"giveaways": [g.to_json() for g in found]})
        if not found:
            out.say(_("No giveaways: create one with 'pos giveaway create NAME --amount N --budget N'."))
        for g in found:
            out.say(_line(g))


async def _codes(pos: PosService, service: GiveawayService, args: argparse.Namespace, out: Output) -> None:
    codes = service.codes(args.id)
    out.result({"giveaway": service.giveaway(args.id).to_json(),
                "codes": [{"code": code, "claimed": claimed} for code, claimed in codes]})  # fmt: skip
    for code, claimed in codes:
        out.say(f"{code}  {_('claimed') if claimed else _('open')}")
    if args.out:
        page = service.codes_page(args.id, pos)
        written = await asyncio.to_thread(write_page, args.out, page)
        out.data["page"] = str(written)
        out.say(_("The page of QR codes is in {0}: print it and cut out the flyers.").format(written))


async def _serve(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    serving = await pos.serve_giveaways()
    if not serving:
        raise UserFacingError(_("nothing to serve: no open giveaway, or neither Nostr relays nor a POST endpoint "
                                "in the POS policy"))  # fmt: skip
    out.say(_("Taking giveaway claims over {0} (Ctrl-C stops).").format(", ".join(serving)))
    stop = asyncio.Event()
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(args.seconds or None):
            await pos.run_background(stop, interval=5.0)
    out.result({"served": serving})


GIVEAWAY_HANDLERS = {"giveaway": _giveaway}
