"""NUT-13 deterministic secrets: keyset id → path index, v1 BIP32 and v2 HMAC derivation."""

from __future__ import annotations

import time
from typing import Any

import pytest

from core.errors import CryptoError, KeysetError
from core.protocol.derivation import (
    bip32_derive,
    derive_range,
    derive_secret_and_r,
    keyset_id_to_int,
    mnemonic_to_seed,
)
from tests.vectorlib import vector_cases

MNEMONIC = "half depart obvious quality work element tank gorilla view sugar picture humble"


@pytest.mark.parametrize("case", vector_cases("13", "keyset_id_to_int"))
def test_keyset_id_to_int(case: dict[str, Any]) -> None:
    value = keyset_id_to_int(case["input"]["keyset_id"])
    assert value == case["expected"]["keyset_id_int"]
    assert case["expected"]["derivation_path_template"] == f"m/129372'/0'/{value}'/{{counter}}'"


@pytest.mark.parametrize("case", vector_cases("13", "derive_secret_v1_bip32"))
def test_v1_bip32(case: dict[str, Any]) -> None:
    i, expected = case["input"], case["expected"]
    seed = mnemonic_to_seed(i["mnemonic"], i["passphrase"])
    secret, r = derive_secret_and_r(seed, i["keyset_id"], i["counter"])
    assert secret == expected["secret"]
    assert r.hex() == expected["r"]
    # The cached fast path agrees with a plain walk of the published path.
    assert bip32_derive(seed, expected["derivation_path"] + "/0").hex() == expected["secret"]
    assert bip32_derive(seed, expected["derivation_path"] + "/1").hex() == expected["r"]


def test_bip32_vector_1_with_non_hardened_steps() -> None:
    # BIP-32's own test vector 1: the walk mixes hardened and non-hardened steps (public keys hashed).
    seed = bytes.fromhex("000102030405060708090a0b0c0d0e0f")
    key = bip32_derive(seed, "m/0'/1/2'/2/1000000000")
    assert key.hex() == "471b76e389e528d6de6d816857e012c5455051cad6660850e58372a6c3e6e7c8"


def test_secret_and_r_share_the_counter_nodes_public_key() -> None:
    # The fast path computes the counter node's public key once for both children; a plain walk agrees.
    seed = mnemonic_to_seed(MNEMONIC)
    for counter in (0, 7, 2**31 - 1):
        secret, r = derive_secret_and_r(seed, "009a1f293253e41e", counter)
        path = f"m/129372'/0'/{keyset_id_to_int('009a1f293253e41e')}'/{counter}'"
        assert secret == bip32_derive(seed, path + "/0").hex()
        assert r == bip32_derive(seed, path + "/1")


@pytest.mark.parametrize("case", vector_cases("13", "derive_secret_v2_hmac"))
def test_v2_hmac(case: dict[str, Any]) -> None:
    i, expected = case["input"], case["expected"]
    seed = mnemonic_to_seed(i["mnemonic"], i["passphrase"])
    secret, r = derive_secret_and_r(seed, i["keyset_id"], i["counter"])
    assert secret == expected["secret"]
    assert r.hex() == expected["r"]


def test_seed_known_answer_and_whitespace() -> None:
    # BIP39 reference vector (Trezor): "abandon ×11 about" with passphrase "TREZOR".
    words = "abandon " * 11 + "about"
    assert mnemonic_to_seed(words, "TREZOR").hex().startswith("c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa")
    assert mnemonic_to_seed("  " + words.replace(" ", "  ") + "\n", "TREZOR") == mnemonic_to_seed(words, "TREZOR")


def test_restore_300_counters_is_fast() -> None:
    seed = mnemonic_to_seed(MNEMONIC)
    start = time.perf_counter()
    rows = list(derive_range(seed, "009a1f293253e41e", 0, 300))
    elapsed = time.perf_counter() - start
    assert [row[0] for row in rows] == list(range(300))
    assert len({row[1] for row in rows}) == 300
    assert elapsed < 2.0
    assert rows[4][1] == "576c23393a8b31cc8da6688d9c9a96394ec74b40fdaf1f693a6bb84284334ea0"


@pytest.mark.parametrize("keyset_id", ["02abcdef0123456789", "zz1234", "00ab"])
def test_bad_keyset_ids(keyset_id: str) -> None:
    with pytest.raises(KeysetError):
        derive_secret_and_r(b"\x00" * 64, keyset_id, 0)


def test_bad_counter_and_path() -> None:
    with pytest.raises(CryptoError):
        derive_secret_and_r(b"\x00" * 64, "009a1f293253e41e", -1)
    with pytest.raises(CryptoError):
        bip32_derive(b"\x00" * 64, "x/1")
    with pytest.raises(CryptoError):
        bip32_derive(b"\x00" * 64, "m/abc")
