"""Cheques and the token vault from the command line.

``cheque AMOUNT --to PUBKEY|npub --expires 30d [--mint URL] [--out FILE] [--encrypt] [--page FILE]``: a token
only the recipient can redeem, back to us after the expiry; with ``--out`` written to a token file (age-encrypted
with ``--encrypt``) and a printable HTML page with its QR beside it (``FILE.html``, or ``--page``).
``vault list`` (NUT-07 check of every exported token), ``vault reclaim ID`` / ``vault reclaim --expired
[--unclaimed]``, ``vault auto on|off``.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.api import export_token_file
from core.api.cheque_page import render_page, write_page
from core.api.cheques import ChequeService, VaultState, parse_duration
from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.cli import argtypes
from desktop.cli.catalogue import _
from desktop.cli.cmd_files import PASSPHRASE_ENV, _passphrase

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]


async def cmd_cheque(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    if args.encrypt and not args.out:
        raise UserFacingError(_("--encrypt needs --out FILE"))
    passphrase = _passphrase("Passphrase for the file: ", confirm=True) if args.encrypt else None
    cheques = ChequeService(service)
    result, cheque = await cheques.write_cheque(
        args.amount,
        args.to,
        expires_in=parse_duration(args.expires),
        mint_url=args.mint,
        unit=args.unit,
        memo=args.memo,
    )
    data: dict[str, Any] = {
        "amount": result.amount,
        "fee": result.fee,
        "unit": args.unit,
        "recipient": cheque.recipient,
        "locktime": cheque.locktime,
        "token": result.token,
    }
    page_path = args.page or (f"{args.out}.html" if args.out else None)
    if args.out:
        path = await asyncio.to_thread(export_token_file, args.out, result.token, passphrase)
        service.record_token_file(result.token, str(path))
        data["file"], data["encrypted"] = str(path), bool(passphrase)
    if page_path:
        mint = service.store.get_operation(result.operation_id)
        page = render_page(
            result.token,
            amount=result.amount,
            unit=args.unit,
            mint=mint.mint_url if mint else "",
            recipient=cheque.recipient,
            locktime=cheque.locktime,
            memo=args.memo,
        )
        data["page"] = str(await asyncio.to_thread(write_page, Path(page_path), page))
    out.result(data)
    out.say(_("Cheque for {0} {1} to {2} (fee {3}).").format(result.amount, args.unit, cheque.recipient, result.fee))
    if args.out:
        out.say(_("Written to {0}").format(data["file"]) + (_(" and {0}").format(data["page"]) if page_path else ""))
    else:
        out.say(result.token)


async def cmd_vault(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    cheques = ChequeService(service)
    if args.vault_action == "auto":
        cheques.set_auto_reclaim(args.state == "on")
        out.result({"auto_reclaim": cheques.auto_reclaim()})
        out.say(_("Automatic reclaim of expired cheques is {0}.").format(args.state))
        return
    if args.vault_action == "reclaim":
        if args.id is None and not args.expired and not args.unclaimed:
            raise UserFacingError(_("name a token (vault reclaim ID) or use --expired / --unclaimed"))
        if args.id is not None:
            results = [await cheques.reclaim(args.id)]
        else:
            results = await cheques.reclaim_all(expired_only=not args.unclaimed)
        total = sum(r.amount for r in results)
        out.result({"reclaimed": len(results), "amount": total})
        out.say(_("Reclaimed {0} token(s), {1} in all.").format(len(results), total))
        return
    entries = await cheques.refresh(settled=None)  # the CLI lists every one
    out.result({"entries": [e.to_json() for e in entries]})
    for e in entries:
        kind = "cheque" if e.cheque else "token"
        where = f"  {e.file_path}" if e.file_path else ""
        out.say(f"#{e.id:<4} {kind:<6} {e.amount:>8} {e.unit:<4} {e.state.value:<9} {e.mint_url}{where}")
    if not entries:
        out.say(_("No exported tokens."))
    expired = sum(1 for e in entries if e.state is VaultState.EXPIRED)
    if expired:
        out.say(_("{0} expired cheque(s): take them back with `nutdesk vault reclaim --expired`.").format(expired))


HANDLERS: dict[str, Handler] = {"cheque": cmd_cheque, "vault": cmd_vault}


def add_parsers(sub: Any) -> None:
    chq = sub.add_parser("cheque", help=_("a token locked to a recipient that returns to you after its expiry"))
    chq.add_argument("amount", type=argtypes.amount)
    chq.add_argument("--to", required=True, help=_("the recipient's public key (hex, P2PK:hex or npub)"))
    chq.add_argument("--expires", default="30d", help=_("when it returns to you: 30d, 12h, 90m … (default 30d)"))
    chq.add_argument("--mint", help=_("the mint to pay from (default: the one holding the most)"))
    chq.add_argument("--unit", default="sat")
    chq.add_argument("--out", help=_("write the token to this file (atomically, owner-only) and a page FILE.html"))
    chq.add_argument("--page", help=_("write the printable page (HTML with the QR) here"))
    chq.add_argument(
        "--encrypt", action="store_true", help=_("age-encrypt the file with a passphrase (${0})").format(PASSPHRASE_ENV)
    )
    chq.add_argument("--memo", default="")

    vault = sub.add_parser("vault", help=_("exported tokens and cheques: list with their state, reclaim"))
    actions = vault.add_subparsers(dest="vault_action")
    actions.add_parser("list", help=_("every exported token and cheque, checked with the mint (NUT-07)"))
    rec = actions.add_parser("reclaim", help=_("take back an unclaimed token or an expired cheque"))
    rec.add_argument("id", type=int, nargs="?")
    rec.add_argument("--expired", action="store_true", help=_("every expired cheque"))
    rec.add_argument("--unclaimed", action="store_true", help=_("also every unclaimed plain token"))
    auto = actions.add_parser("auto", help=_("reclaim expired cheques automatically when the vault is checked"))
    auto.add_argument("state", choices=["on", "off"])
