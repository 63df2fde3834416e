"""Secret columns at rest: sealed when a password is set (no plaintext left in the files), looked up as before,
opened again when it is removed; a wallet of the older scheme opens with its password and is upgraded."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from core.analytics.facts import catch_up
from core.api.service import WalletService
from core.config import Config
from core.errors import InvalidPassword, StorageError, UserFacingError
from core.protocol.models import Proof

MINT = "http://127.0.0.1:1"
PASSWORD = "correct horse battery"
SECRETS = [os.urandom(32).hex() for _ in range(3)]
CS = ["02" + os.urandom(32).hex() for _ in range(3)]
QUOTE = "quote-" + os.urandom(12).hex()
QUOTE_KEY = os.urandom(32).hex()
TOKEN = "cashuB" + os.urandom(40).hex()
WEBHOOK_SECRET = "whsec-" + os.urandom(16).hex()
ALL_SECRETS = [*SECRETS, *CS, QUOTE, QUOTE_KEY, TOKEN, WEBHOOK_SECRET]


def _fill(service: WalletService, secrets: list[str]) -> None:
    store = service.store
    store.upsert_mint(MINT, name="m", info={})
    store.upsert_keyset(
        id="00aa",
        mint_url=MINT,
        unit="sat",
        active=True,
        input_fee_ppk=400,
        final_expiry=None,
        keys={1: "03" + "11" * 32},
    )
    proofs = [Proof(id="00aa", amount=2**i, secret=s, C=c) for i, (s, c) in enumerate(zip(secrets, CS, strict=True))]
    store.add_proofs(proofs, ys=[hashlib.sha256(s.encode()).hexdigest() for s in secrets], mint_url=MINT, unit="sat")
    store.save_mint_quote(
        quote=QUOTE, mint_url=MINT, unit="sat", amount=8, request="lnbc1", state="PAID", expiry=None, privkey=QUOTE_KEY
    )
    op = store.create_operation(kind="melt", mint_url=MINT, unit="sat", amount=3, data={"inputs": secrets[:2]})
    store.update_operation(op, state="done")
    store.add_exported_token(operation_id=op, mint_url=MINT, unit="sat", amount=4, token=TOKEN)
    store.set_setting("pos:policy", json.dumps({"webhooks": [{"url": "https://x", "secret": WEBHOOK_SECRET}]}))


def _leaks(data_dir: Path, needles: list[str]) -> list[str]:
    blobs = [p.read_bytes() for p in data_dir.iterdir() if p.is_file()]
    return [n for n in needles if any(n.encode() in blob for blob in blobs)]


def _reads_back(service: WalletService) -> None:
    store = service.store
    assert sorted(store.proofs_by_secrets(SECRETS)) == sorted(SECRETS)
    assert sorted(p.C for p in store.proofs(mint_url=MINT)) == sorted(CS)
    record = store.mint_quote(QUOTE)
    assert record is not None and record.privkey == QUOTE_KEY
    assert [t.token for t in store.exported_tokens()] == [TOKEN]
    assert WEBHOOK_SECRET in (store.get_setting("pos:policy") or "")


@pytest.fixture
def wallet(tmp_path: Path) -> Iterator[WalletService]:
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    service.create_wallet(None, None)
    _fill(service, SECRETS)
    yield service
    service.store.close()


def test_setting_a_password_seals_every_secret_column_and_lookups_still_work(
    wallet: WalletService, tmp_path: Path
) -> None:
    data_dir = tmp_path / "w"
    assert _leaks(data_dir, ALL_SECRETS)  # the check sees plaintext when there is some
    wallet.set_password(None, PASSWORD)
    assert _leaks(data_dir, ALL_SECRETS) == []
    _reads_back(wallet)

    # Written after the password: sealed on the way in, found by secret, reserved by secret.
    store = wallet.store
    late = os.urandom(32).hex()
    store.add_proofs([Proof(id="00aa", amount=64, secret=late, C=CS[0])], ys=["y-late"], mint_url=MINT, unit="sat")
    store.reserve_proofs([late], "op-1")
    assert store.proofs_by_secrets([late])[late][1] == "reserved"
    assert _leaks(data_dir, [late]) == []

    # The analytics facts read inside the sealed journal and join on sealed secrets (input fee: 2 proofs x 400 ppk).
    with store.db.engine.begin() as conn:
        catch_up(conn)
        fee, total_in = conn.exec_driver_sql("SELECT input_fee, total_in FROM operation_facts").one()
    assert (fee, total_in) == (1, 1 + 2)


async def test_a_locked_copy_reads_and_writes_nothing_until_the_password_is_given(
    wallet: WalletService, tmp_path: Path
) -> None:
    wallet.set_password(None, PASSWORD)
    wallet.store.close()
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    try:
        assert service.password_protected
        with pytest.raises(InvalidPassword):
            service.store.proofs(mint_url=MINT)
        with pytest.raises((InvalidPassword, StorageError)):
            service.store.set_setting("pos:policy", "{}")  # never plaintext into a protected wallet
        with pytest.raises(InvalidPassword):
            service.unlock("wrong password")
        service.unlock(PASSWORD)
        _reads_back(service)
    finally:
        await service.close()


def test_removing_the_password_opens_the_columns_again(wallet: WalletService, tmp_path: Path) -> None:
    wallet.set_password(None, PASSWORD)
    wallet.set_password(PASSWORD, "another long password")  # a change keeps the rows as they are
    _reads_back(wallet)
    wallet.set_password("another long password", None)
    assert not wallet.password_protected
    assert set(_leaks(tmp_path / "w", SECRETS)) == set(SECRETS)
    _reads_back(wallet)


def test_a_new_password_is_at_least_eight_characters(wallet: WalletService) -> None:
    with pytest.raises(UserFacingError, match="at least 8"):
        wallet.set_password(None, "short")
    assert not wallet.password_protected


def _legacy_encrypt(plaintext: str, password: str) -> str:
    """The first scheme (scrypt N = 2^15, parameters not stored), as older Nutdesk versions wrote it."""
    salt, nonce = os.urandom(16), os.urandom(12)
    key = hashlib.scrypt(password.encode(), salt=salt, n=2**15, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=32)
    return f"scrypt${salt.hex()}${nonce.hex()}${AESGCM(key).encrypt(nonce, plaintext.encode(), None).hex()}"


async def test_a_wallet_of_the_older_scheme_opens_and_is_upgraded(wallet: WalletService, tmp_path: Path) -> None:
    # An older version: the words under scrypt 2^15 (a short password was allowed then), every column plaintext.
    words = wallet.mnemonic()
    wallet.store.set_setting("mnemonic", _legacy_encrypt(words, "old-pw"))
    wallet.store.close()
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    try:
        service.unlock("old-pw")
        assert (service.store.get_setting("mnemonic") or "").startswith("ndscrypt$17$8$1$")
        assert service.mnemonic("old-pw") == words
        assert _leaks(tmp_path / "w", ALL_SECRETS) == []
        _reads_back(service)
    finally:
        await service.close()
