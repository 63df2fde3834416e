"""First run: create a wallet (show the 12 words, confirm a few) or restore one; a password; a first mint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from core.api.service import WalletService
from core.errors import UserFacingError
from desktop.gui.i18n import tr
from desktop.gui.tasks import TaskRunner
from desktop.gui.widgets.mint_probe import MintProbe
from desktop.gui.wizard.state import WizardState

__all__ = ["FirstRunWizard"]


def _error_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("color: #c0392b")
    return label


class ChoicePage(QWizardPage):
    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(tr("Welcome to Nutdesk"))
        self.setSubTitle(tr("Nutdesk keeps Cashu ecash from several mints on this computer."))
        layout = QVBoxLayout(self)
        self.create_choice = QRadioButton(tr("Create a new wallet"))
        self.create_choice.setObjectName("createWallet")
        self.create_choice.setChecked(True)
        self.restore_choice = QRadioButton(tr("Restore a wallet from its 12 recovery words"))
        self.restore_choice.setObjectName("restoreWallet")
        layout.addWidget(self.create_choice)
        layout.addWidget(self.restore_choice)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        self.state.restore = self.restore_choice.isChecked()
        if not self.state.restore:
            self.state.new_words()
        return True

    def nextId(self) -> int:
        return FirstRunWizard.RESTORE if self.restore_choice.isChecked() else FirstRunWizard.WORDS


class WordsPage(QWizardPage):
    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(tr("Your recovery words"))
        self.setSubTitle(
            tr(
                "Write these 12 words down, in order, and keep them offline. They restore your ecash if this "
                "computer is lost. Anyone who has them can spend it."
            )
        )
        self.grid = QGridLayout(self)
        self.labels: list[QLabel] = []

    def initializePage(self) -> None:
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        mono = QFont("DejaVu Sans Mono")
        mono.setPointSizeF(mono.pointSizeF() * 1.2)
        for i, word in enumerate(self.state.words):
            label = QLabel(f"{i + 1:>2}. {word}")
            label.setObjectName(f"word{i + 1}")
            label.setFont(mono)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.grid.addWidget(label, i % 6, i // 6)
            self.labels.append(label)


class ConfirmPage(QWizardPage):
    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(tr("Confirm your words"))
        self.setSubTitle(tr("To be sure they were written down, type these words."))
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.error = _error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.fields: dict[int, QLineEdit] = {}

    def initializePage(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.fields = {}
        for position in self.state.confirm_positions:
            edit = QLineEdit()
            edit.setObjectName(f"confirmWord{position + 1}")
            self.fields[position] = edit
            self.form.addRow(tr("Word {0}:").format(position + 1), edit)
        self.error.setText("")

    def validatePage(self) -> bool:
        if self.state.check_confirmation({i: e.text() for i, e in self.fields.items()}):
            return True
        self.error.setText(tr("Not quite: check the words against what you wrote down (Back shows them again)."))
        return False

    def nextId(self) -> int:
        return FirstRunWizard.PASSWORD


class RestorePage(QWizardPage):
    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(tr("Restore from recovery words"))
        self.setSubTitle(
            tr("Type the 12 words, separated by spaces. The ecash is found again at the mint you add next.")
        )
        layout = QVBoxLayout(self)
        self.words = QPlainTextEdit()
        self.words.setObjectName("restoreWords")
        self.words.setPlaceholderText(tr("word1 word2 … word12"))
        layout.addWidget(self.words)
        from desktop.gui.wizard.backup import relay_field  # NUT-27: where the mint-list backup is

        self.relay = relay_field(layout)
        self.error = _error_label()
        layout.addWidget(self.error)

    def validatePage(self) -> bool:
        try:
            self.state.set_restored_words(self.words.toPlainText())
            self.state.relays = self.relay.text().split()
        except UserFacingError as exc:
            self.error.setText(str(exc).capitalize() + ".")
            return False
        return True

    def nextId(self) -> int:
        return FirstRunWizard.PASSWORD


class PasswordPage(QWizardPage):
    def __init__(self, state: WizardState) -> None:
        super().__init__()
        self.state = state
        self.setTitle(tr("Password (optional)"))
        self.setSubTitle(
            tr(
                "A password (at least 8 characters) encrypts the wallet on disk — the recovery words and every "
                "secret of your ecash — and is asked at every start. Leave it empty for no password."
            )
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("repeatPassword")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("Password:"), self.password)
        form.addRow(tr("Repeat:"), self.repeat)
        layout.addLayout(form)
        self.error = _error_label()
        layout.addWidget(self.error)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        try:
            self.state.set_password(self.password.text(), self.repeat.text())
        except UserFacingError as exc:
            self.error.setText(str(exc).capitalize() + ".")
            return False
        return True

    def nextId(self) -> int:
        return FirstRunWizard.MINT


class MintPage(QWizardPage):
    def __init__(self, state: WizardState, service: WalletService, tasks: TaskRunner) -> None:
        super().__init__()
        self.state = state
        self.setTitle(tr("Add a first mint"))
        self.setSubTitle(
            tr(
                "A mint issues the ecash and keeps the bitcoin behind it: choose one you trust. "
                "Check shows its name and message. You can skip this and add mints later."
            )
        )
        layout = QVBoxLayout(self)
        self.probe = MintProbe(service, tasks)
        self.probe.probed.connect(lambda _v: self.completeChanged.emit())
        self.probe.url.textChanged.connect(lambda _t: self.completeChanged.emit())
        layout.addWidget(self.probe)
        layout.addStretch(1)
        self.setFinalPage(True)

    def isComplete(self) -> bool:
        # Finish with no mint (skip), with a mint that answered, or after a failed check: the page says the mint
        # can be skipped, so a mint that did not answer must not trap the user here (Finish then skips it).
        url = self.probe.url.text().strip()
        return not url or self.probe.view is not None or url == self.probe.failed_url

    def validatePage(self) -> bool:
        view = self.probe.view
        self.state.mint_url = view.url if view is not None else ""
        self.state.trust_mint = self.probe.trust.isChecked()
        return True

    def nextId(self) -> int:
        return -1


class FirstRunWizard(QWizard):
    CHOICE, WORDS, CONFIRM, RESTORE, PASSWORD, MINT = range(6)

    def __init__(self, service: WalletService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.setWindowTitle(tr("Nutdesk — set up your wallet"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.state = WizardState()
        self.choice = ChoicePage(self.state)
        self.words = WordsPage(self.state)
        self.confirm = ConfirmPage(self.state)
        self.restore = RestorePage(self.state)
        self.password = PasswordPage(self.state)
        self.mint = MintPage(self.state, service, tasks)
        for page_id, page in (
            (self.CHOICE, self.choice),
            (self.WORDS, self.words),
            (self.CONFIRM, self.confirm),
            (self.RESTORE, self.restore),
            (self.PASSWORD, self.password),
            (self.MINT, self.mint),
        ):
            self.setPage(page_id, page)
        self.setStartId(self.CHOICE)
        self.resize(640, 520)
