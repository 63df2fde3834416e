"""Exported tokens and failed-transaction records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select, update

from core.ports.storage import (
    ExportedToken,
    FailedTransaction,
)
from core.storage.models import (
    ExportedTokenRow,
    FailedTransactionRow,
)
from core.storage.unit_of_work import UnitOfWork
from core.storage.unit_of_work import now as _now

__all__ = ["RecordRepository"]


class RecordRepository(UnitOfWork):
    # --- exported tokens -----------------------------------------------------------------------

    def add_exported_token(
        self, *, operation_id: str, mint_url: str, unit: str, amount: int, token: str, file_path: str | None = None
    ) -> int:
        with self._session() as s:
            row = ExportedTokenRow(
                operation_id=operation_id,
                mint_url=mint_url,
                unit=unit,
                amount=amount,
                token=token,
                file_path=file_path,
                state="pending",
                created_at=_now(),
            )
            s.add(row)
            s.flush()
            return row.id

    def exported_tokens(
        self, states: Sequence[str] = ("pending",), *, newest: int | None = None
    ) -> list[ExportedToken]:
        with self._session() as s:
            query = select(ExportedTokenRow).where(ExportedTokenRow.state.in_(states))
            if newest is not None:  # the newest first, ``newest`` of them (by the primary key: no sort of the table)
                query = query.order_by(ExportedTokenRow.id.desc()).limit(newest)
            rows = s.scalars(query).all()
            return [
                ExportedToken(r.id, r.operation_id, r.mint_url, r.unit, r.amount, r.token, r.file_path, r.state)
                for r in rows
            ]

    def set_exported_token_state(self, token_id: int, state: str, file_path: str | None = None) -> None:
        with self._session() as s:
            values: dict[str, Any] = {"state": state}
            if file_path is not None:
                values["file_path"] = file_path
            s.execute(update(ExportedTokenRow).where(ExportedTokenRow.id == token_id).values(**values))

    # --- failed transactions -------------------------------------------------------------------

    @staticmethod
    def _failed(r: FailedTransactionRow) -> FailedTransaction:
        return FailedTransaction(
            r.id,
            r.operation_id,
            r.operation,
            r.mint_url,
            r.unit,
            r.amount,
            r.reason_code,
            r.details,
            r.retry_count,
            r.next_retry_at,
            r.status,
            r.created_at,
            r.updated_at,
        )

    def record_failure(
        self,
        *,
        operation_id: str,
        operation: str,
        mint_url: str,
        unit: str,
        amount: int,
        reason_code: str,
        details: str,
        status: str,
        next_retry_at: float,
        count_retry: bool = True,
    ) -> FailedTransaction:
        """Create or update the failure record of an operation (one per operation)."""
        now = _now()
        with self._session() as s:
            row = s.scalar(select(FailedTransactionRow).where(FailedTransactionRow.operation_id == operation_id))
            if row is None:
                row = FailedTransactionRow(
                    operation_id=operation_id,
                    operation=operation,
                    mint_url=mint_url,
                    unit=unit,
                    amount=amount,
                    retry_count=0,
                    created_at=now,
                )
                s.add(row)
            elif count_retry:
                row.retry_count += 1
            row.reason_code = reason_code
            row.details = details
            row.status = status
            row.next_retry_at = next_retry_at
            row.updated_at = now
            s.flush()
            return self._failed(row)

    def failed_transactions(self, statuses: Sequence[str] | None = None) -> list[FailedTransaction]:
        with self._session() as s:
            q = select(FailedTransactionRow).order_by(FailedTransactionRow.created_at.desc())
            if statuses is not None:
                q = q.where(FailedTransactionRow.status.in_(statuses))
            return [self._failed(r) for r in s.scalars(q).all()]

    def get_failed(self, failed_id: int) -> FailedTransaction | None:
        with self._session() as s:
            row = s.get(FailedTransactionRow, failed_id)
            return None if row is None else self._failed(row)

    def failed_for_operation(self, operation_id: str) -> FailedTransaction | None:
        with self._session() as s:
            row = s.scalar(select(FailedTransactionRow).where(FailedTransactionRow.operation_id == operation_id))
            return None if row is None else self._failed(row)

    def set_failed_status(self, failed_id: int, status: str, *, next_retry_at: float | None = None) -> None:
        with self._session() as s:
            values: dict[str, Any] = {"status": status, "updated_at": _now()}
            if next_retry_at is not None:
                values["next_retry_at"] = next_retry_at
            s.execute(update(FailedTransactionRow).where(FailedTransactionRow.id == failed_id).values(**values))
