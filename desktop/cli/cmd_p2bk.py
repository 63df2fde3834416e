"""``nutdesk lock-key``: the public key others lock ecash to for this wallet (NUT-11; blinded with NUT-28).

Locks to it arrive unlocked by ``receive``; ``send --lock KEY`` blinds the lock unless ``--no-blind``.
"""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from core.api.p2bk import wallet_lock_key
from core.api.service import WalletService
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]


async def cmd_lock_key(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    key = wallet_lock_key(service)
    out.result({"lock_key": key})
    out.say(key)


HANDLERS: dict[str, Handler] = {"lock-key": cmd_lock_key}


def add_parsers(sub: Any) -> None:
    sub.add_parser("lock-key", help=_("the public key to lock ecash to for this wallet (P2PK; blinded with P2BK)"))
