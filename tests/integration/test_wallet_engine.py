"""The wallet engine end to end against real nutshell mints (FakeWallet Lightning, 100 ppk input fee)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from core.errors import InsufficientBalance, ProofsAlreadySpent, UnknownMint
from core.protocol.tokens import decode_token
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint, make_bolt11


async def test_mint_1000_sat_gives_exactly_1000(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    async with open_wallet(tmp_path / "a") as wallet:
        minted = await fund(wallet, nutshell_mint.url, 1000)
        assert minted == 1000
        assert balance(wallet, nutshell_mint.url) == (1000, 0)
        history = wallet.history()
        assert [(h.kind, h.amount, h.state) for h in history] == [("issue", 1000, "done")]


async def test_send_and_receive_between_two_wallets_pays_exact_fees(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "alice") as alice, open_wallet(tmp_path / "bob") as bob:
        await fund(alice, url, 1000)
        sent = await alice.send(100, url)
        # 1000 = 512+256+128+64+32+8: no exact 100, so one 512 proof is swapped (fee ⌈100/1000⌉ = 1).
        assert (sent.amount, sent.fee) == (100, 1)
        assert balance(alice, url) == (1000 - 100 - 1, 100)
        token = decode_token(sent.token)
        assert token.amount == 100
        assert all(p.dleq is not None and p.dleq.r for p in token.proofs), "sent proofs carry DLEQ proofs"

        await bob.add_mint(url, trusted=True)
        received = await bob.receive(sent.token)
        # 100 = 64+32+4: three inputs at 100 ppk cost ⌈300/1000⌉ = 1.
        assert (received.amount, received.fee, received.unit) == (99, 1, "sat")
        assert balance(bob, url) == (99, 0)

        claimed = await alice.check_pending()
        assert claimed == {url: 100}
        assert balance(alice, url) == (899, 0)


async def test_receiving_a_spent_token_fails_clearly(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "a") as alice, open_wallet(tmp_path / "b") as bob:
        await fund(alice, url, 64)
        sent = await alice.send(32, url)
        await bob.add_mint(url, trusted=True)
        await bob.receive(sent.token)
        with pytest.raises(ProofsAlreadySpent, match="already spent"):
            await bob.receive(sent.token)
        assert balance(bob, url)[0] == 31
        assert [h.state for h in bob.history()] == ["failed", "done"]


async def test_token_from_an_untrusted_mint_needs_trust(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "a") as alice, open_wallet(tmp_path / "b") as bob:
        await fund(alice, url, 16)
        sent = await alice.send(16, url)
        assert sent.fee == 0, "an exact proof needs no swap"
        with pytest.raises(UnknownMint):
            await bob.receive(sent.token)
        assert bob.store.get_mint(url) is None
        received = await bob.receive(sent.token, trust=True)
        assert received.amount == 15


async def test_offline_send_hands_over_exact_proofs_or_refuses(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "a") as alice:
        await fund(alice, url, 100)  # 64+32+4
        sent = await alice.send(36, url, offline=True)
        assert (sent.amount, sent.fee) == (36, 0)
        assert balance(alice, url) == (64, 36)
        with pytest.raises(InsufficientBalance, match="exactly"):
            await alice.send(10, url, offline=True)


async def test_reclaim_takes_back_an_unclaimed_token(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "a") as alice:
        await fund(alice, url, 100)
        sent = await alice.send(50, url)  # swap of the 64 proof: fee 1
        assert balance(alice, url) == (49, 50)
        reclaimed = await alice.reclaim(sent.token)
        assert reclaimed.amount == 50 - reclaimed.fee
        assert balance(alice, url) == (49 + reclaimed.amount, 0)


async def test_receiving_a_token_we_sent_closes_it_at_once(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    """Pasting our own sent token into Receive takes it back: nothing stays 'pending' that the mint no longer owes."""
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "a") as alice:
        await fund(alice, url, 100)
        sent = await alice.send(50, url)
        assert balance(alice, url) == (49, 50)
        received = await alice.receive(sent.token)
        assert balance(alice, url) == (49 + received.amount, 0)
        assert [t.state for t in alice.store.exported_tokens(("pending", "claimed", "reclaimed"))] == ["reclaimed"]


async def test_melt_pays_an_invoice_and_returns_the_change(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "a") as alice:
        await fund(alice, url, 1000)
        prepared = await alice.prepare_melt(make_bolt11(100), url)
        assert prepared.amount == 100
        assert prepared.total == 100 + prepared.fee_reserve + prepared.input_fee
        result = await alice.melt(prepared)
        assert result.paid
        # The fee is the mint's input fee plus what Lightning really cost (at most the reserve); the rest of the
        # reserve comes back as NUT-08 change.
        assert prepared.input_fee <= result.fee <= prepared.input_fee + prepared.fee_reserve
        assert result.change == sum(p.amount for p in prepared.inputs) - 100 - result.fee
        assert balance(alice, url) == (1000 - 100 - result.fee, 0)
        melts = [h for h in alice.history() if h.kind == "melt"]
        assert melts[0].state == "done" and melts[0].fee == result.fee


async def test_melt_with_too_little_ecash_is_refused_before_spending(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "a") as alice:
        await fund(alice, url, 64)
        with pytest.raises(InsufficientBalance):
            await alice.prepare_melt(make_bolt11(64), url)
        assert balance(alice, url) == (64, 0)


async def test_transfer_between_two_mints(
    tmp_path: Path, nutshell_mint: NutshellMint, second_mint: NutshellMint
) -> None:
    async with open_wallet(tmp_path / "a") as alice:
        await fund(alice, nutshell_mint.url, 500)
        await alice.add_mint(second_mint.url, trusted=True)
        result = await alice.transfer(200, nutshell_mint.url, second_mint.url)
        assert result.amount == 200
        assert balance(alice, second_mint.url) == (200, 0)
        assert balance(alice, nutshell_mint.url) == (500 - 200 - result.fee, 0)


async def test_usd_unit_mint_and_send(tmp_path: Path, usd_mint: NutshellMint) -> None:
    url = usd_mint.url
    async with open_wallet(tmp_path / "a") as alice, open_wallet(tmp_path / "b") as bob:
        await alice.add_mint(url, trusted=True)
        assert set(alice.mint_view(url).units) == {"sat", "usd"}
        await fund(alice, url, 250, unit="usd")  # $2.50 in cents
        await fund(alice, url, 100, unit="sat")
        sent = await alice.send(120, url, unit="usd")
        assert decode_token(sent.token).unit == "usd"
        assert balance(alice, url, "usd") == (250 - 120 - sent.fee, 120)
        assert balance(alice, url, "sat") == (100, 0)
        await bob.add_mint(url, trusted=True)
        received = await bob.receive(sent.token)
        assert (received.unit, received.amount) == ("usd", 120 - received.fee)


async def test_restore_from_the_mnemonic_recovers_the_exact_balance(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "original") as original:
        words = original.mnemonic()
        await fund(original, url, 300)
        sent = await original.send(70, url)
        await original.check_pending()
        expected = balance(original, url)[0]
        assert expected == 300 - 70 - sent.fee
        original_counters = {k.id: k.counter for k in original.store.keysets(url)}
    async with open_wallet(tmp_path / "restored", mnemonic=words) as restored:
        restored_amounts = await restored.restore([url])
        result = restored_amounts[url]
        assert balance(restored, url)[0] == result
        # The sent token was never claimed, so its 70 sat are unspent at the mint and come back too.
        assert result == expected + 70
        counters = {k.id: k.counter for k in restored.store.keysets(url)}
        assert counters == original_counters, "counters continue after the last used one"
        # New outputs after a restore do not collide with old ones (no 11003 "outputs already signed").
        await fund(restored, url, 8)


async def test_keyset_rotation_old_proofs_still_spend(
    tmp_path: Path, nutshell_mint_factory: Callable[..., NutshellMint]
) -> None:
    mint = nutshell_mint_factory(name="rotating mint")
    async with open_wallet(tmp_path / "a") as alice:
        await fund(alice, mint.url, 200)
        old_ids = {k.id for k in alice.store.keysets(mint.url)}
        mint.next_keyset("sat", 200)
    # A new process (a new session) sees the rotation when it refreshes the keysets.
    async with open_wallet(tmp_path / "a") as alice:
        await alice.wallet_for(mint.url)
        keysets = alice.store.keysets(mint.url)
        new_active = [k for k in keysets if k.active]
        assert len(new_active) == 1 and new_active[0].id not in old_ids
        assert new_active[0].input_fee_ppk == 200
        sent = await alice.send(100, mint.url)
        token = decode_token(sent.token)
        # V4 tokens carry the 8-byte short form of the keyset id.
        assert {p.id for p in token.proofs} == {new_active[0].id[:16]}, "new outputs go to the active keyset"
        assert balance(alice, mint.url) == (200 - 100 - sent.fee, 100)
