"""MintClient without a network: the recorded nutshell exchanges replayed through httpx.MockTransport."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.server import ServerConnection, serve

from core.errors import (
    MintRejected,
    MintUnreachable,
    ProofsAlreadySpent,
    ProtocolError,
    QuoteExpired,
    QuoteNotPaid,
)
from core.mint_client import ws
from core.mint_client.http import MintClient
from core.ports.mint_types import (
    MeltQuoteState,
    MintInfo,
    MintQuote,
    MintQuoteState,
    ProofStateValue,
    blinded_message_from_json,
)
from core.protocol.models import DLEQ, Proof
from tests.peers.ports import free_port

# Exchanges recorded from a nutshell mint, kept in the repository (a fresh clone runs every test here).
SAMPLES = Path(__file__).resolve().parents[1] / "vectors" / "mint-http"

MINT = "https://mint.test"  # plain http is only for loopback mints (core.config.check_mint_url)


def sample(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLES / f"{name}.json").read_text())
    return data


Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A MockTransport that answers from a route table and remembers every request."""

    def __init__(self, routes: dict[tuple[str, str], Handler | dict[str, Any]]) -> None:
        self.routes = routes
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = self.routes[(request.method, request.url.path)]
        if callable(route):
            return route(request)
        return httpx.Response(route["status"], json=route["response"])

    def body(self, index: int = -1) -> Any:
        return json.loads(self.requests[index].content)


def client_for(routes: dict[tuple[str, str], Any], **kwargs: Any) -> tuple[MintClient, Recorder]:
    recorder = Recorder(routes)
    return MintClient(MINT + "//", transport=httpx.MockTransport(recorder), **kwargs), recorder


def route_of(name: str) -> dict[tuple[str, str], dict[str, Any]]:
    data = sample(name)
    return {(data["method"], data["path"]): data}


async def test_recorded_info_keys_keysets() -> None:
    routes = route_of("get_info") | route_of("get_keys") | route_of("get_keysets")
    client, _ = client_for(routes)
    async with client:
        assert client.url == MINT
        info = await client.get_info()
        assert info.name == "scout test mint" and info.version == "Nutshell/0.21.0"
        assert info.supports(17) and info.supports(4) and not info.supports(15)
        assert info.websocket_commands() == {"bolt11_melt_quote", "proof_state", "bolt11_mint_quote"}
        assert not info.supports_amountless_melt()
        keys = await client.get_keys()
        assert keys.keysets[0].keys[1].startswith("03") and keys.keysets[0].input_fee_ppk == 100
        (keyset,) = await client.get_keysets()
        assert keyset.id.startswith("01") and keyset.input_fee_ppk == 100 and keyset.active


def test_amountless_melt_flag_in_info() -> None:
    info = MintInfo.from_json(
        {"nuts": {"5": {"methods": [{"method": "bolt11", "unit": "sat", "options": {"amountless": True}}]}}}
    )
    assert info.supports_amountless_melt()
    assert not info.supports_amountless_melt(unit="usd")
    assert not MintInfo.from_json({"nuts": {"5": {"disabled": True, "methods": []}}}).supports(5)


async def test_recorded_quotes_mint_melt_swap_checkstate_restore() -> None:
    routes: dict[tuple[str, str], Any] = {}
    for name in (
        "post_mint_quote_bolt11",
        "get_mint_quote_bolt11_id",
        "post_mint_bolt11",
        "post_melt_quote_bolt11",
        "get_melt_quote_bolt11_id",
        "post_melt_bolt11",
        "post_swap",
        "post_checkstate",
        "post_restore",
    ):
        routes |= route_of(name)
    client, rec = client_for(routes)
    async with client:
        quote = await client.post_mint_quote(500, "sat", pubkey="02" + "11" * 32, description="")
        assert rec.body() == {"amount": 500, "unit": "sat", "description": "", "pubkey": "02" + "11" * 32}
        assert quote.state is MintQuoteState.UNPAID and quote.expiry == 1795318927 and quote.pubkey

        issued = await client.get_mint_quote(quote.quote)
        assert issued.state is MintQuoteState.ISSUED and issued.paid and issued.expiry is None

        mint_req = sample("post_mint_bolt11")["request"]
        outputs = [blinded_message_from_json(o) for o in mint_req["outputs"]]
        signatures = await client.post_mint(quote.quote, outputs, signature=mint_req["signature"])
        assert rec.body() == mint_req
        assert len(signatures) == len(outputs) and signatures[0].dleq is not None

        melt_quote = await client.post_melt_quote(sample("post_melt_quote_bolt11")["request"]["request"], "sat")
        assert melt_quote.fee_reserve == 2 and melt_quote.state is MeltQuoteState.UNPAID and melt_quote.change == []
        assert "options" not in rec.body()

        paid = await client.get_melt_quote(melt_quote.quote)
        assert paid.state is MeltQuoteState.PAID and paid.payment_preimage == "0" * 64 and len(paid.change) == 1

        melt_req = sample("post_melt_bolt11")["request"]
        inputs = [Proof.from_json(p) for p in melt_req["inputs"]]
        blanks = [blinded_message_from_json(o) for o in melt_req["outputs"]]
        melted = await client.post_melt(melt_quote.quote, inputs, blanks)
        assert melted.state is MeltQuoteState.PAID and melted.change[0].amount == 1
        assert rec.body()["outputs"] == melt_req["outputs"]
        # A melt may block for minutes while Lightning pays: no short read timeout.
        assert client._melt_deadline >= 600  # past the ordinary deadline the melt polls its quote
        assert rec.requests[-1].extensions["timeout"]["connect"] == 10

        swap_req = sample("post_swap")["request"]
        swap_sigs = await client.post_swap(
            [Proof.from_json(p) for p in swap_req["inputs"]],
            [blinded_message_from_json(o) for o in swap_req["outputs"]],
        )
        assert len(swap_sigs) == 10
        assert rec.requests[-1].extensions["timeout"]["read"] == 30

        ys = sample("post_checkstate")["request"]["Ys"]
        states = await client.post_checkstate(ys)
        assert [s.Y for s in states] == ys and states[0].state is ProofStateValue.SPENT
        assert rec.body() == {"Ys": ys}

        restore_outputs = outputs
        restored_outputs, restored_sigs = await client.post_restore(restore_outputs)
        assert len(restored_outputs) == len(restored_sigs) == 25
        assert rec.body() == {"outputs": [o.to_json() for o in restore_outputs]}


async def test_request_bodies_leave_out_optional_fields() -> None:
    melt = sample("post_melt_bolt11")["response"]
    routes = {
        ("POST", "/v1/melt/quote/bolt11"): sample("post_melt_quote_bolt11"),
        ("POST", "/v1/melt/bolt11"): {"status": 200, "response": melt},
        ("POST", "/v1/mint/quote/bolt11"): sample("post_mint_quote_bolt11"),
    }
    client, rec = client_for(routes)
    async with client:
        await client.post_mint_quote(8, "sat")
        assert rec.body() == {"amount": 8, "unit": "sat"}
        await client.post_melt_quote("lnbc1", "sat", amountless_amount_msat=5000)
        assert rec.body() == {"request": "lnbc1", "unit": "sat", "options": {"amountless": {"amount_msat": 5000}}}
        proof = Proof(id="01" + "a" * 64, amount=1, secret="s", C="02" + "b" * 64, dleq=DLEQ("e", "s", "r"))
        await client.post_melt("q", [proof])
        # No blanks: no outputs key; DLEQ proofs are for receivers, not for the mint.
        assert rec.body() == {"quote": "q", "inputs": [{"id": proof.id, "amount": 1, "secret": "s", "C": proof.C}]}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (11001, ProofsAlreadySpent),
        (20001, QuoteNotPaid),
        (20007, QuoteExpired),
        (20004, MintRejected),
        (11013, MintRejected),
        (0, MintRejected),
    ],
)
async def test_400_becomes_mint_rejected_with_the_code(code: int, expected: type[Exception]) -> None:
    def answer(_: httpx.Request) -> httpx.Response:
        return httpx.Response(400, json={"detail": "nope", "code": code})

    client, rec = client_for({("POST", "/v1/swap"): answer})
    async with client:
        with pytest.raises(expected) as info:
            await client.post_swap([], [])
    assert isinstance(info.value, MintRejected)
    assert info.value.mint_code == code and info.value.detail == "nope"
    assert len(rec.requests) == 1


async def test_recorded_error_bodies() -> None:
    routes = route_of("post_swap_err400_1") | route_of("get_mint_quote_bolt11_id_err400_1")
    client, _ = client_for(routes)
    async with client:
        with pytest.raises(ProofsAlreadySpent):
            await client.post_swap([], [])
        with pytest.raises(MintRejected) as info:
            await client.get_mint_quote("doesnotexist")
        assert info.value.mint_code == 0 and info.value.detail == "quote not found"


async def test_other_4xx_are_rejections_without_code() -> None:
    def not_found(_: httpx.Request) -> httpx.Response:
        return httpx.Response(404, text="Not Found")

    def invalid(_: httpx.Request) -> httpx.Response:
        return httpx.Response(422, json={"detail": [{"loc": ["body", "amount"], "msg": "field required"}]})

    client, _ = client_for({("GET", "/v1/keysets"): not_found, ("POST", "/v1/mint/quote/bolt11"): invalid})
    async with client:
        with pytest.raises(MintRejected) as info:
            await client.get_keysets()
        assert info.value.mint_code is None and "404" in info.value.detail
        with pytest.raises(MintRejected) as info:
            await client.post_mint_quote(1, "sat")
        assert "field required" in info.value.detail


async def test_5xx_is_outcome_unknown_and_only_gets_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("core.mint_client.http._GET_BACKOFF", (0.0, 0.0))

    def broken(_: httpx.Request) -> httpx.Response:
        return httpx.Response(502, text="bad gateway")

    client, rec = client_for({("GET", "/v1/keysets"): broken, ("POST", "/v1/swap"): broken})
    async with client:
        with pytest.raises(MintUnreachable) as info:
            await client.get_keysets()
        assert info.value.sent is True and len(rec.requests) == 3
        with pytest.raises(MintUnreachable) as info:
            await client.post_swap([], [])
        assert info.value.sent is True and len(rec.requests) == 4


async def test_get_retry_recovers_from_a_blip(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("core.mint_client.http._GET_BACKOFF", (0.0, 0.0))
    calls = 0

    def flaky(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, json=sample("get_keysets")["response"])

    client, _ = client_for({("GET", "/v1/keysets"): flaky})
    async with client:
        assert len(await client.get_keysets()) == 1
    assert calls == 2


@pytest.mark.parametrize(
    ("exc", "sent"),
    [
        (httpx.ConnectError("refused"), False),
        (httpx.ConnectTimeout("slow connect"), False),
        (httpx.ReadTimeout("slow answer"), True),
        (httpx.RemoteProtocolError("server disconnected"), True),
        (httpx.ReadError("reset"), True),
        (httpx.WriteTimeout("slow write"), True),
    ],
)
async def test_transport_errors_say_whether_the_request_left(exc: httpx.TransportError, sent: bool) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise exc

    client, _ = client_for({("POST", "/v1/swap"): fail})
    async with client:
        with pytest.raises(MintUnreachable) as info:
            await client.post_swap([], [])
    assert info.value.sent is sent and info.value.mint_url == MINT
    assert info.value.__cause__ is exc


async def test_malformed_answers() -> None:
    def garbage(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<html>")

    def wrong_shape(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"unexpected": True})

    client, _ = client_for({("GET", "/v1/keysets"): garbage, ("POST", "/v1/swap"): wrong_shape})
    async with client:
        with pytest.raises(ProtocolError):
            await client.get_keysets()
        # The mint said 200 to a swap: it acted even though we cannot read the answer.
        with pytest.raises(MintUnreachable) as info:
            await client.post_swap([], [])
        assert info.value.sent is True


async def test_client_options() -> None:
    client, _ = client_for({})
    async with client:
        assert client.http.trust_env is False
        assert client.http.timeout.connect == 10 and client.http.timeout.read == 30
    assert client.closed


# --- NUT-17 ------------------------------------------------------------------------------------------


def _ws_messages() -> list[dict[str, Any]]:
    recorded = json.loads((SAMPLES / "ws_nut17_mint_quote_subscription.json").read_text())
    return [m["msg"] for m in recorded if m.get("dir") == "mint->client"]


@contextlib.asynccontextmanager
async def fake_ws_mint(state_before_result: bool) -> AsyncIterator[tuple[str, list[dict[str, Any]]]]:
    """A websocket server speaking the recorded NUT-17 exchange (payloads re-addressed to the client's subId)."""
    received: list[dict[str, Any]] = []
    result, *notifications = _ws_messages()

    async def handler(conn: ServerConnection) -> None:
        async for raw in conn:
            msg = json.loads(raw)
            received.append(msg)
            if msg["method"] != "subscribe":
                continue
            sub_id = msg["params"]["subId"]
            answer = {**result, "id": msg["id"], "result": {"status": "OK", "subId": sub_id}}
            updates = [{**n, "params": {**n["params"], "subId": sub_id}} for n in notifications]
            order = [updates[0], answer, *updates[1:]] if state_before_result else [answer, *updates]
            for item in order:
                await conn.send(json.dumps(item))

    async with serve(handler, "127.0.0.1", 0) as server:
        port = next(iter(server.sockets)).getsockname()[1]
        yield f"ws://127.0.0.1:{port}/v1/ws", received


@pytest.mark.parametrize("state_before_result", [False, True])
async def test_subscription_replays_recorded_exchange(state_before_result: bool) -> None:
    async def no_poll() -> list[MintQuote]:
        raise AssertionError("polled although the websocket works")

    async with fake_ws_mint(state_before_result) as (url, received):
        stream = ws.watch(
            ws_url=url,
            kind="bolt11_mint_quote",
            filters=["01a20121-e221-72ab-a710-0e8671a5571c"],
            parse=MintQuote.from_json,
            key=lambda q: q.quote,
            poll=no_poll,
        )
        async with asyncio.timeout(5), contextlib.aclosing(stream):
            states = [(await anext(stream)).state for _ in range(3)]
        assert states == [MintQuoteState.UNPAID, MintQuoteState.PAID, MintQuoteState.ISSUED]
        for _ in range(50):  # the unsubscribe is sent while the generator closes
            if len(received) == 2:
                break
            await asyncio.sleep(0.01)
    assert received[0]["params"]["kind"] == "bolt11_mint_quote"
    assert received[1]["method"] == "unsubscribe"
    assert received[1]["params"]["subId"] == received[0]["params"]["subId"]


async def test_watch_falls_back_to_polling_when_the_websocket_fails() -> None:
    polls = 0
    base = sample("get_mint_quote_bolt11_id")["response"]

    async def poll() -> list[MintQuote]:
        nonlocal polls
        polls += 1
        if polls == 2:
            raise MintUnreachable("blip", sent=False)  # a transient failure does not end the watch
        state = "UNPAID" if polls < 4 else "PAID"
        return [MintQuote.from_json({**base, "state": state})]

    stream = ws.watch(
        ws_url=f"ws://127.0.0.1:{free_port()}/v1/ws",  # nothing listens: the websocket fails at once
        kind="bolt11_mint_quote",
        filters=[base["quote"]],
        parse=MintQuote.from_json,
        key=lambda q: q.quote,
        poll=poll,
        poll_interval=0.01,
        transient=(MintUnreachable,),
    )
    async with asyncio.timeout(5), contextlib.aclosing(stream):
        first = await anext(stream)
        second = await anext(stream)
    # De-duplicated: UNPAID once, then PAID, although the poll answered UNPAID twice.
    assert (first.state, second.state) == (MintQuoteState.UNPAID, MintQuoteState.PAID)
    assert polls == 4
