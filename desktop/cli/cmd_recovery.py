"""CLI commands of the operation journal: ``recover``, ``failed list|retry|dismiss``, ``reconcile [--apply]``."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, Any

from core.api.recovery import RecoveryService
from core.api.service import WalletService

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["HANDLERS", "add_parsers"]


def add_parsers(sub: Any) -> None:
    sub.add_parser("recover", help="resume every unfinished operation now and print what was done")
    failed = sub.add_parser("failed", help="failed transactions: list, retry, dismiss")
    fsub = failed.add_subparsers(dest="failed_command", metavar="ACTION", required=True)
    listing = fsub.add_parser("list", help="failed transactions still open")
    listing.add_argument("--all", action="store_true", help="include recovered and dismissed ones")
    retry = fsub.add_parser("retry", help="retry one now")
    retry.add_argument("id", type=int)
    dismiss = fsub.add_parser("dismiss", help="stop retrying one automatically (its ecash stays reserved)")
    dismiss.add_argument("id", type=int)
    rec = sub.add_parser("reconcile", help="compare local proofs with the mints' NUT-07 states")
    rec.add_argument("--apply", action="store_true", help="apply the differences shown")


async def cmd_recover(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    reports = await RecoveryService(service).recover()
    out.result({"operations": [r.to_json() for r in reports]})
    if not reports:
        out.say("Nothing to recover: every operation is finished.")
    for r in reports:
        out.say(f"{r.kind:<9} {r.amount:>8} {r.unit:<4} {r.result:<12} {r.detail}  ({r.mint_url})")


async def cmd_failed(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    recovery = RecoveryService(service)
    if args.failed_command == "retry":
        report = await recovery.retry(args.id)
        out.result(report.to_json())
        if report.detail.startswith("already "):  # finished on its own (the background recovery): not an error
            out.say(f"Already done: the {report.kind} of {report.amount} {report.unit} is {report.detail[8:]}.")
            return
        out.say(f"{report.kind} {report.amount} {report.unit}: {report.result} — {report.detail}")
        return
    if args.failed_command == "dismiss":
        recovery.dismiss(args.id)
        out.result({"dismissed": args.id})
        out.say(f"Dismissed failed transaction {args.id}; its ecash stays reserved until it is resolved.")
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
        out.say("No failed transactions.")
    for f in rows:
        out.say(
            f"#{f.id} {f.operation} {f.amount} {f.unit} at {f.mint_url}: {f.status}, {f.reason_code} "
            f"({f.details}); {f.retry_count} retries"
        )


async def cmd_reconcile(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    reports = await RecoveryService(service).reconcile(apply=args.apply)
    out.result({"applied": args.apply, "mints": [r.to_json() for r in reports]})
    for r in reports:
        if not r.reachable:
            out.say(f"{r.mint_url}: unreachable, left alone ({r.error})")
            continue
        out.say(
            f"{r.mint_url}: {r.checked} proofs checked; spent elsewhere: {len(r.spent_secrets)} "
            f"({r.spent_amount}); sent and claimed: {len(r.claimed_secrets)} ({r.claimed_amount}); "
            f"pending at the mint: {len(r.pending_secrets)} ({r.pending_amount})"
        )
    if not args.apply and any(r.differences for r in reports):
        out.say("Run again with --apply to apply these changes.")


HANDLERS = {"recover": cmd_recover, "failed": cmd_failed, "reconcile": cmd_reconcile}
