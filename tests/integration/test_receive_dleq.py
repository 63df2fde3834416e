"""Receiving checks the token's DLEQ proofs before anything is journaled or the mint is asked.

Against the real nutshell mint: a forged DLEQ proof ends the receive before any swap request leaves and before any
journal entry or counter is written, and the token's proofs stay unspent at the mint — the genuine token is received
afterwards in full, journaled with its fee.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from core.errors import DleqError
from core.protocol.ec import CURVE_ORDER
from core.protocol.models import DLEQ, Proof
from core.protocol.tokens import Token, decode_token
from core.wallet.context import MintWallet
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint


def _forged(proof: Proof) -> Proof:
    # Another valid scalar s: the proof still parses, but its DLEQ no longer verifies.
    assert proof.dleq is not None
    s = (int(proof.dleq.s, 16) + 1) % CURVE_ORDER
    return dataclasses.replace(proof, dleq=DLEQ(e=proof.dleq.e, s=s.to_bytes(32, "big").hex(), r=proof.dleq.r))


def _count_swaps(mw: MintWallet, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the swap requests the wallet sends to the mint (a spy on the real client; the request still goes)."""
    sent: list[int] = []
    original = mw.client.post_swap

    async def post_swap(*args: Any, **kwargs: Any) -> Any:
        sent.append(1)
        return await original(*args, **kwargs)

    monkeypatch.setattr(mw.client, "post_swap", post_swap)
    return sent


async def test_a_forged_input_dleq_is_refused_before_the_mint_is_asked_and_loses_nothing(
    tmp_path: Path, nutshell_mint: NutshellMint, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "alice") as alice, open_wallet(tmp_path / "bob") as bob:
        await fund(alice, url, 100)
        sent = await alice.send(7, url)
        token = decode_token(sent.token)
        assert len(token.proofs) > 1 and all(p.dleq is not None and p.dleq.r for p in token.proofs)
        forged = Token(token.mint, token.unit, [*token.proofs[:-1], _forged(token.proofs[-1])], token.memo)

        await bob.add_mint(url, trusted=True)
        mw = await bob.wallet_for(url)  # the wallet the receive uses (cached per mint)
        swaps = _count_swaps(mw, monkeypatch)
        with pytest.raises(DleqError, match="DLEQ"):
            await bob.receive(forged.encode_v4())
        assert swaps == [], "no swap request left"
        assert balance(bob, url) == (0, 0)
        assert mw.store.proofs(mint_url=mw.url, unit="sat") == []
        assert bob.history() == []  # refused before the journal: nothing to resume, nothing to show

        # Nothing was lost: the genuine token is still unspent at the mint and received in full.
        received = await bob.receive(sent.token)
        assert swaps == [1]
        assert received.amount == 7 - received.fee
        assert balance(bob, url) == (received.amount, 0)
        [done] = bob.history()
        assert done.state == "done"
        assert (done.amount, done.fee) == (received.amount, received.fee), "the entry is journaled with its fee"


async def test_a_token_without_dleq_proofs_is_received_without_a_check(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "alice") as alice, open_wallet(tmp_path / "bob") as bob:
        await fund(alice, url, 100)
        token = decode_token((await alice.send(9, url)).token)
        bare = Token(token.mint, token.unit, [dataclasses.replace(p, dleq=None) for p in token.proofs], token.memo)
        await bob.add_mint(url, trusted=True)
        received = await bob.receive(bare.encode_v4())
        assert balance(bob, url) == (received.amount, 0)
        assert [h.state for h in bob.history()] == ["done"]
