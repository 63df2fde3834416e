"""NIP-17 private messages in NIP-59 gift wraps: our wrap/unwrap round trip, the checks on every layer, and
interoperability with nostr-sdk's independent implementation in both directions."""

from __future__ import annotations

import json
import time

import nostr_sdk as ns
import pytest

from core.nostr.crypto import (
    NostrError,
    NostrKeys,
    nip44_decrypt,
    nip44_encrypt,
    nprofile_encode,
    npub_decode,
    npub_encode,
    sign_event,
    verify_event,
)
from core.nostr.nip17 import GIFT_WRAP, MAX_BACKDATE, SEAL, gift_wrap, make_rumor, seal, unwrap, wrap_seal
from core.protocol.payment_requests import parse_nostr_target

PAYLOAD = json.dumps({"id": "r1", "mint": "http://127.0.0.1:3338", "unit": "sat", "proofs": [], "memo": "ünï"})


def _sdk(keys: NostrKeys) -> ns.Keys:
    return ns.Keys.parse(keys.secret.hex())


def test_round_trip_hides_the_sender_and_the_time() -> None:
    alice, shop = NostrKeys.generate(), NostrKeys.generate()
    before = int(time.time())
    wrap = gift_wrap(alice, shop.public_hex, PAYLOAD, tags=[["n", "17"]], relay_hint="ws://127.0.0.1:1")

    assert wrap["kind"] == GIFT_WRAP and verify_event(wrap)
    assert wrap["tags"] == [["p", shop.public_hex]]
    assert wrap["pubkey"] not in (alice.public_hex, shop.public_hex), "signed by a fresh random key"
    assert PAYLOAD not in json.dumps(wrap) and alice.public_hex not in json.dumps(wrap)
    assert before - MAX_BACKDATE <= wrap["created_at"] <= int(time.time())
    sealed = json.loads(nip44_decrypt(shop.secret, wrap["pubkey"], wrap["content"]))
    assert sealed["kind"] == SEAL and sealed["pubkey"] == alice.public_hex and sealed["tags"] == []
    assert before - MAX_BACKDATE <= sealed["created_at"] <= int(time.time())

    rumor = unwrap(shop, wrap)
    assert (rumor.pubkey, rumor.kind, rumor.content, rumor.wrap_id) == (alice.public_hex, 14, PAYLOAD, wrap["id"])
    assert rumor.tags == [["p", shop.public_hex, "ws://127.0.0.1:1"], ["n", "17"]]
    assert before <= rumor.created_at <= int(time.time()), "the rumor keeps the real time"


def test_two_wraps_of_one_message_share_nothing_visible() -> None:
    alice, shop = NostrKeys.generate(), NostrKeys.generate()
    one, two = gift_wrap(alice, shop.public_hex, PAYLOAD), gift_wrap(alice, shop.public_hex, PAYLOAD)
    assert one["pubkey"] != two["pubkey"] and one["content"] != two["content"]


def test_only_the_receiver_can_unwrap() -> None:
    alice, shop, eve = NostrKeys.generate(), NostrKeys.generate(), NostrKeys.generate()
    wrap = gift_wrap(alice, shop.public_hex, PAYLOAD)
    with pytest.raises(NostrError, match="authenticate"):
        unwrap(eve, wrap)


def test_tampered_or_forged_layers_are_refused() -> None:
    alice, shop, mallory = NostrKeys.generate(), NostrKeys.generate(), NostrKeys.generate()
    wrap = gift_wrap(alice, shop.public_hex, PAYLOAD)
    with pytest.raises(NostrError, match="signature"):
        unwrap(shop, {**wrap, "created_at": wrap["created_at"] + 1})
    with pytest.raises(NostrError, match="kind 1059"):
        unwrap(shop, {**wrap, "kind": 4})

    # Mallory seals a rumor that claims Alice wrote it: the rumor's author is not the seal's signer.
    forged = make_rumor(alice.public_hex, shop.public_hex, PAYLOAD)
    content = nip44_encrypt(mallory.secret, shop.public_hex, json.dumps(forged.to_json()))
    forged_seal = sign_event(mallory, SEAL, content, [])
    with pytest.raises(NostrError, match="impersonation"):
        unwrap(shop, wrap_seal(forged_seal, shop.public_hex))
    with pytest.raises(NostrError, match="rumor's author"):
        seal(mallory, shop.public_hex, forged)

    # A seal whose signature does not match (content changed after signing).
    good_seal = seal(alice, shop.public_hex, make_rumor(alice.public_hex, shop.public_hex, PAYLOAD))
    bad_seal = {**good_seal, "content": nip44_encrypt(alice.secret, shop.public_hex, "{}")}
    with pytest.raises(NostrError, match="seal's signature"):
        unwrap(shop, wrap_seal(bad_seal, shop.public_hex))

    # A rumor whose id does not match its content.
    rumor = make_rumor(alice.public_hex, shop.public_hex, PAYLOAD).to_json()
    rumor["id"] = "00" * 32
    lying = sign_event(alice, SEAL, nip44_encrypt(alice.secret, shop.public_hex, json.dumps(rumor)), [])
    with pytest.raises(NostrError, match="id does not match"):
        unwrap(shop, wrap_seal(lying, shop.public_hex))


def test_a_nostr_sdk_private_message_unwraps_with_ours() -> None:
    alice, shop = NostrKeys.generate(), NostrKeys.generate()
    event = ns.nip17_make_private_msg(
        _sdk(alice), ns.PublicKey.parse(shop.public_hex), PAYLOAD, rumor_extra_tags=[ns.Tag.parse(["n", "17"])]
    )
    rumor = unwrap(shop, json.loads(event.as_json()))
    assert (rumor.pubkey, rumor.kind, rumor.content) == (alice.public_hex, 14, PAYLOAD)
    assert ["n", "17"] in rumor.tags and ["p", shop.public_hex] in rumor.tags


def test_a_nostr_sdk_gift_wrap_of_any_rumor_unwraps_with_ours() -> None:
    alice, shop = NostrKeys.generate(), NostrKeys.generate()
    sdk_alice = _sdk(alice)
    rumor = ns.EventBuilder(ns.Kind(14), PAYLOAD).tags([ns.Tag.parse(["p", shop.public_hex])])
    event = ns.nip59_make_gift_wrap(
        sdk_alice, ns.PublicKey.parse(shop.public_hex), rumor.finalize_unsigned(sdk_alice.public_key())
    )
    assert unwrap(shop, json.loads(event.as_json())).content == PAYLOAD


def test_our_gift_wrap_unwraps_with_nostr_sdk() -> None:
    alice, shop = NostrKeys.generate(), NostrKeys.generate()
    wrap = gift_wrap(alice, shop.public_hex, PAYLOAD, tags=[["n", "17"]])
    event = ns.Event.from_json(json.dumps(wrap))
    assert event.verify()
    unwrapped = ns.UnwrappedGift.from_gift_wrap(_sdk(shop), event)
    assert unwrapped.sender().to_hex() == alice.public_hex
    rumor = unwrapped.rumor()
    assert rumor.content() == PAYLOAD and rumor.kind().as_u16() == 14
    assert rumor.id() is not None and rumor.id().to_hex() == unwrap(shop, wrap).id


def test_nip19_keys_match_nostr_sdk() -> None:
    keys = NostrKeys.generate()
    sdk = _sdk(keys)
    assert keys.npub == sdk.public_key().to_bech32()
    assert keys.nsec == sdk.secret_key().to_bech32()
    assert NostrKeys.parse(keys.nsec) == keys == NostrKeys.parse(keys.secret.hex())
    assert npub_decode(keys.npub) == keys.public_hex == npub_decode(keys.public_hex)
    assert "secret" not in repr(keys) and keys.secret.hex() not in repr(keys)
    relays = ["ws://127.0.0.1:7000", "wss://relay.example"]
    profile = nprofile_encode(keys.public_hex, relays)
    assert parse_nostr_target(profile) == (bytes.fromhex(keys.public_hex), relays)
    assert ns.Nip19Profile.from_bech32(profile).public_key().to_hex() == keys.public_hex
    assert npub_encode(keys.public_hex) == keys.npub
    for bad in ("nsec1qqqq", "npub1xyz", "zz" * 32):
        with pytest.raises(NostrError):
            NostrKeys.parse(bad) if bad.startswith("nsec") else npub_decode(bad)
