"""NIP-17 messages from the shop to a customer's Nostr key, journaled and retried: a paid sale's signed receipt
(when the payment came over Nostr, the sender's key is known) and a giveaway's token (to the claimant who asked
over Nostr).

Each message is first recorded in the delivery log (``DeliveryRepository``, ``url`` = ``nostr:<hex key>``, ``body``
= the relays to publish to and, for a token, the message itself) and then published; a refused or unreachable relay
leaves it ``pending`` with a growing delay (``retry_delay``), and the till's housekeeping — which also runs at
start — tries again, up to ``MAX_ATTEMPTS``. A receipt's content is made when it is sent (the sale must be paid
first: a payment that is still settling waits). Published means at least one relay answered ``OK true``.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Sequence
from typing import Any

from core.nostr.crypto import NostrKeys
from core.nostr.nip17 import gift_wrap
from core.nostr.relay import publish, unique_relays
from core.pos.deliveries import NOSTR_SCHEME, Delivery, DeliveryRepository
from core.pos.webhooks import MAX_ATTEMPTS, retry_delay

__all__ = ["RECEIPT_EVENT", "TOKEN_EVENT", "NostrMail", "NotReady"]

log = logging.getLogger(__name__)

RECEIPT_EVENT = "receipt.nip17"  # a sale's signed receipt (kind 9321) as a NIP-17 message
TOKEN_EVENT = "giveaway.nip17"  # a giveaway claim's ecash (a NUT-18 payload) as a NIP-17 message


class NotReady(Exception):
    """The message cannot be made yet (the sale is still settling): try again later, no attempt counted."""


class NostrMail:
    def __init__(self, repo: DeliveryRepository, *, base_delay: float = 10.0, timeout: float = 10.0) -> None:
        self.repo = repo
        self.base_delay = base_delay
        self.timeout = timeout

    def enqueue(
        self, receiver_hex: str, event: str, sale_id: str, relays: Sequence[str], content: str | None = None
    ) -> int:
        """Record a message to ``receiver_hex`` (``content`` now, or made when sent) before anything is sent."""
        body = json.dumps({"relays": unique_relays(relays), "content": content}, separators=(",", ":"))
        return self.repo.add_delivery(NOSTR_SCHEME + receiver_hex, event, sale_id, body)

    def due(self) -> list[Delivery]:
        return self.repo.due_deliveries(time.time(), nostr=True)

    async def deliver_due(self, sender: NostrKeys, content_for: Callable[[Delivery], str]) -> int:
        """Publish every due message once; ``content_for`` makes those recorded without content (it may raise
        ``NotReady``). Returns how many were published."""
        sent = 0
        for delivery in self.due():
            if await self.deliver(delivery, sender, content_for):
                sent += 1
        return sent

    async def deliver(self, delivery: Delivery, sender: NostrKeys, content_for: Callable[[Delivery], str]) -> bool:
        body: dict[str, Any] = json.loads(delivery.body)
        relays, content = list(body.get("relays") or []), body.get("content")
        try:
            if content is None:
                content = content_for(delivery)
        except NotReady:
            return False
        except Exception as exc:  # the message can never be made (the sale was cancelled): stop trying
            self._record(delivery, "failed", f"{type(exc).__name__}: {exc}")
            return False
        if not relays:
            self._record(delivery, "failed", "no relay to publish to")
            return False
        wrap = gift_wrap(sender, delivery.nostr_key, str(content), relay_hint=relays[0])
        results = await publish(wrap, relays, timeout=self.timeout)
        if any(r.accepted for r in results):
            self._record(delivery, "delivered", "")
            return True
        reasons = "; ".join(f"{r.relay}: {r.message or 'refused'}" for r in results)
        log.info("a NIP-17 %s for %s was not published: %s", delivery.event, delivery.sale_id, reasons)
        self._record(delivery, "failed" if delivery.attempts + 1 >= MAX_ATTEMPTS else "pending", reasons[:500])
        return False

    def _record(self, delivery: Delivery, state: str, error: str) -> None:
        attempts = delivery.attempts + 1
        self.repo.record_attempt(
            delivery.id, state=state, status=None, error=error,
            next_attempt_at=time.time() + retry_delay(attempts, self.base_delay),
        )  # fmt: skip
