"""``nutdesk db copy --to URL``: move this wallet (its SQLite file) into a shop's PostgreSQL database."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from core.api.database import copy_to_postgresql, url_for_humans
from core.api.service import WalletService
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]


async def cmd_db(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    counts = copy_to_postgresql(service, args.to)
    out.result({"copied": counts, "to": url_for_humans(args.to)})
    out.say(_("Copied {0} rows into {1}.").format(sum(counts.values()), url_for_humans(args.to)))
    out.say(_("Every till now opens it with: nutdesk --db '{0}' --till NAME …").format(url_for_humans(args.to)))


HANDLERS: dict[str, Handler] = {"db": cmd_db}


def add_parsers(sub: Any) -> None:
    db = sub.add_parser("db", help=_("the wallet's database: copy it into PostgreSQL for a shop's tills"))
    dsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    copy = dsub.add_parser(
        "copy", help=_("copy this wallet into an empty PostgreSQL database (nothing else may use it)")
    )
    copy.add_argument("--to", required=True, metavar="URL", help=_("postgresql://USER@HOST/DB (password: PGPASSWORD)"))
