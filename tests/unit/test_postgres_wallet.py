"""The wallet on PostgreSQL (a real server): the writer's lock, sale numbers and shifts per till, journal leases,
and the SQL helper functions."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import update

from core.api.service import WalletService
from core.config import Config
from core.pos.repo import SaleRepository
from core.storage.db import Database
from core.storage.models import OperationRow
from core.storage.store import Store


@pytest.fixture
def db(pg_url: str) -> Iterator[Database]:
    database = Database(pg_url)
    assert database.engine.dialect.name == "postgresql" and database.engine.dialect.driver == "psycopg"
    yield database
    database.close()


def new_sale(repo: SaleRepository) -> int:
    return repo.create_sale(amount=10, base_amount=10, unit="sat", request_id="r").number


def test_sale_numbers_are_unique_across_tills_selling_at_once(db: Database, pg_url: str) -> None:
    numbers: list[int] = []
    errors: list[BaseException] = []

    # Each till its own engine and connections, like another process (opened first: Alembic's loading of its
    # scripts is not thread-safe within one process).
    repos = [SaleRepository(Database(pg_url), till=f"T{i}") for i in range(4)]

    def till(repo: SaleRepository) -> None:
        try:
            try:
                for _ in range(15):
                    numbers.append(new_sale(repo))
            finally:
                repo.db.close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=till, args=(repo,)) for repo in repos]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(numbers) == list(range(1, 61))
    repo = SaleRepository(db)
    by_till = {sale.till for sale in repo.sales()}
    assert by_till == {"T0", "T1", "T2", "T3"}
    shifts = repo.open_shifts()
    assert set(shifts) == {"T0", "T1", "T2", "T3"} and len(set(shifts.values())) == 4, "one open shift per till"


def test_refused_payments_are_counted_once_each_by_tills_counting_at_once_on_postgresql(
    db: Database, pg_url: str
) -> None:
    repo = SaleRepository(db, till="T1")
    shift = repo.current_shift()
    assert repo.failed_attempts(shift) is None
    repos = [SaleRepository(Database(pg_url), till="T1") for _ in range(3)]  # three processes, one shift
    errors: list[BaseException] = []

    def count(other: SaleRepository) -> None:
        try:
            for _ in range(10):
                other.count_failed_attempt(shift)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=count, args=(other,)) for other in repos]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for other in repos:
        other.db.close()
    assert errors == []
    assert repo.failed_attempts(shift) == 30


def test_an_operation_is_resumed_by_one_till_and_a_dead_tills_lease_only_after_it_expired(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NUTDESK_LEASE_HOST", "till-a")
    a = Store(db)
    monkeypatch.setenv("NUTDESK_LEASE_HOST", "till-b")
    b = Store(db)
    c = Store(db)
    op_id = a.create_operation(kind="send", mint_url="http://mint", unit="sat", amount=5)
    a.update_operation(op_id, state="sent")  # each step renews the lease

    def alive(_owner: str) -> bool:
        return False

    assert not b.claim_operation(op_id, owner_dead=alive), "a live lease of another till is left alone"
    assert a.claim_operation(op_id, owner_dead=alive), "the holder may go on"
    with db.session() as s:  # the holding till died and its lease ran out
        s.execute(update(OperationRow).where(OperationRow.id == op_id).values(lease_expires=0.0))
    assert b.claim_operation(op_id, owner_dead=alive)
    assert not c.claim_operation(op_id, owner_dead=alive), "taken over by one till only"
    assert not a.claim_operation(op_id, owner_dead=alive), "the old holder lost it"
    b.update_operation(op_id, state="done")
    done = b.get_operation(op_id)
    assert done is not None and done.state == "done"
    with db.session() as s:
        row = s.get(OperationRow, op_id)
        assert row is not None and (row.lease_owner, row.lease_expires) == ("", 0.0), "at rest nobody holds it"


def test_the_database_and_the_till_come_from_the_command_line_else_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.cli.parser import build_parser
    from desktop.cli.runner import config_from_args

    monkeypatch.delenv("NUTDESK_DB_URL", raising=False)
    monkeypatch.delenv("NUTDESK_TILL", raising=False)
    balance = ["--data-dir", str(tmp_path), "balance"]
    plain = config_from_args(build_parser(balance).parse_args(balance))  # the parser builds the commands it is given
    assert (plain.db_url, plain.till) == (None, "")
    assert plain.database_url == f"sqlite:///{tmp_path / 'wallet.sqlite3'}"

    monkeypatch.setenv("NUTDESK_DB_URL", "postgresql://shop@db.local/wallet")
    monkeypatch.setenv("NUTDESK_TILL", "bar")
    from_env = config_from_args(build_parser(balance).parse_args(balance))
    assert (from_env.database_url, from_env.till) == ("postgresql://shop@db.local/wallet", "bar")

    argv = ["--data-dir", str(tmp_path), "--db", "postgresql://shop@db2/w", "--till", "T3", "balance"]
    given = config_from_args(build_parser(argv).parse_args(argv))
    assert (given.database_url, given.till) == ("postgresql://shop@db2/w", "T3")


def test_a_database_url_is_shown_without_its_password() -> None:
    from core.storage.dialects import normalize_url, url_for_humans

    assert url_for_humans("postgresql://shop:s3cret@db/w") == "postgresql://shop:***@db/w"
    assert url_for_humans("postgresql://shop@db/w") == "postgresql://shop@db/w"
    assert normalize_url("postgresql://shop@db/w") == "postgresql+psycopg://shop@db/w"
    assert normalize_url("sqlite:///x.db") == "sqlite:///x.db"


def test_an_unreachable_database_is_said_so_and_no_payment_is_taken() -> None:
    from core.api.messages import explain
    from core.errors import DatabaseUnreachable
    from tests.peers.ports import free_port

    with pytest.raises(DatabaseUnreachable) as caught:
        Database(f"postgresql://shop:s3cret@127.0.0.1:{free_port()}/wallet")  # nothing listens there
    assert "s3cret" not in str(caught.value), "the password never shows in a message"
    said = explain(caught.value)
    assert said.code == "database-unreachable" and "no payment was taken" in said.what


def test_another_tills_commit_reaches_this_tills_watcher_by_notify(db: Database, pg_url: str) -> None:
    from core.api.watch import watcher_for

    watcher = watcher_for(Config(db_url=pg_url))
    try:
        assert not watcher.changed(), "nothing happened yet"
        other_till = Store(Database(pg_url))
        other_till.set_setting("pos:policy-note", "changed at another till")
        other_till.close()
        deadline = time.monotonic() + 30
        while not watcher.changed():  # delivered right after the commit; polled as the GUI does, twice a second
            assert time.monotonic() < deadline, "the notification never came"
            time.sleep(0.5)
        assert not watcher.changed(), "once per change"
    finally:
        watcher.close()


async def test_each_till_has_its_own_cashier_lock_and_shift_on_one_wallet(tmp_path: Path, pg_url: str) -> None:
    from core.api.pos import PosService

    bar = WalletService.open(Config(data_dir=tmp_path / "bar", db_url=pg_url, till="bar"))
    bar.create_wallet(None)
    door = WalletService.open(Config(data_dir=tmp_path / "door", db_url=pg_url, till="door"))
    door.unlock()
    try:
        async with PosService(bar) as at_bar, PosService(door) as at_door:
            at_bar.configure(pin="2468")
            at_bar.add_cashier("ann", "1111")
            at_bar.add_cashier("bob", "2222")
            at_bar.sign_in("ann", "1111")
            at_door.sign_in("bob", "2222")
            assert (at_bar.cashier, at_door.cashier) == ("ann", "bob")
            at_bar.lock()
            assert at_bar.locked and not at_door.locked, "locking the bar leaves the door selling"
            assert at_bar.zreport().shift_id != at_door.zreport().shift_id
    finally:
        await bar.close()
        await door.close()
