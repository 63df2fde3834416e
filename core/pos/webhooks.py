"""Webhooks: on a paid or refunded sale, POST a JSON event to each configured URL, signed with HMAC-SHA256
over the exact body (``X-Nutdesk-Signature: sha256=<hex>``, the secret per webhook), retried with exponential
backoff; every attempt is kept in the delivery log (``pos_webhook_deliveries``). The POST itself is the caller's
(``Post``: the API layer sends it with its HTTP client); here the signing, the schedule and the log."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from core.pos.deliveries import DeliveryRepository
from core.pos.policy import Webhook

__all__ = ["MAX_ATTEMPTS", "SIGNATURE_HEADER", "Post", "WebhookDispatcher", "retry_delay", "sign"]

# POST ``body`` with ``headers`` to a URL: (the HTTP status or None, an error message or "" when it succeeded).
Post = Callable[[str, bytes, dict[str, str]], Awaitable[tuple[int | None, str]]]

SIGNATURE_HEADER = "X-Nutdesk-Signature"
MAX_ATTEMPTS = 8


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def retry_delay(attempts: int, base: float) -> float:
    """``base``, 2·base, 4·base … after the 1st, 2nd, 3rd failed attempt (capped at one hour)."""
    return float(min(base * 2 ** max(attempts - 1, 0), 3600.0))


class WebhookDispatcher:
    def __init__(self, repo: DeliveryRepository, *, base_delay: float = 10.0) -> None:
        self.repo = repo
        self.base_delay = base_delay

    def enqueue(self, webhooks: Sequence[Webhook], event: str, sale_id: str, data: dict[str, Any]) -> list[int]:
        body = json.dumps(
            {"id": uuid.uuid4().hex, "event": event, "created_at": int(time.time()), "data": data},
            sort_keys=True,
            separators=(",", ":"),
        )
        return [self.repo.add_delivery(w.url, event, sale_id, body) for w in webhooks]

    def due(self) -> bool:
        return bool(self.repo.due_deliveries(time.time()))

    async def deliver_due(self, post: Post, webhooks: Sequence[Webhook]) -> int:
        """Attempt every due delivery once; returns how many were delivered."""
        secrets = {w.url: w.secret for w in webhooks}
        delivered = 0
        for delivery in self.repo.due_deliveries(time.time()):
            secret = secrets.get(delivery.url)
            if secret is None:  # the webhook was removed: stop trying
                self.repo.record_attempt(
                    delivery.id, state="failed", status=None, error="webhook removed", next_attempt_at=0.0
                )
                continue
            body = delivery.body.encode()
            headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(secret, body),
                       "X-Nutdesk-Event": delivery.event}  # fmt: skip
            status, error = await post(delivery.url, body, headers)
            attempts = delivery.attempts + 1
            if not error:
                state, delivered = "delivered", delivered + 1
            else:
                state = "failed" if attempts >= MAX_ATTEMPTS else "pending"
            self.repo.record_attempt(
                delivery.id,
                state=state,
                status=status,
                error=error,
                next_attempt_at=time.time() + retry_delay(attempts, self.base_delay),
            )
        return delivered
