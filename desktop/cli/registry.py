"""Where the CLI's commands come from: each module adds its sub-parsers and maps command names to handlers.

A feature (payments, backends, recovery, reports …) adds its own ``desktop/cli/cmd_<feature>.py`` with
``add_parsers(sub)`` and ``HANDLERS``; it is found by name. None of these modules may import Qt (the CLI must
start fast).

A command imports only its own module: ``COMMAND_INDEX`` says which module has which command (a test checks it
against what the modules register). A command missing from it still works — every module is then imported, as
for ``--help`` — it just starts slower.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from core.api.service import WalletService
    from desktop.cli.runner import Output

__all__ = ["COMMAND_INDEX", "COMMAND_MODULES", "TALKS_TO_MINTS", "command_for", "command_modules", "dispatch"]

Handler = Callable[["WalletService", argparse.Namespace, "Output"], Awaitable[None]]

COMMAND_MODULES = ["desktop.cli.commands"]

# Commands that work before a wallet exists. `db copy` too: the database opened may be the (empty) target a saved
# Settings choice points at; core.api.database finds the SQLite wallet to copy, or says there is none.
NO_WALLET_NEEDED = {"init", "mint", "decode", "qr", "receipt", "db"}


_CORE = "desktop.cli.commands"
COMMAND_INDEX: dict[str, str] = {
    **dict.fromkeys(
        [
            "init",
            "mint",
            "balance",
            "invoice",
            "mint-quote",
            "receive",
            "send",
            "transfer",
            "check",
            "reclaim",
            "restore",
            "history",
        ],
        _CORE,
    ),
    **dict.fromkeys(["backends", "topup", "withdraw"], "desktop.cli.cmd_backends"),
    **dict.fromkeys(["cheque", "vault"], "desktop.cli.cmd_cheques"),
    "db": "desktop.cli.cmd_db",
    **dict.fromkeys(["discover", "review"], "desktop.cli.cmd_discover"),
    **dict.fromkeys(["export", "import"], "desktop.cli.cmd_files"),
    "health": "desktop.cli.cmd_health",
    "mint-backup": "desktop.cli.cmd_mint_backup",
    "lock-key": "desktop.cli.cmd_p2bk",
    **dict.fromkeys(["pay", "relays", "decode", "request"], "desktop.cli.cmd_payments"),
    "pin": "desktop.cli.cmd_pin",
    "pos": "desktop.cli.cmd_pos",
    "qr": "desktop.cli.cmd_qr",
    **dict.fromkeys(["recover", "failed", "reconcile"], "desktop.cli.cmd_recovery"),
    "receipt": "desktop.cli.cmd_receipt",
    "report": "desktop.cli.cmd_report",
    "password": "desktop.cli.cmd_security",
}
# Commands that talk to a mint (or a Lightning backend) over HTTPS: their TLS context is built while they start.
TALKS_TO_MINTS = {
    "mint", "invoice", "mint-quote", "receive", "send", "transfer", "check", "reclaim", "restore", "backends",
    "topup", "withdraw", "cheque", "vault", "discover", "review", "export", "import", "health", "pay", "request",
    "pos", "recover", "failed", "reconcile",
}  # fmt: skip
# Options of the top-level parser that take a value (so the value is not mistaken for the command).
_VALUED_OPTIONS = {"--data-dir", "--db", "--till", "--password-file", "--smoke-test"}


def command_for(argv: list[str]) -> str | None:
    """The command ``argv`` names (the first word that is not a top-level option or its value), if any."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in _VALUED_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def command_modules(command: str | None = None) -> list[ModuleType]:
    """The module of ``command`` alone when the index knows it; else every command module."""
    if command is not None and command in COMMAND_INDEX:
        return [importlib.import_module(COMMAND_INDEX[command])]
    names = list(COMMAND_MODULES)
    package_dir = Path(__file__).parent
    names += sorted(
        f"desktop.cli.{m.name}" for m in pkgutil.iter_modules([str(package_dir)]) if m.name.startswith("cmd_")
    )
    return [importlib.import_module(name) for name in names]


def handlers(command: str | None = None) -> dict[str, Handler]:
    found: dict[str, Handler] = {}
    for module in command_modules(command):
        found.update(module.HANDLERS)
    return found


async def dispatch(service: WalletService, args: argparse.Namespace, out: Output) -> Any:
    from core.errors import ConfigError
    from desktop.cli.catalogue import _

    if args.command not in NO_WALLET_NEEDED and not service.initialized:
        raise ConfigError(
            _("no wallet in {0} yet: run `nutdesk init` first (or `nutdesk init --restore`)").format(
                service.config.data_dir
            )
        )
    await handlers(args.command)[args.command](service, args, out)
