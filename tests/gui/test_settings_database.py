"""Settings → Database and till: the database in use (never its password), a PostgreSQL URL checked by connecting
to a real server and saved with the till name where the command line reads them too, the password in the OS
keyring and never in the file, and a server that does not answer saving nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QMessageBox

from core.api.service import WalletService
from core.config import DATABASE_FILE, Config, read_database_choice
from core.errors import UserFacingError
from desktop import keyring_unlock
from desktop.cli.parser import build_parser
from desktop.cli.runner import config_from_args
from desktop.gui.views.settings.view import SettingsView
from tests.fakes.keyring_backend import MemoryKeyring, installed
from tests.gui.conftest import GuiHarness, wait_for_dialog
from tests.peers.ports import free_port

SECRET = "s3cret-db-pass"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


@pytest.fixture(autouse=True)
def no_database_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NUTDESK_DB_URL", "NUTDESK_TILL", "PGPASSWORD"):
        monkeypatch.delenv(name, raising=False)


def new_wallet(data_dir: Path, db_url: str | None = None) -> None:
    service = WalletService.open(Config(data_dir=data_dir, db_url=db_url))
    service.create_wallet(None)
    service.store.close()


def test_a_postgresql_url_and_till_are_checked_saved_for_the_cli_too_and_used_at_the_next_start(
    gui: GuiHarness, tmp_path: Path, run: Any, pg_url: str, memory_keyring: MemoryKeyring
) -> None:
    data_dir = tmp_path / "w"
    new_wallet(data_dir)
    new_wallet(tmp_path / "pg-setup", pg_url)  # the shop's wallet, already in PostgreSQL
    session = gui.open(data_dir)
    box = session.view(SettingsView).database_box
    assert "wallet.sqlite3" in box.current.text() and str(data_dir) in box.current.text()
    assert box.url.text() == "" and box.till.text() == ""

    # The password typed into the URL: taken out of it, checked with it (the test server trusts anyone).
    user, rest = pg_url.removeprefix("postgresql://").split("@", 1)
    box.url.setText(f"postgresql://{user}:{SECRET}@{rest}")
    box.till.setText(" bar ")

    async def save() -> None:
        box.save_button.click()
        await session.tasks.wait_idle()

    run(save())
    assert gui.errors() == []
    assert "restart Nutdesk" in box.message.text() and "PostgreSQL 1" in box.message.text()
    assert "system keyring" in box.message.text() and "empty" not in box.message.text()
    assert box.url.text() == pg_url and box.password.text() == ""
    stored = (data_dir / DATABASE_FILE).read_text()
    assert SECRET not in stored
    assert read_database_choice(data_dir).url == pg_url and read_database_choice(data_dir).till == "bar"
    assert keyring_unlock.recall_db_password(pg_url) == SECRET
    assert "wallet.sqlite3" in box.current.text()  # still this start's database until the restart
    box.grab().save(str(tmp_path / "settings-database.png"))
    assert "DejaVu Sans" in QFontDatabase.families()

    # The command line opens the same database and till, with the password from the keyring (in memory only).
    cli = config_from_args(build_parser().parse_args(["--data-dir", str(data_dir), "balance"]))
    assert cli.db_url == f"postgresql://{user}:{SECRET}@{rest}" and cli.till == "bar"
    # --db and --till win over what Settings saved.
    other = config_from_args(build_parser().parse_args(["--data-dir", str(data_dir), "--till", "door", "balance"]))
    assert other.till == "door"
    run(session.close())

    # The next start of the window opens the PostgreSQL wallet and shows it without a password.
    again = gui.open(data_dir)
    assert again.service.config.db_url == pg_url and again.service.config.till == "bar"
    shown = again.view(SettingsView).database_box
    assert shown.current.text() == pg_url
    assert SECRET not in shown.current.text() and shown.current_till.text() == "bar"


def test_a_database_that_does_not_answer_saves_nothing(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    data_dir = tmp_path / "w"
    new_wallet(data_dir)
    session = gui.open(data_dir)
    box = session.view(SettingsView).database_box
    box.url.setText(f"postgresql://shop@127.0.0.1:{free_port()}/nutdesk")
    box.till.setText("bar")

    async def save() -> None:
        box.save_button.click()
        await session.tasks.wait_idle()

    run(save())
    [error] = gui.errors()
    assert isinstance(error, UserFacingError) and "could not connect to postgresql://shop@127.0.0.1" in str(error)
    assert not (data_dir / DATABASE_FILE).exists()
    box.url.setText("mysql://shop@host/db")
    run(save())
    [error] = gui.errors()
    assert "postgresql://" in str(error)
    assert not (data_dir / DATABASE_FILE).exists()


def test_an_empty_database_is_only_saved_when_the_user_says_so(
    gui: GuiHarness, tmp_path: Path, run: Any, pg_url: str
) -> None:
    data_dir = tmp_path / "w"
    new_wallet(data_dir)
    session = gui.open(data_dir)
    box = session.view(SettingsView).database_box
    box.url.setText(pg_url)

    async def save(answer: QMessageBox.StandardButton | None) -> None:
        box.save_button.click()
        dialog = await wait_for_dialog(QMessageBox, "confirmDialog")
        assert "db copy --to URL" in dialog.text()
        if answer is None:
            dialog.button(QMessageBox.StandardButton.Cancel).click()
        else:
            next(b for b in dialog.buttons() if b.text() == "Use the empty database").click()
        await session.tasks.wait_idle()

    run(save(None))
    assert box.message.text() == "Not saved: the database is empty."
    assert not (data_dir / DATABASE_FILE).exists()
    run(save(QMessageBox.StandardButton.Ok))
    assert gui.errors() == []
    assert read_database_choice(data_dir).url == pg_url and "restart Nutdesk" in box.message.text()
