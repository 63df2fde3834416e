"""First run: the wizard creates a wallet (words shown and confirmed), sets a password, adds a trusted mint;
the next start asks for the password. Restoring from words finds the ecash again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QWizard

from core.api.service import WalletService
from core.config import Config
from desktop.gui.dialogs import PasswordDialog
from desktop.gui.wizard.wizard import FirstRunWizard
from tests.gui.conftest import GuiHarness, make_funded_wallet, until
from tests.peers.nutshell import NutshellMint


def test_first_run_creates_a_wallet_with_confirmed_words_a_password_and_a_trusted_mint(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    session = gui.session(tmp_path / "new")

    async def scenario() -> None:
        started = session.tasks.start(session.start())
        await until(lambda: session.wizard is not None and session.wizard.isVisible(), what="the wizard")
        wizard = session.wizard
        assert isinstance(wizard, FirstRunWizard)
        assert wizard.choice.create_choice.isChecked()
        wizard.next()
        assert wizard.currentId() == FirstRunWizard.WORDS
        words = [label.text().split(". ", 1)[1] for label in wizard.words.findChildren(QLabel) if "." in label.text()]
        assert len(words) == 12 and words == wizard.state.words

        wizard.next()
        assert wizard.currentId() == FirstRunWizard.CONFIRM
        for edit in wizard.confirm.fields.values():
            edit.setText("wrong")
        wizard.next()
        assert wizard.currentId() == FirstRunWizard.CONFIRM  # wrong words keep the user here
        assert "Not quite" in wizard.confirm.error.text()
        for position, edit in wizard.confirm.fields.items():
            edit.setText(words[position])
        wizard.next()

        assert wizard.currentId() == FirstRunWizard.PASSWORD
        wizard.password.password.setText("hunter2")
        wizard.password.repeat.setText("hunter2")
        wizard.next()
        assert wizard.currentId() == FirstRunWizard.PASSWORD  # too short
        assert "at least 8 characters" in wizard.password.error.text()
        wizard.password.password.setText("hunter2 hunter2")
        wizard.password.repeat.setText("hunter3 hunter3")
        wizard.next()
        assert wizard.currentId() == FirstRunWizard.PASSWORD
        assert "differ" in wizard.password.error.text()
        wizard.password.repeat.setText("hunter2 hunter2")
        wizard.next()

        assert wizard.currentId() == FirstRunWizard.MINT
        probe = wizard.mint.probe
        probe.url.setText("http://127.0.0.1:9")  # nothing listens there
        await probe.probe()
        assert "Could not reach the mint at 127.0.0.1:9" in probe.status.text()
        # The page says the mint can be skipped: after a failed check, Finish is there to do so.
        assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
        probe.url.setText(gui_mint.url)
        assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()  # a URL that was not checked
        await probe.probe()
        assert probe.name.text() == "GUI Test Mint"
        assert "FakeWallet" in probe.motd.text()
        assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert await started is True

    run(scenario())
    service = session.service
    assert service.password_protected
    [mint] = service.list_mints()
    assert mint.url == gui_mint.url and mint.trusted
    run(session.close())

    # The next start asks for the password; a wrong one is refused and asked again.
    again = gui.session(tmp_path / "new")

    async def unlock() -> None:
        started = again.tasks.start(again.start())
        await until(lambda: again.unlock_dialog is not None and again.unlock_dialog.isVisible(), what="unlock")
        dialog = again.unlock_dialog
        assert isinstance(dialog, PasswordDialog)
        dialog.password.setText("nope")
        dialog.accept()
        await until(lambda: dialog.error.isVisible(), what="the wrong-password message")
        assert "Wrong password" in dialog.error.text()
        dialog.password.setText("hunter2 hunter2")
        dialog.accept()
        assert await started is True

    run(unlock())
    assert again.password == "hunter2 hunter2"


def test_restoring_from_words_finds_the_ecash_at_the_first_mint(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    words = run(make_funded_wallet(tmp_path / "old", gui_mint.url, 300))
    session = gui.session(tmp_path / "restored")

    async def scenario() -> None:
        started = session.tasks.start(session.start())
        await until(lambda: session.wizard is not None and session.wizard.isVisible(), what="the wizard")
        wizard = session.wizard
        assert wizard is not None
        wizard.choice.restore_choice.setChecked(True)
        wizard.next()
        assert wizard.currentId() == FirstRunWizard.RESTORE
        wizard.restore.words.setPlainText("abandon " * 12)
        wizard.next()
        assert wizard.currentId() == FirstRunWizard.RESTORE
        assert "checksum" in wizard.restore.error.text()
        wizard.restore.words.setPlainText(words.upper())
        wizard.next()
        wizard.next()  # no password
        wizard.mint.probe.url.setText(gui_mint.url)
        await wizard.mint.probe.probe()
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert await started is True

    run(scenario(), timeout=120)
    assert not session.service.password_protected
    assert sum(b.balance for b in session.service.balances()) == 300
    assert WalletService.open(Config(data_dir=tmp_path / "restored")).initialized
