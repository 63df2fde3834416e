"""How customers' wallets reach the till: the ``post`` transport (a local endpoint they POST payments to) and the
``nostr`` transport (NIP-17 messages to the shop's key on its relays) — and how the till answers over them:

- a payment that came over Nostr names its sender: the sale's signed receipt is sent back to that key as a NIP-17
  message once the sale is paid (journaled and retried, ``core.pos.nostr_mail``; ``receipt_delivery`` and the
  receipt's "Receipt sent to" row show it);
- giveaway claims arrive over both transports and get their ecash back on the same one
  (``core.pos.giveaway_claims``)."""

from __future__ import annotations

import json
import logging
from http import HTTPStatus
from typing import Any

from core.errors import (
    NutdeskError,
    UserFacingError,
)
from core.i18n import t
from core.nostr.crypto import NostrKeys, npub_encode
from core.nostr.nip17 import CHAT_MESSAGE, Rumor, gift_wrap
from core.nostr.relay import publish, unique_relays
from core.pos.deliveries import Delivery, DeliveryRepository
from core.pos.giveaway_claims import GIVEAWAY_PATH, ClaimMessage
from core.pos.giveaway_repo import GiveawayClaim, GiveawayRepository
from core.pos.intake import Intake
from core.pos.nostr import NostrInbox, load_shop_key, save_shop_key
from core.pos.nostr_mail import RECEIPT_EVENT, TOKEN_EVENT, NostrMail, NotReady
from core.pos.policy import PosPolicy
from core.pos.types import SaleState
from core.protocol import tokens
from core.protocol.jsonread import read_object
from core.protocol.payment_requests import PaymentRequest, PaymentRequestPayload, decode_payment_request

__all__ = ["Transports"]

log = logging.getLogger(__name__)

_SALE_KIND = "sale"
_CLAIM_BODY_CAP = 16 * 1024


class Transports(Intake):
    async def start_listener(self, host: str = "127.0.0.1", port: int = 0, public_url: str | None = None) -> str:
        """Run the local endpoint customers' wallets POST payments to; returns its base URL."""
        from core.payments.requests import PaymentRequestListener, ReceivedPayment

        async def redeem(request: PaymentRequest, payload: PaymentRequestPayload) -> ReceivedPayment:
            assert request.id is not None
            sale = await self.pay_payload(request.id, payload, via="post")
            if sale.state is not SaleState.PAID:
                raise UserFacingError(t("the payment is being settled"))
            return ReceivedPayment(request.id, sale.net, sale.fee, sale.mint_url, sale.ecash_unit, payload.memo)

        if self._listener is None:
            listener = PaymentRequestListener(redeem, host=host, port=port, public_url=public_url)
            listener.route(GIVEAWAY_PATH, self._http_claim)
            await listener.start()  # kept only once it listens (a busy port is tried again)
            self._listener = listener
        return str(self._listener.base_url)

    def nostr_keys(self) -> NostrKeys:
        """The shop's Nostr identity (made on first use, kept encrypted in the wallet's settings)."""
        if self._nostr_keys is None:
            self._nostr_keys = load_shop_key(self.wallet.store, self.wallet.seed)
        return self._nostr_keys

    def set_nostr_key(self, secret: str) -> NostrKeys:
        """Use an existing Nostr key (``nsec1…`` or hex) as the shop's; refused while the till is locked."""
        self._refuse_when_locked(t("change the shop's Nostr key"))
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
            raise UserFacingError(t("no Nostr relays are configured for the shop (pos policy --relay wss://…)"))
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
        """A NIP-17 message to the shop: a giveaway claim, or a NUT-18 payload that goes through the same checkout
        as a posted one (every refusal and the idempotency by the proofs' secrets apply). Replays — the same
        message from another relay, or again after a restart — find the sale no longer waiting and are dropped."""
        if rumor.kind != CHAT_MESSAGE:
            return
        try:
            data = read_object(rumor.content)
            if ClaimMessage.is_claim(data):
                await self._nostr_claim(rumor, ClaimMessage.from_json(data))
                return
            payload = PaymentRequestPayload.from_json(data)
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
        # The sender's key is where the signed receipt goes: recorded before the payment, so a restart still sends it.
        delivery = self.nostr_mail.enqueue(rumor.pubkey, RECEIPT_EVENT, sale.id, self.policy().nostr_relays)
        try:
            await self.pay_payload(sale.request_id, payload, via="nostr")
        except NutdeskError as exc:
            self.nostr_mail.repo.delete(delivery)  # a refused payer gets no receipt (another may pay the sale)
            log.info("the Nostr payment for sale %s was refused: %s", sale.id, exc)
            return
        await self.deliver_nostr_mail()

    # --- NIP-17 messages to customers ------------------------------------------------------------

    @property
    def nostr_mail(self) -> NostrMail:
        return NostrMail(DeliveryRepository(self.repo.db), base_delay=self.webhooks.base_delay)

    def receipt_delivery(self, sale_id: str) -> Delivery | None:
        """The latest NIP-17 delivery of the sale's signed receipt (None: the payment named no Nostr key)."""
        found = self.nostr_mail.repo.for_sale(self._sale(sale_id).id, RECEIPT_EVENT)
        return found[-1] if found else None

    async def deliver_nostr_mail(self) -> int:
        """Send every due receipt and giveaway message once (the housekeeping retries, at start too)."""
        mail = self.nostr_mail
        if not mail.due():
            return 0
        return await mail.deliver_due(self.nostr_keys(), self._mail_content)

    def _mail_content(self, delivery: Delivery) -> str:
        if delivery.event != RECEIPT_EVENT:
            raise UserFacingError(t("the claim was not finished: its ecash is in the claim's journal entry"))
        sale = self._sale(delivery.sale_id)
        if sale.state in (SaleState.WAITING, SaleState.RECEIVED, SaleState.SETTLING):
            raise NotReady
        if sale.state is not SaleState.PAID:
            raise UserFacingError(t("{0} is {1}: no receipt").format(sale.receipt_id, sale.state))
        return json.dumps(self.signed_receipt(sale.id), ensure_ascii=False, separators=(",", ":"))

    def receipt(self, sale_id: str) -> list[tuple[str, str]]:
        rows = super().receipt(sale_id)
        delivery = self.receipt_delivery(sale_id)
        if delivery is not None:
            npub = npub_encode(delivery.nostr_key)
            rows.append(("Receipt sent to", f"{npub[:16]}…{npub[-6:]} ({delivery.state})"))
        return rows

    # --- giveaway claims over the transports ------------------------------------------------------

    async def serve_giveaways(self) -> list[str]:
        """While a giveaway is open, listen for its claims on the shop's transports: the Nostr inbox (relays are
        configured) and the HTTP listener (``post_endpoint`` host:port is set). Returns the transports listening;
        run by the housekeeping, so claims arrive with no sale on the till."""
        if not any(g.state == "open" for g in GiveawayRepository(self.repo.db).giveaways()):
            return []
        policy, serving = self.policy(), []
        if policy.nostr_relays:
            await self.start_nostr(policy)
            serving.append("nostr")
        if policy.post_endpoint:
            host, _, port = policy.post_endpoint.rpartition(":")
            try:
                await self.start_listener(host.strip("[]") or "127.0.0.1", int(port), policy.post_public_url or None)
                serving.append("post")
            except (OSError, ValueError) as exc:  # a busy port: logged, tried again on the next pass
                log.warning("cannot listen for payments and claims on %s: %s", policy.post_endpoint, exc)
        return serving

    async def _nostr_claim(self, rumor: Rumor, message: ClaimMessage) -> None:
        """A claim messaged to the shop: journaled (keyed by the message) before anything is paid, so a replay is
        recognised; the ecash — or why not — goes back to the sender."""
        mail, ref = self.nostr_mail, f"claim:{rumor.id}"
        if mail.repo.for_sale(ref, TOKEN_EVENT):
            log.info("a giveaway claim message seen before (%s): ignored", rumor.id[:16])
            return
        relays = self.policy().nostr_relays
        delivery = mail.enqueue(rumor.pubkey, TOKEN_EVENT, ref, relays)
        try:
            request_id = decode_payment_request(message.request).id if message.request else None
            claim = await self._giveaway_claim(
                message.giveaway, request=message.request, code=message.code, claimant_key=rumor.pubkey
            )
        except (NutdeskError, ValueError) as exc:
            mail.repo.record_attempt(delivery, state="refused", status=None, error=str(exc)[:500], next_attempt_at=0)
            log.info("a giveaway claim over Nostr was refused: %s", exc)
            refusal = json.dumps({"giveaway": message.giveaway, "error": str(exc)})
            await publish(gift_wrap(self.nostr_keys(), rumor.pubkey, refusal), relays, timeout=mail.timeout)
            return
        token = tokens.decode_token(claim.token)
        payload = PaymentRequestPayload(token.mint, token.unit, list(token.proofs), request_id or claim.id, token.memo)
        content = json.dumps(payload.to_json(), separators=(",", ":"))
        mail.repo.set_body(delivery, json.dumps({"relays": unique_relays(relays), "content": content}))
        await self.deliver_nostr_mail()

    async def _http_claim(self, gid: str, body: bytes) -> tuple[HTTPStatus, dict[str, Any]]:
        """``POST /cashu/giveaway/ID``: the claim's ecash in the answer."""
        try:
            message = ClaimMessage.from_json(read_object(body, cap=_CLAIM_BODY_CAP), gid)
            claim = await self._giveaway_claim(message.giveaway, request=message.request, code=message.code,
                                               claimant_key=None)  # fmt: skip
        except (NutdeskError, ValueError, TypeError) as exc:
            log.info("a giveaway claim over HTTP was refused: %s", exc)
            return HTTPStatus.BAD_REQUEST, {"detail": str(exc)}
        token = tokens.decode_token(claim.token)
        return HTTPStatus.OK, {"claim": claim.id, "amount": claim.amount, "unit": token.unit, "mint": token.mint,
                               "token": claim.token}  # fmt: skip

    # --- hooks the layers above provide ----------------------------------------------------------

    async def _giveaway_claim(
        self, gid: str, *, request: str | None, code: str | None, claimant_key: str | None
    ) -> GiveawayClaim:
        """Pay one giveaway claim as a token (``core.api.giveaways``; the facade provides it)."""
        raise NotImplementedError

    def signed_receipt(self, sale_id: str) -> dict[str, Any]:
        raise NotImplementedError
