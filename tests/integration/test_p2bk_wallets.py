"""NUT-28 (P2BK) end to end against the real nutshell mint: a lock to a wallet's key is blinded by default (the
mint sees a key it cannot link to the receiver), only that wallet unlocks it, and the mint accepts the spend.

nutshell 0.20.2 (the peer installed here) does not implement P2BK: its wallet has no ``p2pk_e``/``pe`` support
(the string appears nowhere in its package), so a blinded token cannot be received there. The blinded path is
shown between two Nutdesk wallets; nutshell's wallet is used for what it does support: a plain P2PK lock it
makes to our key is unlocked here, and ``--no-blind`` keeps locks to it spendable (test_interop_nutshell.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.api import LockOptions
from core.api.p2bk import wallet_lock_key
from core.protocol.nut10 import parse_secret
from core.protocol.tokens import decode_token
from core.wallet.unlock import LockedToAnotherKey
from tests.integration.wallet_helpers import balance, fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint, NutshellWalletCLI


async def test_a_blinded_lock_is_received_by_its_owner_only(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    async with (
        open_wallet(tmp_path / "alice") as alice,
        open_wallet(tmp_path / "bob") as bob,
        open_wallet(tmp_path / "carol") as carol,
    ):
        await fund(alice, url, 200)
        bob_key = wallet_lock_key(bob)
        sent = await alice.send(40, url, lock=LockOptions(pubkey=bob_key))
        token = decode_token(sent.token)
        assert all(p.p2pk_e is not None for p in token.proofs)
        lock_keys = {parse_secret(p.secret).data for p in token.proofs}
        assert bob_key[5:] not in lock_keys and len(lock_keys) == len(token.proofs)  # blinded, one key per proof
        assert len({p.p2pk_e for p in token.proofs}) == len(token.proofs)

        with pytest.raises(LockedToAnotherKey):  # carol cannot sign: refused before the mint is asked
            await carol.receive(sent.token, trust=True)
        received = await bob.receive(sent.token, trust=True)
        assert received.amount == 40 - received.fee
        assert balance(bob, url) == (received.amount, 0)
        assert await alice.check_pending() == {url: 40}  # the mint says the blinded proofs are spent


async def test_a_plain_lock_still_works_when_asked_for(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "alice") as alice, open_wallet(tmp_path / "bob") as bob:
        await fund(alice, url, 100)
        bob_key = wallet_lock_key(bob)
        sent = await alice.send(16, url, lock=LockOptions(pubkey=bob_key, blind=False))
        token = decode_token(sent.token)
        assert {parse_secret(p.secret).data for p in token.proofs} == {bob_key[5:]}
        assert all(p.p2pk_e is None for p in token.proofs)
        received = await bob.receive(sent.token, trust=True)
        assert received.amount == 16 - received.fee


async def test_a_lock_made_by_nutshells_wallet_to_our_key_is_unlocked_here(
    tmp_path: Path, nutshell_mint: NutshellMint, nutshell_wallet: NutshellWalletCLI
) -> None:
    nutshell_wallet.invoice(100)
    async with open_wallet(tmp_path / "w") as wallet:
        out = nutshell_wallet.run("send", "--lock", wallet_lock_key(wallet), "32")
        token = next(w for w in out.split() if w.startswith(("cashuA", "cashuB")))
        received = await wallet.receive(token, trust=True)
        assert received.amount == 32 - received.fee


def test_the_cli_shows_the_lock_key_and_sends_blinded_by_default(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    nutdesk(alice, "init")
    nutdesk(bob, "init")
    key = nutdesk(bob, "lock-key")["lock_key"]
    assert re.fullmatch(r"P2PK:0[23][0-9a-f]{64}", key)
    nutdesk(alice, "mint", "add", url, "--trust")
    nutdesk(alice, "invoice", "100", "--mint", url, "--wait")
    token = nutdesk(alice, "send", "20", "--mint", url, "--lock", key)["token"]
    assert all(p.p2pk_e for p in decode_token(token).proofs)
    plain = nutdesk(alice, "send", "8", "--mint", url, "--lock", key, "--no-blind")["token"]
    assert not any(p.p2pk_e for p in decode_token(plain).proofs)
    assert nutdesk(bob, "receive", token, "--trust")["amount"] > 0
    assert nutdesk(bob, "receive", plain, "--trust")["amount"] > 0


async def test_a_blinded_send_finished_by_recovery_still_carries_the_ephemeral_keys(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    """Killed after the mint answered, before the token existed: recovery makes the token from the journal, and
    the receiver can still unlock it because each output's E was journaled before the swap."""
    url = nutshell_mint.url
    alice, bob = tmp_path / "alice", tmp_path / "bob"
    nutdesk(alice, "init")
    nutdesk(bob, "init")
    key = nutdesk(bob, "lock-key")["lock_key"]
    nutdesk(alice, "mint", "add", url, "--trust")
    nutdesk(alice, "invoice", "100", "--mint", url, "--wait")
    crash = {"NUTDESK_FAILPOINT": "send:after_response"}
    killed = nutdesk(alice, "send", "24", "--mint", url, "--lock", key, env=crash, check=False)
    assert killed == {} or "error" in killed  # SIGKILL: no answer at all
    nutdesk(alice, "recover")
    async with open_wallet(alice) as wallet:
        [sent] = wallet.sent_tokens()
    token = decode_token(sent.token)
    assert token.amount == 24 and all(p.p2pk_e for p in token.proofs)
    assert nutdesk(bob, "receive", sent.token, "--trust")["amount"] > 0
