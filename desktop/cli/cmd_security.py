"""``nutdesk password set|change|remove|remember|forget``: the wallet password from the command line.

The current password comes the usual way (``NUTDESK_PASSWORD``, ``--password-file``, the OS keyring, a prompt); a
new one from ``NUTDESK_NEW_PASSWORD``, ``--new-password-file FILE`` (``-``: stdin) or a prompt asked twice — never
from an argument, which other local users can read.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import UserFacingError
from desktop import keyring_unlock
from desktop.cli.catalogue import _
from desktop.cli.secret_input import read_file_or_stdin, read_new_password

if TYPE_CHECKING:
    from core.api.service import WalletService
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]

NEW_PASSWORD_ENV = "NUTDESK_NEW_PASSWORD"


def _new_password(args: argparse.Namespace) -> str:
    env = os.environ.get(NEW_PASSWORD_ENV)
    if env is not None:
        return env
    if args.new_password_file:
        return read_file_or_stdin(args.new_password_file)
    return read_new_password()


async def cmd_password(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    current: str | None = getattr(args, "wallet_password", None)
    data_dir = Path(service.config.data_dir)
    action = args.action
    remembered = False
    if action in ("set", "change"):
        if action == "set" and service.password_protected:
            raise UserFacingError(_("this wallet has a password already: use `nutdesk password change`"))
        if action == "change" and not service.password_protected:
            raise UserFacingError(_("this wallet has no password yet: use `nutdesk password set`"))
        new = _new_password(args)
        service.set_password(current, new)
        # A remembered old password would now fail at every start: replace it (or drop it when asked to).
        if keyring_unlock.recall(data_dir) is not None or args.remember:
            remembered = keyring_unlock.remember(data_dir, new)
        message = "Password set: the secret columns of the wallet are now encrypted."
        if action == "change":
            message = "Password changed."
    elif action == "remove":
        if not service.password_protected:
            raise UserFacingError(_("this wallet has no password"))
        service.set_password(current, None)
        keyring_unlock.forget(data_dir)
        message = "Password removed: the wallet is no longer encrypted."
    elif action == "remember":
        if not service.password_protected or current is None:
            raise UserFacingError(_("this wallet has no password to remember"))
        remembered = keyring_unlock.remember(data_dir, current)
        if not remembered:
            raise UserFacingError(
                _(
                    "no OS keyring is available (install nutdesk[keyring] and run a Secret Service, Keychain or "
                    "Credential Locker); the password stays asked at each start"
                )
            )
        message = "The password is remembered in the OS keyring for this data directory."
    else:  # forget
        keyring_unlock.forget(data_dir)
        message = "The OS keyring no longer holds this wallet's password."
    result: dict[str, Any] = {
        "password": service.password_protected,
        "remembered": remembered if action != "forget" else False,
    }
    out.result(result)
    out.say(message)


def add_parsers(sub: Any) -> None:
    p = sub.add_parser(
        "password",
        help=_("set, change or remove the wallet password; remember it in (or forget it from) the OS keyring"),
    )
    p.add_argument("action", choices=["set", "change", "remove", "remember", "forget"])
    p.add_argument(
        "--new-password-file",
        help=_("read the new password from this file (- for stdin); or ${0}").format(NEW_PASSWORD_ENV),
    )
    p.add_argument("--remember", action="store_true", help=_("also remember the new password in the OS keyring"))


HANDLERS = {"password": cmd_password}
