"""Interop with nutshell's own wallet CLI, both ways: its cashuA and cashuB tokens, and ours."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.api import LockOptions
from core.errors import UserFacingError
from core.wallet.unlock import LockedToAnotherKey
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


async def test_p2pk_locked_token_is_received_by_the_key_owner_only(
    tmp_path: Path, nutshell_mint: NutshellMint, nutshell_wallet: NutshellWalletCLI
) -> None:
    out = nutshell_wallet.run("lock", "p2pk")
    lock = next(word for word in out.split() if word.startswith("P2PK:"))
    async with open_wallet(tmp_path / "w") as wallet, open_wallet(tmp_path / "stranger") as stranger:
        await fund(wallet, nutshell_mint.url, 100)
        # nutshell 0.20.2 has no NUT-28: a plain (unblinded) lock is what its wallet can unlock.
        sent = await wallet.send(40, nutshell_mint.url, lock=LockOptions(pubkey=lock, blind=False))
        assert all('"P2PK"' in p.secret for p in sent.proofs)
        with pytest.raises(LockedToAnotherKey):  # refused before the mint is asked
            await stranger.receive(sent.token, trust=True)
        before = nutshell_wallet.balance()
        nutshell_wallet.receive(sent.token)
        assert nutshell_wallet.balance() - before in (39, 40)


def test_lock_to_something_that_is_not_a_key_is_refused() -> None:
    with pytest.raises(UserFacingError, match="not a public key"):
        LockOptions(pubkey="P2PK:nothex")
