"""NUT-27 mint-list backup against a real relay (nostr-sdk's in-process LocalRelay on 127.0.0.1) and the real
nutshell mint: the spec's key vector, an event nostr-sdk verifies and decrypts, the backup published whenever
the list changes, and ``restore`` on a fresh machine that finds every mint from the words and the relay alone."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import nostr_sdk as ns
import pytest

from core.api.mint_backup import backup_event, fetch_mint_list
from core.nostr.crypto import sign_event
from core.nostr.relay import publish
from core.protocol.derivation import mnemonic_to_seed
from core.protocol.nostr_backup import BACKUP_KIND, backup_keypair_hex
from tests.fakes.nwc_service import LocalNostrRelay
from tests.integration.wallet_helpers import nutdesk
from tests.peers.nutshell import NutshellMint
from tests.vectorlib import vector_cases

VECTOR: dict[str, Any] = vector_cases("27", "nostr_backup_key")[0].values[0]  # type: ignore[assignment]
WORDS: str = VECTOR["input"]["mnemonic"]
SEED = mnemonic_to_seed(WORDS)


@pytest.fixture
async def relay() -> AsyncIterator[LocalNostrRelay]:
    async with LocalNostrRelay() as running:
        yield running


def test_the_event_is_what_nostr_sdk_verifies_and_decrypts_with_the_vector_key() -> None:
    secret_hex, public_hex = backup_keypair_hex(SEED)
    assert (secret_hex, public_hex) == (VECTOR["expected"]["secret_key"], VECTOR["expected"]["public_key_xonly"])
    event = backup_event(SEED, ["https://mint.example.com", "https://another-mint.org"], now=1703721600)
    parsed = ns.Event.from_json(json.dumps(event))
    parsed.verify()  # raises on a bad id or signature
    assert parsed.author().to_hex() == public_hex and parsed.kind().as_u16() == BACKUP_KIND == 30078
    assert [t.to_vec() for t in parsed.tags()] == [["d", "mint-list"], ["client", "nutdesk"]]
    keys = ns.Keys(ns.SecretKey.parse(secret_hex))
    plain = json.loads(ns.nip44_decrypt(keys.secret_key(), keys.public_key(), event["content"]))
    assert plain == {"mints": ["https://mint.example.com", "https://another-mint.org"], "timestamp": 1703721600}


async def test_a_backup_written_by_nostr_sdk_is_read_and_the_newest_wins(relay: LocalNostrRelay) -> None:
    keys = ns.Keys(ns.SecretKey.parse(backup_keypair_hex(SEED)[0]))
    content = ns.nip44_encrypt(
        keys.secret_key(), keys.public_key(), json.dumps({"mints": ["https://a.example"], "timestamp": 1}),
        ns.Nip44Version.V2,
    )  # fmt: skip
    tags = [ns.Tag.parse(["d", "mint-list"]), ns.Tag.parse(["client", "cashu.me"])]
    older = ns.EventBuilder(ns.Kind(30078), content).tags(tags).custom_created_at(ns.Timestamp.from_secs(1000))
    signed = keys.sign_event(older.finalize_unsigned(keys.public_key()))
    assert (await publish(json.loads(signed.as_json()), [relay.url]))[0].accepted
    found = await fetch_mint_list(SEED, [relay.url])
    assert found is not None and found.mints == ("https://a.example",)

    newer = backup_event(SEED, ["https://a.example", "https://b.example"], now=2000)
    assert (await publish(newer, [relay.url]))[0].accepted
    # A stranger's event under another key and a garbled one of ours are both ignored.
    from core.nostr.crypto import NostrKeys

    ours = NostrKeys.from_hex(backup_keypair_hex(SEED)[0])
    garbled = sign_event(ours, BACKUP_KIND, "not-nip44", [["d", "other"]], created_at=3000)
    assert (await publish(garbled, [relay.url]))[0].accepted
    found = await fetch_mint_list(SEED, [relay.url])
    assert found is not None and found.mints == ("https://a.example", "https://b.example")
    assert await fetch_mint_list(mnemonic_to_seed("abandon " * 11 + "about"), [relay.url]) is None


async def test_the_mint_list_is_backed_up_when_it_changes_and_restore_fetches_it_first(
    tmp_path: Path, relay: LocalNostrRelay, nutshell_mint: NutshellMint, second_mint: NutshellMint
) -> None:
    old = tmp_path / "old-laptop"
    assert nutdesk(old, "init", "--restore", input=WORDS + "\n")["restored"] is True
    nutdesk(old, "relays", "--add", relay.url)
    nutdesk(old, "mint", "add", nutshell_mint.url, "--trust")  # the list changed: published after the command
    status = nutdesk(old, "mint-backup")
    assert status["enabled"] is True and status["published"] == [nutshell_mint.url]
    nutdesk(old, "invoice", "210", "--mint", nutshell_mint.url, "--wait")
    nutdesk(old, "mint", "add", second_mint.url, "--trust")
    nutdesk(old, "invoice", "34", "--mint", second_mint.url, "--wait")
    assert nutdesk(old, "mint-backup")["published"] == [nutshell_mint.url, second_mint.url]
    assert nutdesk(old, "mint-backup", "fetch")["mints"] == [nutshell_mint.url, second_mint.url]

    # A fresh machine: only the words (on stdin) and the relay; no --mint at all.
    new = tmp_path / "new-laptop"
    restored = nutdesk(new, "restore", "--relay", relay.url, input=WORDS + "\n")
    assert restored == {"restored": {nutshell_mint.url: 210, second_mint.url: 34}}
    assert nutdesk(new, "balance")["total"] == {"sat": 244}


async def test_backup_off_publishes_nothing_and_no_relay_is_a_clear_error(
    tmp_path: Path, relay: LocalNostrRelay, nutshell_mint: NutshellMint
) -> None:
    data = tmp_path / "w"
    nutdesk(data, "init")
    nutdesk(data, "relays", "--add", relay.url)
    assert nutdesk(data, "mint-backup", "off")["enabled"] is False
    nutdesk(data, "mint", "add", nutshell_mint.url)
    assert nutdesk(data, "mint-backup")["published"] is None
    assert nutdesk(data, "mint-backup", "fetch")["mints"] == []
    assert nutdesk(data, "mint-backup", "on")["enabled"] is True  # turning it on backs up at once
    assert nutdesk(data, "mint-backup")["published"] == [nutshell_mint.url]
    fresh = tmp_path / "fresh"
    refused = nutdesk(fresh, "restore", input=WORDS + "\n", check=False)
    assert "--relay" in refused["error"]["message"]
