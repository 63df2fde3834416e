"""CLI commands for Lightning backends: ``backends list|add|test|remove``, ``topup`` and ``withdraw``.

The concrete registry (built-ins, entry-point plugins, plugin directories) is wired here; ``core.api.backends``
only sees it through the ``BackendTypes`` port.
"""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from core.api.backends import BackendsService
from core.api.service import WalletService
from core.errors import NutdeskError, UserFacingError
from desktop.cli import argtypes
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from backends.registry import BackendRegistry
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers", "parse_opts"]

Handler = Callable[[WalletService, argparse.Namespace, "Output"], Awaitable[None]]


def parse_opts(pairs: list[str] | None) -> dict[str, str]:
    options: dict[str, str] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UserFacingError(_("--opt takes key=value, not {0!r}").format(pair))
        options[key.strip()] = value
    return options


def _registry() -> BackendRegistry:
    from backends.registry import default_registry

    return default_registry()


def _service(service: WalletService, args: argparse.Namespace) -> tuple[BackendsService, BackendRegistry]:
    from desktop.cli.runner import read_password

    password = read_password(args) if service.password_protected else None
    registry = _registry()
    return BackendsService(service, registry, password), registry


async def cmd_backends(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    backends, registry = _service(service, args)
    try:
        await _backends_action(backends, registry, args, out)
    finally:
        await backends.aclose()


async def _backends_action(
    backends: BackendsService, registry: BackendRegistry, args: argparse.Namespace, out: Output
) -> None:
    action = args.backends_command
    if action == "list":
        configured: list[dict[str, Any]] = []
        for config in backends.list():
            entry = config.public_json()
            try:
                entry["capabilities"] = backends.capabilities(config.name).to_json()
            except NutdeskError as exc:
                entry["error"] = str(exc)
            configured.append(entry)
        types = backends.types()
        for t in types:
            t["origin"] = registry.origin(t["type"])
        plugin_errors = [{"source": e.source, "error": e.error} for e in registry.errors]
        out.result({"types": types, "configured": configured, "plugin_errors": plugin_errors})
        out.say(_("Backend types: ") + ", ".join(f"{t['type']} ({t['origin']})" for t in types))
        for error in registry.errors:
            out.say(_("  plugin not loaded: {0}").format(error))
        if not configured:
            out.say(_("No backends configured: nutdesk backends add TYPE --name NAME --opt key=value …"))
        for entry in configured:
            caps = entry.get("capabilities")
            flags = ", ".join(k for k, v in caps.items() if v is True) if caps else entry.get("error", "")
            units = ",".join(caps["units"]) if caps else "-"
            out.say(_("{0}  {1}  units: {2}  {3}").format(entry["name"], entry["type"], units, flags))
        return
    if action == "add":
        config = backends.add(args.name, args.type, parse_opts(args.opt), replace=args.replace)
        out.result(config.public_json())
        out.say(
            _("Added backend {0} ({1}). Check it with: nutdesk backends test {2}").format(
                config.name, config.type, config.name
            )
        )
        return
    if action == "test":
        status = await backends.test(args.name)
        caps = backends.capabilities(args.name)
        out.result({"name": args.name, "ok": True, **status.to_json(), "capabilities": caps.to_json()})
        shown = (
            f"{status.balance // 1000} sat ({status.balance} msat)"
            if status.unit == "msat"
            else (f"{status.balance} {status.unit}")
        )
        out.say(_("{0}: reachable, balance {1}").format(args.name, shown))
        return
    # remove
    await backends.remove(args.name)
    out.result({"removed": args.name})
    out.say(_("Removed backend {0}").format(args.name))


async def cmd_topup(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    backends, _spec = _service(service, args)
    try:
        if service.store.get_mint(args.mint.rstrip("/")) is None:
            await service.add_mint(args.mint, trusted=True)
        out.progress(
            _("Paying a {0} {1} invoice of {2} from {3}…").format(args.amount, args.unit, args.mint, args.backend)
        )
        result = await backends.topup(args.amount, args.mint, args.backend, unit=args.unit, timeout=args.timeout)
    finally:
        await backends.aclose()
    out.result(result.to_json())
    out.say(_("Topped up {0} {1} at {2} from {3}.").format(result.minted, args.unit, args.mint, args.backend))


async def cmd_withdraw(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    backends, _spec = _service(service, args)
    try:
        result = await backends.withdraw(args.amount, args.mint, args.backend, unit=args.unit, max_fee=args.max_fee)
    finally:
        await backends.aclose()
    out.result(result.to_json())
    out.say(
        _("Withdrew {0} {1} to {2} (fee {3}); backend sees it {4}.").format(
            result.amount, args.unit, args.backend, result.fee, result.received
        )
    )


HANDLERS: dict[str, Handler] = {"backends": cmd_backends, "topup": cmd_topup, "withdraw": cmd_withdraw}


def add_parsers(sub: Any) -> None:
    be = sub.add_parser("backends", help=_("Lightning backends (LNbits, Blink, NWC, LND, CLN, plugins)"))
    bsub = be.add_subparsers(dest="backends_command", metavar="ACTION", required=True)
    bsub.add_parser("list", help=_("registered types, configured backends and their capabilities"))
    add = bsub.add_parser("add", help=_("configure a backend"))
    add.add_argument("type", help=_("backend type, e.g. lnbits"))
    add.add_argument("--name", required=True)
    add.add_argument("--opt", action="append", metavar="KEY=VALUE", help=_("an option (repeat)"))
    add.add_argument("--replace", action="store_true", help=_("overwrite a backend of the same name"))
    test = bsub.add_parser("test", help=_("reach a backend and show its balance"))
    test.add_argument("name")
    rm = bsub.add_parser("remove", help=_("forget a backend"))
    rm.add_argument("name")

    top = sub.add_parser("topup", help=_("pay a mint quote from a Lightning backend and mint the ecash"))
    top.add_argument("amount", type=argtypes.amount)
    top.add_argument("--mint", required=True)
    top.add_argument("--backend", required=True)
    top.add_argument("--unit", default="sat")
    top.add_argument("--timeout", type=float, default=120.0, help=_("seconds to wait for the mint to see the payment"))

    wd = sub.add_parser("withdraw", help=_("melt ecash into an invoice of a Lightning backend"))
    wd.add_argument("amount", type=argtypes.amount)
    wd.add_argument("--mint", required=True)
    wd.add_argument("--backend", required=True)
    wd.add_argument("--unit", default="sat")
    wd.add_argument("--max-fee", type=int, help=_("refuse when the melt could cost more than this in fees"))
