"""Token files from the command line: ``export AMOUNT --mint URL --out FILE [--encrypt] [--lock PUBKEY]`` and
``import FILE``. The file format and its atomic write live in ``core.wallet.token_files``.

The passphrase of an encrypted file comes from ``NUTDESK_FILE_PASSPHRASE``, the first line of a piped stdin, or
is asked on the terminal (never an argument).
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import os
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from core.api import LockOptions, export_token_file, is_encrypted_file, read_token_file
from core.api.repeats import earlier_receive
from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.cli import argtypes
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]
PASSPHRASE_ENV = "NUTDESK_FILE_PASSPHRASE"


def _passphrase(prompt: str, *, confirm: bool = False) -> str:
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    if not sys.stdin.isatty():
        # Piped: the first line of stdin (never an argument, which other local users can read).
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise UserFacingError(_("a passphrase is needed: set {0} or pipe it on stdin").format(PASSPHRASE_ENV))
        return line
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Repeat the passphrase: ")) != first:
        raise UserFacingError(_("the passphrases differ"))
    if not first:
        raise UserFacingError(_("an empty passphrase protects nothing"))
    return first


async def cmd_export(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    passphrase = _passphrase("Passphrase for the file: ", confirm=True) if args.encrypt else None
    lock = LockOptions(pubkey=args.lock) if args.lock else None
    result = await service.send(args.amount, args.mint, args.unit, lock=lock, memo=args.memo)
    # The token exists (and is pending) before the file does: if the write fails, it is still listed for reclaim.
    path = await asyncio.to_thread(export_token_file, args.out, result.token, passphrase)
    service.record_token_file(result.token, str(path))
    out.result({"file": str(path), "amount": result.amount, "fee": result.fee, "encrypted": bool(passphrase)})
    out.say(
        _("Wrote {0} {1} to {2} (fee {3}); it stays pending until claimed.").format(
            result.amount, args.unit, path, result.fee
        )
    )


async def cmd_import(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    passphrase = _passphrase("Passphrase of the file: ") if is_encrypted_file(args.file) else None
    token = await asyncio.to_thread(read_token_file, args.file, passphrase)
    done = earlier_receive(service, token)
    if done is not None:
        out.result({"amount": 0, "fee": 0, "mint": done.mint_url, "unit": done.unit, "already_received": done.amount})
        out.say(
            _("Already received: this file's token gave {0} {1}; nothing more to do.").format(done.amount, done.unit)
        )
        return
    result = await service.receive(token, trust=args.trust)
    out.result({"amount": result.amount, "fee": result.fee, "mint": result.mint, "unit": result.unit})
    out.say(_("Received {0} {1} from {2} (fee {3}).").format(result.amount, result.unit, result.mint, result.fee))


HANDLERS: dict[str, Handler] = {"export": cmd_export, "import": cmd_import}


def add_parsers(sub: Any) -> None:
    exp = sub.add_parser("export", help=_("make a token and write it to a file (.cashu, or .cashu.age encrypted)"))
    exp.add_argument("amount", type=argtypes.amount)
    exp.add_argument("--mint", required=True)
    exp.add_argument("--out", required=True, help=_("the file to write (written atomically, owner-only)"))
    exp.add_argument("--unit", default="sat")
    exp.add_argument(
        "--encrypt", action="store_true", help=_("age-encrypt with a passphrase (${0})").format(PASSPHRASE_ENV)
    )
    exp.add_argument("--lock", help=_("lock to this public key (P2PK)"))
    exp.add_argument("--memo", default="")

    imp = sub.add_parser("import", help=_("redeem the token in a token file"))
    imp.add_argument("file")
    imp.add_argument("--trust", action="store_true", help=_("add and trust the token's mint if it is new"))
