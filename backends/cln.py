"""Core Lightning through clnrest: ``POST /v1/<method>`` with a ``rune`` header and JSON parameters.

Facts (shared/reference/lightning-backends.md): ``invoice{amount_msat, label, description, expiry}``,
``pay{bolt11, amount_msat?, maxfee}``, ``listinvoices{payment_hash}``, ``listpays{payment_hash}``,
``waitanyinvoice{lastpay_index, timeout}``. RPC errors come back as ``{"code", "message"}``; the ``pay``
error codes tell a certain failure (201 already paid, 203 destination refused, 205 no route, 206 too
expensive, 207 expired) from an unknown outcome (200 in progress, 209/211 unexpected).
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import AsyncIterator, Mapping
from typing import Any, ClassVar

import httpx

from backends._http import PAY_TIMEOUT, HttpBackendBase, SentButUnknown, decode_bolt11, expired_invoice
from backends.lnd import tls_context
from backends.registry import register_backend
from core.errors import BackendError, BackendUnavailable
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

__all__ = ["ClnRestBackend"]

log = logging.getLogger(__name__)

_FAILED_PAY_CODES = {201, 203, 205, 206, 207, 210}
_PAY_STATES = {"complete": PaymentState.SETTLED, "failed": PaymentState.FAILED, "pending": PaymentState.PENDING}
_WAIT_TIMEOUT = 30


class _RpcError(Exception):
    def __init__(self, code: int | None, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@register_backend("CLN")
class ClnRestBackend(HttpBackendBase):
    type_name: ClassVar[str] = "CLN"
    name = "Core Lightning"
    options: ClassVar[tuple[OptionSpec, ...]] = (
        OptionSpec("url", "the clnrest endpoint, e.g. https://127.0.0.1:3010"),
        OptionSpec(
            "rune", "a rune allowing invoice, pay, listinvoices, listpays, waitanyinvoice, listfunds", secret=True
        ),
        OptionSpec("cert", "the server certificate (PEM text or file) when self-signed", required=False),
    )

    def __init__(self, url: str, rune: str, *, cert: str | None = None, reconnect: float = 1.0) -> None:
        try:
            verify = tls_context(cert)
        except OSError as exc:
            raise BackendError(t("CLN: cannot use the TLS certificate: {0}").format(exc)) from exc
        super().__init__(url, {"rune": rune}, verify=verify)
        self.reconnect = reconnect

    @classmethod
    def from_options(cls, options: Mapping[str, str]) -> ClnRestBackend:
        if not options.get("url") or not options.get("rune"):
            raise BackendError(t("CLN needs --opt url=… --opt rune=…"))
        return cls(options["url"], options["rune"], cert=options.get("cert"))

    @property
    def capabilities(self) -> Capabilities:
        return Capabilities(
            units=frozenset({"sat"}),
            description_hash=False,
            amountless=True,
            amountless_invoices=True,
            streaming=False,
            fee_limit=True,
        )

    async def _rpc(
        self, method: str, params: dict[str, Any], *, timeout: httpx.Timeout | None = None, sent_matters: bool = False
    ) -> Any:
        response = await self.request("POST", f"/v1/{method}", json=params, timeout=timeout, sent_matters=sent_matters)
        if response.status_code in (401, 403):
            raise BackendError(
                t("CLN refused the rune for {0} ({1}): {2}").format(method, response.status_code, response.text[:200])
            )
        data = self.json_of(response)
        if response.status_code != 200 or (isinstance(data, dict) and "code" in data and "message" in data):
            code = data.get("code") if isinstance(data, dict) else None
            message = str(data.get("message", response.text)) if isinstance(data, dict) else response.text
            raise _RpcError(int(code) if isinstance(code, int) else None, message)
        return data

    async def _call(self, method: str, params: dict[str, Any]) -> Any:
        try:
            return await self._rpc(method, params)
        except _RpcError as exc:
            raise BackendError(t("CLN {0} failed ({1}): {2}").format(method, exc.code, exc.message)) from exc

    async def status(self) -> BackendStatus:
        data = await self._call("listfunds", {})
        msat = sum(int(c.get("our_amount_msat", 0)) for c in data.get("channels", []))
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
            raise BackendError(t("CLN makes invoices in sat, not {0}").format(unit))
        if description_hash is not None:
            raise BackendError(t("CLN takes a description, not a description hash"))
        if amount < 0:
            raise BackendError(t("the amount must not be negative"))
        params: dict[str, Any] = {
            "amount_msat": amount * 1000 if amount else "any",
            "label": f"nutdesk-{secrets.token_hex(8)}",
            "description": memo or "Nutdesk",
        }
        if expiry is not None:
            params["expiry"] = expiry
        data = await self._call("invoice", params)
        return CreatedInvoice(data["bolt11"], data["payment_hash"], amount, "sat", expiry)

    async def pay_invoice(
        self, bolt11: str, *, fee_limit_msat: int | None = None, amount_msat: int | None = None
    ) -> PaymentResult:
        payment_hash, invoice_msat, _ = decode_bolt11(bolt11)
        if expired_invoice(bolt11):
            return PaymentResult(PaymentState.FAILED, payment_hash, error="the invoice has expired")
        params: dict[str, Any] = {"bolt11": bolt11.strip()}
        if invoice_msat is None:
            if not amount_msat:
                raise BackendError(t("an amount is needed to pay an amountless invoice"))
            params["amount_msat"] = amount_msat
        if fee_limit_msat is not None:
            params["maxfee"] = fee_limit_msat
        try:
            data = await self._rpc("pay", params, timeout=PAY_TIMEOUT, sent_matters=True)
        except SentButUnknown as exc:
            return PaymentResult(PaymentState.PENDING, payment_hash, error=str(exc))
        except _RpcError as exc:
            if exc.code == -32602:  # invalid parameters: nothing was attempted
                raise BackendError(t("CLN refused the payment: {0}").format(exc.message)) from exc
            state = PaymentState.FAILED if exc.code in _FAILED_PAY_CODES else PaymentState.PENDING
            return PaymentResult(state, payment_hash, error=f"{exc.code}: {exc.message}")
        state = _PAY_STATES.get(str(data.get("status")), PaymentState.PENDING)
        sent = int(data.get("amount_sent_msat", 0))
        amount = int(data.get("amount_msat", 0))
        return PaymentResult(
            state,
            payment_hash,
            preimage=data.get("payment_preimage") if state is PaymentState.SETTLED else None,
            fee_msat=sent - amount if sent and amount else None,
            amount_msat=amount or None,
        )

    async def invoice_status(self, payment_hash: str) -> PaymentResult:
        data = await self._call("listinvoices", {"payment_hash": payment_hash})
        invoices = data.get("invoices", [])
        if not invoices:
            return PaymentResult(PaymentState.PENDING, payment_hash, error="CLN does not know this invoice")
        inv = invoices[0]
        state = {"paid": PaymentState.SETTLED, "expired": PaymentState.FAILED}.get(
            inv.get("status"), PaymentState.PENDING
        )
        return PaymentResult(
            state,
            payment_hash,
            preimage=inv.get("payment_preimage") if state is PaymentState.SETTLED else None,
            amount_msat=int(inv.get("amount_received_msat", 0)) or None,
        )

    async def payment_status(self, payment_hash: str) -> PaymentResult:
        data = await self._call("listpays", {"payment_hash": payment_hash})
        pays = data.get("pays", [])
        if not pays:
            return PaymentResult(PaymentState.PENDING, payment_hash, error="CLN does not know this payment")
        states = [_PAY_STATES.get(str(p.get("status")), PaymentState.PENDING) for p in pays]
        # Several attempts: any success wins; all failed means failed; otherwise still pending.
        if PaymentState.SETTLED in states:
            pay = pays[states.index(PaymentState.SETTLED)]
            return PaymentResult(PaymentState.SETTLED, payment_hash, preimage=pay.get("preimage"))
        if all(s is PaymentState.FAILED for s in states):
            return PaymentResult(PaymentState.FAILED, payment_hash)
        return PaymentResult(PaymentState.PENDING, payment_hash)

    async def paid_invoices(self) -> AsyncIterator[PaidInvoice]:
        """Long-polls ``waitanyinvoice`` from the newest pay index on (so earlier payments are not repeated)."""
        lastpay_index: int | None = None
        while True:
            try:
                if lastpay_index is None:
                    listed = await self._call("listinvoices", {})
                    lastpay_index = max((int(i.get("pay_index", 0)) for i in listed.get("invoices", [])), default=0)
                data = await self._rpc(
                    "waitanyinvoice",
                    {"lastpay_index": lastpay_index, "timeout": _WAIT_TIMEOUT},
                    timeout=httpx.Timeout(_WAIT_TIMEOUT + 15.0, connect=10.0),
                )
            except _RpcError as exc:
                if exc.code == 904:  # timeout: nothing paid meanwhile
                    continue
                log.info("CLN waitanyinvoice failed (%s); retrying", exc)
                await asyncio.sleep(self.reconnect)
                continue
            except (BackendUnavailable, BackendError) as exc:
                log.info("CLN waitanyinvoice failed (%s); retrying", exc)
                await asyncio.sleep(self.reconnect)
                continue
            lastpay_index = int(data.get("pay_index", lastpay_index + 1))
            if data.get("status") == "paid":
                yield PaidInvoice(
                    data["payment_hash"], int(data.get("amount_received_msat", 0)), data.get("payment_preimage")
                )
