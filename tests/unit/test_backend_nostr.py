"""Our NIP-04 / NIP-44 v2 / event signatures against nostr-sdk's independent implementation."""

from __future__ import annotations

import base64
import json

import nostr_sdk as ns
import pytest

from backends.nostr import (
    NostrError,
    NostrKeys,
    nip04_decrypt,
    nip04_encrypt,
    nip44_decrypt,
    nip44_encrypt,
    sign_event,
    verify_event,
)


@pytest.fixture
def pair() -> tuple[NostrKeys, ns.Keys, NostrKeys, ns.Keys]:
    ours_a, ours_b = NostrKeys.generate(), NostrKeys.generate()
    return ours_a, ns.Keys.parse(ours_a.secret.hex()), ours_b, ns.Keys.parse(ours_b.secret.hex())


@pytest.mark.parametrize("text", ["x", "hello " * 5, "€" * 100, "y" * 1000, "z" * 30000])
def test_nip44_v2_round_trips_with_nostr_sdk(pair: tuple[NostrKeys, ns.Keys, NostrKeys, ns.Keys], text: str) -> None:
    a, ka, b, kb = pair
    assert a.public_hex == ka.public_key().to_hex()
    ours = nip44_encrypt(a.secret, b.public_hex, text)
    assert ns.nip44_decrypt(kb.secret_key(), ka.public_key(), ours) == text
    theirs = ns.nip44_encrypt(kb.secret_key(), ka.public_key(), text, ns.Nip44Version.V2)
    assert nip44_decrypt(a.secret, b.public_hex, theirs) == text


def test_nip44_rejects_tampering(pair: tuple[NostrKeys, ns.Keys, NostrKeys, ns.Keys]) -> None:
    a, _, b, _ = pair
    payload = bytearray(base64.b64decode(nip44_encrypt(a.secret, b.public_hex, "secret")))
    payload[40] ^= 1
    with pytest.raises(NostrError, match="authenticate"):
        nip44_decrypt(b.secret, a.public_hex, base64.b64encode(bytes(payload)).decode())


def test_nip04_round_trips_with_nostr_sdk(pair: tuple[NostrKeys, ns.Keys, NostrKeys, ns.Keys]) -> None:
    a, ka, b, kb = pair
    text = "legacy " * 20
    assert ns.nip04_decrypt(kb.secret_key(), ka.public_key(), nip04_encrypt(a.secret, b.public_hex, text)) == text
    assert nip04_decrypt(a.secret, b.public_hex, ns.nip04_encrypt(kb.secret_key(), ka.public_key(), text)) == text


def test_events_verify_both_ways(pair: tuple[NostrKeys, ns.Keys, NostrKeys, ns.Keys]) -> None:
    a, _, _, kb = pair
    ours = sign_event(a, 23194, "ünïcode content", [["p", "ab" * 32]])
    assert ns.Event.from_json(json.dumps(ours)).verify()
    builder = ns.EventBuilder(ns.Kind(23195), "answer").tags([ns.Tag.parse(["e", ours["id"]])])
    theirs = json.loads(kb.sign_event(builder.finalize_unsigned(kb.public_key())).as_json())
    assert verify_event(theirs)
    assert not verify_event({**theirs, "content": "changed"})
