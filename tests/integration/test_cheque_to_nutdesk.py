"""A cheque (or any NUT-11 lock) to another Nutdesk wallet's lock key, against the real nutshell mint: the wallet
whose key it names receives it, a third wallet cannot, and after the expiry the sender takes an uncashed one back;
a SIG_ALL lock to our key is signed over the whole swap and accepted by the mint — nutshell 0.20.2, which checks
NUT-11's older SIG_ALL message, and nutshell 0.21.0, which checks the current one."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from core.api.cheques import ChequeService, VaultState
from core.api.p2bk import wallet_lock_key
from core.api.service import WalletService
from core.errors import ProofsAlreadySpent
from core.protocol import bdhke
from core.protocol.amounts import split
from core.protocol.nut10 import parse_secret
from core.protocol.p2pk import make_p2pk_secret
from core.protocol.tokens import Token, decode_token
from core.wallet.outputs import PreparedOutput, verified_proofs
from core.wallet.receive import normalize_token_proofs
from core.wallet.unlock import LockedToAnotherKey
from tests.integration.wallet_helpers import balance, fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint
from tests.peers.nutshell021 import ensure_nutshell021


@pytest.fixture(params=["0.20.2", "0.21.0"])
def any_mint(
    request: pytest.FixtureRequest,
    nutshell_mint: NutshellMint,
    nutshell_mint_factory: Callable[..., NutshellMint],
) -> NutshellMint:
    if request.param == "0.20.2":
        return nutshell_mint
    return nutshell_mint_factory(venv=ensure_nutshell021(), rpc=False)


async def sig_all_token(sender: WalletService, url: str, pubkey: str, amount: int) -> str:
    """A SIG_ALL lock to ``pubkey``, made as any wallet would: plain proofs swapped into locked outputs."""
    mw = await sender.wallet_for(url)
    inputs = normalize_token_proofs(mw, decode_token((await sender.send(amount, url)).token))
    keyset = mw.keychain.active("sat")
    outputs = []
    for value in split(sum(p.amount for p in inputs) - mw.fee_for(inputs), sorted(keyset.keys)):
        secret = make_p2pk_secret(pubkey, sig_all=True)
        r = os.urandom(32)
        B_, _ = bdhke.blind_message(secret, r)
        outputs.append(PreparedOutput(value, keyset.id, -1, secret, r.hex(), B_))
    signatures = await mw.client.post_swap(inputs, [o.blinded_message() for o in outputs])
    locked = verified_proofs(mw, outputs, signatures)
    return Token(mint=url, unit="sat", proofs=locked).encode_v4()


def test_a_cheque_to_a_nutdesk_lock_key_is_cashed_by_that_wallet_only(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    alice, bob, carol = tmp_path / "alice", tmp_path / "bob", tmp_path / "carol"
    for data in (alice, bob, carol):
        nutdesk(data, "init")
    nutdesk(alice, "mint", "add", url, "--trust")
    nutdesk(alice, "invoice", "200", "--mint", url, "--wait")
    key = nutdesk(bob, "lock-key")["lock_key"]

    cheque = nutdesk(alice, "cheque", "64", "--to", key, "--expires", "30d")
    assert cheque["recipient"] == key[5:]
    assert {parse_secret(p.secret).data for p in decode_token(cheque["token"]).proofs} == {key[5:]}

    refused = nutdesk(carol, "receive", cheque["token"], "--trust", check=False)
    assert refused["error"]["code"] == "locked-to-another-key"  # said before the mint is asked
    assert "only its owner can receive it" in refused["error"]["message"]
    assert nutdesk(carol, "balance")["total"].get("sat", 0) == 0

    got = nutdesk(bob, "receive", cheque["token"], "--trust")
    assert got["amount"] == 64 - got["fee"] and got["mint"] == url
    assert nutdesk(bob, "balance")["total"] == {"sat": got["amount"]}
    [entry] = nutdesk(alice, "vault", "list")["entries"]
    assert entry["state"] == "claimed"


async def test_an_uncashed_cheque_to_a_nutdesk_wallet_goes_back_to_the_sender_after_expiry(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "alice") as alice, open_wallet(tmp_path / "bob") as bob:
        await fund(alice, url, 100)
        cheques = ChequeService(alice)
        sent, cheque = await cheques.write_cheque(32, wallet_lock_key(bob), expires_in=2, mint_url=url)
        await asyncio.sleep(max(0.0, cheque.locktime + 2 - time.time()))
        [entry] = cheques.entries()
        assert entry.state is VaultState.EXPIRED
        back = await cheques.reclaim(entry.id)
        assert back.amount == 32 - back.fee
        with pytest.raises(ProofsAlreadySpent):  # too late for bob: the mint says spent
            await bob.receive(sent.token, trust=True)
        assert balance(bob, url) == (0, 0)


async def test_a_sig_all_lock_to_a_nutdesk_key_is_received_by_that_wallet_only(
    tmp_path: Path, any_mint: NutshellMint
) -> None:
    url = any_mint.url
    async with (
        open_wallet(tmp_path / "alice") as alice,
        open_wallet(tmp_path / "bob") as bob,
        open_wallet(tmp_path / "carol") as carol,
    ):
        await fund(alice, url, 200)
        token = await sig_all_token(alice, url, wallet_lock_key(bob)[5:], 100)
        value = decode_token(token).amount
        assert len(decode_token(token).proofs) > 1  # one witness on the first input covers them all

        with pytest.raises(LockedToAnotherKey):  # refused before the mint is asked
            await carol.receive(token, trust=True)
        received = await bob.receive(token, trust=True)
        assert received.amount == value - received.fee
        assert balance(bob, url) == (received.amount, 0)
        operation = bob.store.get_operation(received.operation_id)
        assert operation is not None and operation.state == "done"
        journaled = operation.data["inputs"]
        assert journaled[0]["witness"] and not any(p.get("witness") for p in journaled[1:])


async def test_a_sig_all_receive_killed_after_it_was_sent_is_finished_by_recovery(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    """The journal keeps the inputs as signed over the swap's outputs: recovery replays exactly that swap."""
    url = nutshell_mint.url
    bob = tmp_path / "bob"
    nutdesk(bob, "init")
    key = nutdesk(bob, "lock-key")["lock_key"]
    async with open_wallet(tmp_path / "alice") as alice:
        await fund(alice, url, 100)
        token = await sig_all_token(alice, url, key[5:], 60)
    killed = nutdesk(bob, "receive", token, "--trust", env={"NUTDESK_FAILPOINT": "receive:after_sent"}, check=False)
    assert killed == {} or "error" in killed  # SIGKILL: no answer at all
    nutdesk(bob, "recover")
    total = nutdesk(bob, "balance")["total"]["sat"]
    assert 0 < total <= decode_token(token).amount  # the mint took the replayed witness
    again = nutdesk(bob, "receive", token, "--trust")
    assert (again["amount"], again["already_received"]) == (0, total)  # received once, by the recovery
