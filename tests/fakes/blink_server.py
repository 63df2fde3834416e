"""A local Blink/Flash GraphQL server over a ``FakeNetwork``, written from the schema facts in
shared/reference/lightning-backends.md (no schema file copied).

Operations are recognised by their root field; variables carry the inputs, as the real clients send them.
Always HTTP 200: business errors in ``data.<field>.errors[{message, path, code}]``; auth, validation and rate
limits in top-level ``errors[{message, extensions: {code}}]``. The websocket speaks ``graphql-transport-ws``.
``flash=True`` serves the Flash fork: no websocket for API keys, no ``…ByHash`` queries, float cents,
``TOO_MANY_REQUESTS`` with ``retryAfterSeconds``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

from backends._http import decode_bolt11
from backends.fake import FakeNetwork
from core.errors import BackendError
from core.ports.lightning import PaymentState

__all__ = ["BlinkFake"]

_FIELDS = (
    "lnInvoicePaymentStatusByHash",
    "lnInvoicePaymentStatus",
    "lnNoAmountUsdInvoicePaymentSend",
    "lnNoAmountInvoicePaymentSend",
    "lnInvoicePaymentSend",
    "lnUsdInvoiceBtcDenominatedCreate",
    "lnUsdInvoiceCreate",
    "lnNoAmountInvoiceCreate",
    "lnInvoiceCreate",
    "realtimePrice",
    "transactionsByPaymentHash",
    "me",
)
_SEND_STATUS = {PaymentState.SETTLED: "SUCCESS", PaymentState.FAILED: "FAILURE", PaymentState.PENDING: "PENDING"}


@dataclass
class BlinkFake:
    net: FakeNetwork
    flash: bool = False
    price_base: int = 100_000_000_000  # 1 sat = base / 10^offset cents = 0.1 cent (BTC at $100,000)
    price_offset: int = 12
    rate_limit_every: int = 0  # every Nth request is refused with a rate-limit error (0: never)
    keys: dict[str, str] = field(default_factory=dict)  # API key → account name
    requests: int = 0
    rate_limited: int = 0
    operations: list[str] = field(default_factory=list)

    @property
    def cents_per_sat(self) -> float:
        return self.price_base / 10**self.price_offset

    def add_account(self, name: str, api_key: str, *, btc_sat: int = 0, usd_cents: int = 0) -> None:
        self.keys[api_key] = name
        self.net.credit(f"{name}:BTC", btc_sat * 1000)
        self.net.credit(f"{name}:USD", round(usd_cents / self.cents_per_sat * 1000))

    def wallet_ids(self, name: str) -> dict[str, str]:
        return {"BTC": f"{name}:BTC", "USD": f"{name}:USD"}

    def balance(self, wallet_id: str) -> float:
        msat = self.net.account(wallet_id).balance_msat
        if wallet_id.endswith(":BTC"):
            return msat // 1000
        cents = msat / 1000 * self.cents_per_sat
        return round(cents, 2) if self.flash else int(cents)

    # --- the app -----------------------------------------------------------------------------------

    def app(self) -> web.Application:
        app = web.Application()
        app.add_routes([web.get("/graphql", self._websocket), web.post("/graphql", self._http)])
        return app

    @staticmethod
    def _top_error(code: str, message: str, **extra: Any) -> web.Response:
        return web.json_response(
            {"errors": [{"message": message, "extensions": {"code": code, **extra}}], "data": None}
        )

    async def _http(self, request: web.Request) -> web.Response:
        self.requests += 1
        if self.rate_limit_every and self.requests % self.rate_limit_every == 0:
            self.rate_limited += 1
            if self.flash:
                return self._top_error("TOO_MANY_REQUESTS", "Too many requests", retryAfterSeconds=0.2)
            return self._top_error("TOO_MANY_REQUEST", "Too many requests")
        account = self.keys.get(request.headers.get("X-API-KEY", ""))
        if account is None:
            return self._top_error("NOT_AUTHORIZED", "Not authorized")
        body = await request.json()
        query, variables = str(body.get("query", "")), body.get("variables") or {}
        root = next((f for f in _FIELDS if re.search(rf"\b{f}\b", query)), None)
        if root is None:
            return self._top_error("GRAPHQL_VALIDATION_FAILED", "Unknown operation")
        if self.flash and root in ("lnInvoicePaymentStatusByHash", "transactionsByPaymentHash"):
            on_type = "Query" if "Status" in root else "Wallet"
            return self._top_error("GRAPHQL_VALIDATION_FAILED", f'Cannot query field "{root}" on type "{on_type}".')
        self.operations.append(root)
        try:
            data = self._execute(root, account, variables)
        except _Invalid as exc:
            return self._top_error("GRAPHQL_VALIDATION_FAILED", str(exc))
        return web.json_response({"data": data})

    def _execute(self, root: str, account: str, variables: dict[str, Any]) -> dict[str, Any]:
        inp = variables.get("input") or {}
        wallets = self.wallet_ids(account)
        if root == "me":
            return {"me": {"defaultAccount": {"wallets": [
                {"id": wid, "walletCurrency": cur, "balance": self.balance(wid)} for cur, wid in wallets.items()
            ]}}}  # fmt: skip
        if root == "transactionsByPaymentHash":
            wid, payment_hash = variables["walletId"], variables["hash"]
            out = self.net.account(wid).outgoing.get(payment_hash)
            txs = []
            if out is not None:
                txs.append({"status": _SEND_STATUS[out.state], "direction": "SEND",
                            "settlementVia": {"preImage": out.preimage}})  # fmt: skip
            return {"me": {"defaultAccount": {"walletById": {"transactionsByPaymentHash": txs}}}}
        if root == "realtimePrice":
            return {"realtimePrice": {"btcSatPrice": {"base": self.price_base, "offset": self.price_offset}}}
        wallet_id = inp.get("walletId")
        if wallet_id is not None and wallet_id not in wallets.values():
            return {root: {"errors": [{"message": "Invalid walletId for account.", "path": ["walletId"],
                                       "code": "INVALID_INPUT"}]}}  # fmt: skip
        if root in (
            "lnInvoiceCreate",
            "lnUsdInvoiceCreate",
            "lnNoAmountInvoiceCreate",
            "lnUsdInvoiceBtcDenominatedCreate",
        ):
            if root == "lnUsdInvoiceCreate":
                msat = round(int(inp["amount"]) / self.cents_per_sat * 1000)
            elif root == "lnNoAmountInvoiceCreate":
                msat = 0
            else:
                msat = int(inp["amount"]) * 1000
            inv = self.net.create_invoice(wallet_id, msat or None, memo=inp.get("memo", ""),
                                          expiry=int(inp.get("expiresIn", 1440)) * 60)  # fmt: skip
            created = {"paymentRequest": inv.bolt11, "paymentHash": inv.payment_hash, "satoshis": msat // 1000,
                       "paymentStatus": "PENDING"}  # fmt: skip
            return {root: {"errors": [], "invoice": created}}
        if root in ("lnInvoicePaymentStatusByHash", "lnInvoicePaymentStatus"):
            if root == "lnInvoicePaymentStatus":
                try:
                    payment_hash = decode_bolt11(inp["paymentRequest"])[0]
                except BackendError as exc:
                    raise _Invalid("Invalid paymentRequest") from exc
            else:
                payment_hash = inp["paymentHash"]
            inv = self.net.invoice_state(payment_hash)
            status = "PENDING"
            if inv is not None:
                status = {PaymentState.SETTLED: "PAID", PaymentState.FAILED: "EXPIRED"}.get(inv.state, "PENDING")
            return {root: {"errors": [], "status": status, "paymentHash": payment_hash}}
        # payments
        try:
            payment_hash, invoice_msat, _ = decode_bolt11(inp.get("paymentRequest", ""))
        except BackendError:
            return {root: {"errors": [{"message": "Invalid payment request", "path": ["paymentRequest"],
                                       "code": "INVALID_INPUT"}], "status": "FAILURE"}}  # fmt: skip
        inv = self.net.invoices.get(payment_hash)
        if inv is not None and inv.payee == wallet_id:
            return {root: {"errors": [{"message": "User tried to pay themselves", "code": "CANT_PAY_SELF"}],
                           "status": "FAILURE"}}  # fmt: skip
        previous = self.net.account(wallet_id).outgoing.get(payment_hash)
        if (inv is not None and inv.state is PaymentState.SETTLED) or (
            previous is not None and previous.state is PaymentState.SETTLED
        ):
            return {root: {"errors": [], "status": "ALREADY_PAID", "transaction": None}}
        amount_msat: int | None = None
        if root == "lnNoAmountInvoicePaymentSend":
            amount_msat = int(inp["amount"]) * 1000
        elif root == "lnNoAmountUsdInvoicePaymentSend":
            amount_msat = round(int(inp["amount"]) / self.cents_per_sat * 1000)
        if invoice_msat is None and amount_msat is None:
            return {root: {"errors": [{"message": "Invoice has no amount", "code": "INVALID_INPUT"}],
                           "status": "FAILURE"}}  # fmt: skip
        needed = invoice_msat or amount_msat or 0
        if self.net.account(wallet_id).balance_msat < needed:
            return {root: {"errors": [{"message": f"Payment amount '{needed // 1000}' exceeds balance",
                                       "code": "INSUFFICIENT_BALANCE"}], "status": "FAILURE"}}  # fmt: skip
        out = self.net.pay(wallet_id, inp["paymentRequest"], amount_msat=amount_msat if invoice_msat is None else None)
        result: dict[str, Any] = {"errors": [], "status": _SEND_STATUS[out.state]}
        if not self.flash:
            result["transaction"] = {"settlementVia": {"preImage": out.preimage}, "settlementFee": out.fee_msat // 1000}
        return {root: result}

    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(protocols=("graphql-transport-ws",))
        await ws.prepare(request)
        tasks: list[asyncio.Task[None]] = []
        try:
            first = await ws.receive()
            init = json.loads(first.data) if first.type == WSMsgType.TEXT else {}
            account = self.keys.get(str((init.get("payload") or {}).get("X-API-KEY", "")))
            if init.get("type") != "connection_init" or account is None or self.flash:
                # Flash: API keys cannot subscribe.
                await ws.close(code=4403, message=b"Forbidden")
                return ws
            await ws.send_str(json.dumps({"type": "connection_ack"}))
            async for msg in ws:
                if msg.type != WSMsgType.TEXT:
                    break
                message = json.loads(msg.data)
                if message.get("type") == "subscribe" and "myUpdates" in str(message.get("payload")):
                    tasks.append(asyncio.create_task(self._updates(ws, str(message["id"]), account)))
                elif message.get("type") == "ping":
                    await ws.send_str(json.dumps({"type": "pong"}))
        finally:
            for task in tasks:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        return ws

    async def _updates(self, ws: web.WebSocketResponse, sub_id: str, account: str) -> None:
        wallet_id = self.wallet_ids(account)["BTC"]

        async def one(wid: str) -> None:
            async for paid in self.net.subscribe(wid):
                sats = paid.amount_msat // 1000
                update = {"status": "PAID", "walletId": wid, "transaction": {
                    "settlementAmount": sats if wid.endswith(":BTC") else round(sats * self.cents_per_sat),
                    "initiationVia": {"paymentHash": paid.payment_hash}}}  # fmt: skip
                payload = {"data": {"myUpdates": {"update": update}}}
                message = json.dumps({"id": sub_id, "type": "next", "payload": payload})
                # Blink may repeat an update: the client must deduplicate.
                await ws.send_str(message)
                await ws.send_str(message)

        await asyncio.gather(one(wallet_id), one(self.wallet_ids(account)["USD"]))


class _Invalid(Exception):
    pass
