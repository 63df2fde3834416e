"""Our relay client against real relays (nostr-sdk's in-process LocalRelay on 127.0.0.1): publishing to several
relays with per-relay answers, a relay that is down or refuses, and a subscription that delivers each event
once across relays and connects to a relay that comes up later."""

from __future__ import annotations

import asyncio
import json

import nostr_sdk as ns

from core.nostr.crypto import NostrKeys, sign_event
from core.nostr.nip17 import GIFT_WRAP, gift_wrap, unwrap
from core.nostr.relay import Subscription, publish
from tests.fakes.nwc_service import LocalNostrRelay
from tests.peers.ports import free_port


async def test_publish_and_subscribe_across_two_relays_delivers_once() -> None:
    alice, shop = NostrKeys.generate(), NostrKeys.generate()
    async with LocalNostrRelay() as one, LocalNostrRelay() as two:
        wanted = {"kinds": [GIFT_WRAP], "#p": [shop.public_hex], "since": 0}
        async with Subscription([one.url, two.url], [wanted]) as sub:
            async with asyncio.timeout(10):
                await sub.synced.wait()
            wrap = gift_wrap(alice, shop.public_hex, "hello shop")
            results = await publish(wrap, [one.url, two.url, one.url + "/"])
            assert [(r.relay, r.accepted) for r in results] == [(one.url, True), (two.url, True)]
            other = sign_event(alice, 1, "not for the shop", [])
            assert all(r.accepted for r in await publish(other, [one.url]))
            async with asyncio.timeout(10):
                got = await sub.get()
            assert got["id"] == wrap["id"] and unwrap(shop, got).content == "hello shop"
            await asyncio.sleep(0.5)
            assert sub._queue.empty(), "the same event from the second relay and other kinds are not repeated"


async def test_a_relay_that_is_down_or_refuses_is_reported_not_raised() -> None:
    alice = NostrKeys.generate()
    down = f"ws://127.0.0.1:{free_port()}"
    strict = LocalNostrRelay()
    strict.relay = ns.LocalRelayBuilder().addr("127.0.0.1").port(strict.port).min_pow(40).build()
    async with strict, LocalNostrRelay() as fine:
        event = sign_event(alice, GIFT_WRAP, "x", [["p", alice.public_hex]])
        results = {r.relay: r for r in await publish(event, [down, strict.url, fine.url], timeout=5)}
        assert not results[down].accepted and "Error" in results[down].message
        assert not results[strict.url].accepted and "pow" in results[strict.url].message.lower()
        assert results[fine.url].accepted


async def test_a_subscription_connects_when_the_relay_comes_up() -> None:
    alice, shop = NostrKeys.generate(), NostrKeys.generate()
    late = LocalNostrRelay()
    wanted = {"kinds": [GIFT_WRAP], "#p": [shop.public_hex]}
    async with Subscription([late.url], [wanted], retry=0.1, max_retry=0.2) as sub:
        await asyncio.sleep(0.3)
        assert not sub.connected
        async with late:
            async with asyncio.timeout(10):
                await sub.synced.wait()
            wrap = gift_wrap(alice, shop.public_hex, json.dumps({"late": True}))
            assert (await publish(wrap, [late.url]))[0].accepted
            async with asyncio.timeout(10):
                assert (await sub.get())["id"] == wrap["id"]
