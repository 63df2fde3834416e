"""A faithful local Core Lightning clnrest server over one account of a ``FakeNetwork``.

From shared/reference/lightning-backends.md and CLN's JSON-RPC: ``POST /v1/<method>`` with a ``rune`` header;
RPC errors as ``{"code", "message"}`` (HTTP 500), a bad rune as 401; ``pay`` error codes 201/205/206/207,
``waitanyinvoice`` timing out with code 904.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from typing import Any

from aiohttp import web

from backends._http import decode_bolt11
from backends.fake import FakeNetwork
from core.errors import BackendError
from core.ports.lightning import PaymentState

__all__ = ["cln_app"]


def _err(code: int, message: str) -> web.Response:
    return web.json_response({"code": code, "message": message}, status=500)


def cln_app(net: FakeNetwork, account: str, rune: str | None = None) -> tuple[web.Application, str]:
    rune = rune or secrets.token_urlsafe(32)
    net.account(account)
    pay_index: dict[str, int] = {}  # payment hash → pay_index (order of settlement)
    changed = asyncio.Condition()

    async def on_paid() -> None:
        with contextlib.suppress(asyncio.CancelledError):
            async for paid in net.subscribe(account):
                pay_index[paid.payment_hash] = len(pay_index) + 1
                async with changed:
                    changed.notify_all()

    def invoice_json(payment_hash: str) -> dict[str, Any]:
        inv = net.invoice_state(payment_hash)
        assert inv is not None
        status = {PaymentState.SETTLED: "paid", PaymentState.FAILED: "expired"}.get(inv.state, "unpaid")
        data: dict[str, Any] = {
            "label": f"label-{payment_hash[:8]}",
            "bolt11": inv.bolt11,
            "payment_hash": payment_hash,
            "status": status,
            "description": inv.memo,
            "expires_at": int(inv.expires_at),
        }
        if inv.amount_msat:
            data["amount_msat"] = inv.amount_msat
        if status == "paid":
            data.update(
                pay_index=pay_index.get(payment_hash, 0),
                amount_received_msat=inv.paid_msat,
                paid_at=int(inv.settled_at or 0),
                payment_preimage=inv.preimage,
            )
        return data

    async def handle(request: web.Request) -> web.Response:
        if request.headers.get("rune") != rune:
            return web.json_response({"code": 1502, "message": "Not authorized: Not derived from master"}, status=401)
        method = request.match_info["method"]
        params = await request.json() if request.can_read_body else {}
        if method == "listfunds":
            msat = net.account(account).balance_msat
            return web.json_response(
                {"outputs": [], "channels": [{"peer_id": "02" + "ab" * 32, "our_amount_msat": msat,
                                              "amount_msat": msat, "state": "CHANNELD_NORMAL"}]}
            )  # fmt: skip
        if method == "invoice":
            amount = params.get("amount_msat")
            if "label" not in params or "description" not in params or amount is None:
                return _err(-32602, "missing required parameter")
            inv = net.create_invoice(
                account, None if amount == "any" else int(amount), memo=params["description"],
                expiry=int(params.get("expiry", 604800)),
            )  # fmt: skip
            return web.json_response(
                {"payment_hash": inv.payment_hash, "expires_at": int(inv.expires_at), "bolt11": inv.bolt11,
                 "payment_secret": secrets.token_hex(32), "created_index": len(net.invoices)}
            )  # fmt: skip
        if method == "pay":
            try:
                payment_hash, invoice_msat, _ = decode_bolt11(params.get("bolt11", ""))
            except BackendError:
                return _err(-32602, "Invalid bolt11: Bad bech32 string")
            previous = net.account(account).outgoing.get(payment_hash)
            if previous is not None and previous.state is PaymentState.SETTLED:
                return _err(201, "Already paid with this hash")
            if invoice_msat is None and "amount_msat" not in params:
                return _err(-32602, "amount_msat parameter required")
            inv = net.invoices.get(payment_hash)
            if inv is not None and inv.expired:
                return _err(207, "Invoice expired")
            out = net.pay(
                account, params["bolt11"], amount_msat=params.get("amount_msat"), fee_limit_msat=params.get("maxfee")
            )
            if out.state is PaymentState.FAILED:
                return _err(205, "Ran out of routes to try after 1 attempt: see `paystatus`")
            if out.state is PaymentState.PENDING:
                return _err(200, "Payment is still in progress")
            return web.json_response(
                {"payment_preimage": out.preimage, "payment_hash": payment_hash, "status": "complete",
                 "amount_msat": out.amount_msat, "amount_sent_msat": out.amount_msat + out.fee_msat, "parts": 1,
                 "destination": "02" + "cd" * 32, "created_at": 0}
            )  # fmt: skip
        if method == "listinvoices":
            hashes = [params["payment_hash"]] if params.get("payment_hash") else list(net.invoices)
            found = [invoice_json(h) for h in hashes if h in net.invoices and net.invoices[h].payee == account]
            return web.json_response({"invoices": found})
        if method == "listpays":
            outgoing = net.account(account).outgoing
            hashes = [params["payment_hash"]] if params.get("payment_hash") else list(outgoing)
            status = {PaymentState.SETTLED: "complete", PaymentState.FAILED: "failed", PaymentState.PENDING: "pending"}
            pays = [
                {"payment_hash": h, "status": status[outgoing[h].state], "preimage": outgoing[h].preimage,
                 "amount_msat": outgoing[h].amount_msat}
                for h in hashes if h in outgoing
            ]  # fmt: skip
            return web.json_response({"pays": pays})
        if method == "waitanyinvoice":
            last = int(params.get("lastpay_index", 0))
            timeout = params.get("timeout")

            def newer() -> str | None:
                for h, index in sorted(pay_index.items(), key=lambda kv: kv[1]):
                    if index > last:
                        return h
                return None

            try:
                async with asyncio.timeout(timeout), changed:
                    await changed.wait_for(lambda: newer() is not None)
            except TimeoutError:
                return _err(904, "Timed out")
            found = newer()
            assert found is not None
            return web.json_response(invoice_json(found))
        return _err(-32601, f"Unknown command '{method}'")

    async def start_listener(app: web.Application) -> Any:
        task = asyncio.create_task(on_paid())
        await asyncio.sleep(0)
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    app = web.Application()
    app.cleanup_ctx.append(start_listener)
    app.add_routes([web.post("/v1/{method}", handle)])
    return app, rune
