"""Crash at every journal step: the CLI is SIGKILLed at a failpoint, then `nutdesk recover` must lose nothing.

Value is what the wallet owns: spendable plus pending (sent, unclaimed tokens) — plus, for a receive that was
rolled back, the token that is still redeemable. After recovery the mint must agree (reconcile: no difference).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from core.api.recovery import RecoveryService
from tests import recovery_table
from tests.integration.conftest import FAST_FAKEWALLET
from tests.integration.wallet_helpers import balance, fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint, make_bolt11

STEPS = ("after_prepare", "after_sent", "after_response")


def crash(data_dir: Path, failpoint: str, *args: str) -> None:
    """Run ``nutdesk ARGS`` with a failpoint and check that it really died there."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--json", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NUTDESK_FAILPOINT": failpoint},
        timeout=300,
    )
    assert result.returncode == -9, f"expected SIGKILL at {failpoint}, got {result.returncode}: {result.stderr}"


async def value(data_dir: Path, url: str) -> tuple[int, list[object]]:
    """(spendable + pending at ``url``, reconcile differences) — the wallet's value and whether the mint agrees."""
    async with open_wallet(data_dir) as wallet:
        spendable, pending = balance(wallet, url)
        reports = await RecoveryService(wallet).reconcile()
        differences = [r.to_json() for r in reports if r.differences]
        unfinished = RecoveryService(wallet).unfinished()
        assert unfinished == [], f"operations left unfinished: {unfinished}"
        return spendable + pending, differences


async def funded(data_dir: Path, url: str, amount: int) -> None:
    async with open_wallet(data_dir) as wallet:
        await fund(wallet, url, amount)


@pytest.mark.parametrize("step", STEPS)
async def test_crash_during_issue(tmp_path: Path, nutshell_mint: NutshellMint, step: str) -> None:
    url, data = nutshell_mint.url, tmp_path / "w"
    async with open_wallet(data) as wallet:
        await wallet.add_mint(url, trusted=True)
    crash(data, f"issue:{step}", "invoice", "200", "--mint", url, "--wait")
    nutdesk(data, "recover")
    after, differences = await value(data, url)
    row = recovery_table.record(f"issue 200 / crash {step}", before=0, after=after, expected=200, outcome="minted")
    assert row.lost == 0 and differences == []


@pytest.mark.parametrize("step", STEPS)
async def test_crash_during_send(tmp_path: Path, nutshell_mint: NutshellMint, step: str) -> None:
    url, data = nutshell_mint.url, tmp_path / "w"
    await funded(data, url, 200)  # 128+64+8: sending 50 swaps the 64 proof, fee 1
    crash(data, f"send:{step}", "send", "50", "--mint", url)
    reports = nutdesk(data, "recover")["operations"]
    after, differences = await value(data, url)
    expected = 200 if step == "after_prepare" else 199
    outcome = reports[0]["result"] if reports else "none"
    row = recovery_table.record(f"send 50 / crash {step}", before=200, after=after, expected=expected, outcome=outcome)
    assert row.lost == 0 and differences == []
    if step != "after_prepare":
        async with open_wallet(data) as wallet:
            assert balance(wallet, url) == (149, 50)
            tokens = wallet.store.exported_tokens()
            assert [t.amount for t in tokens] == [50], "the recovered send lists its token as pending"


@pytest.mark.parametrize("step", STEPS)
async def test_crash_during_receive(tmp_path: Path, nutshell_mint: NutshellMint, step: str) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "sender") as sender:
        await fund(sender, url, 64)
        token = (await sender.send(64, url)).token
    data = tmp_path / "receiver"
    async with open_wallet(data) as wallet:
        await wallet.add_mint(url, trusted=True)
    crash(data, f"receive:{step}", "receive", token)
    outcome = nutdesk(data, "recover")["operations"][0]["result"]
    if step == "after_prepare":
        # Nothing reached the mint: rolled back, and the token is still good.
        assert outcome == "rolled_back"
        assert nutdesk(data, "receive", token)["amount"] == 63
    after, differences = await value(data, url)
    row = recovery_table.record(f"receive 64 / crash {step}", before=0, after=after, expected=63, outcome=outcome)
    assert row.lost == 0 and differences == []


@pytest.mark.parametrize("step", STEPS)
async def test_crash_during_melt(tmp_path: Path, nutshell_mint: NutshellMint, step: str) -> None:
    url, data = nutshell_mint.url, tmp_path / "w"
    await funded(data, url, 200)
    crash(data, f"melt:{step}", "pay", make_bolt11(100), "--yes")
    outcome = nutdesk(data, "recover")["operations"][0]["result"]
    async with open_wallet(data) as wallet:
        melt = next(h for h in wallet.history() if h.kind == "melt")
    after, differences = await value(data, url)
    # Before the request: rolled back, nothing paid. After the mint answered: paid, change recovered.
    expected = 200 if step != "after_response" else 200 - 100 - melt.fee
    row = recovery_table.record(f"melt 100 / crash {step}", before=200, after=after, expected=expected, outcome=outcome)
    assert row.lost == 0 and differences == []
    assert melt.state == ("done" if step == "after_response" else "rolled_back")


@pytest.mark.parametrize("step", [*STEPS, "after_melt"])
async def test_crash_during_transfer(
    tmp_path: Path, nutshell_mint: NutshellMint, nutshell_mint_factory: Callable[..., NutshellMint], step: str
) -> None:
    # The destination mint must not pay its own quotes (FakeWallet's default): it learns of the payment only
    # when the source mint really paid — as over Lightning. The test plays the network's part below.
    target = nutshell_mint_factory(
        name="transfer destination", extra_env={**FAST_FAKEWALLET, "FAKEWALLET_BRR": "false"}
    )
    source, destination, data = nutshell_mint.url, target.url, tmp_path / "w"
    await funded(data, source, 200)
    async with open_wallet(data) as wallet:
        await wallet.add_mint(destination, trusted=True)
    crash(data, f"transfer:{step}", "transfer", "100", "--from", source, "--to", destination)
    async with open_wallet(data) as wallet:
        op = next(h for h in wallet.history() if h.kind == "transfer")
        melt_quote = await (await wallet.wallet_for(source)).client.get_melt_quote(op.data["quote"])
        if melt_quote.state == "PAID":
            target.set_mint_quote_state(op.data["dest_quote"], "PAID")
    nutdesk(data, "recover")
    async with open_wallet(data) as wallet:
        melt = next(h for h in wallet.history() if h.kind == "transfer")
    at_source, differences_a = await value(data, source)
    at_destination, differences_b = await value(data, destination)
    paid = step in ("after_response", "after_melt")
    expected = 200 - 100 - melt.fee + 100 if paid else 200
    row = recovery_table.record(
        f"transfer 100 / crash {step}",
        before=200,
        after=at_source + at_destination,
        expected=expected,
        outcome="paid and minted" if paid else "rolled back",
    )
    assert row.lost == 0 and differences_a == [] and differences_b == []
    assert at_destination == (100 if paid else 0)
