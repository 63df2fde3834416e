"""MintClient against a real nutshell mint (FakeWallet) on loopback, plus failure modes from tiny local servers."""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator, Callable
from typing import Any

import coincurve
import httpx
import pytest

from core.errors import MintRejected, MintUnreachable, ProofsAlreadySpent, QuoteNotPaid
from core.mint_client import ws
from core.mint_client.http import MintClient
from core.ports.mint_types import MeltQuoteState, MintInfo, MintQuoteState, ProofStateValue
from core.protocol.models import BlindedMessage, Proof
from tests.peers.nutshell import NutshellMint, NutshellWalletCLI, make_bolt11
from tests.peers.ports import free_port

G = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"


def random_point() -> str:
    """A valid compressed secp256k1 point: the mint signs any such B_ (it never sees our secrets)."""
    return coincurve.PrivateKey().public_key.format(compressed=True).hex()


@pytest.fixture
async def client(nutshell_mint: NutshellMint) -> AsyncIterator[MintClient]:
    # A trailing slash on purpose: the client must normalise it.
    async with MintClient(nutshell_mint.url + "/", poll_interval=0.2) as mint_client:
        yield mint_client


async def active_sat_keyset(client: MintClient) -> str:
    return next(k.id for k in await client.get_keysets() if k.active and k.unit == "sat")


async def test_info(client: MintClient, nutshell_mint: NutshellMint) -> None:
    assert client.url == nutshell_mint.url
    info = await client.get_info()
    assert info.name == "nutdesk mint A"
    assert info.motd is not None and "for tests only" in info.motd
    assert info.version is not None and info.version.startswith("Nutshell/0.20")
    assert info.pubkey is not None and len(info.pubkey) == 66
    for nut in (4, 5, 7, 8, 9, 10, 11, 12, 17, 20):
        assert info.supports(nut), nut
    assert not info.supports(15) or 15 in info.nuts
    assert info.supports_websocket("bolt11_mint_quote")
    assert info.supports_websocket("proof_state")
    assert not info.supports_websocket("bolt11_mint_quote", unit="usd")
    assert [(m.method, m.unit) for m in info.mint_methods] == [("bolt11", "sat")]
    assert info.supports_amountless_melt() is False  # nutshell 0.20.2 has no amountless melts


async def test_keysets_and_keys(client: MintClient) -> None:
    keysets = await client.get_keysets()
    active = [k for k in keysets if k.active]
    assert len(active) == 1
    keyset = active[0]
    assert keyset.id.startswith("01") and len(keyset.id) == 66  # v2 ids
    assert keyset.unit == "sat"
    assert keyset.input_fee_ppk == 100
    assert keyset.final_expiry is None

    keys = await client.get_keys()
    assert [k.id for k in keys.keysets] == [keyset.id]
    amounts = sorted(keys.keysets[0].keys)
    assert amounts[:4] == [1, 2, 4, 8]
    assert all(len(point) == 66 and point[:2] in ("02", "03") for point in keys.keysets[0].keys.values())

    one = await client.get_keys(keyset.id)
    assert one.keysets[0].keys == keys.keysets[0].keys


async def test_usd_mint_has_both_units(usd_mint: NutshellMint) -> None:
    async with MintClient(usd_mint.url) as usd:
        units = {k.unit for k in await usd.get_keysets() if k.active}
        assert units == {"sat", "usd"}
        quote = await usd.post_mint_quote(250, "usd")
        assert quote.unit == "usd" and quote.amount == 250


async def test_second_mint_is_independent(nutshell_mint: NutshellMint, second_mint: NutshellMint) -> None:
    async with MintClient(nutshell_mint.url) as a, MintClient(second_mint.url) as b:
        assert a.url != b.url
        assert {k.id for k in await a.get_keysets()}.isdisjoint({k.id for k in await b.get_keysets()})


async def test_mint_quote_paid_over_websocket(client: MintClient, monkeypatch: pytest.MonkeyPatch) -> None:
    quote = await client.post_mint_quote(64, "sat", description="websocket test")
    assert quote.state is MintQuoteState.UNPAID and quote.amount == 64 and quote.request.startswith("lnbc")

    async def no_polling(*_: Any) -> None:
        raise AssertionError("the websocket should have been used, not polling")

    monkeypatch.setattr(client, "get_mint_quote", no_polling)
    states = []
    async with asyncio.timeout(20), contextlib.aclosing(client.watch_mint_quote(quote.quote)) as updates:
        async for update in updates:
            states.append(update.state)
            if update.paid:
                break
    # NUT-17: the mint sends the current state first, then the change.
    assert states[0] is MintQuoteState.UNPAID
    assert states[-1] is MintQuoteState.PAID

    monkeypatch.undo()
    paid = await client.wait_for_mint_quote_paid(quote.quote, timeout=5)
    assert paid.state is MintQuoteState.PAID


async def test_mint_quote_paid_by_polling_fallback(
    nutshell_mint: NutshellMint, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An info without NUT-17: the client must poll GET /v1/mint/quote/bolt11/{id} and never open a websocket.
    no_ws = MintInfo.from_json({"name": "x", "nuts": {}})

    def no_websocket(*_: Any, **__: Any) -> None:
        raise AssertionError("no websocket without NUT-17 support")

    monkeypatch.setattr(ws, "subscribe", no_websocket)
    async with MintClient(nutshell_mint.url, info=no_ws, poll_interval=0.2) as polling:
        polls = 0
        real_get = polling.get_mint_quote

        async def counting_get(quote_id: str) -> Any:
            nonlocal polls
            polls += 1
            return await real_get(quote_id)

        monkeypatch.setattr(polling, "get_mint_quote", counting_get)
        quote = await polling.post_mint_quote(32, "sat")
        paid = await polling.wait_for_mint_quote_paid(quote.quote, timeout=20)
        assert paid.paid
        # FakeWallet answers a quote GET with the backend's status, which may already be PAID on the first poll.
        assert polls >= 1


async def test_wait_for_mint_quote_times_out_as_quote_not_paid(
    nutshell_mint_factory: Callable[..., NutshellMint],
) -> None:
    # FAKEWALLET_BRR=false: the mint never pays on its own; the management RPC pays it.
    mint = nutshell_mint_factory(name="manual mint", extra_env={"FAKEWALLET_BRR": "false"})
    async with MintClient(mint.url, poll_interval=0.2) as manual:
        quote = await manual.post_mint_quote(10, "sat")
        with pytest.raises(QuoteNotPaid):
            await manual.wait_for_mint_quote_paid(quote.quote, timeout=1.5)
        mint.set_mint_quote_state(quote.quote, "PAID")
        assert (await manual.wait_for_mint_quote_paid(quote.quote, timeout=10)).state is MintQuoteState.PAID

        # Keyset rotation through mint-cli, and a restart keeps the data dir (old keyset still known).
        old = await active_sat_keyset(manual)
        mint.next_keyset("sat", 200)
        new = next(k for k in await manual.get_keysets() if k.active and k.unit == "sat")
        assert new.id != old and new.input_fee_ppk == 200
        mint.restart()
        assert {old, new.id} <= {k.id for k in await manual.get_keysets()}


async def test_mint_then_restore_then_reissue_refused(client: MintClient) -> None:
    keyset_id = await active_sat_keyset(client)
    quote = await client.post_mint_quote(5, "sat")
    await client.wait_for_mint_quote_paid(quote.quote, timeout=20)
    outputs = [BlindedMessage(id=keyset_id, amount=a, B_=random_point()) for a in (1, 4)]
    signatures = await client.post_mint(quote.quote, outputs)
    assert [s.amount for s in signatures] == [1, 4]
    assert all(s.id == keyset_id and s.dleq is not None for s in signatures)
    assert (await client.get_mint_quote(quote.quote)).state is MintQuoteState.ISSUED

    restored_outputs, restored_signatures = await client.post_restore(outputs)
    assert [o.B_ for o in restored_outputs] == [o.B_ for o in outputs]
    assert [s.C_ for s in restored_signatures] == [s.C_ for s in signatures]

    with pytest.raises(MintRejected) as info:
        await client.post_mint(quote.quote, [BlindedMessage(id=keyset_id, amount=4, B_=random_point())])
    assert info.value.mint_code == 20002  # quote already issued


async def test_mint_unpaid_quote_is_quote_not_paid(nutshell_mint_factory: Callable[..., NutshellMint]) -> None:
    mint = nutshell_mint_factory(name="unpaid mint", rpc=False, extra_env={"FAKEWALLET_BRR": "false"})
    async with MintClient(mint.url) as unpaid:
        keyset_id = await active_sat_keyset(unpaid)
        quote = await unpaid.post_mint_quote(2, "sat")
        with pytest.raises(QuoteNotPaid) as info:
            await unpaid.post_mint(quote.quote, [BlindedMessage(id=keyset_id, amount=2, B_=random_point())])
        assert isinstance(info.value, MintRejected) and info.value.mint_code == 20001


async def test_melt_quote_for_a_payable_invoice(client: MintClient) -> None:
    invoice = make_bolt11(100)
    quote = await client.post_melt_quote(invoice, "sat")
    assert quote.amount == 100
    assert quote.fee_reserve >= 0
    assert quote.state is MeltQuoteState.UNPAID
    assert quote.request == invoice
    assert quote.change == []
    again = await client.get_melt_quote(quote.quote)
    assert again.quote == quote.quote and again.fee_reserve == quote.fee_reserve

    async with asyncio.timeout(10), contextlib.aclosing(client.watch_melt_quote(quote.quote)) as updates:
        first = await anext(updates)
    assert first.state is MeltQuoteState.UNPAID


async def test_melt_quote_rejects_garbage(client: MintClient) -> None:
    with pytest.raises(MintRejected) as info:
        await client.post_melt_quote("lnbc1garbage", "sat")
    assert info.value.detail


async def test_checkstate_random_ys_are_unspent(client: MintClient) -> None:
    ys = [random_point() for _ in range(3)]
    states = await client.post_checkstate(ys)
    assert [s.Y for s in states] == ys
    assert {s.state for s in states} == {ProofStateValue.UNSPENT}

    async with asyncio.timeout(10), contextlib.aclosing(client.watch_proof_states(ys[:1])) as updates:
        first = await anext(updates)
    assert (first.Y, first.state) == (ys[0], ProofStateValue.UNSPENT)


async def test_swap_with_invalid_proof_is_rejected_with_the_mints_code(client: MintClient) -> None:
    keyset_id = await active_sat_keyset(client)
    bogus = Proof(id=keyset_id, amount=2, secret=secrets.token_hex(32), C=G)
    # 2 in, 1 ppk-fee sat (100 ppk rounds up to 1), 1 out: balanced, so only the signature is wrong.
    with pytest.raises(MintRejected) as info:
        await client.post_swap([bogus], [BlindedMessage(id=keyset_id, amount=1, B_=random_point())])
    assert not isinstance(info.value, ProofsAlreadySpent)
    assert info.value.mint_code == 10001, info.value.detail


async def test_unknown_quote_is_rejected(client: MintClient) -> None:
    with pytest.raises(MintRejected) as info:
        await client.get_mint_quote("doesnotexist")
    assert "not found" in info.value.detail


async def test_closed_port_is_unreachable_not_sent() -> None:
    async with MintClient(f"http://127.0.0.1:{free_port()}", get_attempts=1) as dead:
        with pytest.raises(MintUnreachable) as info:
            await dead.post_swap([], [])
    assert info.value.sent is False


async def _serve(handler: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Any]) -> asyncio.Server:
    return await asyncio.start_server(handler, "127.0.0.1", 0)


def _port(server: asyncio.Server) -> int:
    return int(server.sockets[0].getsockname()[1])


async def test_dropped_connection_after_sending_is_outcome_unknown() -> None:
    requests = 0

    async def drop(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal requests
        await reader.readuntil(b"\r\n\r\n")
        requests += 1
        writer.close()  # read the request, then hang up without an answer
        await writer.wait_closed()

    server = await _serve(drop)
    async with server, MintClient(f"http://127.0.0.1:{_port(server)}") as flaky:
        with pytest.raises(MintUnreachable) as info:
            await flaky.post_swap([], [])
        assert info.value.sent is True
        assert requests == 1  # a POST is never retried

        with pytest.raises(MintUnreachable):
            await flaky.get_keysets()
        assert requests == 1 + 3  # a GET is retried (3 attempts)


async def test_timeout_after_sending_is_outcome_unknown() -> None:
    release = asyncio.Event()

    async def stall(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        await release.wait()
        writer.close()
        await writer.wait_closed()

    server = await _serve(stall)
    url = f"http://127.0.0.1:{_port(server)}"
    async with server, MintClient(url, timeout=httpx.Timeout(0.5, connect=2.0)) as slow:
        try:
            with pytest.raises(MintUnreachable) as info:
                await slow.post_checkstate(["02" + "00" * 32])
            assert info.value.sent is True
        finally:
            release.set()


async def test_one_http_client_for_many_calls(nutshell_mint: NutshellMint, monkeypatch: pytest.MonkeyPatch) -> None:
    created: list[httpx.AsyncClient] = []
    real_init = httpx.AsyncClient.__init__

    def counting_init(self: httpx.AsyncClient, *args: Any, **kwargs: Any) -> None:
        created.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(httpx.AsyncClient, "__init__", counting_init)
    mint_client = MintClient(nutshell_mint.url)
    for _ in range(5):
        await mint_client.get_info()
        await mint_client.get_keysets()
        await mint_client.post_checkstate([random_point()])
    assert created == [mint_client.http]
    assert not mint_client.closed
    await mint_client.aclose()
    assert mint_client.closed and mint_client.http.is_closed
    with pytest.raises(MintUnreachable) as info:
        await mint_client.get_info()
    assert info.value.sent is False


def test_nutshell_wallet_cli_smoke(nutshell_wallet: NutshellWalletCLI) -> None:
    nutshell_wallet.invoice(100)
    assert nutshell_wallet.balance() == 100
