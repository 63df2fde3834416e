"""The fast unit tier: every operation × step × answer against a scripted in-memory mint → journal state and books.

Each case runs one operation (issue, send, receive, melt, transfer's melt, transfer's mint) while the scripted mint
fails one request, either *before* acting (it did nothing) or *after* acting (the answer is lost or replaced by a
refusal), with each NUT code of the verdict table, a 5xx, an unreadable body, a timeout or a refused connection.
Then one recovery pass. Expected: the journal entry ends in the state the verdict table implies, no ecash stays
reserved, and the wallet holds exactly what the mint owes it. The whole table is printed.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from core.errors import NutdeskError
from core.protocol import bdhke
from core.protocol.tokens import decode_token
from core.recovery.resume import UNFINISHED_STATES, resume_operation
from core.storage.db import Database
from core.storage.store import Store
from core.wallet.context import MintWallet
from core.wallet.issue import create_mint_quote, mint_paid_quote
from core.wallet.keychain import Keychain
from core.wallet.melt import execute_melt, prepare_melt
from core.wallet.receive import receive_token
from core.wallet.send import send_token
from core.wallet.transfer import transfer_between
from tests.fakes.scripted_mint import ANSWERS, ScriptedMint

NOTHING_HAPPENED = {"11005", "connect"}
# A mint that acted never answers with a code proving it did nothing: "after" uses the other answers.
AFTER = [a for a in ANSWERS if a not in NOTHING_HAPPENED]
# Answers that are not a mint's refusal (no immediate settling: recovery asks the mint later).
NOT_REFUSALS = {"timeout", "5xx"}

OPERATIONS = {
    "issue": ("post_mint", "issue"),
    "send": ("post_swap", "send"),
    "receive": ("post_swap", "receive"),
    "melt": ("post_melt", "melt"),
    "transfer/melt": ("post_melt", "transfer"),
    "transfer/mint": ("post_mint", "transfer"),
}


def expected_state(operation: str, step: str, answer: str) -> str:
    if step == "after" or operation == "transfer/mint":
        return "done"  # the mint acted (or the source has paid): the entry finishes, whatever the answer said
    if answer in NOTHING_HAPPENED:
        return "failed"
    if operation in ("melt", "transfer/melt"):  # the melt quote is unpaid and the inputs unspent: nothing happened
        return "rolled_back" if answer in NOT_REFUSALS else "failed"
    return "done"  # the mint's records show nothing happened: the same request is sent again and succeeds


CASES = [(op, "before", a) for op in OPERATIONS for a in ANSWERS] + [
    (op, "after", a) for op in OPERATIONS for a in AFTER
]
ROWS: list[str] = []


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "w.sqlite3"
    Database.open_file(path).close()  # migrated once; each case copies it
    return path


def _wallet(store: Store, mint: ScriptedMint, seed: bytes = b"\x07" * 64) -> MintWallet:
    store.upsert_mint(mint.url, name=mint.url, info={}, trusted=True)
    store.upsert_keyset(
        id=mint.keyset_id, mint_url=mint.url, unit="sat", active=True, input_fee_ppk=0, final_expiry=None,
        keys=mint.public_keys(),
    )  # fmt: skip
    return MintWallet(mint.url, mint, store, seed, Keychain.from_store(store, mint.url))


async def _fund(mw: MintWallet, amount: int) -> None:
    quote = await create_mint_quote(mw, amount, "sat")
    assert isinstance(mw.client, ScriptedMint)
    mw.client.pay_mint_quote(quote.quote)
    await mint_paid_quote(mw, quote.quote)


def _held(store: Store) -> int:
    return sum(row.balance + row.pending for row in store.balances())


async def _case(tmp_path: Path, template: Path, operation: str, step: str, answer: str) -> None:
    path = tmp_path / "w.sqlite3"
    shutil.copy(template, path)
    store = Store(Database.open_file(path))
    a, b = ScriptedMint("http://a.test"), ScriptedMint("http://b.test")
    a.pays.append(b)
    wallets = {a.url: _wallet(store, a), b.url: _wallet(store, b)}
    mw = wallets[a.url]
    await _fund(mw, 200)
    method, kind = OPERATIONS[operation]
    target = b if operation == "transfer/mint" else a
    token_ys: list[str] = []
    run: Callable[[], Awaitable[object]]
    if operation == "issue":
        quote = await create_mint_quote(mw, 64, "sat")
        a.pay_mint_quote(quote.quote)
        run = lambda: mint_paid_quote(mw, quote.quote)  # noqa: E731
    elif operation == "send":
        run = lambda: send_token(mw, 37, "sat")  # noqa: E731
    elif operation == "receive":
        other = Store(Database.open_file(tmp_path / "other.sqlite3"))
        sender = _wallet(other, a, seed=b"\x08" * 64)
        await _fund(sender, 100)
        token = decode_token((await send_token(sender, 23, "sat")).token)
        token_ys = [bdhke.hash_to_curve_hex(p.secret) for p in token.proofs]
        run = lambda: receive_token(mw, token)  # noqa: E731
    elif operation == "melt":
        prepared = await prepare_melt(mw, f"lnpay-{secrets.token_hex(4)}-100", "sat")
        run = lambda: execute_melt(mw, prepared)  # noqa: E731
    else:
        run = lambda: transfer_between(mw, wallets[b.url], 50)  # noqa: E731
    before = _held(store)
    target.fail(method, step, answer)
    raised = "-"
    try:
        await run()
    except NutdeskError as exc:
        raised = exc.code

    async def wallet_for(url: str) -> MintWallet:
        return wallets[url]

    for op in store.operations(states=UNFINISHED_STATES):
        with contextlib.suppress(NutdeskError):
            await resume_operation(wallets[op.mint_url], op, wallet_for=wallet_for)
    entry = store.operations(kinds=(kind,), limit=1)[0]
    # What the mint owes this wallet: everything it issued minus redeemed, less the other wallet's part.
    owed = a.owed() + b.owed()
    if operation == "receive":
        unclaimed = sum(p.amount for p, y in zip(token.proofs, token_ys, strict=True) if y not in a.spent)
        owed -= _held(other) - sum(p.amount for p in token.proofs) + unclaimed
    held = _held(store)
    reserved = [r for r in store.proofs(states=("reserved",))]
    expected = expected_state(operation, step, answer)
    ok = entry.state == expected and held == owed and not reserved
    ROWS.append(
        f"{operation:14} {step:7} {answer:11} {raised:24} {entry.state:12} {expected:12} {before:6} {held:6} "
        f"{owed:6} {'ok' if ok else 'WRONG'}"
    )
    assert entry.state == expected, ROWS[-1]
    assert held == owed, ROWS[-1]
    assert not reserved, ROWS[-1]
    store.close()


@pytest.mark.parametrize(("operation", "step", "answer"), CASES, ids=[f"{o}-{s}-{a}" for o, s, a in CASES])
def test_operation_step_answer(tmp_path: Path, template: Path, operation: str, step: str, answer: str) -> None:
    asyncio.run(_case(tmp_path, template, operation, step, answer))


def test_print_the_table() -> None:
    """Runs last in this module: the whole table, one row per case."""
    head = f"{'operation':14} {'step':7} {'answer':11} {'raised':24} {'journal':12} {'expected':12} "
    print(f"\n{head}{'before':>6} {'after':>6} {'owed':>6}")
    for row in ROWS:
        print(row)
    assert len(ROWS) == len(CASES)
