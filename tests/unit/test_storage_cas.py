"""Checked state changes: compare-and-set on proofs and operations, atomic counters, the unit of work's transaction."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest

from core.ports.storage import OperationState, ProofState, StaleState
from core.protocol.models import Proof
from core.storage.db import Database
from core.storage.store import Store

MINT = "http://mint"


def open_store(path: Path) -> Store:
    return Store(Database.open_file(path))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "w.sqlite3")
    s.upsert_mint(MINT, name="m", info={})
    s.upsert_keyset(
        id="01aa",
        mint_url=MINT,
        unit="sat",
        active=True,
        input_fee_ppk=0,
        final_expiry=None,
        keys={1: "02" + "11" * 32},
    )
    return s


def add(store: Store, *amounts: int) -> list[str]:
    proofs = [Proof(id="01aa", amount=a, secret=f"s-{i}-{a}", C="02" + "22" * 32) for i, a in enumerate(amounts)]
    store.add_proofs(proofs, ys=[f"y-{p.secret}" for p in proofs], mint_url=MINT, unit="sat")
    return [p.secret for p in proofs]


def test_a_proof_move_names_the_state_and_the_owner(store: Store) -> None:
    secrets = add(store, 1, 2)
    store.reserve_proofs(secrets, "op-a")
    with pytest.raises(StaleState):  # op-b does not own them
        store.move_proofs(secrets, owner="op-b", expect=("reserved",), to="unspent")
    with pytest.raises(StaleState):  # they are reserved, not pending
        store.move_proofs(secrets, owner="op-a", expect=("pending",), to="spent")
    store.move_proofs(secrets, owner="op-a", expect=("reserved",), to="spent")
    with pytest.raises(StaleState):  # spent twice: never
        store.move_proofs(secrets, owner="op-a", expect=("reserved",), to="spent")
    assert store.balances() == []


def test_a_move_of_several_proofs_is_all_or_nothing(store: Store) -> None:
    secrets = add(store, 1, 2, 4)
    store.reserve_proofs(secrets[:1], "op-a")
    with pytest.raises(StaleState):
        store.reserve_proofs(secrets, "op-b", state="pending")  # the exact-amount send path
    assert sorted(p.amount for p in store.proofs()) == [2, 4]


def test_operation_states_move_only_forward_and_carry_a_version(store: Store) -> None:
    op_id = store.create_operation(kind="send", mint_url=MINT, unit="sat", amount=1)
    first = store.get_operation(op_id)
    assert first is not None and first.state is OperationState.PREPARED and first.version == 0
    assert store.update_operation(op_id, state="sent") == 1  # the new version
    assert store.update_operation(op_id, state="done", version=1) == 2
    done = store.get_operation(op_id)
    assert done is not None and done.state is OperationState.DONE and done.version == 2
    with pytest.raises(StaleState):
        store.update_operation(op_id, state="failed")  # a finished entry never moves again
    with pytest.raises(StaleState):
        store.update_operation(op_id, data={"x": 1}, version=1)  # somebody changed it since version 1
    store.update_operation(op_id, data={"x": 1})  # notes on a finished entry are fine
    noted = store.get_operation(op_id)
    assert noted is not None and noted.data["x"] == 1 and noted.state is OperationState.DONE


def test_counters_from_many_connections_never_overlap(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "w.sqlite3"
    taken: list[int] = []
    lock = threading.Lock()

    # One engine (its own connections) per thread, opened here: Alembic's upgrade is not thread-safe.
    stores = [open_store(path) for _ in range(6)]

    def worker(own: Store) -> None:
        for _ in range(25):
            start = own.reserve_counters("01aa", 3)
            with lock:
                taken.extend(range(start, start + 3))
        own.close()

    threads = [threading.Thread(target=worker, args=(own,)) for own in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(taken) == list(range(6 * 25 * 3))


def test_the_transaction_belongs_to_the_task_that_opened_it(store: Store) -> None:
    secrets = add(store, 8)

    async def rolled_back_unit_of_work(opened: asyncio.Event, done: asyncio.Event) -> None:
        with pytest.raises(RuntimeError), store.atomic():
            store.reserve_proofs(secrets, "op-a")
            opened.set()
            await done.wait()
            raise RuntimeError("this unit of work fails")

    async def other_task(opened: asyncio.Event, done: asyncio.Event) -> bool:
        await opened.wait()
        inside = store.in_transaction  # the other task's transaction is not ours
        done.set()
        return inside

    async def main() -> bool:
        opened, done = asyncio.Event(), asyncio.Event()
        _, inside = await asyncio.gather(rolled_back_unit_of_work(opened, done), other_task(opened, done))
        return inside

    assert asyncio.run(main()) is False
    assert [p.secret for p in store.proofs(states=(ProofState.UNSPENT,))] == secrets
