"""Blink (GraphQL over HTTP, ``graphql-transport-ws`` subscriptions), and Flash as a capability-flagged variant.

Facts (shared/reference/lightning-backends.md): ``POST <url>`` ``{query, variables}`` with ``X-API-KEY``; always
HTTP 200 — business errors in ``data.<mutation>.errors``, auth/validation/rate limits in top-level ``errors``
with ``extensions.code``. BTC balances are sats, USD balances cents. Flash: no websocket for API keys (poll),
no status by payment hash (``lnInvoicePaymentStatus(paymentRequest)`` only), float cents, ``idempotencyKey`` on
payments, ``TOO_MANY_REQUESTS`` with ``retryAfterSeconds``; amountless invoices paid from a USD wallet are paid
in cents converted at the live price.
"""

from __future__ import annotations

import asyncio
import logging
import math
import secrets
from collections.abc import AsyncIterator, Mapping
from typing import Any, ClassVar

import httpx

from backends._http import (
    PAY_TIMEOUT,
    HttpBackendBase,
    SentButUnknown,
    decode_bolt11,
    expired_invoice,
)
from backends.blink_graphql import (
    AUTH_CODES,
    BLINK,
    FLASH,
    MAX_RETRY_WAIT,
    RATE_LIMITED,
    SEND_STATES,
    SETTLEMENT,
    BlinkVariant,
    GraphQLError,
)
from backends.blink_updates import poll_paid, subscribe_paid
from backends.registry import register_backend
from core.errors import BackendError
from core.i18n import t
from core.ports.lightning import (
    BackendStatus,
    Capabilities,
    CreatedInvoice,
    OptionSpec,
    PaidInvoice,
    PaymentResult,
    PaymentState,
)

__all__ = ["BlinkBackend", "BlinkVariant", "FlashBackend"]

log = logging.getLogger(__name__)


@register_backend("Blink")
class BlinkBackend(HttpBackendBase):
    type_name: ClassVar[str] = "Blink"
    variant: ClassVar[BlinkVariant] = BLINK
    default_url: ClassVar[str] = "https://api.blink.sv/graphql"
    options: ClassVar[tuple[OptionSpec, ...]] = (
        OptionSpec("api_key", "an API key with read, receive and write scopes", secret=True),
        OptionSpec("url", "the GraphQL endpoint", required=False, default="https://api.blink.sv/graphql"),
        OptionSpec("ws_url", "the websocket endpoint (default: derived from url)", required=False),
        OptionSpec("wallet", "BTC or USD", required=False, default="BTC"),
        OptionSpec("wallet_id", "a wallet id (default: the account's wallet of that currency)", required=False),
    )

    def __init__(
        self,
        url: str,
        api_key: str,
        *,
        currency: str = "BTC",
        wallet_id: str | None = None,
        ws_url: str | None = None,
        poll_interval: float = 2.0,
    ) -> None:
        parsed = httpx.URL(url)
        self._path = parsed.raw_path.decode() or "/"
        super().__init__(str(parsed.copy_with(raw_path=b"/", query=None)).rstrip("/"), {"X-API-KEY": api_key})
        self.endpoint = url
        self.name = self.variant.name
        self._api_key = api_key
        self.currency = currency.upper()
        if self.currency not in ("BTC", "USD"):
            raise BackendError(t("{0}: the wallet is BTC or USD, not {1}").format(self.name, currency))
        self._wallet_id = wallet_id
        self.ws_url = ws_url or url.replace("https://", "wss://", 1).replace("http://", "ws://", 1)
        self.poll_interval = poll_interval
        self._requests: dict[str, str] = {}  # payment hash → payment request (invoices we made / paid)
        self._sent: dict[str, PaymentResult] = {}

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> BlinkBackend:
        if not options.get("api_key"):
            raise BackendError(t("{0} needs --opt api_key=…").format(cls.variant.name))
        return cls(
            options.get("url") or cls.default_url,
            options["api_key"],
            currency=options.get("wallet") or "BTC",
            wallet_id=options.get("wallet_id") or None,
            ws_url=options.get("ws_url") or None,
        )

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(
            units=frozenset({"sat"} if self.currency == "BTC" else {"usd", "sat"}),
            description_hash=False,
            amountless=True,
            amountless_invoices=True,
            streaming=self.variant.websocket,
            fee_limit=False,
            status_by_hash=self.variant.status_by_hash,
        )

    # --- GraphQL ---------------------------------------------------------------------------------

    async def _gql(self, query: str, variables: dict[str, Any] | None = None, *, mutation: bool = False) -> Any:
        """One operation; rate limits are waited out (a rate-limited request was not executed)."""
        for attempt in range(4):
            response = await self.request(
                "POST",
                self._path,
                json={"query": query, "variables": variables or {}},
                timeout=PAY_TIMEOUT if mutation else None,
                sent_matters=mutation,
            )
            if response.status_code in (401, 403):
                raise BackendError(t("{0} refused the API key ({1})").format(self.name, response.status_code))
            if response.status_code == 429:
                await asyncio.sleep(min(float(response.headers.get("Retry-After", 1)), MAX_RETRY_WAIT))
                continue
            body = self.json_of(response)
            errors = body.get("errors") or []
            if errors:
                extensions = errors[0].get("extensions") or {}
                code = str(extensions.get("code", ""))
                if code in RATE_LIMITED and attempt < 3:
                    wait = float(extensions.get("retryAfterSeconds") or 2**attempt * 0.5)
                    await asyncio.sleep(min(wait, MAX_RETRY_WAIT))
                    continue
                raise GraphQLError(code, str(errors[0].get("message", "")))
            if response.status_code >= 500:
                raise BackendError(t("{0} answered {1}").format(self.name, response.status_code))
            return body.get("data") or {}
        raise BackendError(t("{0} keeps rate-limiting the requests; try again later").format(self.name))

    async def _query(self, query: str, variables: dict[str, Any] | None = None) -> Any:
        try:
            return await self._gql(query, variables)
        except GraphQLError as exc:
            raise BackendError(t("{0}: {1} ({2})").format(self.name, exc.message, exc.code or "error")) from exc

    async def _wallet(self) -> tuple[str, float]:
        data = await self._query("query me { me { defaultAccount { wallets { id walletCurrency balance } } } }")
        wallets = (((data.get("me") or {}).get("defaultAccount") or {}).get("wallets")) or []
        for w in wallets:
            if (self._wallet_id and w["id"] == self._wallet_id) or (
                not self._wallet_id and w["walletCurrency"] == self.currency
            ):
                self._wallet_id = w["id"]
                return w["id"], float(w["balance"])
        if self._wallet_id:
            raise BackendError(
                t("{0}: the account has no {1} wallet {2}").format(self.name, self.currency, self._wallet_id)
            )
        raise BackendError(t("{0}: the account has no {1} wallet").format(self.name, self.currency))

    async def wallet_id(self) -> str:
        if self._wallet_id is None:
            await self._wallet()
        assert self._wallet_id is not None
        return self._wallet_id

    async def cents_per_sat(self) -> float:
        data = await self._query('query price { realtimePrice(currency: "USD") { btcSatPrice { base offset } } }')
        price = data["realtimePrice"]["btcSatPrice"]
        return float(price["base"]) / float(10 ** int(price["offset"]))

    # --- the port --------------------------------------------------------------------------------

    async def status(self) -> BackendStatus:
        _, balance = await self._wallet()
        if self.currency == "BTC":
            return BackendStatus(int(balance) * 1000, "msat", self.name)
        return BackendStatus(round(balance), "usd", f"{self.name} USD wallet, {balance} cents")

    async def create_invoice(
        self,
        amount: int,
        *,
        unit: str = "sat",
        memo: str = "",
        description_hash: bytes | None = None,
        expiry: int | None = None,
    ) -> CreatedInvoice:
        if description_hash is not None:
            raise BackendError(t("{0} cannot make invoices with a description hash").format(self.name))
        if amount < 0:
            raise BackendError(t("the amount must not be negative"))
        wallet_id = await self.wallet_id()
        inp: dict[str, Any] = {"walletId": wallet_id, "memo": memo}
        if expiry is not None:
            inp["expiresIn"] = max(1, math.ceil(expiry / 60))  # minutes
        if amount == 0:
            field = "lnNoAmountInvoiceCreate"
        elif unit == "usd" and self.currency == "USD":
            field, inp["amount"] = "lnUsdInvoiceCreate", amount
        elif unit == "sat" and self.currency == "BTC":
            field, inp["amount"] = "lnInvoiceCreate", amount
        elif unit == "sat":  # a USD wallet receiving a sat amount: Blink's "lnUsdInvoiceBtcDenominatedCreate"
            field, inp["amount"] = "lnUsdInvoiceBtcDenominatedCreate", amount
        else:
            raise BackendError(t("{0}: a {1} wallet cannot make a {2} invoice").format(self.name, self.currency, unit))
        query = (
            f"mutation create($input: {field[0].upper() + field[1:]}Input!) {{ {field}(input: $input) {{ "
            "errors { message code } invoice { paymentRequest paymentHash satoshis } } }"
        )
        try:
            data = (await self._gql(query, {"input": inp}, mutation=False))[field]
        except GraphQLError as exc:
            raise BackendError(t("{0}: {1} ({2})").format(self.name, exc.message, exc.code or "error")) from exc
        if data.get("errors"):
            raise BackendError(t("{0} refused the invoice: {1}").format(self.name, data["errors"][0].get("message")))
        invoice = data["invoice"]
        self._requests[invoice["paymentHash"]] = invoice["paymentRequest"]
        return CreatedInvoice(invoice["paymentRequest"], invoice["paymentHash"], amount, unit, expiry)

    async def pay_invoice(
        self, bolt11: str, *, fee_limit_msat: int | None = None, amount_msat: int | None = None
    ) -> PaymentResult:
        payment_hash, invoice_msat, _ = decode_bolt11(bolt11)
        if expired_invoice(bolt11):
            return PaymentResult(PaymentState.FAILED, payment_hash, error="the invoice has expired")
        wallet_id = await self.wallet_id()
        inp: dict[str, Any] = {"walletId": wallet_id, "paymentRequest": bolt11.strip()}
        if self.variant.idempotency:
            inp["idempotencyKey"] = secrets.token_hex(16)
        if invoice_msat is not None:
            field = "lnInvoicePaymentSend"
        elif not amount_msat:
            raise BackendError(t("an amount is needed to pay an amountless invoice"))
        elif self.currency == "BTC":
            field, inp["amount"] = "lnNoAmountInvoicePaymentSend", math.ceil(amount_msat / 1000)
        else:
            # A USD wallet pays an amountless invoice in cents: convert the sat amount at the live price.
            cents = math.ceil(amount_msat / 1000 * await self.cents_per_sat())
            field, inp["amount"] = "lnNoAmountUsdInvoicePaymentSend", cents
        settlement = SETTLEMENT if self.variant.settlement_fields else ""
        query = (
            f"mutation pay($input: {field[0].upper() + field[1:]}Input!) {{ {field}(input: $input) {{ "
            f"errors {{ message code }} status {settlement} }} }}"
        )
        self._requests[payment_hash] = bolt11.strip()
        try:
            data = (await self._gql(query, {"input": inp}, mutation=True))[field]
        except SentButUnknown as exc:
            return self._remember(PaymentResult(PaymentState.PENDING, payment_hash, error=str(exc)))
        except GraphQLError as exc:
            if exc.code in AUTH_CODES:
                raise BackendError(t("{0}: {1} ({2})").format(self.name, exc.message, exc.code)) from exc
            # Validation errors are refused before execution; anything else may have run.
            definite = exc.code in ("GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "INVALID_INPUT")
            state = PaymentState.FAILED if definite else PaymentState.PENDING
            return self._remember(PaymentResult(state, payment_hash, error=f"{exc.code}: {exc.message}"))
        status = str(data.get("status"))
        errors = data.get("errors") or []
        error = "; ".join(str(e.get("message")) for e in errors)
        if status == "ALREADY_PAID":
            known = await self.payment_status(payment_hash)
            if known.state is PaymentState.SETTLED:
                return known
            return PaymentResult(PaymentState.FAILED, payment_hash, error="the invoice was already paid")
        state = SEND_STATES.get(status, PaymentState.PENDING)
        if errors and status not in SEND_STATES:
            # A business error without a status (insufficient balance, cannot pay self …) is a refusal.
            state = PaymentState.FAILED
        transaction = data.get("transaction") or {}
        preimage = (transaction.get("settlementVia") or {}).get("preImage")
        fee = transaction.get("settlementFee")
        return self._remember(
            PaymentResult(
                state,
                payment_hash,
                preimage=preimage if state is PaymentState.SETTLED else None,
                fee_msat=int(fee) * 1000 if isinstance(fee, int | float) and self.currency == "BTC" else None,
                amount_msat=invoice_msat or amount_msat,
                error=error,
            )
        )

    def _remember(self, result: PaymentResult) -> PaymentResult:
        self._sent[result.payment_hash] = result
        return result

    async def invoice_status(self, payment_hash: str) -> PaymentResult:
        if self.variant.status_by_hash:
            query = (
                "query status($input: LnInvoicePaymentStatusByHashInput!) { "
                "lnInvoicePaymentStatusByHash(input: $input) { status } }"
            )
            data = await self._query(query, {"input": {"paymentHash": payment_hash}})
            status = (data.get("lnInvoicePaymentStatusByHash") or {}).get("status")
        else:
            request = self._requests.get(payment_hash)
            if request is None:
                return PaymentResult(PaymentState.PENDING, payment_hash, error=f"{self.name} asks by invoice only")
            query = (
                "query status($input: LnInvoicePaymentStatusInput!) { "
                "lnInvoicePaymentStatus(input: $input) { status } }"
            )
            data = await self._query(query, {"input": {"paymentRequest": request}})
            status = (data.get("lnInvoicePaymentStatus") or {}).get("status")
        state = {"PAID": PaymentState.SETTLED, "EXPIRED": PaymentState.FAILED}.get(str(status), PaymentState.PENDING)
        return PaymentResult(state, payment_hash)

    async def payment_status(self, payment_hash: str) -> PaymentResult:
        if not self.variant.status_by_hash:
            return self._sent.get(
                payment_hash, PaymentResult(PaymentState.PENDING, payment_hash, error="unknown to this session")
            )
        wallet_id = await self.wallet_id()
        query = (
            "query tx($walletId: WalletId!, $hash: PaymentHash!) { me { defaultAccount { "
            "walletById(walletId: $walletId) { transactionsByPaymentHash(paymentHash: $hash) { status direction "
            "settlementVia { ... on SettlementViaLn { preImage } ... on SettlementViaIntraLedger { preImage } } "
            "} } } } }"
        )
        data = await self._query(query, {"walletId": wallet_id, "hash": payment_hash})
        wallet = (((data.get("me") or {}).get("defaultAccount") or {}).get("walletById")) or {}
        sends = [t for t in wallet.get("transactionsByPaymentHash") or [] if t.get("direction") == "SEND"]
        states = [SEND_STATES.get(str(t.get("status")), PaymentState.PENDING) for t in sends]
        if PaymentState.SETTLED in states:
            tx = sends[states.index(PaymentState.SETTLED)]
            return PaymentResult(
                PaymentState.SETTLED, payment_hash, preimage=(tx.get("settlementVia") or {}).get("preImage")
            )
        if states and all(s is PaymentState.FAILED for s in states):
            return PaymentResult(PaymentState.FAILED, payment_hash)
        return PaymentResult(PaymentState.PENDING, payment_hash)

    async def paid_invoices(self) -> AsyncIterator[PaidInvoice]:
        if self.variant.websocket:
            async for paid in self._subscribe():
                yield paid
        else:
            async for paid in self._poll():
                yield paid

    def _subscribe(self) -> AsyncIterator[PaidInvoice]:
        return subscribe_paid(self)

    def _poll(self) -> AsyncIterator[PaidInvoice]:
        """No websocket: ask for the status of every invoice this backend made, until each is paid or expired."""
        return poll_paid(self)


@register_backend("Flash")
class FlashBackend(BlinkBackend):
    """Flash: the Blink API with fewer features (see the module docstring)."""

    type_name: ClassVar[str] = "Flash"
    variant: ClassVar[BlinkVariant] = FLASH
    default_url: ClassVar[str] = "https://api.flashapp.me/graphql"
    options: ClassVar[tuple[OptionSpec, ...]] = (
        OptionSpec("api_key", "an API key (fk_…)", secret=True),
        OptionSpec("url", "the GraphQL endpoint", required=False, default="https://api.flashapp.me/graphql"),
        OptionSpec("wallet", "USD or BTC", required=False, default="USD"),
        OptionSpec("wallet_id", "a wallet id (default: the account's wallet of that currency)", required=False),
    )

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> BlinkBackend:
        return super().from_options({"wallet": "USD", **options})
