"""CLI commands of the point of sale: ``pos charge|sales|settle|refund|zreport|policy|webhooks|lock|unlock|cashier|
sign-in|sign-out``."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

from core.api.analytics import write_atomically
from core.api.pos import PaymentRefused, PosService, SaleState, parse_item_spec
from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.cli import argtypes
from desktop.cli.catalogue import _
from desktop.cli.cmd_receipt import add_pos_receipt_parser, pos_receipt
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
    policy = psub.add_parser("policy", help=_("show or change the shop's settlement policy"))
    policy.add_argument("--shop-name")
    policy.add_argument("--mode", choices=["trusted_only", "hold_when_trusted", "always_forward"])
    policy.add_argument("--trust", action="append", default=[], help=_("add a trusted mint (repeat)"))
    policy.add_argument("--untrust", action="append", default=[], help=_("remove a trusted mint"))
    policy.add_argument("--backend", help=_("the saved Lightning backend to forward to"))
    policy.add_argument("--max-input-fee-pct", type=float)
    policy.add_argument("--max-lightning-fee-pct", type=float)
    policy.add_argument("--fee-advance", type=int)
    policy.add_argument("--set-pin", action="store_true", help=_("set the cashier lock's PIN (read like unlock's)"))
    policy.add_argument(
        "--locked-max-charge", type=int, metavar="SATS", help=_("while locked: charge at most (0: any)")
    )
    policy.add_argument(
        "--locked-max-refund", type=int, metavar="SATS", help=_("while locked: refund at most (0: any)")
    )
    policy.add_argument(
        "--unit-pricing",
        choices=["mint", "rates", "off"],
        help=_("usd/eur ecash for a sat sale: priced by the customer's mint, by the exchange rate, or refused"),
    )
    policy.add_argument(
        "--offline-locked", action=argparse.BooleanOptionalAction, default=None,
        help=_("ask customers for ecash locked to the shop's key (taken even while their mint is unreachable)"),
    )  # fmt: skip
    policy.add_argument(
        "--offline-sale-cap", type=int, metavar="SATS", help=_("unlocked ecash taken offline: per sale")
    )
    policy.add_argument("--offline-mint-cap", type=int, metavar="SATS", help=_("… and unredeemed in total per mint"))
    policy.add_argument("--exposure-cap", action="append", default=[], metavar="MINT=SATS")
    policy.add_argument(
        "--webhook",
        action="append",
        default=[],
        metavar="URL[=SECRET]",
        help=_("add a webhook (no secret: one is made)"),
    )
    policy.add_argument("--no-webhook", action="append", default=[], metavar="URL", help=_("remove a webhook"))
    policy.add_argument(
        "--relay", action="append", default=[], metavar="URL", help=_("add a Nostr relay for NIP-17 payments (repeat)")
    )
    policy.add_argument("--no-relay", action="append", default=[], metavar="URL", help=_("remove a Nostr relay"))
    policy.add_argument("--nostr-key", metavar="NSEC", help=_("use this Nostr key (nsec1… or hex) for the shop"))
    psub.add_parser("webhooks", help=_("the webhook delivery log (due deliveries are attempted first)"))
    lock = psub.add_parser("lock", help=_("turn the cashier lock on (the desktop app opens the till locked)"))
    lock.add_argument("--cashier", default="", help=_("who is at the till (recorded with sales)"))
    psub.add_parser("unlock", help=_("turn the cashier lock off; the PIN from $NUTDESK_POS_PIN, stdin or a prompt"))
    cashier = psub.add_parser("cashier", help=_("the till's cashiers, each with a PIN: add NAME | remove NAME | list"))
    cashier.add_argument("action", choices=["add", "remove", "list"])
    cashier.add_argument("name", nargs="?", default="")
    sign_in = psub.add_parser("sign-in", help=_("take the till as a cashier (their PIN like unlock's)"))
    sign_in.add_argument("name")
    psub.add_parser("sign-out", help=_("no cashier at the till"))
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


async def _policy(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    current = pos.policy()
    changes: dict[str, Any] = {}
    for option, key in (
        ("shop_name", "shop_name"),
        ("mode", "mode"),
        ("backend", "backend"),
        ("max_input_fee_pct", "max_input_fee_pct"),
        ("max_lightning_fee_pct", "max_lightning_fee_pct"),
        ("fee_advance", "fee_advance"),
        ("unit_pricing", "unit_pricing"),
        ("locked_max_charge", "locked_max_charge"),
        ("locked_max_refund", "locked_max_refund"),
        ("offline_locked", "offline_locked"),
        ("offline_sale_cap", "offline_sale_cap"),
        ("offline_mint_cap", "offline_mint_cap"),
    ):
        if getattr(args, option) is not None:
            changes[key] = getattr(args, option)
    if args.trust or args.untrust:
        from core.api.pos import normalize_mint_url

        drop = {normalize_mint_url(u) for u in args.untrust}
        changes["trusted_mints"] = [
            m for m in (*current.trusted_mints, *args.trust) if normalize_mint_url(m) not in drop
        ]
    if args.exposure_cap:
        caps = dict(current.exposure_caps)
        for item in args.exposure_cap:
            mint, _sep, sats = item.rpartition("=")
            caps[mint] = int(sats)
        changes["exposure_caps"] = caps
    # URL=SECRET splits at the last "=" (a URL's query may hold one: give a secret then); a bare URL gets one made.
    added = [pos.add_webhook(*(item.rpartition("=")[::2] if "=" in item else (item,))) for item in args.webhook]
    for url in args.no_webhook:
        pos.remove_webhook(url)
    if args.relay or args.no_relay:
        drop = {r.strip().rstrip("/") for r in args.no_relay}
        changes["nostr_relays"] = [r for r in (*current.nostr_relays, *args.relay) if r.strip().rstrip("/") not in drop]
    if args.set_pin:
        changes["pin"] = _read_pin()
    if args.nostr_key:
        pos.set_nostr_key(args.nostr_key)
    policy = pos.configure(**changes) if changes else pos.policy()
    shown = policy.public_json()
    if added:  # the only time a webhook's secret is shown: the receiver needs it to check signatures
        shown["new_webhooks"] = [{"url": w.url, "secret": w.secret} for w in added]
    if policy.nostr_relays or args.nostr_key:
        shown["nostr_npub"] = pos.nostr_keys().npub
        shown["nostr_profile"] = pos.nostr_profile()
    out.result(shown)
    for key, value in sorted(shown.items()):
        out.say(f"{key}: {value}")


async def _webhooks(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    await pos.deliver_webhooks()
    log = pos.webhook_log()
    out.result({"deliveries": [d.to_json() for d in log]})
    if not log:
        hooks = len(pos.policy().webhooks)
        out.say(
            _("No webhook deliveries yet ({0} webhook{1} configured): a paid or refunded sale sends one.").format(
                hooks, "s" if hooks != 1 else ""
            )
            if hooks
            else _("No webhooks configured: add one with 'pos policy --webhook URL'.")
        )
    for d in log:
        out.say(
            _("#{0} {1} {2} {3} after {4} attempts {5}").format(d.id, d.event, d.url, d.state, d.attempts, d.last_error)
        )


async def _lock(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    pos.lock(args.cashier)
    out.result({"locked": True, "cashier": pos.cashier})
    out.say(_("The till is locked") + (_(" (cashier {0}).").format(pos.cashier) if pos.cashier else "."))


def _read_pin() -> str:
    """The PIN from $NUTDESK_POS_PIN, else a prompt (a terminal) or the first line of stdin (never an argument:
    it would show in the process list)."""
    pin = os.environ.get("NUTDESK_POS_PIN")
    if pin is None:
        pin = getpass.getpass(_("PIN: ")) if sys.stdin.isatty() else sys.stdin.readline().strip()
    if not pin:  # never read as "no PIN": --set-pin would silently take the lock's PIN away
        raise UserFacingError(_("no PIN given (NUTDESK_POS_PIN, the first line of stdin, or the prompt)"))
    return pin


async def _unlock(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    if not pos.locked:
        out.result({"locked": False})
        out.say(_("The till is not locked."))
        return
    pos.unlock(_read_pin())
    out.result({"locked": False})
    out.say(_("The till is unlocked."))


async def _cashier(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    if args.action != "list" and not args.name:
        raise UserFacingError(_("pos cashier {0} needs a NAME").format(args.action))
    if args.action == "add":
        pos.add_cashier(args.name, _read_pin())
    elif args.action == "remove":
        pos.remove_cashier(args.name)
    names = [c.name for c in pos.policy().cashiers]
    out.result({"cashiers": names, "signed_in": pos.cashier})
    out.say(", ".join(names) if names else _("No cashiers."))


async def _sign_in(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    pos.sign_in(args.name, _read_pin())
    out.result({"signed_in": pos.cashier})
    out.say(_("{0} has the till.").format(pos.cashier))


async def _sign_out(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    pos.sign_out()
    out.result({"signed_in": ""})
    out.say(_("Signed out."))


_HANDLERS = {
    "charge": _charge,
    "sales": _sales,
    "settle": _settle,
    "refund": _refund,
    "zreport": _zreport,
    "policy": _policy,
    "webhooks": _webhooks,
    "lock": _lock,
    "unlock": _unlock,
    "cashier": _cashier,
    "sign-in": _sign_in,
    "sign-out": _sign_out,
    **ITEM_HANDLERS,
    **GIVEAWAY_HANDLERS,
    "receipt": pos_receipt,
}

HANDLERS = {"pos": cmd_pos}
