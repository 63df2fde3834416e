"""The spending PIN against the real nutshell mint: a payment over the limit is refused without the PIN and made
with it; wrong PINs grow a delay that a restart does not reset; the CLI takes the PIN from the environment."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from pathlib import Path

import pytest

from core.api.cheques import ChequeService
from core.api.service import WalletService
from core.api.spending_pin import PinLocked, PinRequired, SpendingPin, WrongPin, delay_after, guard_of
from core.config import Config
from core.errors import UserFacingError
from tests.integration.wallet_helpers import balance, fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint, make_bolt11


async def test_a_payment_over_the_threshold_is_refused_without_the_pin_and_made_with_it(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    async with open_wallet(tmp_path / "w") as wallet:
        await fund(wallet, nutshell_mint.url, 500)
        guard = guard_of(wallet.store)
        guard.set_pin("2468", current=None)
        guard.set_threshold(100, current="2468")
        assert guard.configured and guard.threshold == 100

        prepared = await wallet.prepare_melt(make_bolt11(150), nutshell_mint.url)
        with pytest.raises(PinRequired, match="above the spending limit of 100 sat"):
            await wallet.melt(prepared)
        with pytest.raises(PinRequired):
            await wallet.send(101, nutshell_mint.url)
        assert balance(wallet, nutshell_mint.url) == (500, 0)  # nothing reserved, nothing sent

        small = await wallet.send(100, nutshell_mint.url)  # at the limit: no PIN
        assert small.amount == 100

        with pytest.raises(WrongPin):
            guard.authorize("1357")
        with pytest.raises(PinLocked):
            guard.authorize("2468")  # the right PIN, but too soon after a wrong one
        guard.clock = lambda: time.time() + 1.5  # the 1 s delay ran out (without sleeping in a test)
        guard.authorize("2468")
        prepared = await wallet.prepare_melt(make_bolt11(150), nutshell_mint.url)
        paid = await wallet.melt(prepared)
        assert paid.paid and paid.amount == 150
        guard.revoke()
        with pytest.raises(PinRequired):
            await wallet.send(200, nutshell_mint.url)


async def test_a_transfer_over_the_threshold_is_refused_without_the_pin_and_made_with_it(
    tmp_path: Path, nutshell_mint: NutshellMint, second_mint: NutshellMint
) -> None:
    async with open_wallet(tmp_path / "w") as wallet:
        await fund(wallet, nutshell_mint.url, 500)
        await wallet.add_mint(second_mint.url, trusted=True)
        guard = guard_of(wallet.store)
        guard.set_pin("2468", current=None)
        guard.set_threshold(100, current="2468")

        with pytest.raises(
            PinRequired, match="A transfer between mints of 200 sat is above the spending limit of 100 sat"
        ):
            await wallet.transfer(200, nutshell_mint.url, second_mint.url)
        # Refused before any request: no quote, no journal entry, nothing reserved.
        assert balance(wallet, nutshell_mint.url) == (500, 0)
        assert balance(wallet, second_mint.url) == (0, 0)
        assert [op.kind for op in wallet.history()].count("transfer") == 0

        small = await wallet.transfer(100, nutshell_mint.url, second_mint.url)  # at the limit: no PIN
        assert balance(wallet, second_mint.url) == (100, 0)

        guard.authorize("2468")
        moved = await wallet.transfer(200, nutshell_mint.url, second_mint.url)
        assert moved.amount == 200
        assert balance(wallet, second_mint.url) == (300, 0)
        assert balance(wallet, nutshell_mint.url) == (500 - 300 - small.fee - moved.fee, 0)


def test_the_cli_transfer_asks_for_the_pin(
    tmp_path: Path, nutshell_mint: NutshellMint, second_mint: NutshellMint
) -> None:
    data = tmp_path / "w"
    nutdesk(data, "init")
    nutdesk(data, "mint", "add", nutshell_mint.url, "--trust")
    nutdesk(data, "mint", "add", second_mint.url, "--trust")
    nutdesk(data, "invoice", "400", "--mint", nutshell_mint.url, "--wait")
    nutdesk(data, "pin", "set", "--threshold", "50", env={"NUTDESK_NEW_PIN": "7391"})
    move = ("transfer", "120", "--from", nutshell_mint.url, "--to", second_mint.url)
    refused = nutdesk(data, *move, check=False)
    assert refused["error"]["code"] == "pin-required"
    moved = nutdesk(data, *move, env={"NUTDESK_PIN": "7391"})
    assert moved["amount"] == 120


async def test_wrong_pins_grow_a_delay_that_a_restart_does_not_reset(tmp_path: Path) -> None:
    now = [1_000_000.0]
    async with open_wallet(tmp_path / "w") as wallet:
        guard = SpendingPin(wallet.store, clock=lambda: now[0])
        guard.set_pin("482913")
        waits = []
        for _ in range(4):
            with pytest.raises(WrongPin) as wrong:
                guard.authorize("000000")
            waits.append(wrong.value.retry_after)
            with pytest.raises(PinLocked):
                guard.authorize("482913")
            now[0] += wrong.value.retry_after
        assert waits == [1.0, 2.0, 4.0, 8.0] and delay_after(30) == 3600.0
        with pytest.raises(WrongPin):
            guard.authorize("000001")
    # A new process: the failures and the delay are read back from the database.
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    try:
        service.unlock()
        again = SpendingPin(service.store, clock=lambda: now[0])
        assert again.retry_after() == 16.0
        with pytest.raises(PinLocked):
            again.authorize("482913")
        now[0] += 16
        again.authorize("482913")
        assert again.retry_after() == 0 and not again.needs_pin(10**9)
        with pytest.raises(UserFacingError, match="at least 4"):
            again.set_pin("12", current="482913")
        again.clear("482913")
        assert not again.configured
    finally:
        await service.close()


def test_the_cli_asks_for_the_pin_and_never_takes_it_from_argv(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    data = tmp_path / "w"
    nutdesk(data, "init")
    nutdesk(data, "mint", "add", nutshell_mint.url, "--trust")
    nutdesk(data, "invoice", "400", "--mint", nutshell_mint.url, "--wait")
    assert nutdesk(data, "pin", "set", "--threshold", "50", env={"NUTDESK_NEW_PIN": "7391"}) == {
        "configured": True,
        "threshold": 50,
        "retry_after": 0.0,
    }
    refused = nutdesk(data, "pay", make_bolt11(80), "--yes", check=False)
    assert refused["error"]["code"] == "pin-required"
    wrong = nutdesk(data, "pay", make_bolt11(80), "--yes", env={"NUTDESK_PIN": "1111"}, check=False)
    assert wrong["error"]["code"] == "wrong-pin"
    time.sleep(1.2)  # the delay after one wrong PIN (kept in the database across processes)
    paid = nutdesk(data, "pay", make_bolt11(80), "--yes", env={"NUTDESK_PIN": "-"}, input="7391\n")
    assert paid["paid"] is True
    assert nutdesk(data, "send", "20", "--mint", nutshell_mint.url)["amount"] == 20  # under the limit
    assert nutdesk(data, "pin", "clear", env={"NUTDESK_PIN": "7391"})["configured"] is False
    # Not stored as itself: the digits alone, not inside a longer hex string (the wallet's secrets, signatures and
    # hashes are hex, where any four digits turn up by chance in a file this size).
    raw = (data / "wallet.sqlite3").read_bytes().decode("latin-1")
    assert re.search(r"(?<![0-9a-fA-F])7391(?![0-9a-fA-F])", raw) is None


async def test_a_cheque_above_the_limit_needs_the_pin_and_secrets_are_sealed_with_a_password(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    data = tmp_path / "w"
    service = WalletService.open(Config(data_dir=data))
    try:
        service.create_wallet(password="a long wallet password")
        await fund(service, nutshell_mint.url, 300)
        guard = guard_of(service.store)
        guard.set_pin("2468")
        guard.set_threshold(50, current="2468")
        cheques = ChequeService(service)
        key = "02" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
        with pytest.raises(PinRequired):
            await cheques.write_cheque(60, key, expires_in=3600, mint_url=nutshell_mint.url)
        assert service.store.settings_with_prefix("cheque:") == {}  # refused before any key was made
        guard.authorize("2468")
        await cheques.write_cheque(60, key, expires_in=3600, mint_url=nutshell_mint.url)
        [record] = service.store.settings_with_prefix("cheque:").values()
        refund_key = json.loads(record)["refund_key"]
    finally:
        await service.close()
    # A copy of the database holds neither the PIN hash nor the cheque's refund key in the clear.
    with sqlite3.connect(data / "wallet.sqlite3") as db:
        rows = dict(
            db.execute("SELECT key, value FROM settings WHERE key LIKE 'spending_pin:%' OR key LIKE 'cheque:%'")
        )
    assert rows and all(value.startswith("nd1") for value in rows.values())
    raw = b"".join(p.read_bytes() for p in data.glob("wallet.sqlite3*"))
    assert refund_key.encode() not in raw and b"pinscrypt" not in raw
