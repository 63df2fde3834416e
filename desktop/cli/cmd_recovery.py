"""CLI commands of the operation journal: ``recover``, ``failed list|retry|dismiss``, ``reconcile [--apply]``."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from core.api.recovery import RecoveryService
from core.api.service import WalletService
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]


def add_parsers(sub: Any) -> None:
    sub.add_parser("recover", help=_("resume every unfinished operation now and print what was done"))
    failed = sub.add_parser("failed", help=_("failed transactions: list, retry, dismiss"))
    fsub = failed.add_subparsers(dest="failed_command", metavar="ACTION", required=True)
    listing = fsub.add_parser("list", help=_("failed transactions still open"))
    listing.add_argument("--all", action="store_true", help=_("include recovered and dismissed ones"))
    retry = fsub.add_parser("retry", help=_("retry one now"))
    retry.add_argument("id", type=int)
    dismiss = fsub.add_parser("dismiss", help=_("stop retrying one automatically (its ecash stays reserved)"))
    dismiss.add_argument("id", type=int)
    rec = sub.add_parser("reconcile", help=_("compare local proofs with the mints' NUT-07 states"))
    rec.add_argument("--apply", action="store_true", help=_("apply the differences shown"))


async def cmd_recover(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    reports = await RecoveryService(service).recover()
    out.result({"operations": [r.to_json() for r in reports]})
    if not reports:
        out.say(_("Nothing to recover: every operation is finished."))
    for r in reports:
        out.say(f"{r.kind:<9} {r.amount:>8} {r.unit:<4} {r.result:<12} {r.detail}  ({r.mint_url})")


async def cmd_failed(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    recovery = RecoveryService(service)
    if args.failed_command == "retry":
        report = await recovery.retry(args.id)
        out.result(report.to_json())
        if report.detail.startswith("already "):  # finished on its own (the background recovery): not an error
            out.say(
                _("Already done: the {0} of {1} {2} is {3}.").format(
                    report.kind, report.amount, report.unit, report.detail[8:]
                )
            )
            return
        out.say(f"{report.kind} {report.amount} {report.unit}: {report.result} — {report.detail}")
        return
    if args.failed_command == "dismiss":
        recovery.dismiss(args.id)
        out.result({"dismissed": args.id})
        out.say(_("Dismissed failed transaction {0}; its ecash stays reserved until it is resolved.").format(args.id))
        return
    rows = recovery.failed(include_closed=args.all)
    out.result(
        {
            "failed": [
                {
                    "id": f.id,
                    "operation": f.operation,
                    "operation_id": f.operation_id,
                    "mint": f.mint_url,
                    "unit": f.unit,
                    "amount": f.amount,
                    "reason": f.reason_code,
                    "details": f.details,
                    "retries": f.retry_count,
                    "next_retry_at": dt.datetime.fromtimestamp(f.next_retry_at, dt.UTC).isoformat(timespec="seconds"),
                    "status": f.status,
                }
                for f in rows
            ]
        }
    )
    if not rows:
        out.say(_("No failed transactions."))
    for f in rows:
        out.say(
            _("#{0} {1} {2} {3} at {4}: {5}, {6} ({7}); {8} retries").format(
                f.id, f.operation, f.amount, f.unit, f.mint_url, f.status, f.reason_code, f.details, f.retry_count
            )
        )


async def cmd_reconcile(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    reports = await RecoveryService(service).reconcile(apply=args.apply)
    out.result({"applied": args.apply, "mints": [r.to_json() for r in reports]})
    for r in reports:
        if not r.reachable:
            out.say(_("{0}: unreachable, left alone ({1})").format(r.mint_url, r.error))
            continue
        out.say(
            _(
                "{0}: {1} proofs checked; spent elsewhere: {2} ({3}); sent and claimed: {4} ({5}); "
                "pending at the mint: {6} ({7})"
            ).format(
                r.mint_url,
                r.checked,
                len(r.spent_secrets),
                r.spent_amount,
                len(r.claimed_secrets),
                r.claimed_amount,
                len(r.pending_secrets),
                r.pending_amount,
            )
        )
    if not args.apply and any(r.differences for r in reports):
        out.say(_("Run again with --apply to apply these changes."))


HANDLERS = {"recover": cmd_recover, "failed": cmd_failed, "reconcile": cmd_reconcile}
