"""The payment-request listener serves strangers: idle clients get 408, too many at once get 503, and a
malformed body (1e999, deep nesting) is a 400 — the listener itself never ends."""

from __future__ import annotations

import asyncio

import pytest

from core.payments.requests import PaymentRequestListener, ReceivedPayment
from core.protocol.payment_requests import PaymentRequest, PaymentRequestPayload


async def never(request: PaymentRequest, payload: PaymentRequestPayload) -> ReceivedPayment:
    raise AssertionError("nothing here is a payment")


async def answer_of(port: int, data: bytes) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(data)
    await writer.drain()
    answer = await asyncio.wait_for(reader.read(), 10)
    writer.close()
    await writer.wait_closed()
    return answer


async def test_an_idle_connection_gets_408_at_the_whole_request_deadline() -> None:
    loop = asyncio.get_running_loop()
    errors: list[dict[str, object]] = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    async with PaymentRequestListener(never, request_deadline=0.3) as listener:
        port = int(listener.base_url.rsplit(":", 1)[1])
        assert (await answer_of(port, b"")).startswith(b"HTTP/1.1 408")
        # A slow drip of header lines is held to the same single deadline.
        assert (await answer_of(port, b"POST /cashu/payreq/x HTTP/1.1\r\n")).startswith(b"HTTP/1.1 408")
    assert errors == []


async def test_connections_beyond_the_cap_get_503() -> None:
    async with PaymentRequestListener(never, request_deadline=5, max_connections=2) as listener:
        port = int(listener.base_url.rsplit(":", 1)[1])
        idle = [await asyncio.open_connection("127.0.0.1", port) for _ in range(2)]
        await asyncio.sleep(0.1)
        assert (await answer_of(port, b"")).startswith(b"HTTP/1.1 503")
        for reader, writer in idle:
            writer.close()
            await writer.wait_closed()
            await asyncio.wait_for(reader.read(), 10)  # the listener answers and closes its side too


@pytest.mark.parametrize(
    "body", [b'{"id": "r1", "mint": "m", "unit": "sat", "proofs": [{"amount": 1e999}]}', b"[" * 3000]
)
async def test_a_malformed_payload_is_400(body: bytes) -> None:
    async with PaymentRequestListener(never) as listener:
        listener.add(PaymentRequest(id="r1", amount=1, unit="sat", mints=("http://127.0.0.1:1",)))
        port = int(listener.base_url.rsplit(":", 1)[1])
        head = b"POST /cashu/payreq/r1 HTTP/1.1\r\nContent-Length: %d\r\n\r\n" % len(body)
        answer = await answer_of(port, head + body)
        assert answer.startswith(b"HTTP/1.1 400"), answer[:200]
