"""CLI commands of the payments feature: ``pay`` (every kind of input), ``decode`` and ``request``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from core.api.payments import PaymentsService, PreparedPayment, nostr_relays, set_nostr_relays
from core.api.service import WalletService
from core.errors import UserCancelled, UserFacingError
from desktop.cli import argtypes
from desktop.cli.catalogue import _
from desktop.cli.mpp_pay import cmd_pay_multi_path

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]


def _confirm(prepared: PreparedPayment) -> None:
    if not sys.stdin.isatty():
        raise UserFacingError(_("confirmation needed: add --yes to pay without asking"))
    answer = input(_("{0} Pay? [y/N] ").format(prepared.summary())).strip().lower()
    if answer not in ("y", "yes"):
        raise UserCancelled(_("payment cancelled"))


async def cmd_pay(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    if args.multi_path:  # NUT-15: one invoice from several mints (desktop/cli/mpp_pay.py)
        await cmd_pay_multi_path(service, args, out)
        return
    async with PaymentsService(service) as payments:
        prepared = await payments.prepare_payment(args.input, amount=args.amount, comment=args.comment, mint=args.mint)
        if args.yes:
            out.progress(prepared.summary())
        else:
            _confirm(prepared)
        result = await payments.pay(prepared)
    data = result.to_json()
    out.result(data)
    if result.token:
        out.say(_("This payment request has no transport: hand this token to the receiver:\n"))
        out.say(result.token)
        return
    out.say(_("Paid {0} {1} from {2} (fee {3}).").format(result.amount, result.unit, result.mint_url, result.fee))
    if result.preimage_matches is False:
        out.say(_("Paid, proof of payment does not match (the mint's preimage is not the invoice's)."))
    action = result.success_action
    if action:
        if action.get("description"):
            out.say(action["description"])
        if action.get("message"):
            out.say(_("Message from the receiver: {0}").format(action["message"]))
        if action.get("url"):
            out.say(_("Link from the receiver: {0}").format(action["url"]))
        if action.get("error"):
            out.say(_("(the receiver's message could not be read: {0})").format(action["error"]))


async def cmd_decode(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    from desktop.cli.cmd_qr import resolve_input  # stdin and animated-QR frames (NUT-16)

    async with PaymentsService(service) as payments:
        detected = payments.decode(resolve_input(args.input, out))
    data = detected.to_json()
    out.result(data)
    for key, value in data.items():
        if value not in (None, "", []):
            out.say(f"{key}: {value}")


async def cmd_request(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    async with PaymentsService(service) as payments:
        listener = None
        if args.listen:
            listener = payments.listener(host=args.host, port=args.port, public_url=args.public_url)
            await listener.start()
        request = payments.create_request(
            args.amount, args.unit, mints=args.mints, description=args.description, listener=listener
        )
        encoded = request.encode_creqb() if args.creqb else request.encode_creqa()
        data: dict[str, Any] = {"request": encoded, "id": request.id, "amount": args.amount, "unit": args.unit}
        data["mints"] = list(request.mints)
        if listener is None or request.id is None:
            out.result(data)
            out.say(encoded)
            return
        data["url"] = listener.url_for(request.id)
        # Under --json stdout carries only the final object: the request goes to stderr for whoever shows it.
        out.progress(encoded)
        out.progress(_("Waiting for the payment at {0} …").format(data["url"]))
        received = await listener.wait(request.id, timeout=args.timeout)
    data["received"] = {
        "amount": received.amount,
        "fee": received.fee,
        "mint": received.mint,
        "unit": received.unit,
        "memo": received.memo,
    }
    out.result(data)
    out.say(
        _("Received {0} {1} from {2} (fee {3}).").format(received.amount, received.unit, received.mint, received.fee)
    )


async def cmd_relays(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    """Show or change the Nostr relays a payment request without relay hints is delivered through."""
    relays = [] if args.clear else nostr_relays(service)
    if args.add or args.remove or args.clear:
        drop = {r.strip().rstrip("/") for r in args.remove}
        relays = set_nostr_relays(service, [r for r in (*relays, *args.add) if r.strip().rstrip("/") not in drop])
    out.result({"relays": relays})
    out.say("\n".join(relays) if relays else _("No Nostr relays: requests that name none cannot be paid."))


HANDLERS: dict[str, Handler] = {"pay": cmd_pay, "decode": cmd_decode, "request": cmd_request, "relays": cmd_relays}


def add_parsers(sub: Any) -> None:
    pay = sub.add_parser(
        "pay", help=_("pay a Lightning invoice, an LNURL, a Lightning address or a Cashu payment request")
    )
    pay.add_argument("input", help="bolt11, lightning: or bitcoin: URI, LNURL, lnurlp://, user@domain, creqA/creqb")
    pay.add_argument("--amount", type=int, help=_("amount in the unit (sat) when the input has none"))
    pay.add_argument("--comment", help=_("a comment for the receiver (LNURL comment, payment request memo)"))
    pay.add_argument("--mint", help=_("pay from this mint (default: the cheapest one with enough ecash)"))
    pay.add_argument("--yes", action="store_true", help=_("do not ask for confirmation"))
    pay.add_argument(
        "--multi-path", action="store_true", help=_("pay a bolt11 invoice from several mints at once (NUT-15)")
    )
    pay.add_argument("--from", action="append", dest="from_mints", metavar="URL", help=_("with --multi-path: a mint"))

    relays = sub.add_parser("relays", help=_("the Nostr relays for paying requests that name none (show, add, remove)"))
    relays.add_argument("--add", action="append", default=[], metavar="URL", help="add a relay (wss://…; repeat)")
    relays.add_argument("--remove", action="append", default=[], metavar="URL", help=_("remove a relay"))
    relays.add_argument("--clear", action="store_true", help=_("remove every relay"))

    dec = sub.add_parser("decode", help=_("say what a string is (token, invoice, LNURL, address, payment request)"))
    dec.add_argument("input", nargs="?", help=_("the string; none or - reads stdin (also ur: animated-QR frames)"))

    req = sub.add_parser("request", help=_("create a Cashu payment request (creqA)"))
    req.add_argument("amount", type=argtypes.amount)
    req.add_argument("--unit", default="sat")
    req.add_argument(
        "--mint", action="append", dest="mints", help=_("an accepted mint (repeat; default: trusted mints)")
    )
    req.add_argument("--description")
    req.add_argument("--creqb", action="store_true", help=_("print the NUT-26 creqb1 form instead"))
    req.add_argument("--listen", action="store_true", help=_("receive the payment here over HTTP (post transport)"))
    req.add_argument("--host", default="127.0.0.1", help=_("with --listen: the address to listen on"))
    req.add_argument("--port", type=int, default=0, help=_("with --listen: the port (default: a free one)"))
    req.add_argument("--public-url", help=_("with --listen: the base URL payers should post to"))
    req.add_argument("--timeout", type=float, default=600.0, help=_("with --listen: seconds to wait"))
