"""A faithful local LND REST server (grpc-gateway shapes) over one account of a ``FakeNetwork``.

Written from the facts in shared/reference/lightning-backends.md: macaroon header, HTTPS with a self-signed
certificate, int64 as strings, bytes as base64, NDJSON streams for ``/v2/router/send``, ``/v2/router/track``
and ``/v1/invoices/subscribe``, errors as ``{"code", "message", "details"}`` (gRPC status codes).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import secrets
from typing import Any

from aiohttp import web

from backends._http import decode_bolt11
from backends.fake import FakeNetwork
from core.errors import BackendError
from core.ports.lightning import PaymentState

__all__ = ["lnd_app"]

_STATUS = {PaymentState.SETTLED: "SUCCEEDED", PaymentState.FAILED: "FAILED", PaymentState.PENDING: "IN_FLIGHT"}


def _b64(hex_str: str) -> str:
    return base64.b64encode(bytes.fromhex(hex_str)).decode()


def _grpc_error(code: int, message: str, http_status: int) -> web.Response:
    return web.json_response({"code": code, "message": message, "details": []}, status=http_status)


def lnd_app(net: FakeNetwork, account: str, macaroon: str | None = None) -> tuple[web.Application, str]:
    """An app serving ``account``; returns (app, macaroon hex)."""
    macaroon = macaroon or secrets.token_hex(32)
    net.account(account)

    @web.middleware
    async def auth(request: web.Request, handler: Any) -> web.StreamResponse:
        if request.headers.get("Grpc-Metadata-macaroon") != macaroon:
            # LND: gRPC Unknown (2) mapped to HTTP 500 by the gateway.
            return _grpc_error(2, "verification failed: signature mismatch after caveat verification", 500)
        response: web.StreamResponse = await handler(request)
        return response

    def invoice_json(payment_hash: str) -> dict[str, Any]:
        inv = net.invoice_state(payment_hash)
        assert inv is not None
        state = {PaymentState.SETTLED: "SETTLED", PaymentState.FAILED: "CANCELED"}.get(inv.state, "OPEN")
        return {
            "memo": inv.memo,
            "r_preimage": _b64(inv.preimage),
            "r_hash": _b64(inv.payment_hash),
            "value": str((inv.amount_msat or 0) // 1000),
            "value_msat": str(inv.amount_msat or 0),
            "settled": state == "SETTLED",
            "state": state,
            "amt_paid_msat": str(inv.paid_msat),
            "amt_paid_sat": str(inv.paid_msat // 1000),
            "payment_request": inv.bolt11,
            "expiry": str(int(inv.expires_at)),
        }

    def payment_json(payment_hash: str) -> dict[str, Any]:
        out = net.account(account).outgoing[payment_hash]
        return {
            "payment_hash": payment_hash,
            "value_msat": str(out.amount_msat),
            "value_sat": str(out.amount_msat // 1000),
            "payment_preimage": out.preimage or "0" * 64,
            "status": _STATUS[out.state],
            "fee_msat": str(out.fee_msat),
            "failure_reason": "FAILURE_REASON_INSUFFICIENT_BALANCE"
            if out.state is PaymentState.FAILED
            else "FAILURE_REASON_NONE",
        }

    async def balance(request: web.Request) -> web.Response:
        msat = net.account(account).balance_msat
        return web.json_response(
            {
                "balance": str(msat // 1000),
                "local_balance": {"sat": str(msat // 1000), "msat": str(msat)},
                "remote_balance": {"sat": "0", "msat": "0"},
            }
        )

    async def add_invoice(request: web.Request) -> web.Response:
        body = await request.json()
        value_msat = int(body.get("value_msat") or 0) or int(body.get("value") or 0) * 1000
        dh = base64.b64decode(body["description_hash"]) if body.get("description_hash") else None
        inv = net.create_invoice(
            account, value_msat or None, memo=body.get("memo", ""), description_hash=dh,
            expiry=int(body.get("expiry") or 86400),
        )  # fmt: skip
        return web.json_response(
            {"r_hash": _b64(inv.payment_hash), "payment_request": inv.bolt11, "add_index": str(len(net.invoices))}
        )

    async def lookup_invoice(request: web.Request) -> web.Response:
        payment_hash = request.match_info["r_hash"]
        if net.invoice_state(payment_hash) is None or net.invoices[payment_hash].payee != account:
            return _grpc_error(5, "unable to locate invoice", 404)
        return web.json_response(invoice_json(payment_hash))

    async def ndjson(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        await response.prepare(request)
        return response

    async def send(request: web.Request) -> web.StreamResponse:
        body = await request.json()
        response = await ndjson(request)
        try:
            payment_hash, invoice_msat, _ = decode_bolt11(body.get("payment_request", ""))
        except BackendError:
            await _line(response, {"error": {"code": 2, "message": "invalid payment request"}})
            return response
        previous = net.account(account).outgoing.get(payment_hash)
        if previous is not None and previous.state is PaymentState.SETTLED:
            await _line(response, {"error": {"code": 6, "message": "invoice is already paid"}})
            return response
        if invoice_msat is None and not int(body.get("amt_msat") or 0):
            await _line(
                response,
                {"error": {"code": 2, "message": "amount must be specified when paying a zero amount invoice"}},
            )
            return response
        fee_limit = int(body["fee_limit_msat"]) if body.get("fee_limit_msat") else None
        out = net.pay(
            account,
            body["payment_request"],
            amount_msat=int(body.get("amt_msat") or 0) or None,
            fee_limit_msat=fee_limit,
        )
        if not body.get("no_inflight_updates"):
            await _line(response, {"result": {**payment_json(payment_hash), "status": "IN_FLIGHT"}})
        if out.state is not PaymentState.PENDING:
            await _line(response, {"result": payment_json(payment_hash)})
            return response
        # Held in flight: keep the stream open until the test releases it.
        while net.account(account).outgoing[payment_hash].state is PaymentState.PENDING:  # noqa: ASYNC110
            await asyncio.sleep(0.05)
        await _line(response, {"result": payment_json(payment_hash)})
        return response

    async def track(request: web.Request) -> web.StreamResponse:
        payment_hash = base64.urlsafe_b64decode(request.match_info["hash"]).hex()
        response = await ndjson(request)
        if payment_hash not in net.account(account).outgoing:
            await _line(response, {"error": {"code": 5, "message": "payment isn't initiated"}})
        else:
            await _line(response, {"result": payment_json(payment_hash)})
        return response

    async def subscribe(request: web.Request) -> web.StreamResponse:
        response = await ndjson(request)
        with contextlib.suppress(ConnectionResetError, asyncio.CancelledError):
            async for paid in net.subscribe(account):
                await _line(response, {"result": invoice_json(paid.payment_hash)})
        return response

    app = web.Application(middlewares=[auth])
    app.add_routes(
        [
            web.get("/v1/balance/channels", balance),
            web.post("/v1/invoices", add_invoice),
            web.get("/v1/invoice/{r_hash}", lookup_invoice),
            web.post("/v2/router/send", send),
            web.get("/v2/router/track/{hash}", track),
            web.get("/v1/invoices/subscribe", subscribe),
        ]
    )
    return app, macaroon


async def _line(response: web.StreamResponse, data: dict[str, Any]) -> None:
    await response.write((json.dumps(data) + "\n").encode())
