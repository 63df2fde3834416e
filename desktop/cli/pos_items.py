"""CLI commands of the point of sale's catalog: ``pos item add|list|remove|import|export`` (``pos charge --item``
is in cmd_pos)."""

from __future__ import annotations

import argparse
import asyncio
import io
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.api.analytics import write_atomically
from core.api.pos import Item, PosService
from core.errors import UserFacingError
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["ITEM_HANDLERS", "add_item_parsers"]


def add_item_parsers(psub: Any) -> None:
    item = psub.add_parser("item", help=_("the shop's item catalog: add | list | remove | import | export"))
    isub = item.add_subparsers(dest="item_command", metavar="ACTION", required=True)
    add = isub.add_parser("add", help=_("add or replace an item"))
    add.add_argument("name")
    add.add_argument("price", help=_("the price, tax included (sat, or the shop's currency with --currency)"))
    add.add_argument("--currency", default="sat", help=_("sat (default) or the shop's fiat currency, e.g. EUR"))
    add.add_argument("--category", default="")
    add.add_argument("--tax-rate", default="0", metavar="PERCENT", help=_("the tax included in the price"))
    add.add_argument("--stock", type=int, default=None, help=_("count the stock (default: not counted)"))
    isub.add_parser("list", help=_("the catalog"))
    stats = isub.add_parser("stats", help=_("best sellers, sales per category and offline losses"))
    stats.add_argument("--days", type=float, default=30, help=_("over the last DAYS days (default 30)"))
    remove = isub.add_parser("remove", help=_("remove an item"))
    remove.add_argument("name")
    imp = isub.add_parser(
        "import", help=_("add or replace items from CSV (name,price,currency,category,tax_rate,stock)")
    )
    imp.add_argument("file", help=_("the CSV file ('-' for stdin)"))
    exp = isub.add_parser("export", help=_("the catalog as CSV"))
    exp.add_argument("file", nargs="?", default="-", help=_("the CSV file (default: stdout)"))


def _read(path: str) -> str:
    return Path(path).expanduser().read_text(encoding="utf-8")


def _line(item: Item) -> str:
    stock = "" if item.stock is None else f"  stock {item.stock}"
    tax = f"  tax {item.tax_rate.normalize():f}%" if item.tax_rate else ""
    return f"{item.name:<24} {item.price_text:>14}  {item.category or '—'}{tax}{stock}"


async def _item(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    action = args.item_command
    if action == "add":
        item = pos.add_item(Item.make(args.name, args.price, args.currency, args.category, args.tax_rate, args.stock))
        out.result({"item": item.to_json()})
        out.say(_("Saved: {0}").format(_line(item)))
    elif action == "stats":
        found = pos.sales_stats(time.time() - args.days * 86400)
        out.result(found)
        for row in found["items"]:
            out.say(_("{0:<24} {1:>6} sold {2:>12,}").format(row["name"], row["quantity"], row["amount"]))
        for row in found["categories"]:
            out.say(_("category {0:<15} {1:>12,}").format(row["category"], row["amount"]))
        for row in found["losses"]:
            out.say(_("loss {0} {1:,} ({2})").format(row["receipt"], row["loss"], row["mint"]))
    elif action == "remove":
        pos.remove_item(args.name)
        out.result({"removed": args.name})
        out.say(_("Removed {0}.").format(args.name))
    elif action == "import":
        if args.file == "-":
            items = pos.import_items(sys.stdin)
        else:
            try:
                text = await asyncio.to_thread(_read, args.file)
            except OSError as exc:
                raise UserFacingError(_("cannot read {0}: {1}").format(args.file, exc.strerror)) from None
            items = pos.import_items(io.StringIO(text, newline=""))
        out.result({"imported": [i.to_json() for i in items]})
        out.say(_("Imported {0} item{1}.").format(len(items), "s" if len(items) != 1 else ""))
    elif action == "export":
        if args.file == "-":
            pos.export_items(sys.stdout)
            return
        count = [0]
        write_atomically(args.file, lambda f: count.__setitem__(0, pos.export_items(f)))
        out.result({"exported": count[0], "file": args.file})
        out.say(_("Exported {0} items to {1}.").format(count[0], args.file))
    else:
        items = pos.items()
        out.result({"items": [i.to_json() for i in items]})
        if not items:
            out.say(_("The catalog is empty: add items with 'pos item add NAME PRICE'."))
        for i in items:
            out.say(_line(i))


ITEM_HANDLERS = {"item": _item}
