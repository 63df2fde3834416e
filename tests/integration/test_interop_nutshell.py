"""Interop with nutshell's own wallet CLI, both ways: its cashuA and cashuB tokens, and ours."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint, NutshellWalletCLI


@pytest.mark.parametrize("legacy", [False, True], ids=["cashuB", "cashuA"])
async def test_tokens_sent_by_nutshell_are_received_here(
    tmp_path: Path, nutshell_mint: NutshellMint, nutshell_wallet: NutshellWalletCLI, legacy: bool
) -> None:
    nutshell_wallet.invoice(200)
    token = nutshell_wallet.send(64, legacy=legacy)
    assert token.startswith("cashuA" if legacy else "cashuB")
    async with open_wallet(tmp_path / "w") as wallet:
        received = await wallet.receive(token, trust=True)
        assert received.amount == 64 - received.fee
        assert balance(wallet, nutshell_mint.url) == (received.amount, 0)


async def test_tokens_sent_here_are_received_by_nutshell(
    tmp_path: Path, nutshell_mint: NutshellMint, nutshell_wallet: NutshellWalletCLI
) -> None:
    async with open_wallet(tmp_path / "w") as wallet:
        await fund(wallet, nutshell_mint.url, 300)
        sent = await wallet.send(100, nutshell_mint.url)
        before = nutshell_wallet.balance()
        nutshell_wallet.receive(sent.token)
        after = nutshell_wallet.balance()
        # nutshell pays the input fee of the three proofs (64+32+4) when it swaps them.
        assert after - before in (99, 100)
        assert await wallet.check_pending() == {nutshell_mint.url: 100}
