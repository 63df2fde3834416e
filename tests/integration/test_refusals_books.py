"""A mint that refuses after it acted, and one that refuses without acting: the books still equal the mint's.

A loopback proxy in front of the real nutshell mint lets a swap, melt or mint request reach the mint and then
answers with a refusal code instead of the mint's answer (11001, 11002, 11003, 20002, 20005, code 0, a 500, an
unreadable body), or refuses without forwarding. After ``recover``, what the wallets hold (balance plus pending)
equals what the mint owes by its own database (nutshell's ``balance`` view: issued minus redeemed), and no journal
entry is left unfinished. The comparison is printed for every scenario.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import coincurve
import pytest

from core.api.recovery import RecoveryService
from core.api.service import WalletService
from core.errors import NutdeskError
from core.wallet.send import LockOptions
from tests.integration.conftest import FAST_FAKEWALLET
from tests.integration.wallet_helpers import fund, open_wallet
from tests.peers.flaky_proxy import FlakyProxy
from tests.peers.nutshell import NutshellMint, make_bolt11

ROUTES = {
    "send": "POST /v1/swap",
    "receive": "POST /v1/swap",
    "melt": "POST /v1/melt/bolt11",
    "issue": "POST /v1/mint/bolt11",
}


def _code(code: int) -> tuple[int, bytes]:
    return 400, json.dumps({"detail": f"test proxy refusal {code}", "code": code}).encode()


ANSWERS: dict[str, tuple[int, bytes]] = {
    "11001": _code(11001),
    "11002": _code(11002),
    "11003": _code(11003),
    "20002": _code(20002),
    "20005": _code(20005),
    "code 0": _code(0),
    "11005": _code(11005),
    "HTTP 500": (500, b'{"detail": "internal error", "code": 0}'),
    "unreadable": (400, b"<html>bad gateway</html>"),
}
AFTER_ACTING = ["11001", "11002", "11003", "20002", "20005", "code 0", "HTTP 500", "unreadable"]
WITHOUT_ACTING = ["11001", "11005", "code 0", "HTTP 500"]

rows: list[str] = []


@pytest.fixture
async def setup(
    tmp_path: Path, nutshell_mint_factory: Callable[..., NutshellMint]
) -> AsyncIterator[tuple[NutshellMint, FlakyProxy, WalletService, WalletService]]:
    mint = nutshell_mint_factory(name="refusing mint", extra_env=FAST_FAKEWALLET)
    proxy = FlakyProxy(mint.port)
    await proxy.start()
    async with open_wallet(tmp_path / "alice") as alice, open_wallet(tmp_path / "bob") as bob:
        await fund(alice, proxy.url, 3000)
        await fund(bob, proxy.url, 1000)
        yield mint, proxy, alice, bob
    await proxy.stop()


async def _operate(op: str, proxy: FlakyProxy, alice: WalletService, token: str) -> None:
    if op == "send":
        key = coincurve.PrivateKey().public_key.format().hex()  # a locked send always swaps
        await alice.send(37, proxy.url, lock=LockOptions(pubkey=key))
    elif op == "receive":
        await alice.receive(token, trust=True)
    elif op == "melt":
        prepared = await alice.prepare_melt(make_bolt11(19), proxy.url)
        await alice.melt(prepared)
    else:
        quote = await alice.create_invoice(41, proxy.url)
        await alice.wait_and_mint(proxy.url, quote.quote, timeout=30)


def _held(service: WalletService) -> int:
    return sum(row.balance + row.pending for row in service.balances())


async def _scenario(
    setup: tuple[NutshellMint, FlakyProxy, WalletService, WalletService], op: str, mode: str, answer: str
) -> None:
    mint, proxy, alice, bob = setup
    token = (await bob.send(23, proxy.url)).token if op == "receive" else ""
    proxy.refuse_with(*ANSWERS[answer])
    proxy.set(mode, ROUTES[op], times=1)
    raised = ""
    try:
        await _operate(op, proxy, alice, token)
    except NutdeskError as exc:
        raised = exc.code
    proxy.set("pass")
    before = _held(alice) + _held(bob)
    results = [r.result for r in await RecoveryService(alice).recover()]
    await bob.check_pending()  # bob's sent token, claimed by alice, is no longer bob's
    held = _held(alice) + _held(bob)
    owed = mint.owed()
    unfinished = [
        f"{o.kind}:{o.state}" for o in alice.history(limit=None) if o.state in ("prepared", "sent", "pending")
    ]
    row = (
        f"{op:8} {mode:12} {answer:11} {raised or 'ok':24} {before:6} {held:6} {owed:6} {held - owed:5}  "
        f"{','.join(results) or '-'}"
    )
    rows.append(row)
    head = f"{'op':8} {'proxy':12} {'answer':11} {'wallet saw':24} {'before':>6} {'after':>6} {'owed':>6}"
    print(f"\n{head} {'diff':>5}  recover")
    print(row)
    assert held == owed, f"the wallets hold {held}, the mint owes {owed}: {row}"
    assert not unfinished, f"unfinished after recover: {unfinished}"


@pytest.mark.parametrize("op", ["send", "receive", "melt", "issue"])
async def test_refusal_after_the_mint_acted(
    setup: tuple[NutshellMint, FlakyProxy, WalletService, WalletService], op: str
) -> None:
    for answer in AFTER_ACTING:
        await _scenario(setup, op, "refuse_after", answer)


@pytest.mark.parametrize("op", ["send", "receive", "melt", "issue"])
async def test_refusal_without_forwarding(
    setup: tuple[NutshellMint, FlakyProxy, WalletService, WalletService], op: str
) -> None:
    for answer in WITHOUT_ACTING:
        await _scenario(setup, op, "refuse", answer)
