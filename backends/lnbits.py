"""LNbits (REST + websocket stream), as served by LNbits 1.x.

Facts (shared/reference/lightning-backends.md): header ``X-Api-Key``; the invoice key reads and creates
invoices, only the admin key pays. Balances are msat. Payment errors are HTTP 520 ``{"detail", "status"}``
where ``status`` says whether the payment definitely failed. The websocket ``/api/v1/ws/<key>`` pushes
``{"wallet_balance", "payment"}`` for incoming *and* outgoing payments, sometimes twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Mapping
from typing import Any, ClassVar

import httpx
import websockets
from websockets.asyncio.client import connect as ws_connect

from backends._http import (
    MAX_ANSWER,
    PAY_TIMEOUT,
    HttpBackendBase,
    SentButUnknown,
    decode_bolt11,
    expired_invoice,
    json_object,
)
from backends.registry import register_backend
from core.errors import BackendError, MalformedInput
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
from core.protocol.jsonread import read_json

__all__ = ["LNbitsBackend"]

log = logging.getLogger(__name__)

_STATES = {"success": PaymentState.SETTLED, "failed": PaymentState.FAILED}


@register_backend("LNbits")
class LNbitsBackend(HttpBackendBase):
    type_name: ClassVar[str] = "LNbits"
    name = "LNbits"
    options: ClassVar[tuple[OptionSpec, ...]] = (
        OptionSpec("url", "the LNbits server, e.g. https://legend.lnbits.com"),
        OptionSpec("key", "the wallet's admin key (pays) or invoice key (receives only)", secret=True),
        OptionSpec("verify_tls", "false to accept a self-signed certificate", required=False, default="true"),
    )

    def __init__(self, url: str, key: str, *, verify: bool = True, reconnect_delay: float = 1.0) -> None:
        super().__init__(url, {"X-Api-Key": key}, verify=verify)
        self._key = key
        self.reconnect_delay = reconnect_delay

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> LNbitsBackend:
        missing = [o for o in ("url", "key") if not options.get(o)]
        if missing:
            raise BackendError(t("LNbits needs --opt {0}=…").format("=… --opt ".join(missing)))
        verify = options.get("verify_tls", "true").lower() not in ("0", "false", "no")
        return cls(options["url"], options["key"], verify=verify)

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(
            units=frozenset({"sat"}),
            description_hash=True,
            amountless=False,
            amountless_invoices=False,
            streaming=True,
            fee_limit=False,
            status_by_hash=True,
        )

    # --- errors ----------------------------------------------------------------------------------

    def _fail(self, response: httpx.Response, what: str) -> BackendError:
        body = json_object(response.content)
        detail = body.get("detail") or response.text
        return BackendError(t("LNbits refused to {0} ({1}): {2}").format(what, response.status_code, str(detail)[:300]))

    def _expect(self, response: httpx.Response, what: str) -> Any:
        if response.status_code >= 400:
            raise self._fail(response, what)
        return self.json_of(response)

    # --- the port --------------------------------------------------------------------------------

    async def status(self) -> BackendStatus:
        data = self._expect(await self.request("GET", "/api/v1/wallet"), t("show the wallet"))
        return BackendStatus(balance=int(data.get("balance", 0)), unit="msat", detail=str(data.get("name", "")))

    async def create_invoice(
        self,
        amount: int,
        *,
        unit: str = "sat",
        memo: str = "",
        description_hash: bytes | None = None,
        expiry: int | None = None,
    ) -> CreatedInvoice:
        if unit != "sat":
            raise BackendError(t("LNbits makes invoices in sat, not {0}").format(unit))
        if amount <= 0:
            raise BackendError(t("LNbits cannot make amountless invoices"))
        body: dict[str, Any] = {"out": False, "amount": amount, "unit": "sat", "memo": memo}
        if expiry is not None:
            body["expiry"] = expiry
        if description_hash is not None:
            body["description_hash"] = description_hash.hex()
        data = self._expect(await self.request("POST", "/api/v1/payments", json=body), t("create an invoice"))
        bolt11 = data.get("bolt11") or data.get("payment_request")
        if not bolt11 or not data.get("payment_hash"):
            raise BackendError(t("LNbits answered without an invoice: {0}").format(data))
        return CreatedInvoice(
            bolt11=bolt11,
            payment_hash=data["payment_hash"],
            amount=amount,
            unit="sat",
            expiry=data.get("expiry") if isinstance(data.get("expiry"), int) else expiry,
            checking_id=str(data.get("checking_id", "")),
        )

    async def pay_invoice(
        self, bolt11: str, *, fee_limit_msat: int | None = None, amount_msat: int | None = None
    ) -> PaymentResult:
        payment_hash, invoice_msat, _ = decode_bolt11(bolt11)
        if invoice_msat is None:
            raise BackendError(t("LNbits cannot pay amountless invoices"))
        if amount_msat is not None and amount_msat != invoice_msat:
            raise BackendError(t("the invoice already has an amount"))
        if expired_invoice(bolt11):
            return PaymentResult(PaymentState.FAILED, payment_hash, error="the invoice has expired")
        try:
            response = await self.request(
                "POST",
                "/api/v1/payments",
                json={"out": True, "bolt11": bolt11.strip()},
                timeout=PAY_TIMEOUT,
                sent_matters=True,
            )
        except SentButUnknown as exc:
            return PaymentResult(PaymentState.PENDING, payment_hash, error=str(exc))
        if response.status_code in (401, 403, 404):
            raise self._fail(response, t("pay"))
        if response.status_code == 400:
            # Validation: the request was refused before any payment was attempted.
            return PaymentResult(PaymentState.FAILED, payment_hash, error=str(self._fail(response, t("pay"))))
        try:
            data = read_json(response.content, cap=MAX_ANSWER)
        except MalformedInput:
            return PaymentResult(PaymentState.PENDING, payment_hash, error=f"unreadable answer {response.status_code}")
        if response.status_code >= 500:
            # 520 {"detail", "status"}: "failed" is certain, anything else is not.
            state = _STATES.get(str(data.get("status")), PaymentState.PENDING)
            return PaymentResult(state, payment_hash, error=str(data.get("detail", "")))
        state = _STATES.get(str(data.get("status")), PaymentState.PENDING)
        fee = data.get("fee")
        return PaymentResult(
            state,
            data.get("payment_hash", payment_hash),
            preimage=_preimage(data.get("preimage")) if state is PaymentState.SETTLED else None,
            fee_msat=abs(int(fee)) if isinstance(fee, int) else None,
            amount_msat=abs(int(data["amount"])) if isinstance(data.get("amount"), int) else invoice_msat,
        )

    async def _lookup(self, payment_hash: str) -> PaymentResult:
        response = await self.request("GET", f"/api/v1/payments/{payment_hash}")
        if response.status_code == 404:
            return PaymentResult(PaymentState.PENDING, payment_hash, error="LNbits does not know this payment")
        data = self._expect(response, t("show the payment"))
        details = data.get("details") or {}
        fee = details.get("fee")
        amount = details.get("amount")
        if data.get("paid"):
            state = PaymentState.SETTLED
        elif data.get("status") == "failed":
            state = PaymentState.FAILED
        else:
            state = PaymentState.PENDING
        return PaymentResult(
            state,
            payment_hash,
            preimage=_preimage(data.get("preimage")) if state is PaymentState.SETTLED else None,
            fee_msat=abs(int(fee)) if isinstance(fee, int) else None,
            amount_msat=abs(int(amount)) if isinstance(amount, int) else None,
        )

    async def invoice_status(self, payment_hash: str) -> PaymentResult:
        return await self._lookup(payment_hash)

    async def payment_status(self, payment_hash: str) -> PaymentResult:
        return await self._lookup(payment_hash)

    async def paid_invoices(self) -> AsyncIterator[PaidInvoice]:
        """Incoming payments from the websocket; reconnects after a drop; each hash once."""
        ws_url = self.base_url.replace("http://", "ws://", 1).replace("https://", "wss://", 1)
        url = f"{ws_url}/api/v1/ws/{self._key}"
        seen: set[str] = set()
        while True:
            try:
                async with ws_connect(url, proxy=None, open_timeout=10) as conn:
                    async for raw in conn:
                        paid = _parse_notification(raw)
                        if paid is not None and paid.payment_hash not in seen:
                            seen.add(paid.payment_hash)
                            yield paid
            except (OSError, websockets.WebSocketException, TimeoutError) as exc:
                log.info("LNbits websocket dropped (%s); reconnecting", exc)
            await asyncio.sleep(self.reconnect_delay)


def _parse_notification(raw: str | bytes) -> PaidInvoice | None:
    with contextlib.suppress(ValueError, TypeError, AttributeError, ArithmeticError):
        message = json_object(raw)
        payment = message.get("payment") or {}
        amount = int(payment.get("amount", 0))
        if amount > 0 and payment.get("status", "success") == "success" and payment.get("payment_hash"):
            return PaidInvoice(payment["payment_hash"], amount, _preimage(payment.get("preimage")))
    return None


def _preimage(value: Any) -> str | None:
    # LNbits fills unknown preimages with zeros.
    if not isinstance(value, str) or not value or set(value) == {"0"}:
        return None
    return value
