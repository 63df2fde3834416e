"""NUT-27 Nostr mint-backup key."""

from __future__ import annotations

from typing import Any

import pytest

from core.protocol.derivation import mnemonic_to_seed
from core.protocol.nostr_backup import DOMAIN_SEPARATOR, backup_key_from_mnemonic, backup_keypair_hex
from tests.vectorlib import vector_cases


@pytest.mark.parametrize("case", vector_cases("27", "nostr_backup_key"))
def test_backup_key_vector(case: dict[str, Any]) -> None:
    i, expected = case["input"], case["expected"]
    assert DOMAIN_SEPARATOR.decode() == i["domain_separator"]
    seed = mnemonic_to_seed(i["mnemonic"], i["passphrase"])
    assert backup_keypair_hex(seed) == (expected["secret_key"], expected["public_key_xonly"])
    key = backup_key_from_mnemonic(i["mnemonic"], i["passphrase"])
    assert key.to_int().to_bytes(32, "big").hex() == expected["secret_key"]
