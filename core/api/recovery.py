"""``RecoveryService``: resume the journal, the failed-transaction records, retries with backoff, reconcile.

Used at start-up by the GUI and by every CLI command (only what is due), on demand (``nutdesk recover``,
the Recovery view), and by a background loop while the app runs.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from core.api.service import WalletService
from core.errors import MintMisbehaved, MintUnreachable, NutdeskError, UserFacingError
from core.i18n import t
from core.ports.storage import FailedTransaction, OperationRecord
from core.recovery.outcomes import UNFINISHED_STATES, MintReconciliation, Outcome
from core.storage.repos.journal import lease_host, parse_lease_owner

__all__ = ["MintReconciliation", "RecoveryReport", "RecoveryService", "backoff_seconds", "moved_operations"]

BASE_DELAY = 30.0
MAX_DELAY = 3600.0

# One recovery pass at a time per wallet: two passes resuming the same "sent" entry (the background loop and the
# point of sale's settle_pending at start-up) would send its request twice — the second one, refused as already
# spent, rolled back the entry the first had finished.
_passes: weakref.WeakKeyDictionary[WalletService, asyncio.Lock] = weakref.WeakKeyDictionary()


def _process_alive(pid: int) -> bool:
    if os.name == "nt":
        # os.kill would terminate the process on Windows; there, only this process's own operations are guarded.
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _lease_owner_dead(owner: str) -> bool:
    """A lease owner that is a dead process of this machine (or this very process, outside its in-flight set)."""
    parsed = parse_lease_owner(owner)
    if parsed is None:
        return True
    host, pid = parsed
    if host != lease_host():
        return False  # another machine's till: only the lease's expiry says it is gone
    return pid == os.getpid() or not _process_alive(pid)


def backoff_seconds(retry_count: int) -> float:
    """30 s, 60 s, 120 s … capped at one hour."""
    return float(min(BASE_DELAY * 2.0 ** min(retry_count, 20), MAX_DELAY))


@dataclass(frozen=True)
class RecoveryReport:
    operation_id: str
    kind: str
    mint_url: str
    amount: int
    unit: str
    result: str  # finished · rolled_back · pending · needs_review · unreachable · minted
    detail: str
    # Other journal entries resuming this one may have moved: a multi-path part's parent (settled from its parts).
    related: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "operation": self.operation_id,
            "kind": self.kind,
            "mint": self.mint_url,
            "amount": self.amount,
            "unit": self.unit,
            "result": self.result,
            "detail": self.detail,
        }


def moved_operations(reports: Sequence[RecoveryReport]) -> list[str] | None:
    """The journal entries these reports moved (each one's, and a multi-path part's parent), for a window to
    redraw those rows; None when one cannot be named (a paid quote minted into an entry created just now)."""
    if not reports or not all(r.operation_id for r in reports):
        return None
    return [id_ for r in reports for id_ in (r.operation_id, *r.related)]


class RecoveryService:
    def __init__(self, wallet: WalletService) -> None:
        self.wallet = wallet
        self.store = wallet.store

    # --- resuming ------------------------------------------------------------------------------

    def unfinished(self) -> list[OperationRecord]:
        return self.store.operations(states=UNFINISHED_STATES)

    async def recover(self, *, only_due: bool = False) -> list[RecoveryReport]:
        """Resume every unfinished operation (``only_due``: skip those whose next retry is not due yet)."""
        async with _passes.setdefault(self.wallet, asyncio.Lock()):
            return await self._recover(only_due)

    async def _recover(self, only_due: bool) -> list[RecoveryReport]:
        reports: list[RecoveryReport] = []
        now = time.time()
        for op in sorted(self.unfinished(), key=lambda o: o.created_at):
            failed = self.store.failed_for_operation(op.id)
            if failed is not None and failed.status == "dismissed":
                continue
            if only_due and failed is not None and failed.next_retry_at > now:
                continue
            if self._worked_on_elsewhere(op, now):
                continue
            reports.append(await self._resume(op))
        reports += await self._mint_paid_quotes()
        return reports

    def _worked_on_elsewhere(self, op: OperationRecord, now: float) -> bool:
        """True while a live process (this one included) is still running ``op``: it is not ours to resume.

        In this process the store knows its in-flight operations. Otherwise recovery claims the operation's lease
        (``claim_operation``): a lease another till holds is left alone until it expires (each step of the
        operation renews it, for longer than the longest request: a melt); one held by a process of this machine
        that died is taken over at once. Of two tills claiming together, one gets it.
        """
        if op.id in self.store.in_flight:
            return True
        return not self.store.claim_operation(op.id, owner_dead=_lease_owner_dead)

    async def _resume(self, op: OperationRecord) -> RecoveryReport:
        try:
            mw = await self.wallet.wallet_for(op.mint_url)
            from core.recovery.resume import resume_operation  # the wallet's operations: only when one is due

            outcome = await resume_operation(mw, op, wallet_for=self.wallet.wallet_for)
        except (MintUnreachable, MintMisbehaved) as exc:
            # A lying answer is like no answer: the operation stays, and is asked again later (NUT-09).
            self._record(op, exc.code, str(exc), "pending")
            return self._report(op, Outcome("unreachable", str(exc)))
        except NutdeskError as exc:
            self._record(op, exc.code, str(exc), "needs-review")
            return self._report(op, Outcome("needs_review", str(exc)))
        if outcome.result == "needs_review":
            self._record(op, "needs-review", outcome.detail, "needs-review")
        elif outcome.result == "pending":
            self._record(op, "pending-at-mint", outcome.detail, "pending")
        else:
            existing = self.store.failed_for_operation(op.id)
            if existing is not None:
                self.store.set_failed_status(existing.id, "recovered")
        return self._report(op, outcome)

    async def _mint_paid_quotes(self) -> list[RecoveryReport]:
        """Mint quotes paid but never minted (an `invoice` not waited for, a crash before minting).

        The mint is asked about every quote not known to be finished, whatever the local state or expiry says: a
        quote recorded UNPAID may have been paid meanwhile. A quote the mint still calls UNPAID after its expiry is
        noted EXPIRED and no longer asked about. A transfer's target quote is its saga's to mint.
        """
        reports: list[RecoveryReport] = []
        records = self.store.mint_quotes(states=("UNPAID", "PAID", "PENDING"))
        if not records:
            return reports  # the usual case: no need to read every transfer's journal entry for its target quote
        # A NUT-29 batch lists all its quotes under "quotes": none of them may be minted again on its own.
        busy = {
            q for op in self.unfinished() if op.kind == "issue" for q in op.data.get("quotes", [op.data.get("quote")])
        }
        busy |= {op.data.get("dest_quote") for op in self.store.operations(kinds=("transfer",))}
        for record in records:
            if record.quote in busy:
                continue
            try:
                mw = await self.wallet.wallet_for(record.mint_url)
                quote = await mw.client.get_mint_quote(record.quote)
                state = str(quote.state)
                if state == "UNPAID" and record.expiry and record.expiry < time.time():
                    state = "EXPIRED"
                self.store.set_mint_quote_state(record.quote, state)
                if state != "PAID":
                    continue
                from core.wallet import issue

                minted = await issue.mint_paid_quote(mw, record.quote)
            except NutdeskError as exc:
                reports.append(
                    RecoveryReport("", "issue", record.mint_url, record.amount, record.unit, "unreachable", str(exc))
                )
                continue
            reports.append(
                RecoveryReport(
                    "", "issue", record.mint_url, minted, record.unit, "minted", f"paid quote {record.quote}"
                )
            )
        return reports

    def _record(self, op: OperationRecord, code: str, details: str, status: str) -> FailedTransaction:
        existing = self.store.failed_for_operation(op.id)
        retries = 0 if existing is None else existing.retry_count + 1
        return self.store.record_failure(
            operation_id=op.id,
            operation=op.kind,
            mint_url=op.mint_url,
            unit=op.unit,
            amount=op.amount,
            reason_code=code,
            details=details,
            status=status,
            next_retry_at=time.time() + backoff_seconds(retries),
        )

    @staticmethod
    def _report(op: OperationRecord, outcome: Outcome) -> RecoveryReport:
        parent = str(op.data.get("mpp") or "")
        return RecoveryReport(
            op.id, op.kind, op.mint_url, op.amount, op.unit, outcome.result, outcome.detail, (parent,) if parent else ()
        )

    # --- failed transactions -------------------------------------------------------------------

    def failed(self, include_closed: bool = False) -> list[FailedTransaction]:
        statuses = None if include_closed else ("pending", "needs-review", "failed-terminal")
        return self.store.failed_transactions(statuses)

    async def retry(self, failed_id: int) -> RecoveryReport:
        failed = self.store.get_failed(failed_id)
        if failed is None:
            raise UserFacingError(t("no failed transaction with id {0}").format(failed_id))
        op = self.store.get_operation(failed.operation_id)
        if op is None:
            raise UserFacingError(t("the operation of failed transaction {0} is gone").format(failed_id))
        if op.state not in UNFINISHED_STATES:
            self.store.set_failed_status(failed_id, "recovered")
            return self._report(op, Outcome("finished", t("already {0}").format(op.state)))
        return await self._resume(op)

    def dismiss(self, failed_id: int) -> None:
        """Stop retrying automatically. The operation and its reserved ecash stay as they are (never released)."""
        if self.store.get_failed(failed_id) is None:
            raise UserFacingError(t("no failed transaction with id {0}").format(failed_id))
        self.store.set_failed_status(failed_id, "dismissed")

    # --- reconcile -----------------------------------------------------------------------------

    async def reconcile(self, *, apply: bool = False) -> list[MintReconciliation]:
        reports = []
        for mint in self.store.list_mints():
            try:
                mw = await self.wallet.wallet_for(mint.url)
            except MintUnreachable as exc:
                reports.append(MintReconciliation(mint.url, reachable=False, error=str(exc)))
                continue
            from core.recovery.reconcile import reconcile_mint

            reports.append(await reconcile_mint(mw, apply=apply))
        return reports

    # --- background ----------------------------------------------------------------------------

    async def run_retry_loop(self, stop: asyncio.Event, interval: float = 30.0) -> None:
        """While the app runs: resume what is due every ``interval`` seconds, until ``stop`` is set."""
        while not stop.is_set():
            # Failures are recorded per operation; the loop keeps going.
            with contextlib.suppress(NutdeskError):
                await self.recover(only_due=True)
            try:
                await asyncio.wait_for(stop.wait(), timeout=interval)
            except TimeoutError:
                continue
