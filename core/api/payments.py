"""``PaymentsService``: pay and receive anything, over a ``WalletService`` (composition, not inheritance).

Every payment is two steps, the shape of a confirm dialog: ``prepare_payment(text, …)`` finds out what the
input is, fetches what it must (LNURL pay request and invoice, melt quotes at the candidate mints) and returns
a ``PreparedPayment`` showing kind, amount, Lightning fee reserve, input fee, total and the mint; nothing is
spent. ``pay(prepared)`` then melts (through ``WalletService.melt``, which journals) or sends ecash to a
payment request (delivered over its ``post`` or ``nostr`` transport, or in-band). ``RatesService`` gives fiat
values for display.

Money rules enforced here: an expired invoice is refused before any request; an LNURL invoice must be for
exactly the requested amount; the mint's melt quote must be for the invoice's amount.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import httpx

from core.api.service import LockOptions, WalletService
from core.errors import (
    InsufficientBalance,
    MintRejected,
    MintUnreachable,
    NutdeskError,
    ProofsAlreadySpent,
    UnknownMint,
    UnsupportedInput,
    UserFacingError,
)
from core.mint_client.http import normalize_mint_url
from core.nostr.crypto import npub_encode
from core.nostr.relay import check_relay_url, unique_relays
from core.payments.detect import DetectedInput, InputRegistry, default_registry
from core.payments.errors import AmountError, DeliveryFailed, InvalidInvoice, InvoiceAmountMismatch
from core.payments.invoices import Invoice, decode_invoice
from core.payments.lightning_address import LightningAddress
from core.payments.lnurl import LnurlClient, LnurlInvoice, PayRequest
from core.payments.rates import ExchangeRates, RateQuote, RateSource
from core.payments.requests import (
    PaymentRequestListener,
    ReceivedPayment,
    choose_transport,
    deliver_nostr,
    deliver_post,
    new_request,
    nostr_destination,
)
from core.protocol.payment_requests import PaymentRequest, PaymentRequestPayload, Transport
from core.protocol.tokens import Token
from core.wallet import check as check_ops
from core.wallet import melt as melt_ops
from core.wallet.receive import ReceiveResult
from core.wallet.selection import select_exact, select_for_amount

__all__ = [
    "PaymentResult",
    "PaymentsService",
    "PreparedPayment",
    "RatesService",
]

FIAT_CURRENCY_SETTING = "fiat_currency"
NOSTR_RELAYS_SETTING = "nostr:relays"  # JSON list: where Nostr payment requests without relay hints are sent
DEFAULT_FIAT_CURRENCY = "USD"
_SATS_PER_BTC = Decimal(100_000_000)


@dataclass(frozen=True)
class PreparedPayment:
    """Everything a confirm dialog shows; ``pay`` it or drop it (nothing was spent)."""

    kind: str  # bolt11 | lnurl | lightning_address | payment_request
    input: str
    amount: int
    unit: str
    mint_url: str
    fee_reserve: int  # Lightning fee reserve (returned as change when unused)
    input_fee: int  # the mint's input fees (and, for a transfer, the ecash kept for the send's own swap)
    description: str | None = None
    destination: str | None = None  # who gets paid: a domain, an address, a post URL
    comment: str | None = None
    melt: melt_ops.PreparedMelt | None = field(default=None, repr=False)
    invoice: Invoice | None = field(default=None, repr=False)
    pay_request: PayRequest | None = field(default=None, repr=False)
    lnurl_invoice: LnurlInvoice | None = field(default=None, repr=False)
    request: PaymentRequest | None = field(default=None, repr=False)
    transport: Transport | None = None
    lock: LockOptions | None = None
    transfer_from: str | None = None  # a payment request paid with ecash moved from this mint first
    transfer_melt: melt_ops.PreparedMelt | None = field(default=None, repr=False)
    transfer_quote: str | None = None

    @property
    def total(self) -> int:
        """The most this payment can cost, in ``unit``."""
        return self.amount + self.fee_reserve + self.input_fee

    def summary(self) -> str:
        where = f" from {self.transfer_from} via {self.mint_url}" if self.transfer_from else f" from {self.mint_url}"
        to = f" to {self.destination}" if self.destination else ""
        parts = [f"Pay {self.amount} {self.unit}{to}{where}"]
        if self.description:
            parts.append(f"for {self.description!r}")
        fees = f"Lightning fee reserve {self.fee_reserve}, mint fees {self.input_fee}"
        return " ".join(parts) + f": {fees}, at most {self.total} {self.unit}."

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "amount": self.amount,
            "unit": self.unit,
            "mint": self.mint_url,
            "fee_reserve": self.fee_reserve,
            "input_fee": self.input_fee,
            "total": self.total,
            "description": self.description,
            "destination": self.destination,
        }
        if self.transfer_from:
            out["transfer_from"] = self.transfer_from
        if self.transport is not None:
            out["transport"] = self.transport.type
        return out


@dataclass(frozen=True)
class PaymentResult:
    kind: str
    paid: bool
    amount: int
    unit: str
    fee: int
    mint_url: str
    preimage: str | None = None
    success_action: dict[str, Any] | None = None
    token: str | None = None  # an in-band payment request: the token to hand over
    delivered: bool = False
    preimage_matches: bool | None = None  # None: nothing to check

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "paid": self.paid,
            "kind": self.kind,
            "amount": self.amount,
            "unit": self.unit,
            "fee": self.fee,
            "mint": self.mint_url,
        }
        if self.preimage:
            out["preimage"] = self.preimage
        if self.preimage_matches is not None:
            out["proof_of_payment"] = "matches" if self.preimage_matches else "does not match"
        if self.success_action:
            out["success_action"] = self.success_action
        if self.token:
            out["token"] = self.token
        if self.kind == "payment_request":
            out["delivered"] = self.delivered
        return out


class PaymentsService:
    """Use as ``async with PaymentsService(wallet) as payments:`` (closes its HTTP client, not the wallet).

    ``nostr_relays``: where a Nostr payment request that names no relay is delivered (default: the wallet's
    ``nostr:relays`` setting); ``nostr_timeout``: how long a relay may take to acknowledge.
    """

    def __init__(
        self,
        wallet: WalletService,
        *,
        http: httpx.AsyncClient | None = None,
        registry: InputRegistry | None = None,
        nostr_relays: Sequence[str] | None = None,
        nostr_timeout: float = 10.0,
    ) -> None:
        self.wallet = wallet
        self._nostr_relays = None if nostr_relays is None else list(nostr_relays)
        self.nostr_timeout = nostr_timeout
        self._own_http = http is None
        self.http = http or httpx.AsyncClient(trust_env=False, timeout=httpx.Timeout(30.0), follow_redirects=False)
        self.registry = registry or default_registry()
        self.lnurl = LnurlClient(self.http)
        self._listeners: list[PaymentRequestListener] = []

    async def close(self) -> None:
        for listener in self._listeners:
            await listener.close()
        self._listeners.clear()
        if self._own_http:
            await self.http.aclose()

    async def __aenter__(self) -> PaymentsService:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- what is it ---------------------------------------------------------------------------

    def decode(self, text: str | bytes) -> DetectedInput:
        """Detect and parse without any network request; raises ``UnsupportedInput`` for unknown strings."""
        return self.registry.detect(text)

    async def receive(self, text: str, *, trust: bool = False) -> ReceiveResult:
        """The ``receive`` flow for a pasted token (anything else is refused with a pointer to ``pay``)."""
        detected = self.decode(text)
        if detected.action != "receive":
            raise UnsupportedInput(f"this is {detected.kind.replace('_', ' ')}: pay it instead of receiving it")
        return await self.wallet.receive(detected.text, trust=trust)

    # --- prepare ------------------------------------------------------------------------------

    async def prepare_payment(
        self,
        text: str,
        amount: int | None = None,
        comment: str | None = None,
        mint: str | None = None,
    ) -> PreparedPayment:
        if amount is not None and amount <= 0:
            raise AmountError("the amount must be positive")
        detected = self.decode(text)
        if detected.action != "pay":
            raise UnsupportedInput("this is a Cashu token: receive it instead of paying it")
        mint = normalize_mint_url(mint) if mint else None
        if detected.kind == "bolt11":
            if comment:
                raise UserFacingError("a comment can only be sent to an LNURL or a Lightning address")
            return await self._prepare_bolt11(detected, amount, mint)
        if detected.kind in ("lnurl", "lightning_address"):
            return await self._prepare_lnurl(detected, amount, comment, mint)
        if detected.kind == "payment_request":
            return await self._prepare_payment_request(detected, amount, comment, mint)
        raise UnsupportedInput(f"Nutdesk cannot pay {detected.kind.replace('_', ' ')} yet")

    async def _prepare_bolt11(self, detected: DetectedInput, amount: int | None, mint: str | None) -> PreparedPayment:
        invoice: Invoice = detected.value
        _refuse_expired(invoice)
        amount_msat: int | None = None
        if invoice.amount_msat is None:
            if amount is None:
                raise AmountError("this invoice has no amount: say how much to pay (--amount)")
            amount_msat = amount * 1000
        elif amount is not None and amount * 1000 != invoice.amount_msat:
            raise AmountError(f"the invoice is for {invoice.amount_sat} sat, not {amount} sat")
        prepared_melt = await self._best_melt(invoice, "sat", mint, amount_msat)
        return PreparedPayment(
            kind="bolt11",
            input=detected.text,
            amount=prepared_melt.amount,
            unit=prepared_melt.unit,
            mint_url=prepared_melt.mint_url,
            fee_reserve=prepared_melt.fee_reserve,
            input_fee=prepared_melt.input_fee,
            description=invoice.description,
            melt=prepared_melt,
            invoice=invoice,
        )

    async def _prepare_lnurl(
        self, detected: DetectedInput, amount: int | None, comment: str | None, mint: str | None
    ) -> PreparedPayment:
        if detected.kind == "lightning_address":
            address: LightningAddress = detected.value
            url, destination = address.url, str(address)
        else:
            url = str(detected.value)
            destination = httpx.URL(url).host
        pay = await self.lnurl.fetch_pay_request(url)
        if amount is None:
            if pay.min_sendable != pay.max_sendable:
                raise AmountError(f"{destination} accepts {pay.min_sat}–{pay.max_sat} sat: say how much (--amount)")
            amount_msat = pay.min_sendable
        else:
            amount_msat = amount * 1000
        lninv = await self.lnurl.request_invoice(pay, amount_msat, comment)
        invoice = lninv.invoice
        if invoice.amount_msat != amount_msat:  # request_invoice checks this; money rules are checked twice
            raise InvoiceAmountMismatch(f"{destination} sent an invoice for another amount; it was not paid")
        _refuse_expired(invoice)
        prepared_melt = await self._best_melt(invoice, "sat", mint, None)
        return PreparedPayment(
            kind=detected.kind,
            input=detected.text,
            amount=prepared_melt.amount,
            unit=prepared_melt.unit,
            mint_url=prepared_melt.mint_url,
            fee_reserve=prepared_melt.fee_reserve,
            input_fee=prepared_melt.input_fee,
            description=pay.description or None,
            destination=destination,
            comment=comment,
            melt=prepared_melt,
            invoice=invoice,
            pay_request=pay,
            lnurl_invoice=lninv,
        )

    async def _best_melt(
        self, invoice: Invoice, unit: str, mint: str | None, amount_msat: int | None
    ) -> melt_ops.PreparedMelt:
        """A melt quote at ``mint``, or at every mint that could pay, keeping the cheapest total."""
        amount_msat_eff = amount_msat if amount_msat is not None else invoice.amount_msat
        assert amount_msat_eff is not None
        needed = -(-amount_msat_eff // 1000) if unit == "sat" else 1
        if mint is not None:
            candidates = [mint]
        else:
            rows = sorted(
                (b for b in self.wallet.balances() if b.unit == unit and b.balance >= needed),
                key=lambda b: -b.balance,
            )
            candidates = [b.mint_url for b in rows]
            if not candidates:
                raise InsufficientBalance(f"no mint in the wallet holds {needed} {unit} to pay this")
        best: melt_ops.PreparedMelt | None = None
        errors: list[NutdeskError] = []
        for url in candidates:
            try:
                prepared = await self._melt_at(url, invoice, unit, amount_msat)
            except (UserFacingError, MintRejected, MintUnreachable) as exc:
                if mint is not None:
                    raise
                errors.append(exc)
                continue
            if best is None or prepared.total < best.total:
                best = prepared
        if best is None:
            raise errors[0]
        return best

    async def _melt_at(self, url: str, invoice: Invoice, unit: str, amount_msat: int | None) -> melt_ops.PreparedMelt:
        mw = await self.wallet.wallet_for(url)
        if amount_msat is not None:
            info = mw.info or await mw.client.get_info()
            if not info.supports_amountless_melt("bolt11", unit):
                raise InvalidInvoice(
                    f"this invoice has no amount, and {url} cannot pay invoices without an amount (NUT-05 amountless)"
                )
        prepared = await melt_ops.prepare_melt(mw, invoice.request, unit, amount_msat=amount_msat)
        expected_msat = amount_msat if amount_msat is not None else invoice.amount_msat
        assert expected_msat is not None
        if unit == "sat" and prepared.amount != -(-expected_msat // 1000):
            raise InvoiceAmountMismatch(
                f"{url} quoted {prepared.amount} sat for an invoice of {expected_msat} msat; not paying"
            )
        return prepared

    async def _prepare_payment_request(
        self, detected: DetectedInput, amount: int | None, comment: str | None, mint: str | None
    ) -> PreparedPayment:
        request: PaymentRequest = detected.value
        transport = choose_transport(request)  # refuses Nostr-only requests before anything else
        unit = request.unit or "sat"
        if request.amount is None:
            if amount is None:
                raise AmountError("this payment request has no amount: say how much to pay (--amount)")
        elif amount is not None and amount != request.amount:
            raise AmountError(f"the request is for {request.amount} {unit}, not {amount} {unit}")
        pay_amount = request.amount if request.amount is not None else amount
        assert pay_amount is not None
        lock = _lock_for(request)
        accepted = [normalize_mint_url(m) for m in request.mints]
        if transport is None:
            destination = "in-band (a token to hand over)"
        elif transport.type == "nostr":
            pubkey, relays = nostr_destination(transport, self.nostr_relays())  # no relay: refused before spending
            npub = npub_encode(pubkey)
            destination = f"Nostr {npub[:12]}…{npub[-6:]} via {', '.join(relays)}"
        else:
            destination = httpx.URL(transport.target).host

        common: dict[str, Any] = {
            "kind": "payment_request",
            "input": detected.text,
            "amount": pay_amount,
            "unit": unit,
            "description": request.description,
            "destination": destination,
            "comment": comment,
            "request": request,
            "transport": transport,
            "lock": lock,
        }
        # Pay directly from a mint the receiver accepts …
        direct = [mint] if mint else [b.mint_url for b in self.wallet.balances() if b.unit == unit]
        direct = [u for u in direct if not accepted or u in accepted]
        best: tuple[int, str] | None = None
        for url in direct:
            with contextlib.suppress(InsufficientBalance, UnknownMint):
                fee = await self._send_fee(url, pay_amount, unit, lock)
                if best is None or fee < best[0]:
                    best = (fee, url)
        if best is not None:
            return PreparedPayment(mint_url=best[1], fee_reserve=0, input_fee=best[0], **common)
        if not accepted or (mint is not None and mint in accepted):
            raise InsufficientBalance(
                f"no mint in the wallet holds {pay_amount} {unit} plus fees" + (f" ({mint})" if mint else "")
            )
        # … or move ecash to one of them first (a mint quote there, paid by a melt here).
        return await self._prepare_transfer(pay_amount, unit, accepted, mint, lock, common)

    async def _prepare_transfer(
        self,
        amount: int,
        unit: str,
        accepted: list[str],
        source: str | None,
        lock: LockOptions | None,
        common: dict[str, Any],
    ) -> PreparedPayment:
        known = {m.url for m in self.wallet.list_mints()}
        destination = next((u for u in accepted if u in known), accepted[0])
        if destination not in known:
            await self.wallet.add_mint(destination)
        dest_wallet = await self.wallet.wallet_for(destination)
        # Minting exactly the amount lets the send hand over the new proofs without a swap; a locked send swaps.
        ppk = dest_wallet.keychain.active(unit).input_fee_ppk if lock else 0
        reserve = -(-(amount.bit_count() + 1) * ppk // 1000)
        if source is None:
            rows = sorted((b for b in self.wallet.balances() if b.unit == unit), key=lambda b: -b.balance)
            if not rows:
                raise InsufficientBalance(f"the wallet holds no {unit}")
            source = rows[0].mint_url
        quote = await self.wallet.create_invoice(amount + reserve, destination, unit)
        invoice = decode_invoice(quote.request)
        transfer_melt = await self._melt_at(source, invoice, unit, None)
        return PreparedPayment(
            mint_url=destination,
            fee_reserve=transfer_melt.fee_reserve,
            input_fee=transfer_melt.input_fee + reserve,
            transfer_from=source,
            transfer_melt=transfer_melt,
            transfer_quote=quote.quote,
            **common,
        )

    async def _send_fee(self, url: str, amount: int, unit: str, lock: LockOptions | None) -> int:
        """The input fee a send of ``amount`` would pay at ``url`` (0 when exact proofs exist)."""
        mw = await self.wallet.wallet_for(url, refresh=False)
        available = self.wallet.store.proofs(mint_url=url, unit=unit)
        if not lock and select_exact(available, amount, is_active=mw.keychain.is_active) is not None:
            return 0
        try:
            _, fee = select_for_amount(
                available, amount, fee_ppk=mw.keychain.fee_ppk, is_active=mw.keychain.is_active, unit=unit
            )
        except ValueError as exc:
            raise InsufficientBalance(str(exc)) from exc
        return fee

    # --- pay ----------------------------------------------------------------------------------

    async def pay(self, prepared: PreparedPayment) -> PaymentResult:
        if prepared.kind == "payment_request":
            return await self._pay_request(prepared)
        if prepared.melt is None or prepared.invoice is None:
            raise UserFacingError("this payment was not prepared for a melt")
        _refuse_expired(prepared.invoice)
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
        )

    async def _pay_request(self, prepared: PreparedPayment) -> PaymentResult:
        request = prepared.request
        assert request is not None
        fee = 0
        if prepared.transfer_melt is not None and prepared.transfer_quote is not None:
            # One saga, one journal entry: the melt here pays the quote there, then the mint there.
            moved = await self.wallet.transfer_prepared(
                prepared.transfer_melt, prepared.mint_url, prepared.transfer_quote
            )
            fee += moved.fee
        sent = await self.wallet.send(
            prepared.amount, prepared.mint_url, prepared.unit, lock=prepared.lock, memo=prepared.comment or ""
        )
        fee += sent.fee
        base: dict[str, Any] = {
            "kind": "payment_request",
            "amount": sent.amount,
            "unit": prepared.unit,
            "mint_url": prepared.mint_url,
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
                await deliver_nostr(prepared.transport, payload, self.nostr_relays(), timeout=self.nostr_timeout)
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
                f"{failure}. The ecash is locked to the receiver's key and stays pending; the token is: {token}"
            ) from failure
        try:
            reclaimed = await self.wallet.reclaim(token)
        except ProofsAlreadySpent:
            return PaymentResult(paid=True, fee=fee, delivered=True, **base)
        except NutdeskError as exc:
            raise DeliveryFailed(
                f"{failure}. Taking the ecash back failed too ({exc}); it stays pending — reclaim it later "
                f"with `nutdesk reclaim`: {token}"
            ) from failure
        raise DeliveryFailed(f"{failure}. The ecash was taken back (fee {reclaimed.fee}).") from failure

    def nostr_relays(self) -> list[str]:
        """The relays a Nostr payment request without relay hints is sent to."""
        if self._nostr_relays is not None:
            return unique_relays(self._nostr_relays)
        return nostr_relays(self.wallet)

    # --- receive: payment requests ------------------------------------------------------------

    def listener(
        self, *, host: str = "127.0.0.1", port: int = 0, public_url: str | None = None
    ) -> PaymentRequestListener:
        """A local HTTP endpoint redeeming payloads for requests made with ``create_request(listener=…)``.

        Closed with the service; ``await listener.start()`` before making requests with it.
        """
        listener = PaymentRequestListener(self.redeem_payload, host=host, port=port, public_url=public_url)
        self._listeners.append(listener)
        return listener

    def create_request(
        self,
        amount: int | None,
        unit: str = "sat",
        *,
        mints: list[str] | None = None,
        description: str | None = None,
        listener: PaymentRequestListener | None = None,
        single_use: bool = True,
    ) -> PaymentRequest:
        """A NUT-18 request (``.encode_creqa()`` / ``.encode_creqb()``). Without ``mints``, the wallet's
        trusted mints are listed as the accepted ones. With a started ``listener`` it carries a ``post``
        transport and the listener waits for it (``await listener.wait(request.id)``); without one the
        payment is in-band (the payer hands over a token)."""
        if mints:
            accepted = [normalize_mint_url(m) for m in mints]
        else:
            accepted = [m.url for m in self.wallet.list_mints() if m.trusted]
        request_id = secrets.token_hex(8)
        transports = (listener.transport(request_id),) if listener is not None else ()
        request = new_request(
            amount,
            unit,
            mints=accepted,
            description=description,
            transports=transports,
            single_use=single_use,
            request_id=request_id,
        )
        if listener is not None:
            listener.add(request)
        return request

    async def redeem_payload(self, request: PaymentRequest, payload: PaymentRequestPayload) -> ReceivedPayment:
        """Check a payload against its request and swap its proofs into the wallet."""
        unit = request.unit or "sat"
        if payload.id is not None and request.id is not None and payload.id != request.id:
            raise UserFacingError("the payment is for another request")
        if payload.unit != unit:
            raise UserFacingError(f"the payment is in {payload.unit}, the request asked for {unit}")
        mint = normalize_mint_url(payload.mint)
        accepted = [normalize_mint_url(m) for m in request.mints]
        if accepted and mint not in accepted:
            raise UnknownMint(f"the payment is from {mint}, which this request does not accept", mint_url=mint)
        amount = sum(p.amount for p in payload.proofs)
        if request.amount is not None and amount < request.amount:
            raise AmountError(f"the payment holds {amount} {unit}, the request asked for {request.amount} {unit}")
        token = Token(mint=mint, unit=unit, proofs=payload.proofs, memo=payload.memo).encode_v4()
        result = await self.wallet.receive(token, trust=bool(accepted))
        return ReceivedPayment(request.id, result.amount, result.fee, result.mint, result.unit, payload.memo)

    # --- fiat ---------------------------------------------------------------------------------

    def rates(self, sources: list[RateSource] | None = None) -> RatesService:
        """A ``RatesService`` on this service's HTTP client, in the wallet's configured currency."""
        return RatesService(self.http, sources, currency=fiat_currency(self.wallet))


def _refuse_expired(invoice: Invoice) -> None:
    if invoice.expired():
        raise InvalidInvoice("this Lightning invoice has expired; ask the receiver for a new one")


def _lock_for(request: PaymentRequest) -> LockOptions | None:
    option = request.nut10
    if option is None:
        return None
    if option.kind != "P2PK":
        raise UnsupportedInput(f"this payment request asks for a {option.kind} lock, which Nutdesk cannot make yet")
    locktime = None
    refund: list[str] = []
    for tag in option.tags:
        if tag[0] == "locktime" and len(tag) > 1 and tag[1].isdigit():
            locktime = int(tag[1])
        elif tag[0] == "refund":
            refund.extend(tag[1:])
    # The payee named the exact lock it expects: plain NUT-11, not P2BK-blinded (it may not speak NUT-28).
    return LockOptions(pubkey=option.data, locktime=locktime, refund=tuple(refund), blind=False)


def fiat_currency(wallet: WalletService) -> str:
    """The wallet's display currency (setting ``fiat_currency``, default USD)."""
    return (wallet.store.get_setting(FIAT_CURRENCY_SETTING) or DEFAULT_FIAT_CURRENCY).upper()


def nostr_relays(wallet: WalletService) -> list[str]:
    """The wallet's configured Nostr relays (setting ``nostr:relays``)."""
    raw = wallet.store.get_setting(NOSTR_RELAYS_SETTING)
    return unique_relays(json.loads(raw)) if raw else []


def set_nostr_relays(wallet: WalletService, relays: Sequence[str]) -> list[str]:
    """Replace the wallet's Nostr relays (each ``wss://…``); returns them."""
    checked = unique_relays(check_relay_url(r) for r in relays)
    wallet.store.set_setting(NOSTR_RELAYS_SETTING, json.dumps(checked))
    return checked


def set_fiat_currency(wallet: WalletService, currency: str) -> None:
    currency = currency.strip().upper()
    if not (currency.isalpha() and 3 <= len(currency) <= 4):
        raise UserFacingError(f"{currency!r} is not a currency code (like USD, EUR)")
    wallet.store.set_setting(FIAT_CURRENCY_SETTING, currency)


class RatesService:
    """Fiat values for display and fiat entry. ``rate()`` is None when no fresh (≤ 10 min) rate is known.

    ``await refresh()`` asks every source once; ``start()`` refreshes every ``interval`` seconds in the
    background (the GUI does this); ``await close()`` stops that and closes an owned HTTP client.
    """

    def __init__(
        self,
        http: httpx.AsyncClient | None = None,
        sources: list[RateSource] | None = None,
        *,
        currency: str = DEFAULT_FIAT_CURRENCY,
        max_age: float = 600.0,
        interval: float = 150.0,
    ) -> None:
        self._own_http = http is None
        self._http = http or httpx.AsyncClient(trust_env=False, timeout=httpx.Timeout(10.0))
        self.rates = ExchangeRates(self._http, sources, max_age=max_age)
        self.currency = currency.upper()
        self.interval = interval
        self._task: asyncio.Task[None] | None = None

    @classmethod
    def for_wallet(cls, wallet: WalletService, sources: list[RateSource] | None = None) -> RatesService:
        return cls(sources=sources, currency=fiat_currency(wallet))

    async def refresh(self) -> RateQuote | None:
        return await self.rates.refresh(self.currency)

    def quote(self) -> RateQuote | None:
        return self.rates.quote(self.currency)

    def rate(self) -> Decimal | None:
        """Price of 1 BTC in the currency, or None (unknown or stale)."""
        return self.rates.rate(self.currency)

    def fiat_value(self, amount: int, unit: str = "sat") -> Decimal | None:
        """``amount`` of ``unit`` in the display currency, rounded to cents; None when no fresh rate."""
        unit = unit.lower()
        if unit == self.currency.lower():
            return (Decimal(amount) / 100).quantize(Decimal("0.01"))
        rate = self.rate()
        if rate is None or unit not in ("sat", "msat", "btc"):
            return None
        per_sat: dict[str, Decimal] = {"sat": Decimal(1), "msat": Decimal(1000), "btc": 1 / _SATS_PER_BTC}
        sats = Decimal(amount) / per_sat[unit]
        return (sats * rate / _SATS_PER_BTC).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)

    def sats_for(self, fiat_amount: Decimal) -> int | None:
        """Fiat entry: how many sats ``fiat_amount`` buys at the current rate (None when no fresh rate)."""
        rate = self.rate()
        if rate is None:
            return None
        return int((Decimal(fiat_amount) * _SATS_PER_BTC / rate).to_integral_value(rounding=ROUND_HALF_UP))

    def format(self, amount: int, unit: str = "sat") -> str | None:
        value = self.fiat_value(amount, unit)
        return None if value is None else f"{value:,.2f} {self.currency}"

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            await self.refresh()
            await asyncio.sleep(self.interval)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._own_http:
            await self._http.aclose()

    async def __aenter__(self) -> RatesService:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()
