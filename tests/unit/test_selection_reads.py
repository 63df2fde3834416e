"""Inputs are planned from the counts per denomination (or, should those disagree with the proofs, from narrow index
pages, largest first), and only the chosen proofs are read in full: the same choice the in-memory selection makes
over every proof, without reading the wallet."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import pytest

from core.errors import InsufficientBalance
from core.ports.storage import ProofRef
from core.protocol.models import DLEQ, Proof
from core.storage.db import Database
from core.storage.store import Store
from core.wallet.context import MintWallet
from core.wallet.denominations import Denomination, plan_for_amount
from core.wallet.inputs import choose_exact, choose_inputs, send_fee
from core.wallet.keychain import Keychain
from core.wallet.selection import select_exact, select_for_amount, select_ordered

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


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "sqlite":
        s = Store(Database.open_file(tmp_path / "w.sqlite3"))
    else:
        s = Store(Database(request.getfixturevalue("pg_url")))
    yield s
    s.close()


def shape(proofs: list[Proof]) -> Counter[tuple[str, int]]:
    return Counter((p.id, p.amount) for p in proofs)


@pytest.mark.parametrize("seed", range(12))
def test_the_choice_from_the_database_is_the_choice_over_every_proof(store: Store, seed: int) -> None:
    check_random_wallet(store, seed)


@pytest.mark.parametrize("seed", range(3))
def test_the_choice_from_a_postgresql_wallet_is_the_same(pg_url: str, seed: int) -> None:
    pg = Store(Database(pg_url))
    try:
        check_random_wallet(pg, seed)
    finally:
        pg.close()


def check_random_wallet(store: Store, seed: int) -> None:
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


def test_a_small_send_from_a_large_wallet_reads_only_the_proofs_it_spends(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    mw = wallet(store)
    fill(store, [Proof(NEW, 2 ** (i % 7), f"p{i}", "02" + "11" * 32) for i in range(3000)])
    read: list[int] = []
    full = store.unspent_proofs_of

    def counted(*args: Any, **kwargs: Any) -> Any:
        found = full(*args, **kwargs)
        read.append(len(found))
        return found

    monkeypatch.setattr(store, "unspent_proofs_of", counted)
    monkeypatch.setattr(store, "unspent_refs", lambda *a, **k: pytest.fail("the counts did not suffice"))
    monkeypatch.setattr(store, "proofs", lambda **_: pytest.fail("every proof was read"))
    chosen, fee = choose_inputs(mw, "sat", 1000)
    assert sum(p.amount for p in chosen) >= 1000 and fee == 0
    assert sum(read) == len(chosen), "planned from the counts: only the chosen proofs were read"
    read.clear()
    exact = choose_exact(mw, "sat", 1000)  # 15 × 64 + 32 + 8
    assert exact is not None and sum(p.amount for p in exact) == 1000 and sum(read) == len(exact) == 17
    read.clear()
    assert send_fee(mw, "sat", 1000) == 0 and read == [], "a fee estimate reads no proof"


def test_when_the_counts_and_the_proofs_disagree_the_choice_pages_through_the_proofs(
    any_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a transaction another process may spend proofs between the two reads: the plan then finds fewer
    proofs than it counted and chooses again from the proofs themselves."""
    mw = wallet(any_store)
    fill(any_store, [Proof(NEW, 2 ** (i % 7), f"p{i}", "02" + "11" * 32) for i in range(700)])
    full = any_store.unspent_proofs_of
    monkeypatch.setattr(any_store, "unspent_proofs_of", lambda *a, **k: full(*a, **k)[:-1])  # one short each time
    chosen, _fee = choose_inputs(mw, "sat", 1000)
    assert sum(p.amount for p in chosen) >= 1000 and len({p.secret for p in chosen}) == len(chosen)
    exact = choose_exact(mw, "sat", 1000)
    assert exact is not None and sum(p.amount for p in exact) == 1000


@pytest.mark.parametrize("seed", range(30))
def test_planning_by_denomination_is_the_proof_by_proof_rule(seed: int) -> None:
    """Including input fees above a proof's own amount, where the rule is not monotone."""
    rng = random.Random(seed)
    fees = {"k1": rng.choice([0, 100, 999, 1000, 2500]), "k2": rng.choice([0, 1, 400, 3000])}
    ordered = [
        Denomination(kid, 2**e, rng.randrange(1, 40))
        for e in sorted(rng.sample(range(9), 4), reverse=True)
        for kid in sorted(rng.sample(["k1", "k2"], rng.randrange(1, 3)))
    ]
    coins = [ProofRef(f"{d.keyset_id}-{d.amount}-{i}", d.keyset_id, d.amount) for d in ordered for i in range(d.proofs)]
    for amount in [1, 2, 7, rng.randrange(1, 600), sum(c.amount for c in coins)]:
        try:
            expected, fee = select_ordered(coins, amount, fee_ppk=fees.__getitem__)
        except InsufficientBalance as exc:
            with pytest.raises(InsufficientBalance) as got:
                plan_for_amount(ordered, amount, fee_ppk=fees.__getitem__)
            assert str(got.value) == str(exc)
            continue
        plan, plan_fee = plan_for_amount(ordered, amount, fee_ppk=fees.__getitem__)
        assert plan_fee == fee
        assert Counter({(d.keyset_id, d.amount): d.proofs for d in plan}) == Counter((c.id, c.amount) for c in expected)


def test_many_one_sat_proofs_are_chosen_by_their_count(store: Store) -> None:
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


def test_proofs_another_till_holds_are_chosen_around(store: Store) -> None:
    """PostgreSQL: the reservation names proofs another till's transaction holds; the next choice leaves them out."""
    mw = wallet(store)
    fill(store, [Proof(NEW, a, f"h{a}", "02" + "11" * 32) for a in (64, 32, 16, 8)])
    chosen, _fee = choose_inputs(mw, "sat", 50, held=frozenset({"h64"}))
    assert sorted(p.secret for p in chosen) == ["h16", "h32", "h8"]
    exact = choose_exact(mw, "sat", 64, held=frozenset({"h64"}))
    assert exact is None, "32 + 16 + 8 do not make 64"
    assert [p.secret for p in choose_exact(mw, "sat", 48, held=frozenset({"h64"})) or []] == ["h32", "h16"]
