"""``nutdesk pay BOLT11 --multi-path [--from URL …] [--yes]``: one invoice paid from several mints (NUT-15).

Used when no single mint holds enough: a part is quoted at each mint that supports NUT-15 (the trusted mints,
or those named with ``--from``), the user confirms the total, and the parts are melted together. Mints without
NUT-15 are named in the refusal.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TYPE_CHECKING

from core.api.mpp import MultiPathPlan, pay_multi_path, prepare_multi_path
from core.api.service import WalletService
from core.errors import UserCancelled, UserFacingError
from desktop.cli.catalogue import _

if TYPE_CHECKING:
    from desktop.cli.runner import Output

__all__ = ["cmd_pay_multi_path"]


def _summary(plan: MultiPathPlan) -> str:
    parts = "; ".join(f"{p.amount} from {p.mint_url} (fee reserve {p.fee_reserve})" for p in plan.parts)
    return f"Pay {plan.amount} {plan.unit} in {len(plan.parts)} parts: {parts}; at most {plan.total} {plan.unit}."


async def cmd_pay_multi_path(service: WalletService, args: argparse.Namespace, out: Output) -> None:
    plan = await prepare_multi_path(service, args.input, args.from_mints or None)
    if args.yes:
        out.progress(_summary(plan))
    else:
        if not sys.stdin.isatty():
            raise UserFacingError(_("confirmation needed: add --yes to pay without asking"))
        answer = await asyncio.to_thread(input, f"{_summary(plan)} Pay? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            raise UserCancelled(_("payment cancelled"))
    result = await pay_multi_path(service, plan)
    out.result(
        {
            "kind": "bolt11",
            "multi_path": True,
            "amount": result.amount,
            "unit": plan.unit,
            "fee": result.fee,
            "operation": result.operation_id,
            "parts": [{"mint": p.mint_url, "amount": p.amount} for p in plan.parts],
        }
    )
    out.say(_("Paid {0} {1} from {2} mints (fee {3}).").format(result.amount, plan.unit, len(plan.parts), result.fee))
