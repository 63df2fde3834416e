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
            raise UserFacingError(f"--opt takes key=value, not {pair!r}")
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
        out.say("Backend types: " + ", ".join(f"{t['type']} ({t['origin']})" for t in types))
        for error in registry.errors:
            out.say(f"  plugin not loaded: {error}")
        if not configured:
            out.say("No backends configured: nutdesk backends add TYPE --name NAME --opt key=value …")
        for entry in configured:
            caps = entry.get("capabilities")
            flags = ", ".join(k for k, v in caps.items() if v is True) if caps else entry.get("error", "")
            units = ",".join(caps["units"]) if caps else "-"
            out.say(f"{entry['name']}  {entry['type']}  units: {units}  {flags}")
        return
    if action == "add":
        config = backends.add(args.name, args.type, parse_opts(args.opt), replace=args.replace)
        out.result(config.public_json())
        out.say(f"Added backend {config.name} ({config.type}). Check it with: nutdesk backends test {config.name}")
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
        out.say(f"{args.name}: reachable, balance {shown}")
        return
    # remove
    await backends.remove(args.name)
    out.result({"removed": args.name})
    out.say(f"Removed backend {args.name}")


async def cmd_topup(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    backends, _ = _service(service, args)
    try:
        if service.store.get_mint(args.mint.rstrip("/")) is None:
            await service.add_mint(args.mint, trusted=True)
        out.progress(f"Paying a {args.amount} {args.unit} invoice of {args.mint} from {args.backend}…")
        result = await backends.topup(args.amount, args.mint, args.backend, unit=args.unit, timeout=args.timeout)
    finally:
        await backends.aclose()
    out.result(result.to_json())
    out.say(f"Topped up {result.minted} {args.unit} at {args.mint} from {args.backend}.")


async def cmd_withdraw(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    backends, _ = _service(service, args)
    try:
        result = await backends.withdraw(args.amount, args.mint, args.backend, unit=args.unit, max_fee=args.max_fee)
    finally:
        await backends.aclose()
    out.result(result.to_json())
    out.say(
        f"Withdrew {result.amount} {args.unit} to {args.backend} (fee {result.fee}); backend sees it {result.received}."
    )


HANDLERS: dict[str, Handler] = {"backends": cmd_backends, "topup": cmd_topup, "withdraw": cmd_withdraw}


def add_parsers(sub: Any) -> None:
    be = sub.add_parser("backends", help="Lightning backends (LNbits, Blink, NWC, LND, CLN, plugins)")
    bsub = be.add_subparsers(dest="backends_command", metavar="ACTION", required=True)
    bsub.add_parser("list", help="registered types, configured backends and their capabilities")
    add = bsub.add_parser("add", help="configure a backend")
    add.add_argument("type", help="backend type, e.g. lnbits")
    add.add_argument("--name", required=True)
    add.add_argument("--opt", action="append", metavar="KEY=VALUE", help="an option (repeat)")
    add.add_argument("--replace", action="store_true", help="overwrite a backend of the same name")
    test = bsub.add_parser("test", help="reach a backend and show its balance")
    test.add_argument("name")
    rm = bsub.add_parser("remove", help="forget a backend")
    rm.add_argument("name")

    top = sub.add_parser("topup", help="pay a mint quote from a Lightning backend and mint the ecash")
    top.add_argument("amount", type=argtypes.amount)
    top.add_argument("--mint", required=True)
    top.add_argument("--backend", required=True)
    top.add_argument("--unit", default="sat")
    top.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for the mint to see the payment")

    wd = sub.add_parser("withdraw", help="melt ecash into an invoice of a Lightning backend")
    wd.add_argument("amount", type=argtypes.amount)
    wd.add_argument("--mint", required=True)
    wd.add_argument("--backend", required=True)
    wd.add_argument("--unit", default="sat")
    wd.add_argument("--max-fee", type=int, help="refuse when the melt could cost more than this in fees")
