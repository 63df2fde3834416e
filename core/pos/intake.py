"""Taking a payment: a pasted or scanned token, or a NUT-18 payload (posted, or messaged over Nostr). Ecash is checked
before anything is redeemed (unit, the policy's mints, the amount — less than due is refused —, the mint's input fee
cap); its proofs' secrets are recorded with the sale (``received``), so the same proofs can never pay twice."""

from __future__ import annotations

import asyncio
import logging
from decimal import Decimal
from typing import Any

from core.errors import (
    DleqError,
    MintUnreachable,
    NutdeskError,
    TokenDecodeError,
    UserFacingError,
)
from core.i18n import t
from core.mint_client.http import normalize_mint_url
from core.pos.checkout import Offer, PaymentRefused, check_offer
from core.pos.pending import PendingSales
from core.pos.policy import PosPolicy
from core.pos.pricing import PRICEABLE_UNITS, UnitPrice, UnitPricing, price_from_rate
from core.pos.repo import AlreadyUsed
from core.pos.types import FailureReason, Sale, SaleState
from core.protocol import tokens
from core.protocol.payment_requests import PaymentRequestPayload
from core.protocol.units import format_amount
from core.recovery.failpoints import failpoint
from core.wallet.receive import normalize_token_proofs

__all__ = ["Intake"]

log = logging.getLogger(__name__)

_SALE_KIND = "sale"


class Intake(PendingSales):
    async def pay_token(self, sale_id: str, text: str) -> Sale:
        """Pay ``sale_id`` with a pasted or scanned token. Refusals raise ``PaymentRefused`` (the sale shows why);
        an unknown outcome returns the sale ``settling``."""
        try:
            token = tokens.decode_token(text.strip().removeprefix("cashu:"))
        except TokenDecodeError as exc:
            self._refuse(sale_id, PaymentRefused(FailureReason.INVALID, str(exc)))
            raise AssertionError("unreachable") from exc
        offer = Offer(normalize_mint_url(token.mint), token.unit, tuple(token.proofs), token.memo)
        return await self.pay_offer(sale_id, offer)

    async def pay_payload(self, request_id: str, payload: PaymentRequestPayload, via: str = "post") -> Sale:
        """A NUT-18 payload for one of our requests (the ``post`` listener, the Nostr transport)."""
        sale = self.repo.by_request(request_id)
        if sale is None:
            raise UserFacingError(t("no sale is waiting for this payment request"))
        if payload.id is not None and payload.id != request_id:
            raise UserFacingError(t("the payment is for another request"))
        offer = Offer(normalize_mint_url(payload.mint), payload.unit, tuple(payload.proofs), payload.memo, via)
        return await self.pay_offer(sale.id, offer)

    async def pay_offer(self, sale_id: str, offer: Offer) -> Sale:
        lock = self._locks.setdefault(sale_id, asyncio.Lock())
        async with lock:  # one payment at a time per sale
            sale = await self._pay_offer(sale_id, offer)
        await self.deliver_webhooks()  # the first attempt at once; the background loop retries
        return sale

    async def _pay_offer(self, sale_id: str, offer: Offer) -> Sale:
        sale = self._sale(sale_id)
        if sale.state is SaleState.FAILED:
            sale = self._update(sale_id, SaleState.WAITING, failure_reason="", failure_detail="")
        if sale.state is not SaleState.WAITING:
            raise UserFacingError(t("the sale is {0}: it takes no other payment").format(sale.state))
        policy = self.policy()
        try:
            price = await self._unit_price(sale, offer, policy)
            settlement, due = check_offer(sale, offer, policy, price)
            mw = await self._mint_wallet(offer.mint, policy)
            token = tokens.Token(mint=offer.mint, unit=offer.unit, proofs=list(offer.proofs), memo=offer.memo)
            try:
                fee = mw.fee_for(normalize_token_proofs(mw, token))
            except (TokenDecodeError, DleqError, NutdeskError) as exc:
                raise PaymentRefused(FailureReason.INVALID, str(exc)) from exc
            if not policy.input_fee_ok(fee, due):
                raise PaymentRefused(
                    FailureReason.FEE_TOO_HIGH,
                    t("{0} charges {1} to redeem this ecash, above the shop's limit of {2:g}%").format(
                        offer.mint, format_amount(fee, offer.unit), policy.max_input_fee_pct
                    ),
                )
            priced: dict[str, Any] = {}
            if price is not None:
                priced = {
                    "paid_unit": offer.unit,
                    "unit_price": price.sat_per_unit,
                    "price_source": price.source,
                }
            try:
                sale = self.repo.claim_secrets(
                    sale_id, offer.secrets, offer.to_json(), mint_url=offer.mint, received=offer.amount,
                    change=offer.amount - due, settlement=settlement, **priced,
                )  # fmt: skip
            except AlreadyUsed as exc:
                raise PaymentRefused(
                    FailureReason.ALREADY_USED, t("this ecash was already handed over (sale {0})").format(exc.sale_id)
                ) from exc
        except PaymentRefused as refused:
            self._refuse(sale_id, refused)
        if sale_id in self.sessions:
            self.sessions[sale_id].update(sale)
        failpoint("sale:after_received")
        return await self._settle(sale, offer)

    async def _unit_price(self, sale: Sale, offer: Offer, policy: PosPolicy) -> UnitPrice | None:
        """The price of ecash in another unit than the sale's (dollar tokens for a sat sale), or None when the
        units match or the policy does not price it (then ``check_offer`` refuses it as the wrong unit)."""
        if offer.unit == sale.unit or sale.unit != "sat" or offer.unit not in PRICEABLE_UNITS:
            return None
        if policy.settlement_for(offer.mint) is None:  # refused anyway: do not ask that mint for a quote
            return None
        if policy.unit_pricing == UnitPricing.RATES.value:
            btc = await self._btc_price(offer.unit.upper())
            if btc is None:
                raise PaymentRefused(
                    FailureReason.NO_PRICE, t("no fresh {0} rate to price this ecash").format(offer.unit.upper())
                )
            return price_from_rate(offer.unit, btc)
        if policy.unit_pricing != UnitPricing.MINT.value:
            return None
        client = (await self._mint_wallet(offer.mint, policy)).client

        async def quote(amount: int) -> str:
            return str((await client.post_mint_quote(amount, offer.unit)).request)

        try:
            return await self.prices.mint_price(offer.mint, offer.unit, quote)
        except MintUnreachable as exc:
            raise PaymentRefused(
                FailureReason.MINT_UNREACHABLE, t("{0} did not answer: {1}").format(offer.mint, exc)
            ) from exc
        except (NutdeskError, ValueError) as exc:
            raise PaymentRefused(
                FailureReason.NO_PRICE,
                t("{0} gives no price for its {1} ecash: {2}").format(offer.mint, offer.unit, exc),
            ) from exc

    async def _btc_price(self, ccy: str) -> Decimal | None:
        """The price of one BTC in ``ccy`` from the rate sources (asked when nothing fresh is known)."""
        if self.rates is None:
            return None
        known: Decimal | None = self.rates.rates.rate(ccy)
        if known is None and await self.rates.rates.refresh(ccy) is not None:
            known = self.rates.rates.rate(ccy)
        return known

    def _refuse(self, sale_id: str, refused: PaymentRefused) -> None:
        """Record why a payment was refused (before anything was redeemed) and raise it."""
        sale = self._update(sale_id, SaleState.FAILED, failure_reason=refused.reason.value, failure_detail=str(refused))
        self._count_failure(sale)
        raise refused

    async def _mint_wallet(self, url: str, policy: PosPolicy) -> Any:
        try:
            if self.wallet.store.get_mint(url) is None:
                await self.wallet.add_mint(url, trusted=policy.is_trusted(url))
            return await self.wallet.wallet_for(url)
        except MintUnreachable as exc:
            raise PaymentRefused(FailureReason.MINT_UNREACHABLE, t("{0} did not answer: {1}").format(url, exc)) from exc
        except NutdeskError as exc:
            raise PaymentRefused(FailureReason.INVALID, t("{0} is not a usable mint: {1}").format(url, exc)) from exc
