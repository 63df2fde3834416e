"""NUT-27 Nostr mint-backup key."""

from __future__ import annotations

import json
from typing import Any

import pytest

from core.errors import ProtocolError
from core.protocol.derivation import mnemonic_to_seed
from core.protocol.nostr_backup import (
    DOMAIN_SEPARATOR,
    MAX_MINTS,
    MintListBackup,
    backup_key_from_mnemonic,
    backup_keypair_hex,
    backup_plaintext,
    parse_backup_plaintext,
)
from tests.vectorlib import vector_cases


@pytest.mark.parametrize("case", vector_cases("27", "nostr_backup_key"))
def test_backup_key_vector(case: dict[str, Any]) -> None:
    i, expected = case["input"], case["expected"]
    assert DOMAIN_SEPARATOR.decode() == i["domain_separator"]
    seed = mnemonic_to_seed(i["mnemonic"], i["passphrase"])
    assert backup_keypair_hex(seed) == (expected["secret_key"], expected["public_key_xonly"])
    key = backup_key_from_mnemonic(i["mnemonic"], i["passphrase"])
    assert key.to_int().to_bytes(32, "big").hex() == expected["secret_key"]


def test_backup_plaintext_round_trip_keeps_order_and_drops_duplicates() -> None:
    text = backup_plaintext(["https://a.example", "https://b.example", "https://a.example"], 1703721600)
    assert json.loads(text) == {"mints": ["https://a.example", "https://b.example"], "timestamp": 1703721600}
    assert parse_backup_plaintext(text) == MintListBackup(("https://a.example", "https://b.example"), 1703721600)


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        '{"timestamp": 1}',
        '{"mints": ["ftp://a.example"], "timestamp": 1}',
        '{"mints": ["javascript:alert(1)"], "timestamp": 1}',
        '{"mints": [42], "timestamp": 1}',
        '{"mints": ["https://a.example"], "timestamp": "soon"}',
        json.dumps({"mints": [f"https://m{i}.example" for i in range(MAX_MINTS + 1)], "timestamp": 1}),
    ],
)
def test_a_hostile_or_corrupted_backup_is_refused(text: str) -> None:
    with pytest.raises(ProtocolError):
        parse_backup_plaintext(text)
