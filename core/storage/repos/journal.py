"""The operation journal: entries change by compare-and-set (allowed transitions, version)."""

from __future__ import annotations

import json
import os
import secrets
import socket
import uuid
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, select, update

from core.errors import StorageError
from core.i18n import t
from core.ports.storage import (
    OPERATION_TRANSITIONS,
    HistoryEntry,
    OperationRecord,
    OperationState,
    StaleState,
)
from core.storage.models import (
    OperationRow,
)
from core.storage.unit_of_work import UnitOfWork
from core.storage.unit_of_work import now as _now

__all__ = ["JournalRepository", "lease_host", "lease_owner_name", "parse_lease_owner"]

# A history row: the journal entry without its payload (no JSON parsed, nothing unsealed).
_HISTORY_COLUMNS = (
    OperationRow.id,
    OperationRow.kind,
    OperationRow.mint_url,
    OperationRow.unit,
    OperationRow.amount,
    OperationRow.fee,
    OperationRow.state,
    OperationRow.memo,
    OperationRow.error,
    OperationRow.created_at,
)

# Operation states nobody is actively working on (recovery may look at "pending" ones: a melt in flight at the mint).
RESTING_STATES = ("done", "failed", "rolled_back", "pending", "needs_review")


def _operation_from_row(row: OperationRow) -> OperationRecord:
    return OperationRecord(
        id=row.id,
        kind=row.kind,
        mint_url=row.mint_url,
        unit=row.unit,
        amount=row.amount,
        fee=row.fee,
        state=OperationState(row.state),
        data=json.loads(row.data_json),
        memo=row.memo,
        error=row.error,
        created_at=row.created_at,
        updated_at=row.updated_at,
        version=row.version or 0,
    )


def lease_owner_name() -> str:
    """``host/pid/random``: who holds a lease (the random part: a pid reused after a restart is someone else)."""
    return f"{lease_host()}/{os.getpid()}/{secrets.token_hex(4)}"


def lease_host() -> str:
    """This machine's name in leases: ``NUTDESK_LEASE_HOST`` (tills in containers that share a host name), else
    the host name. Only a process of the same host can be seen dead; another host's lease has to expire."""
    return os.environ.get("NUTDESK_LEASE_HOST") or socket.gethostname()


def parse_lease_owner(owner: str) -> tuple[str, int] | None:
    """(host, pid) of a lease owner, or None when it is nobody or unreadable."""
    host, _, rest = owner.partition("/")
    pid = rest.partition("/")[0]
    return (host, int(pid)) if host and pid.isdigit() else None


class JournalRepository(UnitOfWork):
    fiat_quote: Callable[[], tuple[Decimal, str] | None] | None  # the rate of the moment: fiat per BTC
    in_flight: set[str]
    lease_owner: str
    lease_seconds: float

    # --- the operation journal -----------------------------------------------------------------

    def create_operation(
        self,
        *,
        kind: str,
        mint_url: str,
        unit: str,
        amount: int = 0,
        data: dict[str, Any] | None = None,
        memo: str = "",
        state: str = "prepared",
        fee: int = 0,
    ) -> str:
        op_id = uuid.uuid4().hex
        now = _now()
        quote = self.fiat_quote() if self.fiat_quote is not None else None
        # Which process works on it: another live process's fresh operation is not recovery's to resume.
        data = {**(data or {}), "pid": os.getpid()}
        if state not in RESTING_STATES:
            self.in_flight.add(op_id)
        with self._session() as s:
            s.add(
                OperationRow(
                    fiat_rate=quote[0] if quote else None,
                    fiat_currency=quote[1] if quote else None,
                    id=op_id,
                    kind=kind,
                    mint_url=mint_url,
                    unit=unit,
                    amount=amount,
                    fee=fee,
                    state=state,
                    data_json=json.dumps(data),
                    memo=memo,
                    error="",
                    created_at=now,
                    updated_at=now,
                    version=0,
                    lease_owner="" if state in RESTING_STATES else self.lease_owner,
                    lease_expires=0.0 if state in RESTING_STATES else now + self.lease_seconds,
                )
            )
        return op_id

    def update_operation(
        self,
        op_id: str,
        *,
        state: str | None = None,
        data: dict[str, Any] | None = None,
        amount: int | None = None,
        fee: int | None = None,
        error: str | None = None,
        expect: Sequence[str] | None = None,
        version: int | None = None,
    ) -> int:
        """Change an operation by compare-and-set; ``data`` is merged into the stored data. Returns the new version.

        A new ``state`` must be reachable from the current one (``OPERATION_TRANSITIONS``; ``expect`` narrows the
        states it may come from); ``version`` (when given) must be the current version. Each change bumps the
        version. A mismatch raises ``StaleState``: another task or process changed the operation first.

        It reads the row's version and state, and its data only to merge into: a receive's entry holds every input
        of the token (64 proofs: ≈ 25 KB of JSON, sealed in a protected wallet), which the steps that only move its
        state have no use for. ``get_operation`` reads the whole entry.
        """
        target = OperationState(state) if state is not None else None
        allowed: set[str] | None = None
        if target is not None:
            allowed = {str(x) for x in OPERATION_TRANSITIONS[target]}
        if expect is not None:
            allowed = {str(OperationState(x)) for x in expect} & allowed if allowed is not None else set(expect)
        table = cast(Table, OperationRow.__table__)
        for _attempt in range(8):
            with self._session() as s:
                columns = [table.c.version, table.c.state] + ([table.c.data_json] if data is not None else [])
                row = s.execute(select(*columns).where(table.c.id == op_id)).one_or_none()
                if row is None:
                    raise StorageError(t("unknown operation {0}").format(op_id))
                if version is not None and row.version != version:
                    raise StaleState(
                        t("operation {0} changed (version {1}, expected {2})").format(op_id, row.version, version)
                    )
                if allowed is not None and row.state not in allowed:
                    raise StaleState(
                        t(
                            "operation {0} is {1}; it cannot become {2} from there (another task or process moved it)"
                        ).format(op_id, row.state, state or "changed")
                    )
                values: dict[str, Any] = {"updated_at": _now(), "version": row.version + 1}
                if target is not None:
                    values["state"] = target.value
                # Whoever changes an operation holds its lease (renewed by each step); at rest nobody does.
                if (target.value if target is not None else row.state) in RESTING_STATES:
                    values["lease_owner"], values["lease_expires"] = "", 0.0
                else:
                    values["lease_owner"] = self.lease_owner
                    values["lease_expires"] = values["updated_at"] + self.lease_seconds
                if data is not None:
                    values["data_json"] = json.dumps({**json.loads(row.data_json), **data})
                if amount is not None:
                    values["amount"] = amount
                if fee is not None:
                    values["fee"] = fee
                if error is not None:
                    values["error"] = error
                result = s.execute(
                    update(table).where(table.c.id == op_id, table.c.version == row.version).values(**values)
                )
                if result.rowcount == 1:  # type: ignore[attr-defined]
                    if target is not None and target in RESTING_STATES:
                        self.in_flight.discard(op_id)
                    return int(values["version"])
            if version is not None:
                break
        raise StaleState(t("operation {0} kept changing under this update").format(op_id))

    def claim_operation(self, op_id: str, *, owner_dead: Callable[[str], bool]) -> bool:
        """Take the lease on ``op_id`` for this process, to resume it: True when this process holds it now.

        Free, expired, already ours, or held by a process ``owner_dead`` says died: taken (a compare-and-set on
        the owner seen, so of two tills claiming at once exactly one succeeds). Otherwise a live till works on it.
        """
        table = cast(Table, OperationRow.__table__)
        now = _now()
        with self._session() as s:
            row = s.execute(select(table.c.lease_owner, table.c.lease_expires).where(table.c.id == op_id)).one_or_none()
            if row is None:
                return False
            owner, expires = row.lease_owner or "", row.lease_expires or 0.0
            if owner and owner != self.lease_owner and expires > now and not owner_dead(owner):
                return False
            result = s.execute(
                update(table)
                .where(table.c.id == op_id, table.c.lease_owner == owner)
                .values(lease_owner=self.lease_owner, lease_expires=now + self.lease_seconds)
            )
            return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def release(self, op_id: str) -> None:
        """The code running ``op_id`` stopped (it raised): from now on recovery may resume it."""
        self.in_flight.discard(op_id)

    def get_operation(self, op_id: str) -> OperationRecord | None:
        with self._session() as s:
            row = s.get(OperationRow, op_id)
            return None if row is None else _operation_from_row(row)

    def history_entries(
        self, *, limit: int | None = None, states: Sequence[str] | None = None, batch: int = 2000
    ) -> Iterator[HistoryEntry]:
        """Newest first, without the journal payloads, read ``batch`` rows at a time: a CSV of 100,000 entries
        streams instead of holding them all (and their JSON) in memory."""
        q = select(*_HISTORY_COLUMNS).order_by(OperationRow.created_at.desc(), OperationRow.id)
        if states is not None:
            q = q.where(OperationRow.state.in_(states))
        if limit is not None:
            q = q.limit(limit)
        with self._session() as s:
            for id_, kind, mint_url, unit, amount, fee, state, memo, error, created_at in s.execute(
                q.execution_options(yield_per=batch)
            ):
                yield HistoryEntry(id_, kind, mint_url, unit, amount, fee, state, memo or "", error or "", created_at)

    def history_entries_for(self, ids: Sequence[str]) -> list[HistoryEntry]:
        """The named entries' history rows (those stored), newest first: no payload read, one query."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        q = select(*_HISTORY_COLUMNS).where(OperationRow.id.in_(wanted))
        with self._session() as s:
            rows = [
                HistoryEntry(id_, kind, mint_url, unit, amount, fee, state, memo or "", error or "", created_at)
                for id_, kind, mint_url, unit, amount, fee, state, memo, error, created_at in s.execute(q)
            ]
        return sorted(rows, key=lambda e: (-e.created_at, e.id))

    def journal_changes(self, *, since: float | None, limit: int) -> tuple[list[tuple[str, int, float]], int]:
        """``(id, version, updated_at)`` of the entries changed at or after ``since`` (the newest ``limit`` when
        None), newest change first, and how many entries there are: ids only, no payloads, by the ``updated_at``
        index — what a window asks after another process committed, to redraw those rows only."""
        columns = select(OperationRow.id, OperationRow.version, OperationRow.updated_at)
        q = columns if since is None else columns.where(OperationRow.updated_at >= since)
        q = q.order_by(OperationRow.updated_at.desc()).limit(limit)
        with self._session() as s:
            rows = [(str(i), int(v or 0), float(u)) for i, v, u in s.execute(q)]
            count = int(s.scalar(select(func.count()).select_from(OperationRow)) or 0)
        return rows, count

    def operations(
        self, *, states: Sequence[str] | None = None, kinds: Sequence[str] | None = None, limit: int | None = None
    ) -> list[OperationRecord]:
        with self._session() as s:
            q = select(OperationRow)
            if states is not None:
                q = q.where(OperationRow.state.in_(states))
            if kinds is not None:
                q = q.where(OperationRow.kind.in_(kinds))
            q = q.order_by(OperationRow.created_at.desc())
            if limit is not None:
                q = q.limit(limit)
            return [_operation_from_row(r) for r in s.scalars(q).all()]
