"""A NUT-17 notification that does not parse ("change": [0], 1e999, deep nesting) ends the websocket, not the
wait: the client falls back to polling the same state over the strict HTTP path."""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from websockets.asyncio.server import ServerConnection, serve

from core.mint_client import ws
from core.mint_client.http import MintClient
from core.ports.mint_types import MeltQuote, MeltQuoteState

QUOTE = {"quote": "q1", "request": "lnbc1", "amount": 8, "unit": "sat", "fee_reserve": 2, "state": "PENDING"}


@pytest.mark.parametrize(
    "payload",
    [
        '{"quote": "q1", "amount": 8, "fee_reserve": 2, "state": "PAID", "change": [0]}',
        '{"quote": "q1", "amount": 1e999, "fee_reserve": 2, "state": "PAID"}',
        "[" * 3000,
    ],
    ids=["change [0]", "1e999", "deep nesting"],
)
async def test_a_bad_notification_falls_back_to_polling(payload: str) -> None:
    async def mint(conn: ServerConnection) -> None:
        request = json.loads(await conn.recv())
        sub = request["params"]["subId"]
        await conn.send(json.dumps({"jsonrpc": "2.0", "result": {"status": "OK", "subId": sub}, "id": request["id"]}))
        head = json.dumps({"jsonrpc": "2.0", "method": "subscribe", "params": {"subId": sub, "payload": 0}})
        note = head.replace('"payload": 0', '"payload": ' + payload)
        await conn.send(note)
        with contextlib.suppress(Exception):
            await conn.recv()

    polled: list[int] = []

    async def poll() -> list[MeltQuote]:
        polled.append(1)
        return [MeltQuote.from_json({**QUOTE, "state": "PAID"})]

    client = MintClient("http://127.0.0.1:1")
    async with serve(mint, "127.0.0.1", 0) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        stream = ws.watch(
            ws_url=f"ws://127.0.0.1:{port}",
            kind="bolt11_melt_quote",
            filters=["q1"],
            parse=client._parser(MeltQuote.from_json),
            key=lambda q: q.quote,
            poll=poll,
            poll_interval=0.05,
        )
        async with contextlib.aclosing(stream):
            first: Any = await anext(stream)
    await client.aclose()
    assert first.state is MeltQuoteState.PAID and polled, "the state came from polling"
