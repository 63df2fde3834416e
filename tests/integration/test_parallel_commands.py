"""Parallel commands on one data directory queue instead of colliding (issue 13).

Twelve ``nutdesk send`` processes start at once on one wallet, against the real nutshell mint: each gets its own
proofs (one transaction selects and reserves them; the others take other proofs or wait for change), none sees a
storage error, every token is distinct and redeemable by the nutshell wallet CLI, and the wallet's books (balance
plus pending) equal what the mint owes by its own database.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from core.protocol.tokens import decode_token
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint

SENDERS = 12
AMOUNT = 21


async def _fund(data: Path, url: str, amount: int) -> int:
    async with open_wallet(data) as wallet:
        await fund(wallet, url, amount)
        return sum(balance(wallet, url))


async def _books(data: Path, url: str) -> tuple[int, int, list[str]]:
    async with open_wallet(data) as wallet:
        spendable, pending = balance(wallet, url)
        unfinished = [f"{op.kind} {op.state}" for op in wallet.history(limit=None) if op.state != "done"]
    return spendable, pending, unfinished


def test_twelve_parallel_sends_on_one_data_dir(
    tmp_path: Path, nutshell_mint_factory: Callable[..., NutshellMint]
) -> None:
    mint = nutshell_mint_factory(name="parallel mint")
    receiver = mint.wallet_cli()
    data = tmp_path / "w"
    funded = asyncio.run(_fund(data, mint.url, 1000))
    assert funded == mint.owed() == 1000

    command = [sys.executable, "-m", "desktop", "--json", "--data-dir", str(data), "send", str(AMOUNT)]
    processes = [
        subprocess.Popen(
            [*command, "--mint", mint.url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ
        )
        for _ in range(SENDERS)
    ]
    results = [(*p.communicate(timeout=300), p.returncode) for p in processes]
    for out, err, code in results:
        assert code == 0, f"a parallel send failed ({code}): {out}{err}"
        assert "storage" not in (out + err).lower()
    tokens = [json.loads(out)["token"] for out, _, _ in results]
    secrets = [p.secret for t in tokens for p in decode_token(t).proofs]
    assert len(set(tokens)) == SENDERS and len(set(secrets)) == len(secrets), "two sends handed out the same proofs"

    spendable, pending, unfinished = asyncio.run(_books(data, mint.url))
    owed = mint.owed()
    print(
        f"\n{SENDERS} parallel sends of {AMOUNT}: wallet {spendable} + pending {pending} = {spendable + pending}; "
        f"the mint owes {owed}"
    )
    assert not unfinished
    assert pending == SENDERS * AMOUNT
    assert spendable + pending == owed

    before = receiver.balance()
    for token in tokens:
        receiver.receive(token)
    received = receiver.balance() - before
    # Each redeem pays the mint's input fee (one per started 10 inputs at 100 ppk).
    assert SENDERS * AMOUNT - SENDERS * 2 <= received <= SENDERS * AMOUNT
    assert mint.owed() == spendable + received, "after redeeming, the mint owes exactly the wallet and the receiver"
