"""``nutdesk db copy --to URL``: move a single-machine wallet (SQLite) into a shop's PostgreSQL database.

Every table, row for row, into a target brought to the same schema version; the target must be empty (a wallet is
never merged into another one: two seeds, two sets of counters). While it copies, the source is held under SQLite's
exclusive lock, and it refuses to start while another process has the wallet file open (a GUI, a till, a CLI
command): that process could write after the copy, and its writes would be lost to the new database.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Integer, Select, Table, Text, func, select, text, type_coerce
from sqlalchemy.types import TypeDecorator

from core.errors import ConfigError
from core.i18n import t
from core.storage.db import Database
from core.storage.dialects import url_for_humans
from core.storage.models import Base, SettingRow

__all__ = ["copy_wallet", "holds_wallet", "other_processes_using"]


def other_processes_using(path: Path) -> list[int]:
    """Pids of other processes with ``path`` (or its -wal/-shm files) open: Linux's /proc; elsewhere none known."""
    proc = Path("/proc")
    if not proc.is_dir():
        return []
    wanted = {str(path.resolve()), f"{path.resolve()}-wal", f"{path.resolve()}-shm"}
    found: list[int] = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            targets = {os.readlink(fd) for fd in (entry / "fd").iterdir()}
        except OSError:  # gone meanwhile, or not ours to look at
            continue
        if targets & wanted:
            found.append(int(entry.name))
    return sorted(found)


def holds_wallet(db: Database) -> bool:
    """Whether ``db`` holds a wallet (any setting: the recovery words are one), read without opening sealed values."""
    with db.engine.connect() as conn:
        return bool(conn.scalar(select(func.count()).select_from(SettingRow)))


def copy_wallet(source: Database, source_path: Path, target_url: str) -> dict[str, int]:
    """Copy the wallet in ``source`` (the SQLite file ``source_path``) into the empty database ``target_url``.

    Returns rows copied per table. Raises ``ConfigError`` when another process uses the wallet, or the target
    already holds a wallet.
    """
    users = other_processes_using(source_path)
    if users:
        raise ConfigError(
            t(
                "another process uses the wallet (pid {0}): close the app and every till using it, then copy again"
            ).format(", ".join(map(str, users)))
        )
    target = Database(target_url)  # migrated to the newest schema, like the source
    try:
        if holds_wallet(target):
            raise ConfigError(
                t("{0} already holds a wallet: copy into an empty database").format(url_for_humans(target.url))
            )
        counts: dict[str, int] = {}
        with source.engine.connect() as src:
            # The exclusive lock for the whole copy: nobody writes to the source in between.
            src.exec_driver_sql("BEGIN EXCLUSIVE")
            with target.engine.begin() as dst:
                for table in Base.metadata.sorted_tables:
                    if table.info.get("derived"):
                        continue  # kept by the target itself (triggers, or aggregates on PostgreSQL)
                    rows = [dict(r._mapping) for r in src.execute(_as_stored(table))]
                    if rows:
                        dst.execute(table.insert(), rows)
                    counts[table.name] = len(rows)
                    _advance_sequence(dst, table)
            src.rollback()
        return counts
    finally:
        target.close()


def _as_stored(table: Table) -> Select[Any]:
    """``SELECT`` of ``table`` as stored: the values of sealed columns are copied sealed, as they are (the key comes
    from the recovery words, which travel with them encrypted under the password), never opened on the way."""
    return select(
        *(type_coerce(c, Text()).label(c.name) if isinstance(c.type, TypeDecorator) else c for c in table.columns)
    )


def _advance_sequence(dst: Connection, table: Table) -> None:
    """PostgreSQL: integer keys copied as they were leave the table's sequence behind; move it past them."""
    if dst.dialect.name != "postgresql":
        return
    for column in table.primary_key.columns:
        if isinstance(column.type, Integer) and column.autoincrement in (True, "auto"):
            dst.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', '{column.name}'), "
                    f'COALESCE((SELECT MAX("{column.name}") FROM "{table.name}"), 0) + 1, false)'
                )
            )
