"""Enter a mint URL, look at its info and message of the day, decide whether to trust it.

Used by the first-run wizard and by "Add mint…". Looking a mint up does not add it: ``MintView`` comes from
``WalletService.mint_info``, which works for a mint the wallet does not know yet.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.api.messages import explain
from core.api.service import MintView, WalletService
from core.errors import NutdeskError
from desktop.gui.i18n import tr
from desktop.gui.tasks import TaskRunner

__all__ = ["AddMintDialog", "MintProbe"]


class MintProbe(QWidget):
    """URL field + Check; shows name, motd and supported NUTs; a "trust" box."""

    probed = Signal(object)  # MintView | None

    def __init__(self, service: WalletService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.tasks = tasks
        self.view: MintView | None = None
        self.failed_url = ""  # the URL whose check failed (the wizard then finishes without it)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.url = QLineEdit()
        self.url.setObjectName("mintUrl")
        self.url.setPlaceholderText("https://mint.example.com")
        self.url.textChanged.connect(self._edited)
        self.url.returnPressed.connect(self.check)
        self.check_button = QPushButton(tr("Check"))
        self.check_button.clicked.connect(self.check)
        row.addWidget(self.url, 1)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        form = QFormLayout()
        self.name = QLabel("—")
        self.motd = QLabel("—")
        self.motd.setWordWrap(True)
        self.nuts = QLabel("—")
        self.nuts.setWordWrap(True)
        form.addRow(tr("Name:"), self.name)
        form.addRow(tr("Message:"), self.motd)
        form.addRow(tr("Supports:"), self.nuts)
        layout.addLayout(form)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.trust = QCheckBox(tr("Trust this mint (accept its tokens without asking)"))
        self.trust.setChecked(True)
        layout.addWidget(self.trust)

    def _edited(self) -> None:
        self.view = None
        self.failed_url = ""
        self.name.setText("—")
        self.motd.setText("—")
        self.nuts.setText("—")
        self.status.setText("")
        self.probed.emit(None)

    def check(self) -> None:
        if self.url.text().strip():
            self.tasks.start(self.probe(), label=tr("Contacting the mint…"))

    async def probe(self) -> MintView | None:
        url = self.url.text().strip()
        self.status.setText(tr("Contacting the mint…"))
        self.check_button.setEnabled(False)
        try:
            view = await self.service.mint_info(url)
        except NutdeskError as exc:
            self.view = None
            self.failed_url = url
            self.status.setText(
                tr("<span style='color:#c0392b'>Cannot use this mint. {0}</span>").format(
                    html.escape(explain(exc).text)
                )
            )
            self.probed.emit(None)
            return None
        finally:
            self.check_button.setEnabled(True)
        self.view = view
        self.name.setText(view.name)
        self.motd.setText(view.motd or tr("(none)"))
        self.nuts.setText(tr("NUT ") + ", ".join(str(n) for n in view.nuts) if view.nuts else "—")
        self.status.setText(tr("✓ The mint answered."))
        self.probed.emit(view)
        return view


class AddMintDialog(QDialog):
    def __init__(self, service: WalletService, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addMintDialog")
        self.setWindowTitle(tr("Add a mint"))
        layout = QVBoxLayout(self)
        self.probe = MintProbe(service, tasks)
        layout.addWidget(self.probe)
        from desktop.gui.widgets.mint_discovery import DiscoveryPanel  # NIP-87: mints recommended on Nostr

        self.discovery = DiscoveryPanel(service, tasks)
        self.discovery.chosen.connect(self.probe.url.setText)
        layout.addWidget(self.discovery)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(tr("Add mint"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.probe.probed.connect(lambda view: self.ok.setEnabled(view is not None))
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())
