"""Recovery as plain Python: the rows of the journal that need attention, and the actions on them."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from core.api.recovery import MintReconciliation, RecoveryReport, RecoveryService
from core.api.service import WalletService
from desktop.gui.core_worker import proxy_like
from desktop.gui.i18n import tr

__all__ = ["AttentionRow", "RecoveryState"]


@dataclass(frozen=True)
class AttentionRow:
    """An operation that is not finished, or a failed transaction still open."""

    operation_id: str
    kind: str
    mint: str
    amount: int
    unit: str
    status: str
    reason: str
    retries: int
    next_retry_at: float | None
    failed_id: int | None

    @property
    def next_retry(self) -> str:
        if self.next_retry_at is None:
            return "—"
        if self.next_retry_at <= time.time():
            return tr("due now")
        return dt.datetime.fromtimestamp(self.next_retry_at).strftime("%H:%M:%S")


class RecoveryState:
    def __init__(self, service: WalletService) -> None:
        # On the core loop, like the session's background pass and the till's: they take turns on one lock.
        self.recovery = proxy_like(service, RecoveryService(service))
        self.last_reconcile: list[MintReconciliation] = []

    def rows(self) -> list[AttentionRow]:
        failed = {f.operation_id: f for f in self.recovery.failed()}
        rows = []
        for op in self.recovery.unfinished():
            f = failed.pop(op.id, None)
            if f is not None and f.status == "dismissed":
                continue
            rows.append(
                AttentionRow(
                    op.id,
                    op.kind,
                    op.mint_url,
                    op.amount,
                    op.unit,
                    f.status if f else tr("unfinished ({0})").format(op.state),
                    (f.details if f else op.error) or tr("waiting to be resumed"),
                    f.retry_count if f else 0,
                    f.next_retry_at if f else None,
                    f.id if f else None,
                )
            )
        for f in failed.values():
            rows.append(
                AttentionRow(
                    f.operation_id,
                    f.operation,
                    f.mint_url,
                    f.amount,
                    f.unit,
                    f.status,
                    f.details,
                    f.retry_count,
                    f.next_retry_at,
                    f.id,
                )
            )
        return rows

    async def recover_now(self) -> list[RecoveryReport]:
        return await self.recovery.recover()

    async def retry(self, row: AttentionRow) -> RecoveryReport | list[RecoveryReport]:
        if row.failed_id is not None:
            return await self.recovery.retry(row.failed_id)
        return await self.recovery.recover()

    def dismiss(self, row: AttentionRow) -> None:
        if row.failed_id is not None:
            self.recovery.dismiss(row.failed_id)

    async def reconcile(self, *, apply: bool) -> list[MintReconciliation]:
        self.last_reconcile = await self.recovery.reconcile(apply=apply)
        return self.last_reconcile

    @staticmethod
    def describe(report: MintReconciliation, title: str = "") -> str:
        """One line per mint, the mint named by ``title`` (label or name, with host) when given."""
        mint = title or report.mint_url
        if not report.reachable:
            return tr("{0}: unreachable — left alone").format(mint)
        if not report.differences:
            return tr("{0}: {1} proofs checked, the mint agrees").format(mint, report.checked)
        parts = []
        if report.spent_secrets:
            parts.append(
                tr("{0} spent elsewhere ({1}) → remove").format(len(report.spent_secrets), report.spent_amount)
            )
        if report.claimed_secrets:
            parts.append(
                tr("{0} sent and claimed ({1}) → mark spent").format(len(report.claimed_secrets), report.claimed_amount)
            )
        if report.pending_secrets:
            parts.append(
                tr("{0} pending at the mint ({1}) → keep pending").format(
                    len(report.pending_secrets), report.pending_amount
                )
            )
        return f"{mint}: " + "; ".join(parts)
