"""A window learns which journal entries another process changed (ids only, by the updated_at index), and is told
to read everything when that cannot be told."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event

from core.api.journal_cursor import JournalCursor, cursor_for
from core.api.service import WalletService
from core.config import Config


def _open(path: Path) -> WalletService:
    service = WalletService.open(Config(data_dir=path))
    service.create_wallet()
    service.store.upsert_mint("http://127.0.0.1:1", name="m", info={}, trusted=True)
    return service


def _op(service: WalletService, amount: int) -> str:
    return service.store.create_operation(
        kind="receive", mint_url="http://127.0.0.1:1", unit="sat", amount=amount, state="sent"
    )


def test_the_cursor_names_entries_created_or_moved_by_another_process(tmp_path: Path) -> None:
    ours = _open(tmp_path / "w")
    other = WalletService.open(Config(data_dir=tmp_path / "w"))  # another process's connection to the same file
    try:
        old = [_op(other, n) for n in (1, 2, 3)]
        cursor = JournalCursor(ours.store)
        cursor.mark()
        assert cursor.changes() == []  # nothing since: History need not read anything
        new = _op(other, 4)
        other.store.update_operation(old[0], state="failed", error="refused")
        assert set(cursor.changes() or ()) == {new, old[0]}
        assert cursor.changes() == []  # told once

        statements: list[str] = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(ours.store.db.engine, "before_cursor_execute", listener)
        try:
            other.store.update_operation(old[1], state="failed")
            assert cursor.changes() == [old[1]]
        finally:
            event.remove(ours.store.db.engine, "before_cursor_execute", listener)
        # Ids, versions and times only (no journal payload), ordered by the indexed column.
        reads = [s for s in statements if "operations" in s]
        assert reads and not any("data_json" in s for s in reads)
        assert any("ORDER BY operations.updated_at DESC" in s for s in reads)
        plan = ours.store.db.engine.connect().exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT id, version, updated_at FROM operations WHERE updated_at >= 0 "
            "ORDER BY updated_at DESC LIMIT 201"
        )
        assert "ix_operations_updated_at" in " ".join(str(row) for row in plan)
    finally:
        other.store.close()
        ours.store.close()


def test_more_than_a_page_of_changes_asks_for_a_full_read_and_then_names_again(tmp_path: Path) -> None:
    service = _open(tmp_path / "w")
    try:
        cursor = JournalCursor(service.store, page=3, window=0.0)
        assert cursor.changes() is None  # never looked: it cannot tell (and looks now)
        for n in range(4):
            _op(service, n)
        assert cursor.changes() is None  # four at once: read everything
        latest = _op(service, 9)
        assert cursor.changes() == [latest]
    finally:
        service.store.close()


def test_a_shared_postgres_database_has_no_cursor(tmp_path: Path) -> None:
    service = _open(tmp_path / "w")
    try:
        assert cursor_for(Config(data_dir=tmp_path / "w"), service.store) is not None
        assert cursor_for(Config(data_dir=tmp_path / "w", db_url="postgresql+psycopg://x/y"), service.store) is None
    finally:
        service.store.close()


def test_the_rows_of_named_entries_are_read_without_their_payloads(tmp_path: Path) -> None:
    service = _open(tmp_path / "w")
    try:
        first, second = _op(service, 1), _op(service, 2)
        statements: list[str] = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(service.store.db.engine, "before_cursor_execute", listener)
        try:
            entries = service.history_entries_for([first, second, "gone", first])
        finally:
            event.remove(service.store.db.engine, "before_cursor_execute", listener)
        assert [(e.id, e.amount) for e in entries] == [(second, 2), (first, 1)]  # newest first, each once
        assert len(statements) == 1 and "data_json" not in statements[0]
        assert service.history_entries_for([]) == []
    finally:
        service.store.close()
