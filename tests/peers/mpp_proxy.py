"""A faithful NUT-15 (multi-path payment) front for a REAL nutshell mint whose FakeWallet cannot do MPP.

nutshell's FakeWallet backend has ``supports_mpp = False``: the mint neither advertises ``nuts["15"]`` nor
accepts ``options.mpp``. This proxy adds exactly what NUT-15 specifies and nothing else:
- ``GET /v1/info`` gains ``nuts["15"] = {"methods": [{"method": "bolt11", "unit": "sat"}]}``;
- ``POST /v1/melt/quote/bolt11`` with ``options.mpp.amount`` (msat) is a quote for that PART of the invoice:
  the proxy asks the real mint to quote an invoice for the part with the SAME payment hash (what the part's HTLC
  pays), and answers with the part's amount, the mint's real fee reserve and the ORIGINAL ``request``;
- melt answers and quote lookups show the original ``request`` again. Everything else passes through.
The ecash side is all real (the mint checks, spends the inputs, signs the change, keeps its books). What this
does NOT prove: that a Lightning backend's MPP settles the parts atomically at the payee (FakeWallet pays each
part on its own), nor nutshell's own MPP code paths (LND/CLN backends only).
"""

from __future__ import annotations

import json
from typing import Any

import aiohttp
from aiohttp import web

from tests.peers.nutshell import make_bolt11

__all__ = ["MppProxy"]


class MppProxy:
    def __init__(self, target_url: str) -> None:
        self.target = target_url.rstrip("/")
        self.port = 0
        self.parts: list[dict[str, Any]] = []  # every part quote asked for: {"quote", "amount_msat", "request"}
        self._original: dict[str, str] = {}  # quote id -> the invoice the wallet is paying
        self._runner: web.AppRunner | None = None
        self._session: aiohttp.ClientSession | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._session = aiohttp.ClientSession()
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
        if self._session is not None:
            await self._session.close()

    async def _forward(self, method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
        assert self._session is not None
        headers = {"Content-Type": "application/json"} if body else {}
        async with self._session.request(method, self.target + path, data=body, headers=headers) as answer:
            return answer.status, await answer.read()

    async def _handle(self, request: web.Request) -> web.Response:
        path = request.path_qs
        body = await request.read() if request.can_read_body else None
        if request.method == "POST" and request.path == "/v1/melt/quote/bolt11" and body:
            asked = json.loads(body)
            amount_msat = ((asked.get("options") or {}).get("mpp") or {}).get("amount")
            if amount_msat is not None:
                return await self._part_quote(asked, int(amount_msat))
        status, content = await self._forward(request.method, path, body)
        if status == 200 and request.path == "/v1/info":
            info = json.loads(content)
            info.setdefault("nuts", {})["15"] = {"methods": [{"method": "bolt11", "unit": "sat"}]}
            content = json.dumps(info).encode()
        elif status == 200 and request.path.startswith("/v1/melt/"):
            answer = json.loads(content)
            if isinstance(answer, dict) and answer.get("quote") in self._original:
                answer["request"] = self._original[answer["quote"]]
                content = json.dumps(answer).encode()
        return web.Response(status=status, body=content, content_type="application/json")

    async def _part_quote(self, asked: dict[str, Any], amount_msat: int) -> web.Response:
        from bolt11 import decode

        invoice = decode(asked["request"])
        total = int(invoice.amount_msat or 0)
        if amount_msat <= 0 or amount_msat % 1000 or amount_msat > total:
            error = {"detail": "mpp amount must be a whole sat amount within the invoice", "code": 11006}
            return web.json_response(error, status=400)
        part = make_bolt11(amount_msat // 1000, payment_hash=invoice.payment_hash)
        status, content = await self._forward(
            "POST", "/v1/melt/quote/bolt11", json.dumps({"request": part, "unit": asked.get("unit", "sat")}).encode()
        )
        if status != 200:
            return web.Response(status=status, body=content, content_type="application/json")
        answer = json.loads(content)
        self._original[answer["quote"]] = asked["request"]
        self.parts.append({"quote": answer["quote"], "amount_msat": amount_msat, "request": asked["request"]})
        answer["request"] = asked["request"]
        return web.json_response(answer)
