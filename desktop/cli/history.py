"""``nutdesk history``: the operations, as lines, JSON or a streamed CSV (split from ``commands``)."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from typing import TYPE_CHECKING, Any

from core.api.service import WalletService
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from core.api.service import HistoryEntry
    from desktop.cli.runner import Output

__all__ = ["cmd_history"]


def _history_entry(e: HistoryEntry) -> dict[str, Any]:
    return {
        "id": e.id,
        "time": dt.datetime.fromtimestamp(e.created_at, dt.UTC).isoformat(timespec="seconds"),
        "kind": e.kind,
        "mint": e.mint_url,
        "unit": e.unit,
        "amount": e.amount,
        "fee": e.fee,
        "state": e.state,
        "memo": e.memo,
    }


async def cmd_history(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    rows = (_history_entry(e) for e in service.history_entries(limit=args.limit))
    if args.csv and not out.as_json:
        # Streamed: one row at a time from the database to stdout, whatever the length of the history.
        writer = csv.DictWriter(
            sys.stdout, fieldnames=["time", "kind", "amount", "fee", "unit", "mint", "state", "memo", "id"]
        )
        writer.writeheader()
        writer.writerows(rows)
        return
    entries = list(rows)
    # A transfer paid at the source but not yet minted at the target: say whom it waits for, not just "sent".
    waiting = {m.operation_id: m.to_mint for m in service.in_flight()}
    for e in entries:
        if e["id"] in waiting:
            e["waiting_for"] = waiting[e["id"]]
    out.result({"entries": entries})
    if args.csv:
        return  # under --json the entries are the answer
    if not entries:
        out.say(_("No operations yet."))
    for e in entries:
        state = _("waiting for {0}").format(waiting[e["id"]]) if e["id"] in waiting else e["state"]
        out.say(
            _("{0}  {1:<8} {2:>10} {3:<4} fee {4:<5} {5:<8} {6}").format(
                e["time"], e["kind"], e["amount"], e["unit"], e["fee"], state, e["mint"]
            )
        )
