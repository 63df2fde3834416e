"""Where the CLI's commands come from: each module adds its sub-parsers and maps command names to handlers.

A feature (payments, backends, recovery, reports …) adds its own ``desktop/cli/cmd_<feature>.py`` with
``add_parsers(sub)`` and ``HANDLERS``; it is found by name, so no shared file needs editing. None of these
modules may import Qt (the CLI must start fast).
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

__all__ = ["COMMAND_MODULES", "command_modules", "dispatch"]

Handler = Callable[["WalletService", argparse.Namespace, "Output"], Awaitable[None]]

COMMAND_MODULES = ["desktop.cli.commands"]

# Commands that work before a wallet exists.
NO_WALLET_NEEDED = {"init", "mint", "decode", "qr", "receipt"}


def command_modules() -> list[ModuleType]:
    names = list(COMMAND_MODULES)
    package_dir = Path(__file__).parent
    names += sorted(
        f"desktop.cli.{m.name}" for m in pkgutil.iter_modules([str(package_dir)]) if m.name.startswith("cmd_")
    )
    return [importlib.import_module(name) for name in names]


def handlers() -> dict[str, Handler]:
    found: dict[str, Handler] = {}
    for module in command_modules():
        found.update(module.HANDLERS)
    return found


async def dispatch(service: WalletService, args: argparse.Namespace, out: Output) -> Any:
    from core.errors import ConfigError

    if args.command not in NO_WALLET_NEEDED and not service.initialized:
        raise ConfigError(
            f"no wallet in {service.config.data_dir} yet: run `nutdesk init` first (or `nutdesk init --restore`)"
        )
    await handlers()[args.command](service, args, out)
