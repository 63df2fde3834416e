"""Cheques against the real nutshell mint: one cashed by the recipient (nutshell's wallet CLI holding the key),
one taken back by the sender after its expiry (the NUT-11 refund path), through the CLI."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from core.api import read_token_file
from core.api.cheques import ChequeService, VaultState
from core.errors import UserFacingError
from core.protocol.p2pk import parse_secret
from core.protocol.tokens import decode_token
from core.wallet.unlock import LockedToAnotherKey
from tests.integration.wallet_helpers import balance, fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint, NutshellWalletCLI


async def test_cheque_is_cashed_by_the_recipient_with_nutshell_and_shows_claimed(
    tmp_path: Path, nutshell_mint: NutshellMint, nutshell_wallet: NutshellWalletCLI
) -> None:
    out = nutshell_wallet.run("lock", "p2pk")
    key = next(word for word in out.split() if word.startswith("P2PK:"))
    async with open_wallet(tmp_path / "w") as wallet, open_wallet(tmp_path / "stranger") as stranger:
        await fund(wallet, nutshell_mint.url, 200)
        cheques = ChequeService(wallet)
        sent, cheque = await cheques.write_cheque(64, key, expires_in=30 * 86400, mint_url=nutshell_mint.url)
        secret = parse_secret(decode_token(sent.token).proofs[0].secret)
        assert secret.data == key[5:].lower() and secret.tag("locktime") == (str(cheque.locktime),)
        assert secret.tag("refund") == (cheque.refund_pubkey,)
        [entry] = cheques.entries()
        assert entry.state is VaultState.UNCLAIMED and entry.cheque == cheque
        with pytest.raises(UserFacingError, match="recipient's until"):
            await cheques.reclaim(entry.id)
        with pytest.raises(LockedToAnotherKey):  # refused before the mint is asked
            await stranger.receive(sent.token, trust=True)

        before = nutshell_wallet.balance()
        nutshell_wallet.receive(sent.token)
        assert nutshell_wallet.balance() - before in (63, 64)
        [entry] = await cheques.refresh()
        assert entry.state is VaultState.CLAIMED
        assert balance(wallet, nutshell_mint.url) == (200 - 64 - sent.fee, 0)


def test_expired_cheque_returns_to_the_sender_through_the_cli(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    data = tmp_path / "sender"
    nutdesk(data, "init")
    nutdesk(data, "mint", "add", url, "--trust")
    nutdesk(data, "invoice", "300", "--mint", url, "--wait")
    recipient = "02" + "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
    env = {"NUTDESK_FILE_PASSPHRASE": "correct horse battery"}
    made = nutdesk(
        data, "cheque", "100", "--to", recipient, "--expires", "5s", "--out", str(tmp_path / "c.cashu.age"),
        "--encrypt", env=env,
    )  # fmt: skip
    assert made["encrypted"] is True and made["locktime"] <= int(time.time()) + 5
    assert read_token_file(made["file"], "correct horse battery") == made["token"]
    page = Path(made["page"]).read_text()
    assert "data:image/png;base64," in page and recipient in page and made["token"] in page

    listed = nutdesk(data, "vault", "list")["entries"]
    # (Unclaimed until the expiry, then expired: the early refusal is tested in process, where time is ours.)
    assert [(e["amount"], e["file"], e["cheque"]["recipient"]) for e in listed] == [(100, made["file"], recipient)]

    time.sleep(max(0.0, made["locktime"] + 2 - time.time()))
    assert nutdesk(data, "vault", "list")["entries"][0]["state"] == "expired"
    back = nutdesk(data, "vault", "reclaim", "--expired")
    assert back["reclaimed"] == 1 and back["amount"] >= 100 - 2
    assert nutdesk(data, "vault", "list")["entries"][0]["state"] == "reclaimed"
    assert nutdesk(data, "balance")["total"] == {"sat": 300 - made["fee"] - (100 - back["amount"])}


async def test_expired_cheques_are_reclaimed_automatically_when_enabled(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    async with open_wallet(tmp_path / "w") as wallet:
        await fund(wallet, nutshell_mint.url, 100)
        cheques = ChequeService(wallet)
        recipient = "npub10elfcs4fr0l0r8af98jlmgdh9c8tcxjvz9qkw038js35mp4dma8qzvjptg"
        _, cheque = await cheques.write_cheque(32, recipient, expires_in=2, mint_url=nutshell_mint.url)
        assert cheque.recipient.startswith("02") and len(cheque.recipient) == 66
        cheques.set_auto_reclaim(True)
        await asyncio.sleep(max(0.0, cheque.locktime + 2 - time.time()))
        [entry] = await cheques.refresh()
        assert entry.state is VaultState.RECLAIMED
        assert balance(wallet, nutshell_mint.url)[1] == 0


async def test_an_expired_cheque_the_recipient_cashed_first_is_recorded_as_claimed_not_reclaimed(
    tmp_path: Path, nutshell_mint: NutshellMint, nutshell_wallet: NutshellWalletCLI
) -> None:
    out = nutshell_wallet.run("lock", "p2pk")
    key = next(word for word in out.split() if word.startswith("P2PK:"))
    async with open_wallet(tmp_path / "w") as wallet:
        await fund(wallet, nutshell_mint.url, 100)
        cheques = ChequeService(wallet)
        sent, cheque = await cheques.write_cheque(16, key, expires_in=2, mint_url=nutshell_mint.url)
        await asyncio.sleep(max(0.0, cheque.locktime + 2 - time.time()))
        nutshell_wallet.receive(sent.token)  # after the locktime the recipient's key still spends it
        [entry] = cheques.entries()
        assert entry.state is VaultState.EXPIRED  # what we knew before asking the mint
        assert await cheques._reclaim_quietly(entry.id) is None
        [entry] = cheques.entries()
        assert entry.state is VaultState.CLAIMED
        assert balance(wallet, nutshell_mint.url) == (100 - 16 - sent.fee, 0)
