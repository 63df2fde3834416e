"""NIP-87 mint discovery against a real relay (nostr-sdk's in-process LocalRelay on 127.0.0.1): a mint operator's
announcement and other users' recommendations, made and signed by nostr-sdk, are listed by ``nutdesk discover``;
``nutdesk review`` publishes a recommendation nostr-sdk accepts as a valid kind-38000 event."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path

import nostr_sdk as ns
import pytest

from core.api.discovery import fetch_discovery_events
from core.nostr.relay import publish
from tests.fakes.nwc_service import LocalNostrRelay
from tests.integration.wallet_helpers import nutdesk
from tests.peers.nutshell import NutshellMint

MINT_PUBKEY = "02" + "ab" * 32


@pytest.fixture
async def relay() -> AsyncIterator[LocalNostrRelay]:
    async with LocalNostrRelay() as running:
        yield running


def signed(keys: ns.Keys, kind: int, content: str, tags: list[list[str]]) -> dict[str, object]:
    builder = ns.EventBuilder(ns.Kind(kind), content).tags([ns.Tag.parse(t) for t in tags])
    event: dict[str, object] = json.loads(keys.sign_event(builder.finalize_unsigned(keys.public_key())).as_json())
    return event


async def test_discover_lists_announced_and_recommended_mints_and_review_publishes(
    tmp_path: Path, relay: LocalNostrRelay, nutshell_mint: NutshellMint
) -> None:
    operator, ann, ben = ns.Keys.generate(), ns.Keys.generate(), ns.Keys.generate()
    url = nutshell_mint.url
    address = f"38172:{operator.public_key().to_hex()}:{MINT_PUBKEY}"
    events = [
        signed(operator, 38172, "", [["d", MINT_PUBKEY], ["u", url], ["nuts", "1,2,3,4,5,7,12"], ["n", "mainnet"]]),
        signed(ann, 38000, "[5/5] Fast and honest", [["k", "38172"], ["d", MINT_PUBKEY], ["a", address]]),
        signed(ben, 38000, "[3/5] fine", [["k", "38172"], ["d", "https://other.example"], ["u", "https://other.example"]]),
    ]  # fmt: skip
    for event in events:
        assert (await publish(event, [relay.url]))[0].accepted

    data = tmp_path / "w"
    nutdesk(data, "init")
    nutdesk(data, "relays", "--add", relay.url)
    nutdesk(data, "mint", "add", url)
    found = nutdesk(data, "discover")["mints"]
    assert [m["url"] for m in found] == [url, "https://other.example"]
    ours = found[0]
    assert ours["announced"] and ours["in_wallet"] and ours["rating"] == 5 and ours["nuts"] == [1, 2, 3, 4, 5, 7, 12]
    assert ours["reviews"] == [{"author": ann.public_key().to_hex(), "rating": 5, "text": "Fast and honest"}]

    published = nutdesk(data, "review", url, "--rating", "4", "--text", "Paid every invoice")
    assert published["accepted"] == [relay.url]
    again = nutdesk(data, "discover")["mints"][0]
    assert again["recommendations"] == 2 and again["rating"] == 4.5

    # What we published is a valid NIP-87 recommendation in nostr-sdk's eyes, pointing at the announcement.
    stored = await fetch_discovery_events([relay.url])
    [mine] = [e for e in stored if "Paid every invoice" in str(e["content"])]
    parsed = ns.Event.from_json(json.dumps(mine))
    parsed.verify()
    assert parsed.kind().as_u16() == 38000 and parsed.content() == "[4/5] Paid every invoice"
    tags = [t.to_vec() for t in parsed.tags()]
    assert ["k", "38172"] in tags and ["u", url] in tags and ["a", address] in tags
