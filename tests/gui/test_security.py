"""The GUI's password: remembered in the OS keyring at unlock (and forgotten from Settings), a too-short new
password refused before anything is re-encrypted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QCheckBox

from core.api.service import WalletService
from core.config import Config
from core.errors import UserFacingError
from desktop import keyring_unlock
from desktop.gui.dialogs import PasswordDialog
from desktop.gui.views.settings.view import SettingsView
from tests.fakes.keyring_backend import MemoryKeyring, installed
from tests.gui.conftest import GuiHarness, until, wait_for_dialog

PASSWORD = "a long wallet password"


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


async def _protected_wallet(data_dir: Path) -> None:
    service = WalletService.open(Config(data_dir=data_dir))
    service.create_wallet(None, PASSWORD)
    await service.close()


def test_the_unlock_remembers_the_password_in_the_keyring_and_settings_forget_it(
    gui: GuiHarness, tmp_path: Path, run: Any, memory_keyring: MemoryKeyring
) -> None:
    data_dir = tmp_path / "w"
    run(_protected_wallet(data_dir))
    first = gui.session(data_dir)

    async def unlock() -> None:
        started = first.tasks.start(first.start())
        await until(lambda: first.unlock_dialog is not None and first.unlock_dialog.isVisible(), what="unlock")
        dialog = first.unlock_dialog
        assert dialog is not None
        remember = dialog.findChild(QCheckBox, "rememberPassword")
        assert remember is not None and remember.isVisibleTo(dialog)
        remember.setChecked(True)
        dialog.password.setText(PASSWORD)
        dialog.accept()
        assert await started is True

    run(unlock())
    assert keyring_unlock.recall(data_dir) == PASSWORD
    run(first.close())

    # The next start asks nothing.
    second = gui.open(data_dir)
    assert second.unlock_dialog is None and second.password == PASSWORD
    view = second.view(SettingsView)
    assert view.remember_button.isVisibleTo(view) and view.remember_button.text() == "Forget from keyring"

    async def forget() -> None:
        view.remember_button.click()
        await second.tasks.wait_idle()

    run(forget())
    assert keyring_unlock.recall(data_dir) is None
    assert view.remember_button.text() == "Remember in keyring"


def test_a_too_short_new_password_changes_nothing(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    data_dir = tmp_path / "w"
    run(_protected_wallet(data_dir))
    session = gui.session(data_dir)

    async def scenario() -> None:
        started = session.tasks.start(session.start())
        await until(lambda: session.unlock_dialog is not None and session.unlock_dialog.isVisible(), what="unlock")
        assert session.unlock_dialog is not None
        assert session.unlock_dialog.findChild(QCheckBox, "rememberPassword").isHidden()  # no keyring here
        session.unlock_dialog.password.setText(PASSWORD)
        session.unlock_dialog.accept()
        assert await started is True
        session.open_window().show()
        view = session.view(SettingsView)
        view.set_password_button.click()
        old = await wait_for_dialog(PasswordDialog)
        old.password.setText(PASSWORD)
        old.accept()
        await until(lambda: old.isHidden(), what="the first dialog closed")
        new = await wait_for_dialog(PasswordDialog)  # only visible dialogs are found: the second one
        assert new is not old
        new.password.setText("short")
        assert new.repeat is not None
        new.repeat.setText("short")
        new._check()
        await session.tasks.wait_idle()

    run(scenario())
    [error] = gui.errors()
    assert isinstance(error, UserFacingError) and "at least 8" in str(error)
    assert session.service.mnemonic(PASSWORD)  # still the old password
