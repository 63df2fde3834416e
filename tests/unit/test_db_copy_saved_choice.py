"""``nutdesk db copy --to URL`` after the Settings saved a PostgreSQL choice (``database.json``, pointing at the very
target): it still copies the data directory's SQLite wallet; it refuses, saying why, only when no SQLite file holds
the wallet (it already lives in PostgreSQL). Each run as a command in its own process, as a user runs it."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg

from core.api.service import WalletService
from core.config import Config, DatabaseChoice, write_database_choice
from tests.integration.wallet_helpers import nutdesk
from tests.peers.postgres import PostgresServer
from tests.unit.test_analytics_queries import script_journal

# The database comes from the data directory alone here, as on a user's machine.
CLEAN_ENV = {"NUTDESK_DB_URL": "", "NUTDESK_TILL": ""}


def run(data_dir: Path, *args: str, check: bool = True) -> dict[str, object]:
    saved = {k: os.environ.pop(k) for k in list(CLEAN_ENV) if k in os.environ}
    try:
        return nutdesk(data_dir, *args, check=check)
    finally:
        os.environ.update(saved)


def tables_in(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'").fetchone()
    return int(row[0]) if row else 0


def test_db_copy_moves_the_sqlite_wallet_into_the_database_the_settings_chose(
    tmp_path: Path, pg_url: str, postgres_server: PostgresServer
) -> None:
    home = tmp_path / "shop"
    service = WalletService.open(Config(data_dir=home))
    words = service.create_wallet(None)
    script_journal(service.store)
    journal = [op.id for op in service.store.operations()]
    service.store.close()
    write_database_choice(home, DatabaseChoice(url=pg_url, till="T1"))  # Settings → Database, before the copy

    copied = run(home, "db", "copy", "--to", pg_url)
    assert isinstance(copied["copied"], dict)
    assert copied["copied"]["operations"] == len(journal) == 9 and copied["copied"]["settings"] > 0
    till = WalletService.open(Config(data_dir=tmp_path / "till", db_url=pg_url))
    try:
        till.unlock()
        assert till.mnemonic(None) == words
        assert [op.id for op in till.store.operations()] == journal
    finally:
        till.store.close()

    # Again: the SQLite wallet is still the source, and the target now holds it: refused, nothing merged.
    again = run(home, "db", "copy", "--to", pg_url, check=False)
    assert "already holds a wallet" in str(again["error"])

    # A data directory whose wallet lives in PostgreSQL only (no SQLite file holds one): refused, saying so, and
    # the other database is left as it was (not even migrated).
    elsewhere = tmp_path / "second-till"
    write_database_choice(elsewhere, DatabaseChoice(url=pg_url, till="T2"))
    empty = postgres_server.new_database()
    for args in ((), ("--db", pg_url)):
        refused = run(elsewhere, *args, "db", "copy", "--to", empty, check=False)
        message = str(refused["error"])
        assert "already lives in PostgreSQL" in message and "NUTDESK_DB_URL" not in message
    assert not (elsewhere / "wallet.sqlite3").exists()
    assert tables_in(empty) == 0
