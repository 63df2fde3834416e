"""Reserving proofs on PostgreSQL (a real server): two tills reserve at once and get disjoint proofs, neither waiting
for the other's commit (``FOR UPDATE SKIP LOCKED``, no shop-wide lock), and NUT-13 counters are reserved by one
``UPDATE … RETURNING``."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import event, select

from core.ports.storage import ProofsTaken, ProofState
from core.protocol.models import Proof
from core.storage.db import Database
from core.storage.models import ProofRow
from core.storage.store import Store
from core.wallet.inputs import with_reserved_inputs

MINT = "http://mint.example"
HANG_GUARD = 60.0  # seconds: only a till that waited for the other's commit (a deadlock here) comes near it


@pytest.fixture
def tills(pg_url: str) -> Iterator[tuple[Store, Store]]:
    """Two tills: each its own engine and connections, like two processes."""
    a, b = Store(Database(pg_url)), Store(Database(pg_url))
    a.upsert_mint(MINT, name="mint", info={})
    amounts = [1, 2, 4, 8, 16, 32, 64, 128]
    proofs = [Proof(id="00ad268c4d1f5826", amount=n, secret=f"secret-{n}", C=f"02{n:064x}") for n in amounts]
    a.add_proofs(proofs, ys=[f"y-{n}" for n in amounts], mint_url=MINT, unit="sat")
    yield a, b
    a.close()
    b.close()


def owners(store: Store) -> dict[str, str | None]:
    with store.db.session() as s:
        return {secret: owner for secret, owner in s.execute(select(ProofRow.secret, ProofRow.operation_id))}


def in_thread(work: Any) -> threading.Thread:
    def run() -> None:
        try:
            work()
        except BaseException as exc:  # reported by the test through ``errors``
            errors.append(exc)

    errors: list[BaseException] = []
    thread = threading.Thread(target=run, daemon=True)
    thread.errors = errors  # type: ignore[attr-defined]
    thread.start()
    return thread


def test_a_proof_another_till_holds_is_skipped_at_once_and_named(tills: tuple[Store, Store]) -> None:
    a, b = tills
    outcome: dict[str, Any] = {}

    def other_till() -> None:
        with pytest.raises(ProofsTaken) as taken:
            b.reserve_proofs(["secret-1", "secret-4"], "op-b")
        outcome["taken"] = taken.value.secrets
        b.reserve_proofs(["secret-4", "secret-8"], "op-b")  # others: reserved while till A still holds its own

    with a.atomic(row_locks=True):
        a.reserve_proofs(["secret-1", "secret-2"], "op-a")
        thread = in_thread(other_till)  # runs while A's transaction is open, its rows locked
        thread.join(HANG_GUARD)
        assert not thread.is_alive(), "till B waited for till A's commit"
    assert thread.errors == []  # type: ignore[attr-defined]
    assert outcome["taken"] == frozenset({"secret-1"})
    held = owners(a)
    assert (held["secret-1"], held["secret-2"]) == ("op-a", "op-a")
    assert (held["secret-4"], held["secret-8"]) == ("op-b", "op-b")
    assert {held[f"secret-{n}"] for n in (16, 32, 64, 128)} == {None}


def test_two_tills_choosing_the_same_proofs_at_once_reserve_disjoint_ones_without_waiting(
    tills: tuple[Store, Store],
) -> None:
    a, b = tills
    a_holds, b_done = threading.Event(), threading.Event()
    chosen: dict[str, list[str]] = {}

    def till(store: Store, name: str) -> Any:
        def plan(available: list[Proof]) -> list[str]:
            # Both tills choose the same way from the same view: the two smallest proofs.
            secrets = [p.secret for p in sorted(available, key=lambda p: p.amount)[:2]]
            store.reserve_proofs(secrets, f"op-{name}")
            chosen[name] = secrets
            if name == "a":
                a_holds.set()
                assert b_done.wait(HANG_GUARD), "till B did not finish while till A held its proofs"
            return secrets

        mint_wallet: Any = SimpleNamespace(store=store, url=MINT)
        return lambda: asyncio.run(with_reserved_inputs(mint_wallet, "sat", plan))

    first = in_thread(till(a, "a"))
    assert a_holds.wait(HANG_GUARD)
    second = in_thread(till(b, "b"))
    second.join(HANG_GUARD)
    assert not second.is_alive(), "till B waited for till A's commit"
    b_done.set()
    first.join(HANG_GUARD)
    assert first.errors == [] and second.errors == []  # type: ignore[attr-defined]
    assert chosen == {"a": ["secret-1", "secret-2"], "b": ["secret-4", "secret-8"]}
    held = owners(a)
    assert {s for s, o in held.items() if o == "op-a"} == set(chosen["a"])
    assert {s for s, o in held.items() if o == "op-b"} == set(chosen["b"])
    assert [p.secret for p in a.proofs(states=(ProofState.RESERVED,))] == [*chosen["a"], *chosen["b"]]


def test_counters_are_reserved_by_one_update_returning_on_postgresql(tills: tuple[Store, Store]) -> None:
    a, b = tills
    a.upsert_keyset(
        id="00ad268c4d1f5826", mint_url=MINT, unit="sat", active=True, input_fee_ppk=0, final_expiry=None, keys={}
    )
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(b.db.engine, "before_cursor_execute", record)
    try:
        first = b.reserve_counters("00ad268c4d1f5826", 5)
    finally:
        event.remove(b.db.engine, "before_cursor_execute", record)
    assert first == 0 and a.reserve_counters("00ad268c4d1f5826", 3) == 5
    [reserving] = [s for s in statements if "keysets" in s]
    assert reserving.startswith("UPDATE keysets SET counter=(keysets.counter + ") and "RETURNING" in reserving
