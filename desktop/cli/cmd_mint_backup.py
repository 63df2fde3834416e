"""NUT-27 from the command line: ``mint-backup [status|publish|fetch|on|off] [--relay URL…]``, the automatic
backup after any command that changed the mint list, and the mint list ``restore`` fetches first.
"""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from core.api.mint_backup import (
    backup_settings,
    fetch_mint_list,
    merge_mint_lists,
    publish_mint_list,
    set_backup_enabled,
    sync_mint_backup,
)
from core.api.relays import nostr_relays
from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers", "auto_backup", "mints_to_restore"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]


def _relays(service: WalletService, args: argparse.Namespace) -> list[str]:
    return list(getattr(args, "relays", None) or nostr_relays(service))


async def cmd_mint_backup(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    action = args.action
    if action in ("on", "off"):
        settings = set_backup_enabled(service, action == "on")
        out.result(settings.to_json())
        out.say(_("Mint-list backup to Nostr is {0}.").format("on" if settings.enabled else "off"))
        if settings.enabled:
            await _report_sync(service, out)
        return
    if action == "publish":
        report = await publish_mint_list(service, _relays(service, args))
        out.result(report.to_json())
        if not report.ok:
            raise UserFacingError(_("no relay accepted the mint list: {0}").format(report.refused))
        out.say(_("Backed up {0} mints to {1}.").format(len(report.mints), ", ".join(report.accepted)))
        return
    if action == "fetch":
        backup = await fetch_mint_list(service.seed, _relays(service, args))
        mints = list(backup.mints) if backup else []
        out.result({"mints": mints, "timestamp": backup.timestamp if backup else None})
        out.say("\n".join(mints) if mints else _("No mint-list backup on these relays."))
        return
    settings = backup_settings(service)
    data = settings.to_json() | {"relays": nostr_relays(service)}
    out.result(data)
    state = "on" if settings.enabled else "off"
    backed = "never" if settings.published is None else f"{len(settings.published)} mints"
    out.say(
        _("Mint-list backup: {0}; relays: {1}; last backed up: {2}.").format(
            state, ", ".join(data["relays"]) or "none", backed
        )
    )


async def _report_sync(service: WalletService, out: Output) -> None:
    report = await sync_mint_backup(service)
    if report is not None and not report.ok:
        out.progress(
            _("nutdesk: the mint-list backup did not reach a relay ({0}); retried later").format(report.refused)
        )


async def auto_backup(service: WalletService, out: Output) -> None:
    """After a command: back the mint list up if it changed (the runner calls this; never fails the command)."""
    if service.initialized:
        await _report_sync(service, out)


async def mints_to_restore(service: WalletService, args: argparse.Namespace, out: Output) -> list[str]:
    """``restore``'s mints: those given with --mint, plus the NUT-27 backup from the relays (--relay or the
    wallet's own), fetched first so that the words alone bring every mint back."""
    mints = list(args.mints or [])
    relays = list(args.relays or nostr_relays(service))
    if relays:
        out.progress(_("Fetching the mint-list backup from {0} …").format(", ".join(relays)))
        backup = await fetch_mint_list(service.seed, relays)
        found = list(backup.mints) if backup else []
        out.progress(
            _("The backup names {0} mints.").format(len(found)) if backup else _("No mint-list backup on these relays.")
        )
        mints = merge_mint_lists(mints, found)
    if not mints:
        raise UserFacingError(_("which mints? give --mint URL, or --relay wss://… to fetch the mint-list backup"))
    return mints


HANDLERS: dict[str, Handler] = {"mint-backup": cmd_mint_backup}


def add_parsers(sub: Any) -> None:
    backup = sub.add_parser(
        "mint-backup", help=_("back the mint list up to Nostr, encrypted to the recovery words (NUT-27)")
    )
    backup.add_argument("action", nargs="?", default="status", choices=["status", "publish", "fetch", "on", "off"])
    backup.add_argument(
        "--relay", action="append", dest="relays", metavar="URL", help=_("use this relay (repeat; default: `relays`)")
    )
