"""Paying a prepared payment: a melt for Lightning (bolt11, LNURL, Lightning address), or ecash sent to a NUT-18
payment request — moved first from another mint by a transfer saga when prepared so — and delivered over the
request's ``post`` or ``nostr`` transport, or handed over in-band. A delivery the receiver did not confirm is
taken back, unless the receiver already claimed it."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

import httpx

from core.errors import MintRejected, MintUnreachable, NutdeskError, ProofsAlreadySpent, UserFacingError
from core.i18n import t
from core.payments.errors import DeliveryFailed
from core.payments.prepared import PayingWallet, PaymentResult, PreparedPayment, refuse_expired
from core.payments.requests import deliver_nostr, deliver_post
from core.protocol.payment_requests import PaymentRequestPayload
from core.wallet import check as check_ops

__all__ = ["Payer"]


class Payer:
    """Pays over ``wallet`` (whose melt, send and transfer journal and ask for the spending PIN)."""

    def __init__(
        self,
        wallet: PayingWallet,
        http: httpx.AsyncClient,
        nostr_relays: Callable[[], list[str]],
        nostr_timeout: float,
    ) -> None:
        self.wallet = wallet
        self.http = http
        self._nostr_relays = nostr_relays
        self.nostr_timeout = nostr_timeout

    async def pay(self, prepared: PreparedPayment) -> PaymentResult:
        if prepared.kind == "payment_request":
            return await self._pay_request(prepared)
        if prepared.melt is None or prepared.invoice is None:
            raise UserFacingError(t("this payment was not prepared for a melt"))
        refuse_expired(prepared.invoice)
        result = await self.wallet.melt(prepared.melt)
        success = None
        if prepared.lnurl_invoice is not None and prepared.lnurl_invoice.success_action is not None:
            success = prepared.lnurl_invoice.success_action.render(result.preimage)
        return PaymentResult(
            kind=prepared.kind,
            paid=result.paid,
            amount=result.amount,
            unit=prepared.unit,
            fee=result.fee,
            mint_url=prepared.mint_url,
            preimage=result.preimage,
            success_action=success,
            preimage_matches=result.preimage_matches,
            operation_ids=(result.operation_id,),
        )

    async def _pay_request(self, prepared: PreparedPayment) -> PaymentResult:
        request = prepared.request
        assert request is not None
        fee = 0
        ids: list[str] = []
        if prepared.transfer_melt is not None and prepared.transfer_quote is not None:
            # One saga, one journal entry: the melt here pays the quote there, then the mint there.
            moved = await self.wallet.transfer_prepared(
                prepared.transfer_melt, prepared.mint_url, prepared.transfer_quote
            )
            fee += moved.fee
            ids.append(moved.operation_id)
        sent = await self.wallet.send(
            prepared.amount, prepared.mint_url, prepared.unit, lock=prepared.lock, memo=prepared.comment or ""
        )
        fee += sent.fee
        ids.append(sent.operation_id)
        base: dict[str, Any] = {
            "kind": "payment_request",
            "amount": sent.amount,
            "unit": prepared.unit,
            "mint_url": prepared.mint_url,
            "operation_ids": tuple(i for i in ids if i),
        }
        if prepared.transport is None:
            # In-band: the token itself is the payment; the receiver gets it by whatever channel the user picks.
            return PaymentResult(paid=False, fee=fee, token=sent.token, **base)
        payload = PaymentRequestPayload(
            mint=prepared.mint_url,
            unit=prepared.unit,
            proofs=list(sent.proofs),
            id=request.id,
            memo=prepared.comment,
        )
        try:
            if prepared.transport.type == "nostr":
                # A NIP-17 message: delivered once a relay accepts it; the receiver redeems when it reads it.
                await deliver_nostr(prepared.transport, payload, self._nostr_relays(), timeout=self.nostr_timeout)
            else:
                await deliver_post(self.http, prepared.transport, payload)
        except DeliveryFailed as exc:
            return await self._take_back(exc, sent.token, prepared, fee, base)
        # A post receiver answers only after redeeming: mark the sent proofs spent now (NUT-07), best effort —
        # if the mint cannot be asked (or a Nostr receiver has not redeemed yet), they stay pending until a check.
        with contextlib.suppress(MintUnreachable, MintRejected):
            await check_ops.sync_pending(await self.wallet.wallet_for(prepared.mint_url))
        return PaymentResult(paid=True, fee=fee, delivered=True, **base)

    async def _take_back(
        self, failure: DeliveryFailed, token: str, prepared: PreparedPayment, fee: int, base: dict[str, Any]
    ) -> PaymentResult:
        """The receiver did not confirm: reclaim the token — unless it already claimed it (then it is paid)."""
        if prepared.lock is not None:
            raise DeliveryFailed(
                t("{0}. The ecash is locked to the receiver's key and stays pending; the token is: {1}").format(
                    failure, token
                )
            ) from failure
        try:
            reclaimed = await self.wallet.reclaim(token)
        except ProofsAlreadySpent:
            return PaymentResult(paid=True, fee=fee, delivered=True, **base)
        except NutdeskError as exc:
            raise DeliveryFailed(
                t(
                    "{0}. Taking the ecash back failed too ({1}); it stays pending — reclaim it "
                    "later with `nutdesk reclaim`: {2}"
                ).format(failure, exc, token)
            ) from failure
        raise DeliveryFailed(t("{0}. The ecash was taken back (fee {1}).").format(failure, reclaimed.fee)) from failure
