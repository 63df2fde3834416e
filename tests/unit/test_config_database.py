"""Where the wallet lives and the till's name: ``--db``/``--till``, then the environment, then what Settings saved in
the data directory's ``database.json`` (never a password), else the SQLite file and no name."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from core.api.database_settings import check_database, save_database_choice
from core.config import (
    DATABASE_FILE,
    Config,
    DatabaseChoice,
    password_of,
    read_database_choice,
    with_password,
    without_password,
    write_database_choice,
)
from core.errors import ConfigError, UserFacingError
from core.storage.db import Database
from tests.peers.ports import free_port

PG = "postgresql://shop@books.local:5432/nutdesk"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NUTDESK_DB_URL", "NUTDESK_TILL"):
        monkeypatch.delenv(name, raising=False)


def test_the_saved_choice_comes_after_the_arguments_and_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert Config(data_dir=tmp_path).database_url == f"sqlite:///{tmp_path / 'wallet.sqlite3'}"
    write_database_choice(tmp_path, DatabaseChoice(PG, "bar"))
    saved = Config(data_dir=tmp_path)
    assert (saved.database_url, saved.till) == (PG, "bar")
    monkeypatch.setenv("NUTDESK_DB_URL", "postgresql://other@host/db")
    monkeypatch.setenv("NUTDESK_TILL", "door")
    from_env = Config(data_dir=tmp_path)
    assert (from_env.db_url, from_env.till) == ("postgresql://other@host/db", "door")
    given = dataclasses.replace(from_env, db_url="sqlite:///elsewhere.sqlite3", till="web")
    assert (given.db_url, given.till) == ("sqlite:///elsewhere.sqlite3", "web")


def test_a_password_never_reaches_the_file(tmp_path: Path) -> None:
    write_database_choice(tmp_path, DatabaseChoice("postgresql://shop:hunter2@books.local/nutdesk", " bar "))
    text = (tmp_path / DATABASE_FILE).read_text()
    assert "hunter2" not in text
    assert json.loads(text) == {"url": "postgresql://shop@books.local/nutdesk", "till": "bar"}
    save_database_choice(tmp_path, "", "")
    assert read_database_choice(tmp_path) == DatabaseChoice(None, "")
    with pytest.raises(ConfigError, match="not a database URL"):
        save_database_choice(tmp_path, "mysql://shop@host/db", "")


def test_passwords_in_urls_are_taken_out_and_put_in_in_memory() -> None:
    assert password_of(PG) is None
    full = with_password(PG, "p@ss:w/rd")
    assert full == "postgresql://shop:p%40ss%3Aw%2Frd@books.local:5432/nutdesk"
    assert password_of(full) == "p@ss:w/rd" and without_password(full) == PG
    assert without_password("sqlite:////tmp/w.sqlite3") == "sqlite:////tmp/w.sqlite3"
    with pytest.raises(ConfigError, match="user name"):
        with_password("postgresql://books.local/nutdesk", "x")


def test_an_unreadable_choice_says_where(tmp_path: Path) -> None:
    (tmp_path / DATABASE_FILE).write_text("{not json")
    with pytest.raises(ConfigError, match=DATABASE_FILE):
        Config(data_dir=tmp_path)


def test_the_check_connects_and_tells_an_empty_database_from_a_wallet(pg_url: str) -> None:
    first = check_database(pg_url)
    assert first.server.startswith("PostgreSQL ") and not first.has_wallet
    Database(pg_url).close()  # the migrations create the wallet's tables
    assert check_database(pg_url).has_wallet
    with pytest.raises(
        UserFacingError, match=r"could not connect to postgresql://nobody:\*\*\*@127\.0\.0\.1"
    ) as caught:
        check_database(f"postgresql://nobody:secret@127.0.0.1:{free_port()}/nutdesk")
    assert "secret" not in str(caught.value)
