"""CLI commands of signed receipts: ``pos receipt SALE`` (the sale's receipt and its signed Nostr event) and
``receipt verify FILE|TEXT`` (anyone's check of one: signature, shop key, amounts)."""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.api.analytics import write_atomically
from core.api.pos import PosService, parse_event, verify_receipt
from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers", "add_pos_receipt_parser", "pos_receipt"]


def add_parsers(sub: Any) -> None:
    receipt = sub.add_parser("receipt", help=_("check a signed receipt (a Nostr event from 'pos receipt')"))
    rsub = receipt.add_subparsers(dest="receipt_command", metavar="ACTION", required=True)
    verify = rsub.add_parser("verify", help=_("check a receipt's signature, shop key and amounts"))
    verify.add_argument("receipt", help=_("a file holding the event JSON, or the JSON itself ('-': stdin)"))
    verify.add_argument("--shop", help=_("the shop's key (npub or hex): refuse a receipt signed by another"))


def add_pos_receipt_parser(psub: Any) -> None:
    receipt = psub.add_parser("receipt", help=_("a paid sale's receipt and its signed Nostr event"))
    receipt.add_argument("sale", help=_("the receipt number (R-000006) or the sale id"))
    receipt.add_argument("--out", help=_("also write the signed event (JSON) to this file"))


async def pos_receipt(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    event = pos.signed_receipt(args.sale)
    if args.out:
        write_atomically(args.out, lambda f: f.write(json.dumps(event) + "\n"))
    rows = pos.receipt(args.sale)
    delivery = pos.receipt_delivery(args.sale)  # sent to the customer's Nostr key when the payment named one
    sent = delivery.to_json() if delivery is not None else None
    out.result({"event": event, "receipt": [list(r) for r in rows], "delivery": sent})
    for label, value in rows:
        out.say(f"{label:<22} {value}")
    out.say(_("Signed receipt (Nostr event):"))
    out.say(json.dumps(event))


def _read(text: str) -> str:
    import sys

    if text == "-":
        return sys.stdin.read()
    if text.lstrip().startswith("{"):
        return text
    try:
        return Path(text).expanduser().read_text(encoding="utf-8")
    except OSError as exc:
        raise UserFacingError(_("cannot read {0}: {1}").format(text, exc.strerror)) from None


async def cmd_receipt(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    text = await asyncio.to_thread(_read, args.receipt)
    try:
        event = parse_event(text)
    except ValueError:
        raise UserFacingError(_("this is not a receipt: expected a Nostr event as JSON")) from None
    check = verify_receipt(event, args.shop)
    out.result(check.to_json())
    record = check.record or {}
    if check.ok:
        shop = f"{record.get('shop')} (key {check.shop_key[:16]}…)"
        out.say(
            _("Valid receipt {0} from {1}: {2:,} {3}.").format(
                record.get("receipt"), shop, record.get("total"), record.get("unit")
            )
        )
        return
    raise UserFacingError(_("invalid receipt: ") + "; ".join(check.problems))


HANDLERS = {"receipt": cmd_receipt}
