"""How customers' wallets reach the till: the ``post`` transport (a local endpoint they POST payments to) and the
``nostr`` transport (NIP-17 messages to the shop's key on its relays)."""

from __future__ import annotations

import logging

from core.errors import (
    NutdeskError,
    UserFacingError,
)
from core.nostr.crypto import NostrKeys
from core.nostr.nip17 import CHAT_MESSAGE, Rumor
from core.nostr.relay import unique_relays
from core.pos.intake import Intake
from core.pos.nostr import NostrInbox, load_shop_key, save_shop_key
from core.pos.policy import PosPolicy
from core.pos.types import SaleState
from core.protocol.jsonread import read_object
from core.protocol.payment_requests import PaymentRequest, PaymentRequestPayload

__all__ = ["Transports"]

log = logging.getLogger(__name__)

_SALE_KIND = "sale"


class Transports(Intake):
    async def start_listener(self, host: str = "127.0.0.1", port: int = 0, public_url: str | None = None) -> str:
        """Run the local endpoint customers' wallets POST payments to; returns its base URL."""
        from core.payments.requests import PaymentRequestListener, ReceivedPayment

        async def redeem(request: PaymentRequest, payload: PaymentRequestPayload) -> ReceivedPayment:
            assert request.id is not None
            sale = await self.pay_payload(request.id, payload, via="post")
            if sale.state is not SaleState.PAID:
                raise UserFacingError("the payment is being settled")
            return ReceivedPayment(request.id, sale.net, sale.fee, sale.mint_url, sale.ecash_unit, payload.memo)

        if self._listener is None:
            self._listener = PaymentRequestListener(redeem, host=host, port=port, public_url=public_url)
            await self._listener.start()
        return str(self._listener.base_url)

    def nostr_keys(self) -> NostrKeys:
        """The shop's Nostr identity (made on first use, kept encrypted in the wallet's settings)."""
        if self._nostr_keys is None:
            self._nostr_keys = load_shop_key(self.wallet.store, self.wallet.seed)
        return self._nostr_keys

    def set_nostr_key(self, secret: str) -> NostrKeys:
        """Use an existing Nostr key (``nsec1…`` or hex) as the shop's; refused while the till is locked."""
        self._refuse_when_locked("change the shop's Nostr key")
        keys = NostrKeys.parse(secret)
        save_shop_key(self.wallet.store, self.wallet.seed, keys)
        self._nostr_keys = keys
        return keys

    def nostr_profile(self) -> str:
        """The shop's ``nprofile`` (its key and relays) as payment requests carry it."""
        keys = self.nostr_keys()
        return NostrInbox(keys, self.policy().nostr_relays, self._nostr_message).transport().target

    async def start_nostr(self, policy: PosPolicy | None = None) -> NostrInbox:
        """Listen on the policy's relays for payments messaged to the shop (restarted when the relays change)."""
        policy = policy or self.policy()
        if not policy.nostr_relays:
            raise UserFacingError("no Nostr relays are configured for the shop (pos policy --relay wss://…)")
        keys = self.nostr_keys()
        inbox = self._nostr
        same = inbox is not None and inbox.keys == keys and inbox.relays == tuple(unique_relays(policy.nostr_relays))
        if inbox is not None and same and inbox.running:  # a stopped inbox is never reused
            return inbox
        await self.stop_nostr()
        self._nostr = NostrInbox(keys, policy.nostr_relays, self._nostr_message)
        self._nostr.start()
        return self._nostr

    async def stop_nostr(self) -> None:
        inbox, self._nostr = self._nostr, None
        if inbox is not None:
            await inbox.close()

    async def _nostr_message(self, rumor: Rumor) -> None:
        """A NIP-17 message to the shop: a NUT-18 payload goes through the same checkout as a posted one (every
        refusal and the idempotency by the proofs' secrets apply). Replays — the same message from another
        relay, or again after a restart — find the sale no longer waiting and are dropped."""
        if rumor.kind != CHAT_MESSAGE:
            return
        try:
            payload = PaymentRequestPayload.from_json(read_object(rumor.content))
        except (ValueError, TypeError, KeyError, ArithmeticError, NutdeskError) as exc:
            log.info("a Nostr message to the shop is not a payment: %s", exc)
            return
        sale = self.repo.by_request(payload.id) if payload.id else None
        if sale is None:
            log.info("a Nostr payment for no sale of this shop (request %s)", payload.id)
            return
        if sale.state not in (SaleState.WAITING, SaleState.FAILED):
            log.info("a Nostr payment for sale %s, which is %s: ignored", sale.id, sale.state)
            return
        try:
            await self.pay_payload(sale.request_id, payload, via="nostr")
        except NutdeskError as exc:
            log.info("the Nostr payment for sale %s was refused: %s", sale.id, exc)
