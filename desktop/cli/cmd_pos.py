"""CLI commands of the point of sale: ``pos charge|sales|settle|refund|zreport``, and the ``pos`` command itself.

The other ``pos`` actions are added from modules of their own (not ``cmd_*``, so the registry never takes them for
commands): ``pos_admin`` (policy, webhooks, lock, unlock, cashier, sign-in, sign-out), ``pos_items``,
``cmd_receipt`` and ``pos_giveaways``."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from core.api.analytics import write_atomically
from core.api.pos import PaymentRefused, PosService, SaleState, parse_item_spec
from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.cli import argtypes
from desktop.cli.catalogue import _
from desktop.cli.cmd_receipt import add_pos_receipt_parser, pos_receipt
from desktop.cli.pos_admin import ADMIN_HANDLERS, add_admin_parsers
from desktop.cli.pos_giveaways import GIVEAWAY_HANDLERS, add_giveaway_parsers
from desktop.cli.pos_items import ITEM_HANDLERS, add_item_parsers
from desktop.cli.secret_input import token_argument

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]


def add_parsers(sub: Any) -> None:
    pos = sub.add_parser("pos", help=_("point of sale: charge, sales, refunds, Z-report, policy"))
    psub = pos.add_subparsers(dest="pos_command", metavar="ACTION", required=True)
    charge = psub.add_parser("charge", help=_("charge an amount; pay it with --token or print the creqA request"))
    charge.add_argument(
        "amount", type=int, nargs="?", default=0, help=_("the price, in the shop's unit (sat); with --item: a custom "
        "amount on top")
    )  # fmt: skip
    charge.add_argument(
        "--item", action="append", default=[], metavar="NAME[:QTY][@DISCOUNT%]", help=_("sell a catalog item (repeat)")
    )
    charge.add_argument("--tip", type=int, default=0)
    charge.add_argument("--memo", default="", help=_("items or an order reference"))
    charge.add_argument(
        "--token", help=_("the customer's token, - for stdin (else the request is printed and the sale waits)")
    )
    charge.add_argument("--cashier", default=None)
    charge.add_argument(
        "--wait",
        type=float,
        default=0,
        metavar="SECONDS",
        help=_("with Nostr relays configured: wait this long for the customer's wallet to pay over Nostr"),
    )
    listing = psub.add_parser("sales", help=_("recent sales (settling ones are finished first)"))
    listing.add_argument("--limit", type=int, default=20)
    psub.add_parser("settle", help=_("finish sales a crash or a network break left settling"))
    refund = psub.add_parser("refund", help=_("refund part or all of a paid sale as an ecash token"))
    refund.add_argument("sale", help=_("the receipt number (R-000006, as on the receipt and in 'pos sales') or the id"))
    refund.add_argument("amount", type=argtypes.amount, nargs="?", help=_("default: all that is left to refund"))
    refund.add_argument(
        "--key", help=_("an idempotency key: the same key again returns the refund it made, never a second one")
    )
    refund.add_argument("--file", help=_("also write the token to this file"))
    z = psub.add_parser("zreport", help=_("the shift's totals; --close closes the shift"))
    z.add_argument("--close", action="store_true")
    z.add_argument("--shop", action="store_true", help=_("the whole shop: every till's open shift together"))
    z.add_argument("--csv", help=_("write the Z-report as CSV to this file ('-' for stdout)"))
    add_admin_parsers(psub)
    add_item_parsers(psub)
    add_pos_receipt_parser(psub)
    add_giveaway_parsers(psub)


def _sale_line(sale: Any) -> str:
    when = dt.datetime.fromtimestamp(sale.created_at).strftime("%Y-%m-%d %H:%M")
    extra = f" ({sale.failure_detail})" if sale.failure_detail else ""
    return (
        f"{sale.receipt_id} {when} {sale.amount:>8} {sale.unit} {sale.state:<9} {sale.settlement:<9} {sale.id}{extra}"
    )


async def cmd_pos(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    backends = None
    try:
        from backends.registry import default_registry
        from core.api.backends import BackendsService

        backends = BackendsService(service, default_registry())
    except ImportError:  # a build without backends: forwarding is unavailable
        pass
    try:
        async with PosService(service, backends=backends) as pos:
            await _HANDLERS[args.pos_command](pos, args, out)
    finally:
        if backends is not None:
            await backends.aclose()


async def _charge(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    if args.item:
        basket = [parse_item_spec(spec) for spec in args.item]
        session = await pos.charge_items(
            basket, custom=args.amount, tip=args.tip, memo=args.memo, cashier=args.cashier
        )  # fmt: skip
    else:
        session = await pos.start_checkout(args.amount, tip=args.tip, memo=args.memo, cashier=args.cashier)
    if not args.token:
        if args.wait > 0 and "nostr" in session.transports:
            await _wait_for_nostr(pos, session, args.wait, out)
            return
        out.result({"sale": session.sale.to_json(), "request": session.request})
        out.say(
            _("Sale {0}: {1} {2} due. Request:").format(session.sale.receipt_id, session.sale.amount, session.sale.unit)
        )
        out.say(session.request)
        return
    try:
        sale = await pos.pay_token(session.sale.id, token_argument(args.token, None))
    except PaymentRefused as refused:
        sale = pos.sale(session.sale.id)
        out.result({"sale": sale.to_json(), "refused": refused.reason.value, "advice": refused.advice})
        out.say(_("Refused: {0}. {1}").format(refused, refused.advice))
        raise
    out.result({"sale": sale.to_json()})
    out.say(_sale_line(sale))
    if sale.offline:
        out.say(
            _("Accepted offline ({0}): the ecash is redeemed when {1} answers again.").format(
                sale.offline, sale.mint_url
            )
        )
    if sale.change:
        change = sale.in_sale_unit(sale.change)
        text = _("Overpaid by {0} {1}: give it back with 'nutdesk pos refund {2} {3}'.")
        out.say(text.format(sale.change, sale.ecash_unit, sale.receipt_id, change))


async def _wait_for_nostr(pos: PosService, session: Any, seconds: float, out: Output) -> None:
    """Show the request, then wait for the payment to arrive as a NIP-17 message on the shop's relays."""
    out.say(
        _("Sale {0}: {1} {2} due. Request (Nostr):").format(
            session.sale.receipt_id, session.sale.amount, session.sale.unit
        )
    )
    out.say(session.request)
    paid = asyncio.Event()

    def changed(sale: Any) -> None:
        if sale.state is SaleState.PAID:
            paid.set()
        elif sale.state is SaleState.FAILED:
            out.say(_("Refused: {0}. {1}").format(sale.failure_detail, sale.advice))

    session.watch(changed)
    if session.sale.state is SaleState.PAID:  # paid while the inbox caught up
        paid.set()
    try:
        async with asyncio.timeout(seconds):
            await paid.wait()
    except TimeoutError:
        out.say(_("No payment within {0:g} s; the sale stays waiting (a later message still pays it).").format(seconds))
    sale = pos.sale(session.sale.id)
    out.result({"sale": sale.to_json(), "request": session.request})
    out.say(_sale_line(sale))


async def _sales(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    await pos.settle_pending(resume=False)  # start-up recovery already resumed the journal
    sales = pos.sales(limit=args.limit)
    out.result({"sales": [s.to_json() for s in sales]})
    for sale in sales:
        out.say(_sale_line(sale))


async def _settle(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    changed = await pos.settle_pending()
    out.result({"settled": [s.to_json() for s in changed]})
    if not changed:
        out.say(_("Nothing to settle: no sale or refund was left unfinished."))
    for sale in changed:
        out.say(_sale_line(sale))


async def _refund(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    refund = await pos.refund(args.sale, args.amount, key=args.key)
    if args.file:
        write_atomically(args.file, lambda f: f.write(refund.token + "\n"))
    sale = pos.sale(refund.sale_id)
    out.result({"refund": refund.to_json(), "receipt": sale.receipt_id, "refundable": sale.refundable})
    out.say(
        _("Refund of {0} {1} for sale {2}: give the customer this token:").format(
            refund.amount, refund.unit, sale.receipt_id
        )
    )
    out.say(refund.token)


async def _zreport(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    if args.shop and args.close:
        raise UserFacingError(_("each till closes its own shift: run --close at each till (--shop only reports)"))
    report = pos.shop_zreport() if args.shop else pos.close_shift() if args.close else pos.zreport()
    if args.csv == "-":
        pos.write_zreport_csv(report, sys.stdout)
        return
    if args.csv:
        write_atomically(args.csv, lambda f: pos.write_zreport_csv(report, f))
    till = pos.repo.till
    out.result({**report.to_json(), "till": "" if args.shop else till})
    t = report.total
    closed = " (closed)" if report.closed_at else ""
    if args.shop:
        out.say(_("{0} — all tills{1}").format(report.shop, closed))
    elif till:
        out.say(_("{0} — shift {1} at till {2}{3}").format(report.shop, report.shift_id, till, closed))
    else:
        out.say(_("{0} — shift {1}{2}").format(report.shop, report.shift_id, closed))
    for kind, totals in sorted(report.by_settlement.items()):
        out.say(_("  {0:<10} {1:>4} sales {2:>10} {3}").format(kind, totals.count, totals.amount, report.unit))
    if report.shop_wide:  # each till's line; the total below is their sum
        line = _("  till {0:<6} {1:>4} sales {2:>10} {3}; tips {4}, fees {5}, refunds {6} ({7})")
        for name, u in sorted(report.by_till.items()):
            out.say(line.format(name, u.count, u.amount, report.unit, u.tips, u.fees, u.refunds, u.refund_count))
    total = _("  total      {0:>4} sales {1:>10} {2}; tips {3}, fees {4}, refunds {5} ({6})")
    out.say(total.format(t.count, t.amount, report.unit, t.tips, t.fees, t.refunds, t.refund_count))
    if t.losses:
        out.say(_("  losses     {0:>21} {1} (offline ecash found already spent)").format(t.losses, report.unit))
    for rate, tax in sorted(report.taxes.items()):
        out.say(_("  tax {0:>5}% {1:>19} {2} included in {3}").format(rate, tax["tax"], report.unit, tax["amount"]))
    out.say(
        _("  net        {0:>21} {1} (received less fees, refunds and losses); failed: {2}").format(
            t.net, report.unit, report.failed
        )
    )


_HANDLERS = {
    "charge": _charge,
    "sales": _sales,
    "settle": _settle,
    "refund": _refund,
    "zreport": _zreport,
    **ADMIN_HANDLERS,
    **ITEM_HANDLERS,
    **GIVEAWAY_HANDLERS,
    "receipt": pos_receipt,
}

HANDLERS = {"pos": cmd_pos}
