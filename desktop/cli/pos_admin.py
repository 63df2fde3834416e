"""CLI commands that run the till rather than sell: ``pos policy|webhooks|lock|unlock|cashier|sign-in|sign-out``
(the shop's settings, its webhook log and who may use the till). ``cmd_pos`` registers them under ``pos``; the
selling commands (``charge``, ``sales``, ``settle``, ``refund``, ``zreport``) are there."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from typing import TYPE_CHECKING, Any

from core.api.pos import PosService
from core.errors import UserFacingError
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["ADMIN_HANDLERS", "add_admin_parsers"]


def add_admin_parsers(psub: Any) -> None:
    policy = psub.add_parser("policy", help=_("show or change the shop's settlement policy"))
    policy.add_argument("--shop-name")
    policy.add_argument("--mode", choices=["trusted_only", "hold_when_trusted", "always_forward"])
    policy.add_argument("--trust", action="append", default=[], help=_("add a trusted mint (repeat)"))
    policy.add_argument("--untrust", action="append", default=[], help=_("remove a trusted mint"))
    policy.add_argument("--backend", help=_("the saved Lightning backend to forward to"))
    policy.add_argument("--max-input-fee-pct", type=float)
    policy.add_argument("--max-lightning-fee-pct", type=float)
    policy.add_argument("--fee-advance", type=int)
    policy.add_argument("--set-pin", action="store_true", help=_("set the cashier lock's PIN (read like unlock's)"))
    policy.add_argument(
        "--locked-max-charge", type=int, metavar="SATS", help=_("while locked: charge at most (0: any)")
    )
    policy.add_argument(
        "--locked-max-refund", type=int, metavar="SATS", help=_("while locked: refund at most (0: any)")
    )
    policy.add_argument(
        "--unit-pricing",
        choices=["mint", "rates", "off"],
        help=_("usd/eur ecash for a sat sale: priced by the customer's mint, by the exchange rate, or refused"),
    )
    policy.add_argument(
        "--offline-locked", action=argparse.BooleanOptionalAction, default=None,
        help=_("ask customers for ecash locked to the shop's key (taken even while their mint is unreachable)"),
    )  # fmt: skip
    policy.add_argument(
        "--offline-sale-cap", type=int, metavar="SATS", help=_("unlocked ecash taken offline: per sale")
    )
    policy.add_argument("--offline-mint-cap", type=int, metavar="SATS", help=_("… and unredeemed in total per mint"))
    policy.add_argument("--exposure-cap", action="append", default=[], metavar="MINT=SATS")
    policy.add_argument(
        "--webhook",
        action="append",
        default=[],
        metavar="URL[=SECRET]",
        help=_("add a webhook (no secret: one is made)"),
    )
    policy.add_argument("--no-webhook", action="append", default=[], metavar="URL", help=_("remove a webhook"))
    policy.add_argument(
        "--relay", action="append", default=[], metavar="URL", help=_("add a Nostr relay for NIP-17 payments (repeat)")
    )
    policy.add_argument("--no-relay", action="append", default=[], metavar="URL", help=_("remove a Nostr relay"))
    policy.add_argument("--nostr-key", metavar="NSEC", help=_("use this Nostr key (nsec1… or hex) for the shop"))
    psub.add_parser("webhooks", help=_("the webhook delivery log (due deliveries are attempted first)"))
    lock = psub.add_parser("lock", help=_("turn the cashier lock on (the desktop app opens the till locked)"))
    lock.add_argument("--cashier", default="", help=_("who is at the till (recorded with sales)"))
    psub.add_parser("unlock", help=_("turn the cashier lock off; the PIN from $NUTDESK_POS_PIN, stdin or a prompt"))
    cashier = psub.add_parser("cashier", help=_("the till's cashiers, each with a PIN: add NAME | remove NAME | list"))
    cashier.add_argument("action", choices=["add", "remove", "list"])
    cashier.add_argument("name", nargs="?", default="")
    sign_in = psub.add_parser("sign-in", help=_("take the till as a cashier (their PIN like unlock's)"))
    sign_in.add_argument("name")
    psub.add_parser("sign-out", help=_("no cashier at the till"))


async def _policy(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    current = pos.policy()
    changes: dict[str, Any] = {}
    for option, key in (
        ("shop_name", "shop_name"),
        ("mode", "mode"),
        ("backend", "backend"),
        ("max_input_fee_pct", "max_input_fee_pct"),
        ("max_lightning_fee_pct", "max_lightning_fee_pct"),
        ("fee_advance", "fee_advance"),
        ("unit_pricing", "unit_pricing"),
        ("locked_max_charge", "locked_max_charge"),
        ("locked_max_refund", "locked_max_refund"),
        ("offline_locked", "offline_locked"),
        ("offline_sale_cap", "offline_sale_cap"),
        ("offline_mint_cap", "offline_mint_cap"),
    ):
        if getattr(args, option) is not None:
            changes[key] = getattr(args, option)
    if args.trust or args.untrust:
        from core.api.pos import normalize_mint_url

        drop = {normalize_mint_url(u) for u in args.untrust}
        changes["trusted_mints"] = [
            m for m in (*current.trusted_mints, *args.trust) if normalize_mint_url(m) not in drop
        ]
    if args.exposure_cap:
        caps = dict(current.exposure_caps)
        for item in args.exposure_cap:
            mint, _sep, sats = item.rpartition("=")
            caps[mint] = int(sats)
        changes["exposure_caps"] = caps
    # URL=SECRET splits at the last "=" (a URL's query may hold one: give a secret then); a bare URL gets one made.
    added = [pos.add_webhook(*(item.rpartition("=")[::2] if "=" in item else (item,))) for item in args.webhook]
    for url in args.no_webhook:
        pos.remove_webhook(url)
    if args.relay or args.no_relay:
        drop = {r.strip().rstrip("/") for r in args.no_relay}
        changes["nostr_relays"] = [r for r in (*current.nostr_relays, *args.relay) if r.strip().rstrip("/") not in drop]
    if args.set_pin:
        changes["pin"] = _read_pin()
    if args.nostr_key:
        pos.set_nostr_key(args.nostr_key)
    policy = pos.configure(**changes) if changes else pos.policy()
    shown = policy.public_json()
    if added:  # the only time a webhook's secret is shown: the receiver needs it to check signatures
        shown["new_webhooks"] = [{"url": w.url, "secret": w.secret} for w in added]
    if policy.nostr_relays or args.nostr_key:
        shown["nostr_npub"] = pos.nostr_keys().npub
        shown["nostr_profile"] = pos.nostr_profile()
    out.result(shown)
    for key, value in sorted(shown.items()):
        out.say(f"{key}: {value}")


async def _webhooks(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    await pos.deliver_webhooks()
    log = pos.webhook_log()
    out.result({"deliveries": [d.to_json() for d in log]})
    if not log:
        hooks = len(pos.policy().webhooks)
        out.say(
            _("No webhook deliveries yet ({0} webhook{1} configured): a paid or refunded sale sends one.").format(
                hooks, "s" if hooks != 1 else ""
            )
            if hooks
            else _("No webhooks configured: add one with 'pos policy --webhook URL'.")
        )
    for d in log:
        out.say(
            _("#{0} {1} {2} {3} after {4} attempts {5}").format(d.id, d.event, d.url, d.state, d.attempts, d.last_error)
        )


async def _lock(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    pos.lock(args.cashier)
    out.result({"locked": True, "cashier": pos.cashier})
    out.say(_("The till is locked") + (_(" (cashier {0}).").format(pos.cashier) if pos.cashier else "."))


def _read_pin() -> str:
    """The PIN from $NUTDESK_POS_PIN, else a prompt (a terminal) or the first line of stdin (never an argument:
    it would show in the process list)."""
    pin = os.environ.get("NUTDESK_POS_PIN")
    if pin is None:
        pin = getpass.getpass(_("PIN: ")) if sys.stdin.isatty() else sys.stdin.readline().strip()
    if not pin:  # never read as "no PIN": --set-pin would silently take the lock's PIN away
        raise UserFacingError(_("no PIN given (NUTDESK_POS_PIN, the first line of stdin, or the prompt)"))
    return pin


async def _unlock(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    if not pos.locked:
        out.result({"locked": False})
        out.say(_("The till is not locked."))
        return
    pos.unlock(_read_pin())
    out.result({"locked": False})
    out.say(_("The till is unlocked."))


async def _cashier(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    if args.action != "list" and not args.name:
        raise UserFacingError(_("pos cashier {0} needs a NAME").format(args.action))
    if args.action == "add":
        pos.add_cashier(args.name, _read_pin())
    elif args.action == "remove":
        pos.remove_cashier(args.name)
    names = [c.name for c in pos.policy().cashiers]
    out.result({"cashiers": names, "signed_in": pos.cashier, "till": pos.repo.till, "tills": pos.signed_in_tills()})
    out.say(", ".join(names) if names else _("No cashiers."))
    signed = pos.signed_in_tills()
    if signed:  # who is at which till (a shop's tills share the cashiers)
        here = [_("{0} at till {1}").format(name, till) if till else name for till, name in signed.items()]
        out.say(_("Signed in: {0}").format(", ".join(here)))


async def _sign_in(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    pos.sign_in(args.name, _read_pin())
    out.result({"signed_in": pos.cashier, "till": pos.repo.till})
    out.say(_("{0} has the till.").format(pos.cashier))


async def _sign_out(pos: PosService, args: argparse.Namespace, out: Output) -> None:
    pos.sign_out()
    out.result({"signed_in": "", "till": pos.repo.till})
    out.say(_("Signed out."))


ADMIN_HANDLERS = {
    "policy": _policy,
    "webhooks": _webhooks,
    "lock": _lock,
    "unlock": _unlock,
    "cashier": _cashier,
    "sign-in": _sign_in,
    "sign-out": _sign_out,
}
