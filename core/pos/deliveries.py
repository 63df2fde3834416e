"""The delivery log (``pos_webhook_deliveries``): what was sent where, each attempt and the next one.

Two channels share the table: webhooks (``url`` is the endpoint, http:// or https://) and NIP-17 messages to a
customer's Nostr key (``url`` is ``nostr:<hex key>``: a signed receipt, a giveaway's token; see
``core.pos.nostr_mail``). Each channel reads only its own rows. Each method is one transaction."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import select

from core.errors import StorageError
from core.i18n import t
from core.nostr.crypto import npub_encode
from core.storage.db import Database
from core.storage.models import PosWebhookDeliveryRow

__all__ = ["NOSTR_SCHEME", "Delivery", "DeliveryRepository"]

NOSTR_SCHEME = "nostr:"


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

    @property
    def nostr_key(self) -> str:
        """The receiver's Nostr key (hex) of a NIP-17 delivery, else ""."""
        return self.url.removeprefix(NOSTR_SCHEME) if self.url.startswith(NOSTR_SCHEME) else ""

    def to_json(self) -> dict[str, Any]:
        if self.nostr_key:
            return {"id": self.id, "to": npub_encode(self.nostr_key), "event": self.event,
                    "sale": self.sale_id, "state": self.state, "attempts": self.attempts,
                    "last_error": self.last_error}  # fmt: skip
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

    @staticmethod
    def _channel(nostr: bool) -> Any:
        starts = PosWebhookDeliveryRow.url.startswith(NOSTR_SCHEME)
        return starts if nostr else ~starts

    def due_deliveries(self, now: float, *, nostr: bool = False) -> list[Delivery]:
        with self.db.session() as s:
            q = select(PosWebhookDeliveryRow).where(
                PosWebhookDeliveryRow.state == "pending",
                PosWebhookDeliveryRow.next_attempt_at <= now,
                self._channel(nostr),
            )
            return [Delivery(r) for r in s.scalars(q.order_by(PosWebhookDeliveryRow.id)).all()]

    def deliveries(self, limit: int = 200, *, nostr: bool = False) -> list[Delivery]:
        with self.db.session() as s:
            q = select(PosWebhookDeliveryRow).where(self._channel(nostr))
            return [Delivery(r) for r in s.scalars(q.order_by(PosWebhookDeliveryRow.id.desc()).limit(limit)).all()]

    def for_sale(self, sale_id: str, event: str) -> list[Delivery]:
        """A sale's NIP-17 deliveries of ``event`` (oldest first)."""
        with self.db.session() as s:
            q = select(PosWebhookDeliveryRow).where(
                PosWebhookDeliveryRow.sale_id == sale_id, PosWebhookDeliveryRow.event == event, self._channel(True)
            )
            return [Delivery(r) for r in s.scalars(q.order_by(PosWebhookDeliveryRow.id)).all()]

    def set_body(self, delivery_id: int, body: str) -> None:
        with self.db.session() as s:
            row = s.get(PosWebhookDeliveryRow, delivery_id)
            if row is None:
                raise StorageError(t("no delivery {0}").format(delivery_id))
            row.body, row.updated_at = body, time.time()

    def delete(self, delivery_id: int) -> None:
        """Forget a delivery that will never be due (the payment that named its receiver was refused)."""
        with self.db.session() as s:
            row = s.get(PosWebhookDeliveryRow, delivery_id)
            if row is not None and row.attempts == 0:
                s.delete(row)

    def record_attempt(
        self, delivery_id: int, *, state: str, status: int | None, error: str, next_attempt_at: float
    ) -> None:
        with self.db.session() as s:
            row = s.get(PosWebhookDeliveryRow, delivery_id)
            if row is None:
                raise StorageError(t("no webhook delivery {0}").format(delivery_id))
            row.attempts += 1
            row.state, row.last_status, row.last_error = state, status, error
            row.next_attempt_at, row.updated_at = next_attempt_at, time.time()
