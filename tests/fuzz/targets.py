"""Fuzz targets: every parser and network reader, each called through the real code path, with the exceptions
its caller handles ("allowed"). Anything else that comes out is an *escape* — a crash of a command, a dead inbox,
a traceback instead of one JSON object.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from backends._http import HttpBackendBase, json_object, relay_message
from backends.lnbits import _parse_notification
from backends.lnd import LndRestBackend
from core.errors import NutdeskError
from core.mint_client.http import MintClient
from core.nostr.crypto import NostrKeys, verify_event
from core.nostr.nip17 import gift_wrap
from core.payments.detect import detect
from core.payments.invoices import decode_invoice
from core.payments.lnurl import LnurlClient, decode_lnurl
from core.payments.rates import ALL_SOURCES, ExchangeRates
from core.payments.requests import PaymentRequestListener, ReceivedPayment
from core.ports.mint_types import MeltQuote, MintQuote, ProofState
from core.pos.nostr import NostrInbox
from core.protocol.jsonread import read_json
from core.protocol.keysets import Keyset
from core.protocol.models import Proof
from core.protocol.nostr_backup import backup_plaintext, parse_backup_plaintext
from core.protocol.payment_requests import PaymentRequest, PaymentRequestPayload, decode_payment_request
from core.protocol.tokens import Token, decode_token
from core.wallet.token_files import AGE_MAGIC, check_age_work_factor

__all__ = ["Target", "build_targets"]

SEEDS = Path(__file__).parent / "seeds"
MINT = "http://127.0.0.1:3338"


@dataclass
class Target:
    name: str
    seeds: list[bytes]
    run: Callable[[bytes], Awaitable[None] | None]
    allowed: tuple[type[BaseException], ...] = (NutdeskError,)
    tried: int = 0
    escapes: int = 0
    examples: list[str] = field(default_factory=list)


def _seed(name: str) -> bytes:
    return (SEEDS / f"{name}.json").read_bytes().strip()


class _Answer:
    """An httpx mock transport that answers every request with the current fuzzed body."""

    def __init__(self) -> None:
        self.body = b""
        self.status = 200

    def handler(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(self.status, content=self.body, headers={"content-type": "application/json"})


def _mint_targets(answer: _Answer, client: MintClient) -> list[Target]:
    def call(fn: Callable[[], Awaitable[Any]], status: int = 200) -> Callable[[bytes], Awaitable[None]]:
        async def run(body: bytes) -> None:
            answer.body, answer.status = body, status
            result = await fn()
            # Properties read lazily later (Balances, websocket choice) must hold too.
            if hasattr(result, "mint_methods"):
                _ = result.mint_methods, result.melt_methods, result.supports_websocket("bolt11_mint_quote")

        return run

    outputs: list[Any] = []
    return [
        Target("mint GET /v1/info", [_seed("get_info")], call(client.get_info)),
        Target("mint GET /v1/keys", [_seed("get_keys")], call(client.get_keys)),
        Target("mint GET /v1/keysets", [_seed("get_keysets")], call(client.get_keysets)),
        Target("mint GET mint quote", [_seed("get_mint_quote_bolt11_id")], call(lambda: client.get_mint_quote("q"))),
        Target("mint GET melt quote", [_seed("get_melt_quote_bolt11_id")], call(lambda: client.get_melt_quote("q"))),
        Target("mint POST /v1/mint", [_seed("post_mint_bolt11")], call(lambda: client.post_mint("q", outputs))),
        Target("mint POST /v1/melt", [_seed("post_melt_bolt11")], call(lambda: client.post_melt("q", []))),
        Target("mint POST /v1/swap", [_seed("post_swap")], call(lambda: client.post_swap([], outputs))),
        Target("mint POST /v1/checkstate", [_seed("post_checkstate")], call(lambda: client.post_checkstate(["0"]))),
        Target("mint POST /v1/restore", [_seed("post_restore")], call(lambda: client.post_restore(outputs))),
        Target(
            "mint 400 error body",
            [_seed("post_swap_err400_1"), _seed("get_mint_quote_bolt11_id_err400_1")],
            call(lambda: client.post_swap([], outputs), status=400),
        ),
    ]


def _ws_target(client: MintClient) -> Target:
    """NUT-17 notifications as ``core.mint_client.ws.subscribe`` + the client's parser see them."""
    messages = json.loads(_seed("ws_nut17_mint_quote_subscription"))
    seeds = [json.dumps(m["msg"]).encode() for m in messages if m.get("dir") == "mint->client"]
    parsers = [client._parser(MintQuote.from_json), client._parser(MeltQuote.from_json)]
    parsers.append(client._parser(ProofState.from_json))

    def run(raw: bytes) -> None:
        message = read_json(raw)  # subscribe(): MalformedInput ends the websocket (-> polling)
        if not isinstance(message, dict):
            return
        params = message.get("params")
        if isinstance(params, dict) and isinstance(params.get("payload"), dict):
            for parse in parsers:
                with contextlib.suppress(NutdeskError):
                    parse(params["payload"])

    return Target("mint websocket notification", seeds, run)


PAY_REQUEST = {
    "tag": "payRequest",
    "callback": "https://lnurl.example/cb",
    "minSendable": 1000,
    "maxSendable": 100000000,
    "metadata": json.dumps([["text/plain", "coffee"], ["text/identifier", "a@lnurl.example"]]),
    "commentAllowed": 32,
}


def _lnurl_targets(answer: _Answer, http: httpx.AsyncClient) -> list[Target]:
    lnurl = LnurlClient(http)

    async def pay_request(body: bytes) -> None:
        answer.body, answer.status = body, 200
        await lnurl.fetch_pay_request("https://lnurl.example/.well-known/lnurlp/a")

    async def invoice(body: bytes) -> None:
        answer.body, answer.status = json.dumps(PAY_REQUEST).encode(), 200
        pay = await lnurl.fetch_pay_request("https://lnurl.example/.well-known/lnurlp/a")
        answer.body = body
        await lnurl.request_invoice(pay, 10_000, "hi")

    from tests.peers.nutshell import make_bolt11

    callback = {"pr": make_bolt11(10), "routes": [], "successAction": {"tag": "message", "message": "thanks"}}
    return [
        Target("LNURL pay request", [json.dumps(PAY_REQUEST).encode()], pay_request),
        Target("LNURL callback", [json.dumps(callback).encode()], invoice),
    ]


def _rates_target(answer: _Answer, http: httpx.AsyncClient) -> Target:
    rates = ExchangeRates(http, [cls() for cls in ALL_SOURCES])
    seeds = [
        b'{"data":{"currency":"BTC","rates":{"USD":"97000.5"}}}',
        b'{"rates":{"usd":{"value":97000.5}}}',
        b'{"error":[],"result":{"XXBTZUSD":{"c":["97000.5","0.1"]}}}',
        b'{"last":"97000.5"}',
        b'{"BTC":{"USD":97000.5}}',
    ]

    async def run(body: bytes) -> None:
        answer.body, answer.status = body, 200
        await rates.refresh("USD")  # never raises: a source that cannot answer is left out

    return Target("exchange rates", seeds, run, allowed=())


PAYLOAD = {
    "id": "r1",
    "memo": "thanks",
    "mint": MINT,
    "unit": "sat",
    "proofs": [
        {
            "id": "009a1f293253e41e",
            "amount": 2,
            "secret": "407915bc212be61a77e3e6d2aeb4c727980bda51cd06a6afc29e2861768a7837",
            "C": "02bc9097997d81afb2cc7346b5e4345a9346bd2a506eb7958598a72f0cf85163ea",
        }
    ],
}


def _listener_target() -> Target:
    async def redeem(request: PaymentRequest, payload: PaymentRequestPayload) -> ReceivedPayment:
        return ReceivedPayment(request.id, sum(p.amount for p in payload.proofs), 0, payload.mint, payload.unit)

    listener = PaymentRequestListener(redeem)
    listener._pending.clear()

    async def run(body: bytes) -> None:
        if not listener._pending:
            loop = asyncio.get_running_loop()
            from core.payments.requests import _Pending

            listener._pending["r1"] = _Pending(PaymentRequest(id="r1", amount=2, unit="sat"), loop.create_future())
        reader = asyncio.StreamReader()
        reader.feed_data(b"POST /cashu/payreq/r1 HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        reader.feed_eof()
        await listener._serve_one(reader)

    # What the listener's connection handler answers 408/400 for (anything else would be a 500).
    allowed = (TimeoutError, asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError, ValueError)
    return Target("payment request POST body", [json.dumps(PAYLOAD).encode()], run, allowed=allowed)


def _nostr_targets() -> list[Target]:
    shop = NostrKeys.from_hex(hashlib.sha256(b"fuzz shop").hexdigest())
    sender = NostrKeys.from_hex(hashlib.sha256(b"fuzz sender").hexdigest())
    wrap = gift_wrap(sender, shop.public_hex, json.dumps(PAYLOAD))

    async def handle(rumor: Any) -> None:
        PaymentRequestPayload.from_json(read_json(rumor.content))

    inbox = NostrInbox(shop, [], handle)

    async def inbox_event(raw: bytes) -> None:
        event = read_json(raw)  # the relay reader drops what does not parse
        if isinstance(event, dict):
            await inbox._one(event)  # must never raise: one event, one error boundary
            inbox._poisoned.clear()  # so a mutated copy of the same id is tried again

    def event_check(raw: bytes) -> None:
        value = read_json(raw)
        if isinstance(value, dict):
            verify_event(value)

    return [
        Target("nostr inbox event (gift wrap)", [json.dumps(wrap).encode()], inbox_event),
        Target("nostr event verification", [json.dumps(wrap).encode()], event_check),
    ]


def _backend_targets() -> list[Target]:
    lnd = LndRestBackend.__new__(LndRestBackend)
    base = HttpBackendBase.__new__(HttpBackendBase)
    base.name = "fuzz"

    def lnbits_ws(raw: bytes) -> None:
        _parse_notification(raw)

    def nostr_relay(raw: bytes) -> None:
        message = relay_message(raw)
        _ = message[0], message[1], message[2], message[3]

    def lnd_line(raw: bytes) -> None:
        lnd._payment_line(json_object(raw), "00" * 32)

    def http_json(raw: bytes) -> None:
        base.json_of(httpx.Response(200, content=raw))

    lnbits_seed = b'{"payment":{"amount":1000,"status":"success","payment_hash":"ab","preimage":"cd"}}'
    lnd_seed = b'{"result":{"status":"SUCCEEDED","payment_hash":"ab","payment_preimage":"cd","fee_msat":"1"}}'
    relay_seed = json.dumps(["EVENT", "sub", {"id": "x", "kind": 23195, "content": "x"}, "extra"]).encode()
    return [
        Target("LNbits websocket message", [lnbits_seed], lnbits_ws, allowed=()),
        Target("NWC relay message", [relay_seed], nostr_relay, allowed=()),
        Target(
            "LND stream line",
            [lnd_seed, b'{"error":{"message":"in flight"}}'],
            lnd_line,
            allowed=(ValueError, TypeError, AttributeError),
        ),
        Target("backend JSON answer", [lnd_seed], http_json),
    ]


def _pure_targets() -> list[Target]:
    from tests.peers.nutshell import make_bolt11

    bolt11 = make_bolt11(100)
    proof = Proof(
        id="009a1f293253e41e",
        amount=2,
        secret="407915bc212be61a77e3e6d2aeb4c727980bda51cd06a6afc29e2861768a7837",
        C="02bc9097997d81afb2cc7346b5e4345a9346bd2a506eb7958598a72f0cf85163ea",
    )
    token = Token(mint=MINT, unit="sat", proofs=[proof], memo="fuzz")
    token_a, token_b = token.encode_v3(), token.encode_v4()
    creq = (
        "creqApWF0gaNhdGVub3N0cmFheKlucHJvZmlsZTFxeTI4d3VtbjhnaGo3dW45ZDNzaGp0bnl2OWtoMnVld2Q5aHN6OW1od2RlbjV"
        "0ZTB3ZmprY2N0ZTljdXJ4dmVuOWVlaHFjdHJ2NWhzenJ0aHdkZW41dGUwZGVoaHh0bnZkYWtxcWd5ZGFxeTdjdXJrNDM5eWtwdGt"
        "5c3Y3dWRoZGh1NjhzdWNtMjk1YWtxZWZkZWhrZjBkNDk1Y3d1bmw1YWeBgmFuYjE3YWloYjdhOTAxNzZhYQphdWNzYXRhbYF4Imh"
        "0dHBzOi8vbm9mZWVzLnRlc3RudXQuY2FzaHUuc3BhY2U="
    )
    lnurl = (
        "LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZE"
        "PEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS"
    )
    keyset = json.loads(_seed("get_keys"))["keysets"][0]

    def keyset_parse(raw: bytes) -> None:
        value = read_json(raw)
        if isinstance(value, dict):
            Keyset.from_json(value)

    def age(raw: bytes) -> None:
        check_age_work_factor(AGE_MAGIC + raw)

    age_seed = b"-> scrypt c2FsdHNhbHRzYWx0c2FsdA 18\nYWJj\n--- bWFj\n"
    return [
        Target("bounded JSON reader", [_seed("get_info"), _seed("post_restore")], read_json),
        Target("token decoder", [token_a.encode(), token_b.encode()], lambda raw: decode_token(raw.decode("latin-1"))),
        Target("bolt11 decoder", [bolt11.encode()], lambda raw: decode_invoice(raw.decode("latin-1"))),
        Target("payment request decoder", [creq.encode()], lambda raw: decode_payment_request(raw.decode("latin-1"))),
        Target("LNURL decoder", [lnurl.encode()], lambda raw: decode_lnurl(raw.decode("latin-1"))),
        Target("paste anything (detect)", [token_a.encode(), bolt11.encode(), creq.encode()], detect),
        Target("keyset parser", [json.dumps(keyset).encode()], keyset_parse),
        Target("age header", [age_seed], age),
        Target(
            "Nostr mint-list backup",
            [backup_plaintext(["https://mint.example", MINT], 1_700_000_000).encode()],
            lambda raw: parse_backup_plaintext(raw.decode("utf-8", "replace")),
        ),
    ]


def build_targets() -> tuple[list[Target], Callable[[], Awaitable[None]]]:
    """Every target, and a coroutine that closes what they opened."""
    answer = _Answer()
    transport = httpx.MockTransport(answer.handler)
    client = MintClient(MINT, transport=transport, get_attempts=1)
    http = httpx.AsyncClient(transport=transport)
    targets = [
        *_mint_targets(answer, client),
        _ws_target(client),
        *_lnurl_targets(answer, http),
        _rates_target(answer, http),
        _listener_target(),
        *_nostr_targets(),
        *_backend_targets(),
        *_pure_targets(),
    ]

    async def close() -> None:
        await client.aclose()
        await http.aclose()

    return targets, close
