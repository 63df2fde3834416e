"""The spending PIN from the command line: ``pin set [--threshold N]``, ``pin clear``, ``pin threshold N``,
``pin status``; and the prompter that asks for it when a command spends above the limit.

A PIN never comes from the command line (other local users can read it there): the current PIN from
``NUTDESK_PIN``, a new one from ``NUTDESK_NEW_PIN`` — either set to ``-`` to read it from stdin (current first,
then new, one per line) — or else from a prompt on the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from core.api.service import WalletService
from core.api.spending_pin import PinRequired, guard_of
from core.errors import UserFacingError
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers", "install_cli_pin_prompter"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]
PIN_ENV = "NUTDESK_PIN"
NEW_PIN_ENV = "NUTDESK_NEW_PIN"


def _read(env_name: str, prompt: str, *, confirm: bool = False) -> str | None:
    value = os.environ.get(env_name)
    if value == "-":
        return sys.stdin.readline().rstrip("\r\n")
    if value:
        return value
    if not sys.stdin.isatty():
        return None
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass(_("Repeat it: ")) != first:
        raise UserFacingError(_("the two PINs differ"))
    return first


def current_pin(required: bool) -> str | None:
    pin = _read(PIN_ENV, "Spending PIN: ")
    if pin is None and required:
        raise PinRequired(_("the spending PIN is needed: set {0} (or {0}=- and pipe it on stdin)").format(PIN_ENV))
    return pin


def install_cli_pin_prompter(service: WalletService) -> None:
    """Spending commands above the limit take the PIN from the environment, stdin or the terminal."""
    interactive = os.environ.get(PIN_ENV) is None and sys.stdin.isatty()

    async def prompt(message: str, error: UserFacingError | None) -> str | None:
        if error is not None:
            if not interactive:
                raise error  # a PIN from the environment will not change: no second try
            print(_("nutdesk: {0}").format(error), file=sys.stderr)
        print(message, file=sys.stderr)
        return current_pin(required=True)

    guard_of(service.store).prompter = prompt


async def cmd_pin(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    guard = guard_of(service.store)
    action = args.pin_action or "status"
    if action == "set":
        current = current_pin(required=True) if guard.configured else None
        new = _read(NEW_PIN_ENV, "New spending PIN: ", confirm=True)
        if not new:
            raise UserFacingError(
                _("no new PIN given: set {0} (or {1}=- and pipe it on stdin)").format(NEW_PIN_ENV, NEW_PIN_ENV)
            )
        guard.set_pin(new, current=current)
        if args.threshold is not None:
            guard.set_threshold(args.threshold, current=new)
        out.say(_("Spending PIN set: spends above {0} need it.").format(guard.threshold))
    elif action == "clear":
        guard.clear(current_pin(required=True) or "")
        out.say(_("Spending PIN removed."))
    elif action == "threshold":
        raising = guard.configured and args.amount > guard.threshold
        guard.set_threshold(args.amount, current=current_pin(required=True) if raising else None)
        out.say(_("Spends above {0} need the spending PIN.").format(guard.threshold))
    out.result({"configured": guard.configured, "threshold": guard.threshold, "retry_after": guard.retry_after()})
    if action == "status":
        state = f"set; spends above {guard.threshold} need it" if guard.configured else "not set"
        out.say(_("Spending PIN: {0}.").format(state))


HANDLERS: dict[str, Handler] = {"pin": cmd_pin}


def add_parsers(sub: Any) -> None:
    pin = sub.add_parser(
        "pin", help=_("the spending PIN for spends above a limit (PIN from ${0}, never argv)").format(PIN_ENV)
    )
    actions = pin.add_subparsers(dest="pin_action")
    set_ = actions.add_parser(
        "set", help=_("set or change the PIN (new one from ${0} or a prompt)").format(NEW_PIN_ENV)
    )
    set_.add_argument("--threshold", type=int, help=_("spends above this amount need the PIN (default 0: all)"))
    actions.add_parser("clear", help=_("remove the PIN"))
    threshold = actions.add_parser("threshold", help=_("the amount above which the PIN is needed"))
    threshold.add_argument("amount", type=int)
    actions.add_parser("status", help=_("whether a PIN is set, and the limit"))
