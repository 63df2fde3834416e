"""The webhook delivery log (``pos_webhook_deliveries``): what was sent where, each attempt and the next one.
Each method is one transaction."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select

from core.errors import StorageError
from core.storage.db import Database
from core.storage.models import PosWebhookDeliveryRow

__all__ = ["Delivery", "DeliveryRepository"]


class Delivery:
    """One row of the webhook delivery log."""

    def __init__(self, row: PosWebhookDeliveryRow) -> None:
        self.id = row.id
        self.url = row.url
        self.event = row.event
        self.sale_id = row.sale_id
        self.body = row.body
        self.state = row.state
        self.attempts = row.attempts
        self.next_attempt_at = row.next_attempt_at
        self.last_status = row.last_status
        self.last_error = row.last_error
        self.created_at = row.created_at

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "event": self.event,
            "sale": self.sale_id,
            "state": self.state,
            "attempts": self.attempts,
            "last_status": self.last_status,
            "last_error": self.last_error,
        }


class DeliveryRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add_delivery(self, url: str, event: str, sale_id: str, body: str) -> int:
        now = time.time()
        with self.db.session() as s:
            row = PosWebhookDeliveryRow(
                url=url, event=event, sale_id=sale_id, body=body, state="pending", attempts=0,
                next_attempt_at=now, last_status=None, last_error="", created_at=now, updated_at=now,
            )  # fmt: skip
            s.add(row)
            s.flush()
            return row.id

    def due_deliveries(self, now: float) -> list[Delivery]:
        with self.db.session() as s:
            q = select(PosWebhookDeliveryRow).where(
                PosWebhookDeliveryRow.state == "pending", PosWebhookDeliveryRow.next_attempt_at <= now
            )
            return [Delivery(r) for r in s.scalars(q.order_by(PosWebhookDeliveryRow.id)).all()]

    def deliveries(self, limit: int = 200) -> list[Delivery]:
        with self.db.session() as s:
            q = select(PosWebhookDeliveryRow).order_by(PosWebhookDeliveryRow.id.desc()).limit(limit)
            return [Delivery(r) for r in s.scalars(q).all()]

    def record_attempt(
        self, delivery_id: int, *, state: str, status: int | None, error: str, next_attempt_at: float
    ) -> None:
        with self.db.session() as s:
            row = s.get(PosWebhookDeliveryRow, delivery_id)
            if row is None:
                raise StorageError(f"no webhook delivery {delivery_id}")
            row.attempts += 1
            row.state, row.last_status, row.last_error = state, status, error
            row.next_attempt_at, row.updated_at = next_attempt_at, time.time()
