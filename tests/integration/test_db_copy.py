"""``nutdesk db copy --to URL``: a single-machine wallet moved into PostgreSQL keeps its money and goes on working;
the copy refuses while another process has the wallet open, and into a database that already holds a wallet."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from core.api.service import WalletService
from core.config import Config
from core.errors import InvalidPassword
from core.storage.sealed import is_sealed
from tests.integration.wallet_helpers import balance, fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint


def refuse_while_open(home: Path, pg_url: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT 1');"
         " print('open', flush=True); time.sleep(120)", str(home / "wallet.sqlite3")],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        refused = nutdesk(home, "db", "copy", "--to", pg_url, check=False)
        assert "another process uses the wallet" in refused["error"]["message"]
        assert str(holder.pid) in refused["error"]["message"]
    finally:
        holder.kill()
        holder.communicate()


async def test_a_wallet_copied_into_postgresql_keeps_its_money_and_spends_from_there(
    tmp_path: Path, pg_url: str, nutshell_mint: NutshellMint
) -> None:
    home = tmp_path / "wallet"
    async with open_wallet(home) as wallet:
        await fund(wallet, nutshell_mint.url, 200)
        await wallet.send(30, nutshell_mint.url)  # a pending token, and counters already advanced
        before = balance(wallet, nutshell_mint.url)

    # Another process holding the wallet file open (a GUI, a till): refused, nothing copied.
    refuse_while_open(home, pg_url)

    copied = nutdesk(home, "db", "copy", "--to", pg_url)
    assert copied["copied"]["proofs"] > 0 and copied["copied"]["settings"] > 0
    again = nutdesk(home, "db", "copy", "--to", pg_url, check=False)
    assert "already holds a wallet" in again["error"]["message"]

    service = WalletService.open(Config(data_dir=tmp_path / "till", db_url=pg_url))
    try:
        service.unlock()
        assert balance(service, nutshell_mint.url) == before
        sent = await service.send(25, nutshell_mint.url)  # counters and proofs carried over: the mint accepts it
        async with open_wallet(tmp_path / "customer") as customer:
            received = await customer.receive(sent.token, trust=True)
            assert received.amount > 0
        spendable, _ = balance(service, nutshell_mint.url)
        assert spendable < before[0]
    finally:
        await service.close()


async def test_a_password_protected_wallet_is_copied_sealed_and_opens_on_postgresql_with_its_password(
    tmp_path: Path, pg_url: str, nutshell_mint: NutshellMint
) -> None:
    home = tmp_path / "wallet"
    password = "the shop's long password"
    async with open_wallet(home) as wallet:
        await fund(wallet, nutshell_mint.url, 200)
        wallet.set_password(None, password)
        before = balance(wallet, nutshell_mint.url)
        secrets = {p.secret for p in wallet.store.proofs(mint_url=nutshell_mint.url)}

    copied = nutdesk(home, "db", "copy", "--to", pg_url, env={"NUTDESK_PASSWORD": password})
    assert copied["copied"]["proofs"] == len(secrets)
    with psycopg.connect(pg_url) as conn:  # as the server stores them: sealed, as they were in the file
        stored = [row[0] for row in conn.execute("SELECT secret FROM proofs")]
    assert stored and all(is_sealed(s) for s in stored) and not secrets & set(stored)

    service = WalletService.open(Config(data_dir=tmp_path / "till", db_url=pg_url))
    try:
        with pytest.raises(InvalidPassword):
            service.unlock("not it at all")
        service.unlock(password)
        assert balance(service, nutshell_mint.url) == before
        sent = await service.send(25, nutshell_mint.url)
        async with open_wallet(tmp_path / "customer") as customer:
            assert (await customer.receive(sent.token, trust=True)).amount > 0
    finally:
        await service.close()
