"""LND over its REST proxy (grpc-gateway).

Facts (shared/reference/lightning-backends.md): header ``Grpc-Metadata-macaroon: <hex>``; a self-signed TLS
certificate (give its PEM as ``cert``); int64 fields are JSON strings and bytes are base64. Paying is
``POST /v2/router/send``, an NDJSON stream of ``{"result": Payment}`` (IN_FLIGHT → SUCCEEDED | FAILED) or
``{"error": {...}}``; incoming invoices stream from ``GET /v1/invoices/subscribe``.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import ssl
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

import httpx

from backends._http import (
    DEFAULT_TIMEOUT,
    MAX_ANSWER,
    HttpBackendBase,
    SentButUnknown,
    decode_bolt11,
    expired_invoice,
    json_object,
)
from backends.registry import register_backend
from core.errors import AnswerTooLarge, BackendError, BackendUnavailable
from core.httpread import capped_lines
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

__all__ = ["LndRestBackend", "tls_context"]

log = logging.getLogger(__name__)

_PAYMENT_STATES = {
    "SUCCEEDED": PaymentState.SETTLED,
    "FAILED": PaymentState.FAILED,
    "IN_FLIGHT": PaymentState.PENDING,
    "INITIATED": PaymentState.PENDING,
}
_INVOICE_STATES = {"SETTLED": PaymentState.SETTLED, "CANCELED": PaymentState.FAILED}
STREAM_TIMEOUT = httpx.Timeout(None, connect=10.0)


def tls_context(cert: str | None) -> ssl.SSLContext | bool:
    """Trust exactly ``cert`` (PEM text or a file path) when given, else the system store."""
    if not cert:
        return True
    pem = cert if "BEGIN CERTIFICATE" in cert else Path(cert).expanduser().read_text()
    context = ssl.create_default_context(cadata=pem)
    return context


def _b64(hex_or_bytes: str | bytes) -> str:
    raw = bytes.fromhex(hex_or_bytes) if isinstance(hex_or_bytes, str) else hex_or_bytes
    return base64.b64encode(raw).decode()


def _hex(b64: str | None) -> str | None:
    return base64.b64decode(b64).hex() if b64 else None


@register_backend("LND")
class LndRestBackend(HttpBackendBase):
    type_name: ClassVar[str] = "LND"
    name = "LND"
    options: ClassVar[tuple[OptionSpec, ...]] = (
        OptionSpec("url", "the REST endpoint, e.g. https://127.0.0.1:8080"),
        OptionSpec("macaroon", "the macaroon, hex (admin.macaroon to pay)", secret=True),
        OptionSpec("cert", "tls.cert as PEM text or a file path (self-signed)", required=False),
        OptionSpec("pay_timeout", "seconds LND may spend finding a route", required=False, default="60"),
    )

    def __init__(
        self, url: str, macaroon: str, *, cert: str | None = None, pay_timeout: int = 60, reconnect: float = 1.0
    ) -> None:
        try:
            verify = tls_context(cert)
        except (OSError, ssl.SSLError) as exc:
            raise BackendError(t("LND: cannot use the TLS certificate: {0}").format(exc)) from exc
        super().__init__(url, {"Grpc-Metadata-macaroon": macaroon}, verify=verify)
        self.pay_timeout = pay_timeout
        self.reconnect = reconnect

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> LndRestBackend:
        if not options.get("url") or not options.get("macaroon"):
            raise BackendError(t("LND needs --opt url=… --opt macaroon=<hex>"))
        return cls(
            options["url"],
            options["macaroon"],
            cert=options.get("cert"),
            pay_timeout=int(options.get("pay_timeout") or 60),
        )

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(
            units=frozenset({"sat"}),
            description_hash=True,
            amountless=True,
            amountless_invoices=True,
            streaming=True,
            fee_limit=True,
        )

    def _error(self, response: httpx.Response, what: str) -> BackendError:
        message = json_object(response.content).get("message") or response.text
        return BackendError(t("LND refused to {0} ({1}): {2}").format(what, response.status_code, str(message)[:300]))

    async def _json(self, method: str, path: str, what: str, **kwargs: Any) -> Any:
        response = await self.request(method, path, **kwargs)
        if response.status_code != 200:
            raise self._error(response, what)
        return self.json_of(response)

    async def status(self) -> BackendStatus:
        data = await self._json("GET", "/v1/balance/channels", t("show the balance"))
        local = data.get("local_balance") or {}
        msat = int(local.get("msat") or int(data.get("balance") or 0) * 1000)
        return BackendStatus(msat, "msat")

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
            raise BackendError(t("LND makes invoices in sat, not {0}").format(unit))
        if amount < 0:
            raise BackendError(t("the amount must not be negative"))
        body: dict[str, Any] = {"value": str(amount), "memo": memo}
        if description_hash is not None:
            body["description_hash"] = _b64(description_hash)
        if expiry is not None:
            body["expiry"] = str(expiry)
        data = await self._json("POST", "/v1/invoices", t("create an invoice"), json=body)
        payment_hash = _hex(data.get("r_hash"))
        if not payment_hash or not data.get("payment_request"):
            raise BackendError(t("LND answered without an invoice: {0}").format(data))
        return CreatedInvoice(data["payment_request"], payment_hash, amount, "sat", expiry)

    async def pay_invoice(
        self, bolt11: str, *, fee_limit_msat: int | None = None, amount_msat: int | None = None
    ) -> PaymentResult:
        payment_hash, invoice_msat, _ = decode_bolt11(bolt11)
        if expired_invoice(bolt11):
            return PaymentResult(PaymentState.FAILED, payment_hash, error="the invoice has expired")
        body: dict[str, Any] = {
            "payment_request": bolt11.strip(),
            "timeout_seconds": self.pay_timeout,
            "no_inflight_updates": True,
        }
        if fee_limit_msat is not None:
            body["fee_limit_msat"] = str(fee_limit_msat)
        if invoice_msat is None:
            if not amount_msat:
                raise BackendError(t("an amount is needed to pay an amountless invoice"))
            body["amt_msat"] = str(amount_msat)
        last: PaymentResult = PaymentResult(PaymentState.PENDING, payment_hash, error="no answer from LND")
        try:
            async with self._client.stream(
                "POST", "/v2/router/send", json=body, timeout=httpx.Timeout(self.pay_timeout + 30.0, connect=10.0)
            ) as response:
                if response.status_code in (401, 403):
                    await response.aread()
                    raise self._error(response, t("pay"))
                async for line in capped_lines(response, MAX_ANSWER):
                    if not line.strip():
                        continue
                    last = self._payment_line(json_object(line), payment_hash)
                    if last.state is not PaymentState.PENDING or last.error:
                        break
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise BackendUnavailable(t("LND at {0} is unreachable: {1}").format(self.base_url, exc)) from exc
        except (httpx.TransportError, AnswerTooLarge, ValueError, TypeError, AttributeError) as exc:
            # The request left: the payment may be in flight. Ask for its state instead of guessing.
            try:
                return await self.payment_status(payment_hash)
            except (BackendError, SentButUnknown):
                return PaymentResult(PaymentState.PENDING, payment_hash, error=f"connection lost: {exc}")
        if last.error.startswith("already paid"):
            return await self.payment_status(payment_hash)
        return last

    def _payment_line(self, line: dict[str, Any], payment_hash: str) -> PaymentResult:
        if "error" in line:
            message = str((line["error"] or {}).get("message", ""))
            lowered = message.lower()
            if "already paid" in lowered or "already exists" in lowered:
                return PaymentResult(PaymentState.PENDING, payment_hash, error="already paid")
            if "in transition" in lowered or "in flight" in lowered:
                return PaymentResult(PaymentState.PENDING, payment_hash, error=message)
            # Validation before anything was sent (bad invoice, expired, amount missing): certain failure.
            return PaymentResult(PaymentState.FAILED, payment_hash, error=message)
        result = line.get("result") or {}
        state = _PAYMENT_STATES.get(str(result.get("status")), PaymentState.PENDING)
        preimage = result.get("payment_preimage")
        return PaymentResult(
            state,
            str(result.get("payment_hash") or payment_hash),
            preimage=preimage if state is PaymentState.SETTLED and preimage and set(preimage) != {"0"} else None,
            fee_msat=int(result.get("fee_msat") or 0),
            amount_msat=int(result.get("value_msat") or 0) or None,
            error=str(result.get("failure_reason") or "") if state is PaymentState.FAILED else "",
        )

    async def invoice_status(self, payment_hash: str) -> PaymentResult:
        response = await self.request("GET", f"/v1/invoice/{payment_hash}")
        if response.status_code == 404:
            return PaymentResult(PaymentState.PENDING, payment_hash, error="LND does not know this invoice")
        if response.status_code != 200:
            raise self._error(response, t("show the invoice"))
        data = self.json_of(response)
        state = _INVOICE_STATES.get(str(data.get("state")), PaymentState.PENDING)
        return PaymentResult(
            state,
            payment_hash,
            preimage=_hex(data.get("r_preimage")) if state is PaymentState.SETTLED else None,
            amount_msat=int(data.get("amt_paid_msat") or 0) or None,
        )

    async def payment_status(self, payment_hash: str) -> PaymentResult:
        path = f"/v2/router/track/{base64.urlsafe_b64encode(bytes.fromhex(payment_hash)).decode()}"
        try:
            async with self._client.stream(
                "GET", path, params={"no_inflight_updates": "false"}, timeout=DEFAULT_TIMEOUT
            ) as response:
                if response.status_code in (401, 403):
                    await response.aread()
                    raise self._error(response, t("track the payment"))
                async for line in capped_lines(response, MAX_ANSWER):
                    if not line.strip():
                        continue
                    data = json_object(line)
                    if "error" in data:
                        error = data["error"]
                        message = error.get("message") if isinstance(error, dict) else error
                        return PaymentResult(PaymentState.PENDING, payment_hash, error=str(message))
                    return self._payment_line(data, payment_hash)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            raise BackendUnavailable(t("LND at {0} is unreachable: {1}").format(self.base_url, exc)) from exc
        except (httpx.TransportError, AnswerTooLarge, ValueError, TypeError, AttributeError) as exc:
            raise BackendError(t("LND: tracking the payment failed: {0}").format(exc)) from exc
        return PaymentResult(PaymentState.PENDING, payment_hash, error="no answer from LND")

    async def paid_invoices(self) -> AsyncIterator[PaidInvoice]:
        seen: set[str] = set()
        while True:
            try:
                async with self._client.stream("GET", "/v1/invoices/subscribe", timeout=STREAM_TIMEOUT) as response:
                    if response.status_code != 200:
                        await response.aread()
                        raise self._error(response, t("stream invoices"))
                    async for line in capped_lines(response, MAX_ANSWER):
                        if not line.strip():
                            continue
                        invoice = json_object(line).get("result")
                        invoice = invoice if isinstance(invoice, dict) else {}
                        payment_hash = _hex(invoice.get("r_hash"))
                        if invoice.get("state") == "SETTLED" and payment_hash and payment_hash not in seen:
                            seen.add(payment_hash)
                            yield PaidInvoice(
                                payment_hash, int(invoice.get("amt_paid_msat") or 0), _hex(invoice.get("r_preimage"))
                            )
            except (httpx.TransportError, AnswerTooLarge, ValueError, TypeError, AttributeError) as exc:
                log.info("LND invoice stream dropped (%s); reconnecting", exc)
            await asyncio.sleep(self.reconnect)
