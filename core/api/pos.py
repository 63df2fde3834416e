"""``PosService``: the merchant's point of sale over a ``WalletService`` (composition).

A checkout: ``start_checkout(base, tip=…, memo=…)`` records a sale (``waiting``) and a NUT-18 ``creqA`` request
(amount, unit, accepted mints, the ``post`` transport when the shop runs the listener, the ``nostr`` transport
when relays are configured: customers' wallets send a NIP-17 private message to the shop's key). The customer pays by
posting to the request, by a pasted or scanned token (``pay_token``), or by a Lightning invoice
(``lightning_invoice`` + ``check_lightning``).

Ecash is checked before anything is redeemed (unit, the policy's mints, the amount — less than due is
refused —, the mint's input fee cap); its proofs' secrets are recorded with the sale (``received``): the same
proofs can never pay twice. Then the sale is ``settling``: the ecash is redeemed through the journaled
receive (operation kind ``sale``, its data carrying ``sale``, ``tip``, ``fiat_rate``) and, when the policy
forwards it, melted to the merchant's Lightning backend (journaled melt, data ``sale``). Only when that is
final is the sale ``paid``. A network break leaves the journal entry for ``RecoveryService`` and the sale
``settling``; ``settle_pending()`` (run at start-up and by the background loop) finishes it from the
journal — never lost, never counted twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TextIO

import httpx

from core.api.analytics import AnalyticsService
from core.api.backends import BackendsService
from core.api.payments import RatesService, fiat_currency
from core.api.recovery import RecoveryService
from core.api.service import WalletService
from core.errors import (
    DleqError,
    InsufficientBalance,
    InvalidPassword,
    MintRejected,
    MintUnreachable,
    NutdeskError,
    OutcomeUnknown,
    ProofsAlreadySpent,
    TokenDecodeError,
    UserFacingError,
)
from core.mint_client.http import normalize_mint_url
from core.nostr.crypto import NostrKeys
from core.nostr.nip17 import CHAT_MESSAGE, Rumor
from core.nostr.relay import unique_relays
from core.ports.lightning import PaymentState
from core.pos.checkout import CheckoutSession, Offer, PaymentRefused, check_offer, owed, tip_for_percent
from core.pos.nostr import NostrInbox, load_shop_key, save_shop_key
from core.pos.policy import POLICY_SETTING, Cashier, PosPolicy, SettlementMode, Webhook, hash_pin, verify_pin
from core.pos.pricing import PRICEABLE_UNITS, PriceCache, UnitPrice, UnitPricing, price_from_rate
from core.pos.repo import AlreadyUsed, Delivery, SaleRepository
from core.pos.reports import build_zreport, receipt_lines, write_zreport_csv
from core.pos.types import FailureReason, Refund, Sale, SaleState, Settlement, ShiftTotals, ZReport
from core.pos.webhooks import SIGNATURE_HEADER, WebhookDispatcher, sign
from core.protocol import tokens
from core.protocol.jsonread import read_object
from core.protocol.payment_requests import PaymentRequest, PaymentRequestPayload, Transport
from core.protocol.units import format_amount
from core.recovery.failpoints import failpoint
from core.recovery.resume import UNFINISHED_STATES
from core.wallet import melt as melt_ops
from core.wallet.receive import normalize_token_proofs, receive_token

__all__ = [
    "SIGNATURE_HEADER",
    "CheckoutSession",
    "Delivery",
    "FailureReason",
    "LightningCharge",
    "PaymentRefused",
    "PosPolicy",
    "PosService",
    "Refund",
    "Sale",
    "SaleState",
    "Settlement",
    "SettlementMode",
    "ShiftTotals",
    "Webhook",
    "ZReport",
    "normalize_mint_url",
    "receipt_lines",
    "sign",
    "tip_for_percent",
    "write_zreport_csv",
]

log = logging.getLogger(__name__)

_SALE_KIND = "sale"
LOCK_SETTING = "pos:lock"
CASHIER_SETTING = "pos:cashier"


@dataclass(frozen=True)
class LightningCharge:
    """A Lightning invoice offered for a sale: from a trusted mint's quote or from the merchant's backend."""

    sale_id: str
    source: str  # mint · backend
    bolt11: str
    amount: int


class PosService:
    """The till. ``backends`` forwards ecash to the merchant's Lightning (optional: trusted-only needs none);
    ``rates`` converts fiat entry and records the rate; ``http`` posts webhooks."""

    def __init__(
        self,
        wallet: WalletService,
        *,
        backends: BackendsService | None = None,
        rates: RatesService | None = None,
        http: httpx.AsyncClient | None = None,
        webhook_base_delay: float = 10.0,
    ) -> None:
        self.wallet = wallet
        self.backends = backends
        self.rates = rates
        self._http = http  # made on first use when not given (webhooks); closed by close() then
        self._own_http = http is None
        self.repo = SaleRepository(wallet.store.db)
        self.webhooks = WebhookDispatcher(self.repo, base_delay=webhook_base_delay)
        self.analytics = AnalyticsService(wallet)
        self.sessions: dict[str, CheckoutSession] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        self._listener: Any = None  # a started PaymentRequestListener (post transport)
        self.prices = PriceCache()  # mints' prices of their usd/eur ecash
        self._nostr: NostrInbox | None = None  # the NIP-17 inbox (nostr transport)
        self._nostr_keys: NostrKeys | None = None
        # Who is at the till (recorded with sales and refunds); kept in the wallet, so a restart keeps it.
        self.cashier = wallet.store.get_setting(CASHIER_SETTING) or ""

    async def close(self) -> None:
        if self._listener is not None:
            await self._listener.close()
            self._listener = None
        await self.stop_nostr()
        if self._own_http and self._http is not None:
            await self._http.aclose()
            self._http = None

    async def __aenter__(self) -> PosService:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # --- policy --------------------------------------------------------------------------------

    def policy(self) -> PosPolicy:
        raw = self.wallet.store.get_setting(POLICY_SETTING)
        if raw is None:
            trusted = tuple(m.url for m in self.wallet.list_mints() if m.trusted)
            return PosPolicy(trusted_mints=trusted)
        return PosPolicy.from_json(json.loads(raw))

    def configure(self, **changes: Any) -> PosPolicy:
        """Change the shop's policy (refused while the cashier lock is on)."""
        self._refuse_when_locked("change the settings")
        if "pin" in changes:
            pin = changes.pop("pin")
            changes["pin_hash"] = hash_pin(pin) if pin else ""
        policy = self.policy().with_changes(**changes)
        self.wallet.store.set_setting(POLICY_SETTING, policy.dumps())
        return policy

    def currency(self) -> str:
        return self.policy().fiat_currency or fiat_currency(self.wallet)

    # --- the cashier lock ----------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        """The cashier lock. Kept in the wallet's settings: a restart (or a killed app) comes back locked."""
        return self.wallet.store.get_setting(LOCK_SETTING) is not None

    def lock(self, cashier: str = "") -> None:
        if not self.policy().pin_hash:
            raise UserFacingError("set a PIN first (POS settings)")
        if cashier:
            self._check_cashier_name(cashier)
            self._set_cashier(cashier)
        self.wallet.store.set_setting(LOCK_SETTING, json.dumps({"since": time.time()}))

    def unlock(self, pin: str) -> None:
        if not verify_pin(pin, self.policy().pin_hash):
            raise InvalidPassword("wrong PIN")
        self.wallet.store.delete_setting(LOCK_SETTING)

    # --- cashiers ------------------------------------------------------------------------------

    def add_cashier(self, name: str, pin: str) -> None:
        """A cashier who signs in at the till with their own PIN (refused while locked)."""
        self._refuse_when_locked("change the settings")
        name = name.strip()
        if not name:
            raise UserFacingError("a cashier needs a name")
        kept = tuple(c for c in self.policy().cashiers if c.name != name)
        self.configure(cashiers=(*kept, Cashier(name, hash_pin(pin))))

    def remove_cashier(self, name: str) -> None:
        cashiers = self.policy().cashiers
        if not any(c.name == name for c in cashiers):
            raise UserFacingError(f"no cashier {name!r}")
        self.configure(cashiers=tuple(c for c in cashiers if c.name != name))
        if self.cashier == name:
            self.sign_out()

    def sign_in(self, name: str, pin: str) -> None:
        """``name`` takes the till (allowed while locked: that is how shifts change hands)."""
        found = next((c for c in self.policy().cashiers if c.name == name), None)
        if found is None or not verify_pin(pin, found.pin_hash):
            raise InvalidPassword("wrong cashier or PIN")
        self._set_cashier(name)

    def _check_cashier_name(self, name: str) -> None:
        """With cashiers set up, a sale or lock can only name one of them who signed in (their PIN proved it)."""
        cashiers = self.policy().cashiers
        if cashiers and name != self.cashier:
            known = ", ".join(c.name for c in cashiers)
            raise UserFacingError(f"{name!r} has not signed in at this till (cashiers: {known}); sign in with the PIN")

    def sign_out(self) -> None:
        self._set_cashier("")

    def _set_cashier(self, name: str) -> None:
        self.cashier = name
        if name:
            self.wallet.store.set_setting(CASHIER_SETTING, name)
        else:
            self.wallet.store.delete_setting(CASHIER_SETTING)

    def _refuse_when_locked(self, what: str) -> None:
        if self.locked:
            raise UserFacingError(f"the till is locked: a cashier cannot {what}; unlock with the PIN")

    def check_unlocked(self, what: str) -> None:
        """For the front ends: raise unless the lock is off (seed, token export, settings, leaving POS mode)."""
        self._refuse_when_locked(what)

    # --- checkout ------------------------------------------------------------------------------

    def fiat_to_amount(self, fiat: Decimal) -> tuple[int, float, str]:
        """(sats, the rate used, currency) for a fiat entry; ``UserFacingError`` without a fresh rate."""
        if self.rates is None or (rate := self.rates.rate()) is None:
            raise UserFacingError("no fresh exchange rate: enter the amount in sat")
        sats = self.rates.sats_for(fiat)
        assert sats is not None
        return sats, float(rate), self.rates.currency

    async def start_checkout(
        self,
        base: int,
        *,
        tip: int = 0,
        memo: str = "",
        fiat: Decimal | None = None,
        cashier: str | None = None,
    ) -> CheckoutSession:
        """A new sale of ``base`` (+ ``tip`` + the fee advance), waiting for payment, with its ``creqA``.

        ``fiat``: the amount was entered in the shop's currency (``base`` is its conversion): kept with the rate.
        """
        policy = self.policy()
        amount = owed(base, tip, policy)
        if cashier:
            self._check_cashier_name(cashier)
        if self.locked and policy.locked_max_charge and amount > policy.locked_max_charge:
            raise UserFacingError(f"a locked till charges at most {policy.locked_max_charge} {policy.unit}")
        rate, currency = self._rate()
        fiat_amount = fiat
        if fiat_amount is None and rate is not None:
            fiat_amount = (Decimal(amount) * Decimal(str(rate)) / Decimal(100_000_000)).quantize(Decimal("0.01"))
        request_id = secrets.token_hex(8)
        sale = self.repo.create_sale(
            unit=policy.unit,
            amount=amount,
            base_amount=base,
            tip=tip,
            fee_advance=policy.fee_advance,
            memo=memo,
            cashier=self.cashier if cashier is None else cashier,
            fiat_currency=currency if fiat_amount is not None else None,
            fiat_amount=fiat_amount,
            fiat_rate=rate,
            request_id=request_id,
        )
        transports: list[Transport] = []
        if self._listener is not None:
            transports.append(self._listener.transport(request_id))
        if policy.nostr_relays:
            transports.append((await self.start_nostr(policy)).transport())
        request = PaymentRequest(
            id=request_id,
            amount=amount,
            unit=policy.unit,
            single_use=True,
            mints=policy.accepted_mints(),
            description=f"{policy.shop_name}: {memo}" if memo else policy.shop_name,
            transports=tuple(transports),
        )
        if self._listener is not None:
            self._listener.add(request)
        session = CheckoutSession(sale, request.encode_creqa(), tuple(t.type for t in transports))
        self.sessions[sale.id] = session
        return session

    def _rate(self) -> tuple[float | None, str]:
        currency = self.currency()
        if self.rates is None:
            return None, currency
        rate = self.rates.rate()
        return (None if rate is None else float(rate)), self.rates.currency

    def session(self, sale_id: str) -> CheckoutSession:
        found = self.sessions.get(sale_id)
        if found is None:
            sale = self._sale(sale_id)
            found = CheckoutSession(sale, "")
            self.sessions[sale_id] = found
        return found

    def _sale(self, sale_id: str) -> Sale:
        sale = self.repo.get(sale_id)
        if sale is None:
            raise UserFacingError(f"no sale {sale_id}")
        return sale

    def _update(self, sale_id: str, state: SaleState | None = None, **fields: Any) -> Sale:
        sale = self.repo.update(sale_id, state=state, **fields)
        if sale_id in self.sessions:
            self.sessions[sale_id].update(sale)
        return sale

    def cancel(self, sale_id: str) -> Sale:
        """Back to the keypad. Only a sale that took no money can be cancelled."""
        sale = self._sale(sale_id)
        if sale.state not in (SaleState.WAITING, SaleState.FAILED):
            raise UserFacingError(f"the sale is {sale.state}: it cannot be cancelled now")
        sale = self._update(sale_id, SaleState.CANCELLED)
        self.sessions.pop(sale_id, None)
        return sale

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
            raise UserFacingError("no sale is waiting for this payment request")
        if payload.id is not None and payload.id != request_id:
            raise UserFacingError("the payment is for another request")
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
            raise UserFacingError(f"the sale is {sale.state}: it takes no other payment")
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
                    f"{offer.mint} charges {format_amount(fee, offer.unit)} to redeem this ecash, above the shop's "
                    f"limit of {policy.max_input_fee_pct:g}%",
                )
            priced: dict[str, Any] = {}
            if price is not None:
                priced = {
                    "paid_unit": offer.unit,
                    "unit_price": float(price.sat_per_unit),
                    "price_source": price.source,
                }
            try:
                sale = self.repo.claim_secrets(
                    sale_id, offer.secrets, offer.to_json(), mint_url=offer.mint, received=offer.amount,
                    change=offer.amount - due, settlement=settlement, **priced,
                )  # fmt: skip
            except AlreadyUsed as exc:
                raise PaymentRefused(
                    FailureReason.ALREADY_USED, f"this ecash was already handed over (sale {exc.sale_id})"
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
                raise PaymentRefused(FailureReason.NO_PRICE, f"no fresh {offer.unit.upper()} rate to price this ecash")
            return price_from_rate(offer.unit, btc)
        if policy.unit_pricing != UnitPricing.MINT.value:
            return None
        client = (await self._mint_wallet(offer.mint, policy)).client

        async def quote(amount: int) -> str:
            return str((await client.post_mint_quote(amount, offer.unit)).request)

        try:
            return await self.prices.mint_price(offer.mint, offer.unit, quote)
        except MintUnreachable as exc:
            raise PaymentRefused(FailureReason.MINT_UNREACHABLE, f"{offer.mint} did not answer: {exc}") from exc
        except (NutdeskError, ValueError) as exc:
            raise PaymentRefused(
                FailureReason.NO_PRICE, f"{offer.mint} gives no price for its {offer.unit} ecash: {exc}"
            ) from exc

    async def _btc_price(self, ccy: str) -> Decimal | None:
        """The price of one BTC in ``ccy`` from the rate sources (asked when nothing fresh is known)."""
        if self.rates is None:
            return None
        known = self.rates.rates.rate(ccy)
        if known is None and await self.rates.rates.refresh(ccy) is not None:
            known = self.rates.rates.rate(ccy)
        return known

    def _refuse(self, sale_id: str, refused: PaymentRefused) -> None:
        """Record why a payment was refused (before anything was redeemed) and raise it."""
        self._update(sale_id, SaleState.FAILED, failure_reason=refused.reason.value, failure_detail=str(refused))
        raise refused

    async def _mint_wallet(self, url: str, policy: PosPolicy) -> Any:
        try:
            if self.wallet.store.get_mint(url) is None:
                await self.wallet.add_mint(url, trusted=policy.is_trusted(url))
            return await self.wallet.wallet_for(url)
        except MintUnreachable as exc:
            raise PaymentRefused(FailureReason.MINT_UNREACHABLE, f"{url} did not answer: {exc}") from exc
        except NutdeskError as exc:
            raise PaymentRefused(FailureReason.INVALID, f"{url} is not a usable mint: {exc}") from exc

    # --- settling ------------------------------------------------------------------------------

    async def _settle(self, sale: Sale, offer: Offer) -> Sale:
        """Redeem ``offer`` for ``sale`` (received, or settling without a journal entry) and forward it when the
        policy says so."""
        sale = self._update(sale.id, SaleState.SETTLING)
        mw = await self.wallet.wallet_for(offer.mint)
        token = tokens.Token(mint=offer.mint, unit=offer.unit, proofs=list(offer.proofs), memo=offer.memo)
        try:
            result = await receive_token(mw, token, kind=_SALE_KIND)
        except ProofsAlreadySpent as exc:
            return self._fail(sale, FailureReason.SPENT, "this ecash was already spent", exc)
        except MintUnreachable as exc:
            if exc.sent:  # outcome unknown: the journal has it, recovery finishes it; the sale stays settling
                self._link_operation(sale)
                return self._sale(sale.id)
            return self._fail(sale, FailureReason.MINT_UNREACHABLE, f"{offer.mint} did not answer", exc, release=True)
        except MintRejected as exc:
            return self._fail(sale, FailureReason.REJECTED, f"the mint refused the ecash: {exc}", exc, release=True)
        except OutcomeUnknown:
            self._link_operation(sale)
            return self._sale(sale.id)
        sale = self._redeemed(sale, result.operation_id, result.amount, result.fee)
        return await self._after_redeem(sale)

    def _fail(self, sale: Sale, reason: FailureReason, detail: str, exc: Exception, *, release: bool = False) -> Sale:
        if release:
            self.repo.release_secrets(sale.id)
        self._update(sale.id, SaleState.FAILED, failure_reason=reason.value, failure_detail=f"{detail}")
        raise PaymentRefused(reason, detail) from exc

    def _redeemed(self, sale: Sale, op_id: str, net: int, fee: int) -> Sale:
        """The receive is done: link the journal entry to the sale (analytics reads ``tip`` and the rate there)."""
        self.wallet.store.update_operation(op_id, data={"sale": sale.id, "tip": sale.tip, "receipt": sale.receipt_id})
        if sale.fiat_rate and sale.fiat_currency:
            with contextlib.suppress(NutdeskError):
                self.analytics.record_fiat_rate(op_id, sale.fiat_rate, sale.fiat_currency)
        return self._update(sale.id, operation_id=op_id, net=net, fee=fee)

    async def _after_redeem(self, sale: Sale) -> Sale:
        if sale.settlement == Settlement.MELT.value:
            return await self._forward(sale)
        return self._paid(sale)

    def _paid(self, sale: Sale, **fields: Any) -> Sale:
        sale = self._update(sale.id, SaleState.PAID, **fields)
        policy = self.policy()
        if policy.webhooks:
            self.webhooks.enqueue(policy.webhooks, "sale.paid", sale.id, sale.to_json())
        return sale

    async def _forward(self, sale: Sale) -> Sale:
        """Melt the sale's ecash to the merchant's backend. A definite failure keeps it as ecash (held)."""
        policy = self.policy()
        try:
            result = await self._melt_to_backend(
                sale.mint_url, sale.net, memo=f"{policy.shop_name} {sale.receipt_id}", extra={"sale": sale.id},
                sale_id=sale.id, price=sale.price,
            )  # fmt: skip
        except OutcomeUnknown:
            return self._sale(sale.id)  # the melt is journaled: recovery and settle_pending finish it
        except (PaymentRefused, NutdeskError) as exc:
            note = f"forwarding to Lightning failed ({exc}); the ecash is held at {sale.mint_url}"
            log.warning("sale %s: %s", sale.id, note)
            return self._paid(sale, settlement=Settlement.SWAP.value, failure_detail=note)
        return self._paid(
            sale, forward_operation_id=result.operation_id, fee=sale.fee + result.fee, net=sale.net - result.fee
        )

    async def _melt_to_backend(
        self,
        mint_url: str,
        budget: int,
        *,
        memo: str,
        extra: dict[str, Any],
        sale_id: str | None = None,
        target: int | None = None,
        price: UnitPrice | None = None,
    ) -> melt_ops.MeltResult:
        """Pay ``target`` (default: as much of ``budget`` as the fees allow) to the backend from ``mint_url``,
        spending at most ``budget`` including fees (journaled melt). The invoice is in the shop's unit; with
        ``price`` the ecash is in ``price.unit`` (``budget`` too) and converted at that price."""
        policy = self.policy()
        if self.backends is None or not policy.backend:
            raise PaymentRefused(FailureReason.NO_BACKEND, "no Lightning backend to forward to")
        backend = self.backends.backend(policy.backend)
        ecash_unit = policy.unit if price is None else price.unit

        def in_shop_unit(amount: int) -> int:
            return amount if price is None else price.to_sat(amount)

        amount = target if target is not None else in_shop_unit(budget - max(1, budget * 2 // 100))
        prepared = None
        for _ in range(4):
            if amount <= 0:
                break
            invoice = await backend.create_invoice(amount, unit=policy.unit, memo=memo)
            try:
                prepared = await self.wallet.prepare_melt(invoice.bolt11, mint_url, ecash_unit)
            except InsufficientBalance:  # the proofs cannot also cover the input fees: ask for a little less
                shortfall = max(1, budget // 100)
            else:
                if prepared.total <= budget:
                    break
                shortfall = prepared.total - budget
            amount -= in_shop_unit(shortfall) + (0 if price is None else 1)
            prepared = None
        if prepared is None:
            raise PaymentRefused(
                FailureReason.FEE_TOO_HIGH, f"{format_amount(budget, ecash_unit)} does not cover the melt fees"
            )
        if not policy.lightning_fee_ok(prepared.fee_reserve, prepared.amount):
            raise PaymentRefused(
                FailureReason.FEE_TOO_HIGH,
                f"the Lightning fee reserve ({prepared.fee_reserve}) is above {policy.max_lightning_fee_pct:g}%",
            )
        if sale_id is not None:
            sale = self._sale(sale_id)
            self.repo.update(sale_id, payload={**(sale.payload or {}), "melt_quote": prepared.quote.quote})
        mw = await self.wallet.wallet_for(mint_url)
        return await melt_ops.execute_melt(mw, prepared, memo=memo, extra=extra)

    def _link_operation(self, sale: Sale) -> Sale | None:
        op = self._sale_operation(sale)
        if op is None:
            return None
        return self._update(sale.id, operation_id=op.id)

    def _sale_operation(self, sale: Sale) -> Any:
        """The journal entry that redeems ``sale``'s ecash: by id, else by the proofs' secrets."""
        if sale.operation_id:
            return self.wallet.store.get_operation(sale.operation_id)
        secrets = {p["secret"] for p in (sale.payload or {}).get("proofs", [])}
        if not secrets:
            return None
        for op in self.wallet.store.operations(kinds=(_SALE_KIND,), limit=1000):
            if op.created_at < sale.created_at - 1:
                break
            inputs = op.data.get("inputs", [])
            if any(isinstance(i, dict) and i.get("secret") in secrets for i in inputs):
                return op
        return None

    async def settle_pending(self, *, resume: bool = True) -> list[Sale]:
        """Finish every sale left ``received`` or ``settling`` (a crash, a network break), from the journal.

        ``resume``: first let ``RecoveryService`` resume unfinished journal entries. Returns the sales changed.
        """
        changed: list[Sale] = []
        pending = self.repo.sales(states=(SaleState.RECEIVED.value, SaleState.SETTLING.value))
        if not pending:
            return changed
        if resume:
            with contextlib.suppress(NutdeskError):
                await RecoveryService(self.wallet).recover()
        for sale in pending:
            lock = self._locks.setdefault(sale.id, asyncio.Lock())
            if lock.locked():  # the till is settling it right now
                continue
            try:
                async with lock:
                    sale = self._sale(sale.id)
                    if sale.state not in (SaleState.RECEIVED, SaleState.SETTLING):
                        continue
                    after = await self._settle_one(sale)
            except PaymentRefused:
                after = self._sale(sale.id)
            except NutdeskError as exc:
                log.info("sale %s still settling: %s", sale.id, exc)
                continue
            if after.state is not sale.state or after.updated_at != sale.updated_at:
                changed.append(after)
        return changed

    async def _settle_one(self, sale: Sale) -> Sale:
        if sale.payload and "lightning" in sale.payload:
            return await self._check_lightning(sale.id)
        op = self._sale_operation(sale)
        if op is None:  # no journal entry: nothing reached the mint, redeem now
            return await self._settle(sale, Offer.from_json(sale.payload or {}))
        if op.state in UNFINISHED_STATES:
            return self._update(sale.id, operation_id=op.id)
        if op.state in ("failed", "rolled_back"):
            spent = "spent" in op.error
            if not spent:
                self.repo.release_secrets(sale.id)
            reason = FailureReason.SPENT if spent else FailureReason.REJECTED
            return self._update(sale.id, SaleState.FAILED, failure_reason=reason.value, failure_detail=op.error)
        if not sale.operation_id:
            sale = self._redeemed(sale, op.id, op.amount, op.fee)
        if sale.settlement != Settlement.MELT.value:
            return self._paid(sale)
        return await self._settle_forward(sale)

    async def _settle_forward(self, sale: Sale) -> Sale:
        quote = (sale.payload or {}).get("melt_quote")
        melt_op = None
        if quote:
            melt_op = next(
                (o for o in self.wallet.store.operations(kinds=("melt",), limit=1000) if o.data.get("quote") == quote),
                None,
            )
        if melt_op is None:
            return await self._forward(sale)  # never sent: forward now
        if melt_op.state in UNFINISHED_STATES:
            return sale
        if melt_op.state == "done":
            return self._paid(
                sale, forward_operation_id=melt_op.id, fee=sale.fee + melt_op.fee, net=sale.net - melt_op.fee
            )
        note = f"forwarding to Lightning failed ({melt_op.error}); the ecash is held at {sale.mint_url}"
        return self._paid(sale, settlement=Settlement.SWAP.value, failure_detail=note)

    # --- Lightning -----------------------------------------------------------------------------

    async def lightning_invoice(
        self, sale_id: str, source: str = "mint", mint_url: str | None = None
    ) -> LightningCharge:
        """An invoice for the sale: a mint quote at a trusted mint (``mint``) or the backend's (``backend``)."""
        sale = self._sale(sale_id)
        if sale.state is not SaleState.WAITING:
            raise UserFacingError(f"the sale is {sale.state}")
        policy = self.policy()
        if source == "backend":
            if self.backends is None or not policy.backend:
                raise PaymentRefused(FailureReason.NO_BACKEND, "no Lightning backend is configured")
            created = await self.backends.backend(policy.backend).create_invoice(
                sale.amount, unit=sale.unit, memo=f"{policy.shop_name} {sale.receipt_id}"
            )
            payload = {"lightning": "backend", "backend": policy.backend, "payment_hash": created.payment_hash,
                       "bolt11": created.bolt11}  # fmt: skip
            bolt11 = created.bolt11
        else:
            url = mint_url or (policy.trusted_mints[0] if policy.trusted_mints else "")
            if not url:
                raise UserFacingError("add a trusted mint for Lightning invoices")
            quote = await self.wallet.create_invoice(sale.amount, url, sale.unit)
            payload = {"lightning": "mint", "quote": quote.quote, "mint": url, "bolt11": quote.request}
            bolt11 = quote.request
        self._update(sale_id, payload=payload)
        return LightningCharge(sale_id, source, bolt11, sale.amount)

    async def check_lightning(self, sale_id: str) -> Sale:
        """Ask once whether the sale's invoice is paid; a paid mint quote is minted (journaled) first.

        The paid sale is one journal entry of kind ``sale`` (data ``settlement: lightning``): the minting itself
        (mint path) or an entry for the backend's payment, so analytics counts it once."""
        lock = self._locks.setdefault(sale_id, asyncio.Lock())
        async with lock:
            sale = await self._check_lightning(sale_id)
        if sale.state is SaleState.PAID:
            await self.deliver_webhooks()
        return sale

    async def _check_lightning(self, sale_id: str) -> Sale:
        sale = self._sale(sale_id)
        payload = sale.payload or {}
        if sale.state not in (SaleState.WAITING, SaleState.SETTLING) or "lightning" not in payload:
            return sale
        if payload["lightning"] == "backend":
            name = str(payload["backend"])
            if sale.state is SaleState.WAITING:
                assert self.backends is not None
                status = await self.backends.backend(name).invoice_status(str(payload["payment_hash"]))
                if status.state is not PaymentState.SETTLED:
                    return sale
                sale = self._update(sale_id, SaleState.SETTLING, settlement=Settlement.LIGHTNING.value)
            op = self._lightning_operation(sale)
            if op is None:
                op_id = self.wallet.store.create_operation(
                    kind=_SALE_KIND, mint_url=f"lightning:{name}", unit=sale.unit, amount=sale.amount,
                    data={"payment_hash": payload["payment_hash"], "backend": name}, memo=sale.memo, state="done",
                )  # fmt: skip
            else:
                op_id = op.id
            return self._lightning_paid(sale, op_id, sale.amount)
        quote, url = str(payload["quote"]), str(payload["mint"])
        op = self._lightning_operation(sale)
        if op is None:
            if sale.state is SaleState.WAITING:
                mw = await self.wallet.wallet_for(url)
                state = str((await mw.client.get_mint_quote(quote)).state)
                if state not in ("PAID", "ISSUED"):
                    return sale  # not paid yet: nothing journaled
                sale = self._update(sale_id, SaleState.SETTLING, settlement=Settlement.LIGHTNING.value, mint_url=url)
            # An unknown outcome stays in the journal (recovery mints it); the sale stays settling.
            with contextlib.suppress(NutdeskError):
                await self.wallet.mint_quote(quote)
            op = self._lightning_operation(sale)
        if sale.state is SaleState.WAITING and op is not None:  # the recovery loop minted it first
            sale = self._update(sale_id, SaleState.SETTLING, settlement=Settlement.LIGHTNING.value, mint_url=url)
        if op is None or op.state != "done":
            return self._sale(sale_id)
        return self._lightning_paid(sale, op.id, op.amount)

    def _lightning_operation(self, sale: Sale) -> Any:
        """The journal entry of a Lightning-paid sale: done first, then unfinished; failed attempts minted nothing."""
        payload = sale.payload or {}
        found = []
        for op in self.wallet.store.operations(kinds=("issue", _SALE_KIND), limit=1000):
            if op.created_at < sale.created_at - 1:
                break
            if op.data.get("sale") == sale.id or (
                payload.get("lightning") == "mint" and op.kind == "issue" and op.data.get("quote") == payload["quote"]
            ):
                found.append(op)
        for wanted in (("done",), UNFINISHED_STATES):
            for op in found:
                if op.state in wanted:
                    return op
        return None

    def _lightning_paid(self, sale: Sale, op_id: str, amount: int) -> Sale:
        data = {"sale": sale.id, "tip": sale.tip, "receipt": sale.receipt_id, "settlement": Settlement.LIGHTNING.value}
        self.repo.relabel_operation(op_id, _SALE_KIND, data)
        if sale.fiat_rate and sale.fiat_currency:
            with contextlib.suppress(NutdeskError):
                self.analytics.record_fiat_rate(op_id, sale.fiat_rate, sale.fiat_currency)
        return self._paid(sale, operation_id=op_id, net=amount, received=amount, fee=0)

    async def wait_lightning(self, sale_id: str, timeout: float = 600.0, interval: float = 1.0) -> Sale:
        async with asyncio.timeout(timeout):
            while True:
                sale = await self.check_lightning(sale_id)
                if sale.state is not SaleState.WAITING:
                    return sale
                await asyncio.sleep(interval)

    # --- the post transport ---------------------------------------------------------------------

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

    # --- the nostr transport --------------------------------------------------------------------

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

    # --- around the sale -----------------------------------------------------------------------

    def sales(self, *, limit: int | None = 50, states: Sequence[str] | None = None) -> list[Sale]:
        return self.repo.sales(states=states, limit=limit)

    def sale(self, sale_id: str) -> Sale:
        return self._sale(sale_id)

    def receipt(self, sale_id: str) -> list[tuple[str, str]]:
        sale = self._sale(sale_id)
        return receipt_lines(sale, self.policy().shop_name, self.repo.refunds(sale_id=sale_id))

    def refunds(self, sale_id: str | None = None) -> list[Refund]:
        return self.repo.refunds(sale_id=sale_id)

    async def refund(self, sale_id: str, amount: int | None = None) -> Refund:
        """Issue an ecash token for part or all of a paid sale (at most what is left to refund)."""
        sale = self._sale(sale_id)
        if sale.state is not SaleState.PAID:
            raise UserFacingError(f"only a paid sale can be refunded (this one is {sale.state})")
        left = sale.refundable  # an overpayment in another unit's ecash is refunded in the sale's unit
        amount = left if amount is None else amount
        if not 0 < amount <= left:
            raise UserFacingError(f"refund between 1 and {left} {sale.unit}")
        policy = self.policy()
        if self.locked and policy.locked_max_refund and amount > policy.locked_max_refund:
            raise UserFacingError(f"a locked till refunds at most {policy.locked_max_refund} {sale.unit}")
        mint = sale.mint_url if sale.settlement == Settlement.SWAP.value and sale.mint_url else None
        if mint is None or self._balance(mint, sale.unit) < amount:
            mint = self.wallet.choose_mint_for(amount, sale.unit)
        sent = await self.wallet.send(amount, mint, sale.unit, memo=f"Refund {sale.receipt_id}")
        self.wallet.store.update_operation(sent.operation_id, data={"refund_of": sale.id})
        refund = self.repo.add_refund(
            sale_id=sale.id, amount=amount, fee=sent.fee, unit=sale.unit, mint_url=mint, token=sent.token,
            operation_id=sent.operation_id, cashier=self.cashier, shift_id=self.repo.current_shift(),
        )  # fmt: skip
        if policy.webhooks:
            self.webhooks.enqueue(policy.webhooks, "sale.refunded", sale.id, {**self._sale(sale_id).to_json(),
                                  "refund": {k: v for k, v in refund.to_json().items() if k != "token"}})  # fmt: skip
            await self.deliver_webhooks()
        return refund

    def _balance(self, mint: str, unit: str) -> int:
        return sum(b.balance for b in self.wallet.balances() if b.mint_url == mint and b.unit == unit)

    # --- shifts --------------------------------------------------------------------------------

    def zreport(self, shift_id: int | None = None) -> ZReport:
        shift_id = self.repo.current_shift() if shift_id is None else shift_id
        opened, closed = self.repo.shift(shift_id)
        policy = self.policy()
        return build_zreport(
            policy.shop_name, shift_id, opened, closed, self.repo.sales(shift_id=shift_id),
            self.repo.refunds(shift_id=shift_id), policy.unit,
        )  # fmt: skip

    def close_shift(self) -> ZReport:
        """Close the open shift (a new one opens with the next sale) and return its Z-report."""
        self._refuse_when_locked("close the shift")
        shift_id = self.repo.current_shift()
        self.repo.close_shift(shift_id, self.cashier)
        return self.zreport(shift_id)

    def write_zreport_csv(self, report: ZReport, out: TextIO) -> None:
        write_zreport_csv(report, out)

    # --- webhooks and exposure -----------------------------------------------------------------

    async def deliver_webhooks(self) -> int:
        """Attempt every due webhook delivery once (retries back off); returns how many were delivered."""
        if not self.webhooks.due():
            return 0
        if self._http is None:
            self._http = httpx.AsyncClient(trust_env=False, timeout=httpx.Timeout(30.0))
        return await self.webhooks.deliver_due(self._http, self.policy().webhooks)

    def webhook_log(self) -> list[Delivery]:
        return self.repo.deliveries()

    def add_webhook(self, url: str, secret: str = "") -> Webhook:
        """POST paid/refunded events to ``url``, signed with ``secret`` (a random one when empty: shown once)."""
        url = url.strip()
        try:
            parsed: httpx.URL | None = httpx.URL(url)
        except httpx.InvalidURL:
            parsed = None
        if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
            raise UserFacingError(f"a webhook URL is http:// or https://, not {url!r}")
        hook = Webhook(url, secret.strip() or secrets.token_hex(32))
        kept = tuple(w for w in self.policy().webhooks if w.url != url)
        self.configure(webhooks=(*kept, hook))
        return hook

    def remove_webhook(self, url: str) -> None:
        hooks = self.policy().webhooks
        if not any(w.url == url for w in hooks):
            raise UserFacingError(f"no webhook {url}")
        self.configure(webhooks=tuple(w for w in hooks if w.url != url))

    async def sweep_exposure(self) -> list[melt_ops.MeltResult]:
        """Melt what a mint holds above its cap to the backend (journaled melts, data ``sweep``)."""
        policy = self.policy()
        done = []
        for mint, cap in policy.exposure_caps.items():
            held = self._balance(mint, policy.unit)
            if held <= cap:
                continue
            try:
                done.append(
                    await self._melt_to_backend(
                        mint, held, target=held - cap, memo=f"{policy.shop_name} sweep", extra={"sweep": True}
                    )
                )
            except NutdeskError as exc:
                log.warning("sweeping %s failed: %s", mint, exc)
        return done

    async def housekeeping(self) -> list[Sale]:
        """One pass of the background work: settle what is pending, sweep exposure, deliver webhooks.

        Returns the sales it settled (or failed)."""
        changed = await self.settle_pending()
        if self.policy().exposure_caps:
            await self.sweep_exposure()
        await self.deliver_webhooks()
        return changed

    async def run_background(
        self,
        stop: asyncio.Event,
        interval: float = 15.0,
        on_change: Callable[[list[Sale]], None] | None = None,
    ) -> None:
        """``housekeeping`` every ``interval`` seconds until ``stop`` is set; ``on_change`` hears settled sales.

        A failed pass is logged and the loop goes on (webhook retries back off by their own schedule)."""
        while not stop.is_set():
            try:
                changed = await self.housekeeping()
            except Exception:
                log.exception("point-of-sale housekeeping failed")
            else:
                if changed and on_change is not None:
                    on_change(changed)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(interval):  # in this task: a cancel leaves no waiter behind
                    await stop.wait()
