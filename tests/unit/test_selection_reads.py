"""Inputs are chosen from narrow index pages, largest first, and only the chosen proofs are read in full: the same
choice the in-memory selection makes over every proof, reading a prefix instead of the wallet."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from core.errors import InsufficientBalance
from core.protocol.models import DLEQ, Proof
from core.storage.db import Database
from core.storage.store import Store
from core.wallet import inputs
from core.wallet.context import MintWallet
from core.wallet.inputs import choose_exact, choose_inputs, send_fee
from core.wallet.keychain import Keychain
from core.wallet.selection import select_exact, select_for_amount

MINT = "http://mint"
OLD, NEW = "00aa", "01bb"  # an inactive keyset (spent first) and the active one


def wallet(store: Store, fees: tuple[int, int] = (100, 0)) -> MintWallet:
    store.upsert_mint(MINT, name="m", info={})
    for kid, active, fee in ((OLD, False, fees[0]), (NEW, True, fees[1])):
        store.upsert_keyset(
            id=kid, mint_url=MINT, unit="sat", active=active, input_fee_ppk=fee, final_expiry=None, keys={}
        )
    return MintWallet(MINT, cast(Any, None), store, b"", Keychain.from_store(store, MINT))


def fill(store: Store, proofs: list[Proof]) -> None:
    store.add_proofs(proofs, ys=[f"y{p.secret}" for p in proofs], mint_url=MINT, unit="sat")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(Database.open_file(tmp_path / "w.sqlite3"))
    yield s
    s.close()


def shape(proofs: list[Proof]) -> Counter[tuple[str, int]]:
    return Counter((p.id, p.amount) for p in proofs)


@pytest.mark.parametrize("seed", range(12))
def test_the_paged_choice_is_the_choice_over_every_proof(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    mw = wallet(store, (rng.choice([0, 100, 1000]), rng.choice([0, 100, 250])))
    proofs = [
        Proof(rng.choice([OLD, NEW]), 2 ** rng.randrange(0, 9), f"{seed}-{i}", "02" + "11" * 32)
        for i in range(rng.randrange(1, 400))
    ]
    fill(store, proofs)
    kc = mw.keychain
    for amount in [1, 3, 50, 200, rng.randrange(1, 3000), sum(p.amount for p in proofs) + 1]:
        fee: int | None = None  # None: the proofs do not cover amount + fees
        try:
            expected, fee = select_for_amount(proofs, amount, fee_ppk=kc.fee_ppk, is_active=kc.is_active)
        except InsufficientBalance as exc:
            with pytest.raises(InsufficientBalance) as got:
                choose_inputs(mw, "sat", amount)
            assert str(got.value) == str(exc)
        else:
            chosen, chosen_fee = choose_inputs(mw, "sat", amount)
            assert (shape(chosen), chosen_fee) == (shape(expected), fee)
            assert {p.secret for p in chosen} <= {p.secret for p in proofs}
            assert send_fee(mw, "sat", amount, locked=True) == fee
        exact = select_exact(proofs, amount, is_active=kc.is_active)
        if exact is not None:
            assert send_fee(mw, "sat", amount) == 0, "existing proofs make it: no swap, no fee"
        elif fee is not None:
            assert send_fee(mw, "sat", amount) == fee
        got_exact = choose_exact(mw, "sat", amount)
        assert (got_exact is None) == (exact is None)
        if exact is not None and got_exact is not None:
            assert shape(got_exact) == shape(exact) and sum(p.amount for p in got_exact) == amount


def test_a_small_send_from_a_large_wallet_reads_a_page_not_the_wallet(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    mw = wallet(store)
    fill(store, [Proof(NEW, 2 ** (i % 7), f"p{i}", "02" + "11" * 32) for i in range(3000)])
    read: list[int] = []
    pages = store.unspent_refs

    def counted(*args: Any, **kwargs: Any) -> Any:
        page = pages(*args, **kwargs)
        read.append(len(page))
        return page

    monkeypatch.setattr(store, "unspent_refs", counted)
    monkeypatch.setattr(store, "proofs", lambda **_: pytest.fail("every proof was read"))
    chosen, fee = choose_inputs(mw, "sat", 1000)
    assert sum(p.amount for p in chosen) >= 1000 and fee == 0
    assert sum(read) == inputs.FIRST_PAGE, "one page of the index, largest first, covered it"
    read.clear()
    exact = choose_exact(mw, "sat", 1000)  # 15 × 64 + 32 + 8: a seek per amount below the last one taken
    assert exact is not None and sum(p.amount for p in exact) == 1000
    assert sum(read) < 100


def test_many_one_sat_proofs_are_paged_through_once(store: Store) -> None:
    mw = wallet(store)
    fill(store, [Proof(NEW, 1, f"one{i}", "02" + "11" * 32) for i in range(5000)])
    chosen, fee = choose_inputs(mw, "sat", 4000)
    assert (len(chosen), fee, len({p.secret for p in chosen})) == (4000, 0, 4000)
    with pytest.raises(InsufficientBalance, match="5000 sat available"):
        choose_inputs(mw, "sat", 5001)


def test_the_chosen_proofs_are_read_in_full(store: Store) -> None:
    mw = wallet(store)
    dleq = DLEQ(e="aa" * 32, s="bb" * 32, r="cc" * 32)
    full = Proof(NEW, 64, "full", "02" + "33" * 32, dleq=dleq, witness='{"signatures": []}')
    fill(store, [full, Proof(NEW, 1, "small", "02" + "11" * 32)])
    assert choose_inputs(mw, "sat", 60) == ([full], 0)
    assert choose_exact(mw, "sat", 64) == [full]
    store.reserve_proofs(["full"], "op")
    assert choose_exact(mw, "sat", 64) is None, "a reserved proof is not offered"


def test_the_planner_looks_named_proofs_up_by_key_and_pages_selection_from_its_index(store: Store) -> None:
    """Without statistics SQLite walked every unspent proof through the index on ``state`` to reserve a few named
    ones; the migration gives it a wallet's shape."""
    with store.db.engine.connect() as c:
        reserve = c.exec_driver_sql(
            "EXPLAIN QUERY PLAN UPDATE proofs SET state = 'reserved' "
            "WHERE secret IN ('a', 'b') AND state IN ('unspent')"
        ).all()
        page = c.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT y, keyset_id, amount FROM proofs WHERE state = 'unspent' AND mint_url = 'm' "
            "AND unit = 'sat' AND keyset_id = 'k' AND (amount, y) < (5, '') ORDER BY amount DESC, y DESC LIMIT 32"
        ).all()
    assert "(secret=?)" in reserve[0][3]
    assert "COVERING INDEX ix_proofs_selection" in page[0][3] and len(page) == 1, "no sort: the index is the order"
