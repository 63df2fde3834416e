"""The point of sale's tables (``pos_*``, migration 0004): sales, the secrets that paid them, refunds and shifts
(webhook deliveries: deliveries.py). Each method is one transaction."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.errors import StorageError
from core.i18n import t
from core.pos.types import TRANSITIONS, Refund, Sale, SaleState
from core.storage.db import Database
from core.storage.models import (
    OperationRow,
    PosRefundRow,
    PosSaleProofRow,
    PosSaleRow,
    PosShiftRow,
    SettingRow,
)

__all__ = ["FAILED_ATTEMPTS", "AlreadyUsed", "SaleRepository"]

FAILED_ATTEMPTS = "pos:failed-attempts:"  # + shift id: a counter kept in the wallet's settings


class AlreadyUsed(Exception):
    """Some of the proofs were already handed over for a sale (``sale_id``)."""

    def __init__(self, sale_id: str) -> None:
        super().__init__(sale_id)
        self.sale_id = sale_id


def _sale(row: PosSaleRow, refunded: int = 0) -> Sale:
    return Sale(
        id=row.id,
        number=row.number,
        state=SaleState(row.state),
        unit=row.unit,
        amount=row.amount,
        base_amount=row.base_amount,
        tip=row.tip,
        fee_advance=row.fee_advance,
        memo=row.memo,
        cashier=row.cashier,
        fiat_currency=row.fiat_currency,
        fiat_amount=Decimal(row.fiat_amount) if row.fiat_amount is not None else None,
        fiat_rate=row.fiat_rate,
        request_id=row.request_id,
        mint_url=row.mint_url,
        received=row.received,
        net=row.net,
        fee=row.fee,
        change=row.change,
        settlement=row.settlement,
        operation_id=row.operation_id,
        forward_operation_id=row.forward_operation_id,
        payload=json.loads(row.payload_json) if row.payload_json else None,
        failure_reason=row.failure_reason,
        failure_detail=row.failure_detail,
        shift_id=row.shift_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        paid_at=row.paid_at,
        refunded=refunded,
        paid_unit=row.paid_unit or "",
        unit_price=row.unit_price,
        price_source=row.price_source or "",
        offline=row.offline or "",
        offline_state=row.offline_state or "",
        loss=row.loss or 0,
        till=row.till or "",
    )


def _refund(row: PosRefundRow) -> Refund:
    return Refund(
        row.id, row.sale_id, row.amount, row.fee, row.unit, row.mint_url, row.token, row.operation_id,
        row.cashier, row.created_at, row.till or "",
    )  # fmt: skip


class SaleRepository:
    def __init__(self, db: Database, till: str = "") -> None:
        self.db = db
        # This till's name: its sales, refunds and shift carry it (a shop's tills share one wallet database).
        self.till = till

    @contextmanager
    def _session(self) -> Iterator[Session]:
        with self.db.session() as session:
            yield session

    # --- shifts --------------------------------------------------------------------------------

    def current_shift(self) -> int:
        """This till's open shift's id (one is opened when none is)."""
        with self._session() as s:
            row = s.scalars(
                select(PosShiftRow).where(PosShiftRow.closed_at.is_(None), PosShiftRow.till == self.till)
            ).first()
            if row is None:
                row = PosShiftRow(opened_at=time.time(), closed_at=None, closed_by="", till=self.till)
                s.add(row)
                s.flush()
            return row.id

    def open_shifts(self) -> dict[str, int]:
        """Every till's open shift: till name → shift id (the whole shop's Z-report)."""
        with self._session() as s:
            rows = s.execute(select(PosShiftRow.till, PosShiftRow.id).where(PosShiftRow.closed_at.is_(None))).all()
            return {till: shift_id for till, shift_id in rows}

    def shift(self, shift_id: int) -> tuple[float, float | None]:
        with self._session() as s:
            row = s.get(PosShiftRow, shift_id)
            if row is None:
                raise StorageError(t("no shift {0}").format(shift_id))
            return row.opened_at, row.closed_at

    def close_shift(self, shift_id: int, by: str) -> None:
        with self._session() as s:
            row = s.get(PosShiftRow, shift_id)
            if row is None:
                raise StorageError(t("no shift {0}").format(shift_id))
            row.closed_at, row.closed_by = time.time(), by

    # --- sales ---------------------------------------------------------------------------------

    def create_sale(self, **fields: Any) -> Sale:
        now = time.time()
        shift_id = self.current_shift()
        # The writer's lock: several tills may number a sale at once, and each number is given once (max + 1).
        with self.db.writer() as s:
            number = int(s.scalar(select(func.coalesce(func.max(PosSaleRow.number), 0))) or 0) + 1
            row = PosSaleRow(
                id=uuid.uuid4().hex[:16],
                number=number,
                till=self.till,
                state=SaleState.WAITING.value,
                shift_id=shift_id,
                created_at=now,
                updated_at=now,
                received=0,
                net=0,
                fee=0,
                change=0,
                settlement="",
                mint_url="",
                failure_reason="",
                failure_detail="",
                **fields,
            )
            if row.fiat_amount is not None:
                row.fiat_amount = str(row.fiat_amount)
            s.add(row)
            s.flush()
            return _sale(row)

    def by_number(self, number: int) -> Sale | None:
        """The sale of receipt ``R-{number:06d}``."""
        with self._session() as s:
            row = s.scalars(select(PosSaleRow).where(PosSaleRow.number == number)).first()
            return None if row is None else _sale(row, self._refunded(s, row.id))

    def get(self, sale_id: str) -> Sale | None:
        with self._session() as s:
            row = s.get(PosSaleRow, sale_id)
            return None if row is None else _sale(row, self._refunded(s, sale_id))

    def by_request(self, request_id: str) -> Sale | None:
        with self._session() as s:
            row = s.scalars(select(PosSaleRow).where(PosSaleRow.request_id == request_id)).first()
            return None if row is None else _sale(row, self._refunded(s, row.id))

    def sales(
        self,
        *,
        states: Sequence[str] | None = None,
        shift_id: int | None = None,
        limit: int | None = None,
    ) -> list[Sale]:
        with self._session() as s:
            q = select(PosSaleRow)
            if states is not None:
                q = q.where(PosSaleRow.state.in_(list(states)))
            if shift_id is not None:
                q = q.where(PosSaleRow.shift_id == shift_id)
            q = q.order_by(PosSaleRow.number.desc())
            if limit is not None:
                q = q.limit(limit)
            rows = s.scalars(q).all()
            refunded = dict(
                s.execute(
                    select(PosRefundRow.sale_id, func.sum(PosRefundRow.amount))
                    .where(PosRefundRow.sale_id.in_([r.id for r in rows]))
                    .group_by(PosRefundRow.sale_id)
                ).all()
            )
            return [_sale(r, int(refunded.get(r.id, 0) or 0)) for r in rows]

    @staticmethod
    def _refunded(s: Session, sale_id: str) -> int:
        total = s.scalar(select(func.sum(PosRefundRow.amount)).where(PosRefundRow.sale_id == sale_id))
        return int(total or 0)

    def update(self, sale_id: str, *, state: SaleState | None = None, **fields: Any) -> Sale:
        """Change a sale; a state change must be one of ``TRANSITIONS`` (else ``StorageError``)."""
        with self._session() as s:
            row = s.get(PosSaleRow, sale_id)
            if row is None:
                raise StorageError(t("no sale {0}").format(sale_id))
            if state is not None and state.value != row.state:
                if state not in TRANSITIONS[SaleState(row.state)]:
                    raise StorageError(t("sale {0} cannot go from {1} to {2}").format(sale_id, row.state, state.value))
                row.state = state.value
                if state is SaleState.PAID:
                    row.paid_at = time.time()
            if "payload" in fields:
                payload = fields.pop("payload")
                row.payload_json = None if payload is None else json.dumps(payload)
            for key, value in fields.items():
                setattr(row, key, value)
            row.updated_at = time.time()
            s.flush()
            return _sale(row, self._refunded(s, sale_id))

    def offline_pending(self, mint_url: str | None = None) -> list[Sale]:
        """Sales accepted offline whose ecash is not redeemed yet (at ``mint_url``, or anywhere)."""
        with self._session() as s:
            q = select(PosSaleRow).where(PosSaleRow.offline_state == "pending")
            if mint_url is not None:
                q = q.where(PosSaleRow.mint_url == mint_url)
            return [_sale(r) for r in s.scalars(q.order_by(PosSaleRow.number)).all()]

    # --- refused payments per shift (the Z-report's failed attempts) -----------------------------

    def count_failed_attempt(self, shift_id: int) -> None:
        """One more refused payment in ``shift_id`` (several processes may count: under the writer's lock)."""
        # Read and written through the ORM: the settings' values are sealed at rest under a password, in Python,
        # which SQL on PostgreSQL cannot open (``core.storage.sealed``).
        key = f"{FAILED_ATTEMPTS}{shift_id}"
        with self.db.writer() as s:
            row = s.get(SettingRow, key)
            if row is None:
                s.add(SettingRow(key=key, value="1"))
            else:
                row.value = str(int(row.value) + 1)

    def failed_attempts(self, shift_id: int) -> int | None:
        """Refused payments counted in ``shift_id`` (None: none counted, e.g. a shift from before the count)."""
        with self._session() as s:
            row = s.get(SettingRow, f"{FAILED_ATTEMPTS}{shift_id}")
            return None if row is None else int(row.value)

    # --- idempotency ---------------------------------------------------------------------------

    def claim_secrets(self, sale_id: str, secrets: Sequence[str], payload: dict[str, Any], **fields: Any) -> Sale:
        """Record the proofs offered for ``sale_id`` and move it to "received", in one transaction.

        Raises ``AlreadyUsed`` when any of the secrets was offered for a sale before (this one included).
        """
        try:
            with self._session() as s:
                used = s.scalars(select(PosSaleProofRow.sale_id).where(PosSaleProofRow.secret.in_(list(secrets))))
                first = used.first()
                if first is not None:
                    raise AlreadyUsed(first)
                s.add_all(PosSaleProofRow(secret=secret, sale_id=sale_id) for secret in secrets)
                row = s.get(PosSaleRow, sale_id)
                if row is None:
                    raise StorageError(t("no sale {0}").format(sale_id))
                if SaleState.RECEIVED not in TRANSITIONS[SaleState(row.state)]:
                    raise StorageError(t("sale {0} is {1}: it cannot take a payment").format(sale_id, row.state))
                row.state = SaleState.RECEIVED.value
                row.payload_json = json.dumps(payload)
                for key, value in fields.items():
                    setattr(row, key, value)
                row.updated_at = time.time()
                s.flush()
                return _sale(row)
        except StorageError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                raise AlreadyUsed(t("another sale")) from exc
            raise

    def relabel_operation(self, op_id: str, kind: str, data: dict[str, Any]) -> None:
        """Count a done journal entry as another kind (a minted Lightning payment of a sale becomes a ``sale``):
        one entry, so analytics counts the money once. ``data`` is merged into the entry's data."""
        with self._session() as s:
            row = s.get(OperationRow, op_id)
            if row is None:
                raise StorageError(t("unknown operation {0}").format(op_id))
            row.kind = kind
            row.data_json = json.dumps({**json.loads(row.data_json or "{}"), **data})
            row.updated_at = time.time()

    def release_secrets(self, sale_id: str) -> None:
        """The ecash was definitely not redeemed (refused before the swap): the customer may offer it again."""
        with self._session() as s:
            for row in s.scalars(select(PosSaleProofRow).where(PosSaleProofRow.sale_id == sale_id)).all():
                s.delete(row)

    def sale_for_secret(self, secret: str) -> str | None:
        with self._session() as s:
            row = s.get(PosSaleProofRow, secret)
            return None if row is None else row.sale_id

    # --- refunds -------------------------------------------------------------------------------

    def reserve_refund(self, key: str, sale_id: str, amount: int, limit: int, **fields: Any) -> bool:
        """Reserve ``amount`` of ``sale_id``'s refundable ``limit`` under the idempotency ``key``: the per-sale
        refund lock. One statement, so two processes cannot both pass the check: it inserts an unfinished refund
        row (no token, no operation yet: ``operation_id`` is empty — the token column is sealed at rest, so it is
        never compared in SQL) only when no other refund of the sale is unfinished and the refunds stay within
        ``limit``.

        Returns False when refused (the caller reads why); ``AlreadyUsed`` when ``key`` was used before."""
        # The casts: PostgreSQL deduces one type per parameter, and :sale / :amount are both inserted and compared.
        insert = text(
            "INSERT INTO pos_refunds (id, sale_id, amount, fee, unit, mint_url, token, operation_id, cashier,"
            " shift_id, created_at, till)"
            " SELECT :key, CAST(:sale AS VARCHAR), CAST(:amount AS BIGINT), 0, :unit, :mint_url, '', '', :cashier,"
            " :shift_id, :now, :till"
            " WHERE NOT EXISTS (SELECT 1 FROM pos_refunds WHERE sale_id = CAST(:sale AS VARCHAR) AND operation_id = '')"
            " AND (SELECT coalesce(sum(amount), 0) FROM pos_refunds WHERE sale_id = CAST(:sale AS VARCHAR))"
            " + CAST(:amount AS BIGINT) <= :limit"
        )
        params = {
            "key": key, "sale": sale_id, "amount": amount, "limit": limit, "now": time.time(), "till": self.till,
            **fields,
        }  # fmt: skip
        try:
            with self.db.writer() as s:  # under the writer's lock: on PostgreSQL too, no two tills pass the check
                return bool(getattr(s.execute(insert, params), "rowcount", 0) == 1)
        except StorageError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                raise AlreadyUsed(sale_id) from exc
            raise

    def finish_refund(
        self, reserved: Refund, *, token: str, operation_id: str, fee: int, mint_url: str
    ) -> tuple[Refund, bool]:
        """Record the refund's token, once: (the refund, whether this call recorded it — a finished row is returned
        as it is). A reservation dropped meanwhile by recovery is written again: the token exists, so the refund
        happened."""
        with self._session() as s:
            row = s.get(PosRefundRow, reserved.id)
            if row is None:
                row = PosRefundRow(
                    id=reserved.id, sale_id=reserved.sale_id, amount=reserved.amount, unit=reserved.unit,
                    cashier=reserved.cashier, created_at=reserved.created_at, token="", operation_id="",
                    shift_id=None, till=reserved.till,
                )  # fmt: skip
                s.add(row)
            recorded = not row.operation_id
            if recorded:
                row.token, row.operation_id, row.fee, row.mint_url = token, operation_id, fee, mint_url
            s.flush()
            return _refund(row), recorded

    def drop_refund(self, key: str) -> None:
        """Release an unfinished reservation whose send definitely did not happen."""
        with self._session() as s:
            row = s.get(PosRefundRow, key)
            if row is not None and not row.operation_id:
                s.delete(row)

    def refund(self, key: str) -> Refund | None:
        with self._session() as s:
            row = s.get(PosRefundRow, key)
            return None if row is None else _refund(row)

    def refunds(
        self, *, sale_id: str | None = None, shift_id: int | None = None, finished: bool | None = True
    ) -> list[Refund]:
        """Refunds (by default the finished ones; ``finished=False``: the unfinished reservations; None: all)."""
        with self._session() as s:
            q = select(PosRefundRow)
            if sale_id is not None:
                q = q.where(PosRefundRow.sale_id == sale_id)
            if shift_id is not None:
                q = q.where(PosRefundRow.shift_id == shift_id)
            if finished is not None:
                q = q.where(PosRefundRow.operation_id != "" if finished else PosRefundRow.operation_id == "")
            return [_refund(r) for r in s.scalars(q.order_by(PosRefundRow.created_at)).all()]
