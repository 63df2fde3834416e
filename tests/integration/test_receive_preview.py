"""Previewing a token before receiving it (WalletService.preview_receive, in core.api.mints): its amount, the mint's
input fee (NUT-02, 100 ppk on the test mint), and whether the mint is known and trusted — from the wallet's keysets
for a known mint, from the mint's keyset list for an unknown one. Nothing is redeemed."""

from __future__ import annotations

from pathlib import Path

from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint


async def test_a_preview_shows_amount_fee_and_trust_without_redeeming(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    async with open_wallet(tmp_path / "a") as alice, open_wallet(tmp_path / "b") as bob:
        await fund(alice, nutshell_mint.url, 300)
        sent = await alice.send(200, nutshell_mint.url)
        proofs = len(sent.proofs)

        unknown = await bob.preview_receive(sent.token)  # bob has never seen this mint
        assert (unknown.amount, unknown.mint, unknown.known, unknown.trusted) == (200, nutshell_mint.url, False, False)
        assert unknown.fee == -(-proofs * 100 // 1000) and unknown.net == 200 - unknown.fee

        await bob.add_mint(nutshell_mint.url, trusted=True)
        known = await bob.preview_receive(sent.token)
        assert (known.fee, known.known, known.trusted) == (unknown.fee, True, True)
        assert balance(bob, nutshell_mint.url) == (0, 0)  # a preview redeems nothing
        assert (await bob.receive(sent.token)).amount == 200 - known.fee
