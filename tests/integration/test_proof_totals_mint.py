"""Against the real mint: the running balance totals equal a full recount of the proofs after sends (online and
offline), receives, a melt, a reclaim, and a process killed mid-send or mid-melt then recovered."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from core.api.service import WalletService
from tests.integration.test_recovery_crash import crash
from tests.integration.wallet_helpers import balance, fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint, make_bolt11

KEY = "mint_url, unit, keyset_id, state, amount"


def assert_totals_recount(wallet: WalletService) -> None:
    with wallet.store.db.engine.connect() as c:
        kept = c.execute(text(f"SELECT {KEY}, proof_count FROM proof_totals WHERE proof_count <> 0")).all()
        counted = c.execute(text(f"SELECT {KEY}, COUNT(*) FROM proofs GROUP BY {KEY}")).all()
        unspent = c.execute(text("SELECT COALESCE(SUM(amount), 0) FROM proofs WHERE state = 'unspent'")).scalar()
    assert sorted(map(tuple, kept)) == sorted(map(tuple, counted))
    assert sum(b.balance for b in wallet.balances()) == unspent


async def test_the_totals_equal_a_recount_after_sends_receives_and_a_melt(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "alice") as alice, open_wallet(tmp_path / "bob") as bob:
        await fund(alice, url, 500)
        assert_totals_recount(alice)
        online = await alice.send(37, url)  # a swap: inputs spent, change and the token's proofs stored
        offline = await alice.send(64, url, offline=True)  # existing proofs, pending
        assert_totals_recount(alice)
        await bob.receive(online.token, trust=True)
        assert_totals_recount(bob)
        await alice.check_pending()  # NUT-07: bob claimed the first token, its proofs are spent
        await alice.reclaim(offline.token)  # the second comes back
        assert_totals_recount(alice)
        prepared = await alice.prepare_melt(make_bolt11(100), url)
        result = await alice.melt(prepared)  # inputs spent, change (blank outputs) stored
        assert result.paid
        assert_totals_recount(alice)
        assert balance(alice, url)[1] == 0, "nothing is left pending"


@pytest.mark.parametrize(("failpoint", "args"), [("send:after_sent", ("send", "50")), ("melt:after_sent", ())])
async def test_the_totals_equal_a_recount_after_a_crash_and_recovery(
    tmp_path: Path, nutshell_mint: NutshellMint, failpoint: str, args: tuple[str, ...]
) -> None:
    url, data = nutshell_mint.url, tmp_path / "w"
    async with open_wallet(data) as wallet:
        await fund(wallet, url, 300)
    command = [*args, "--mint", url] if args else ["pay", make_bolt11(100), "--yes"]
    crash(data, failpoint, *command)  # SIGKILLed with its inputs reserved and the request sent
    async with open_wallet(data) as wallet:
        assert_totals_recount(wallet)
    nutdesk(data, "recover")
    async with open_wallet(data) as wallet:
        assert_totals_recount(wallet)
        spendable, pending = balance(wallet, url)
        assert 0 < spendable + pending <= 300  # a send paid its fee; the melt was rolled back (see test_recovery_crash)
