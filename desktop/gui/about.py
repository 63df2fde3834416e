"""Help → About Nutdesk: the icon, the version (pyproject.toml's, as ``--version`` shows), the licence and links."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.gui.i18n import QT_TR_NOOP, tr
from desktop.resources import app_icon
from desktop.version import HOMEPAGE, LICENSE, app_version

__all__ = ["AboutDialog"]

LINKS = (
    (QT_TR_NOOP("Website"), HOMEPAGE),
    (QT_TR_NOOP("The Cashu protocol"), "https://cashu.space"),
    (QT_TR_NOOP("NUT specifications"), "https://github.com/cashubtc/nuts"),
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(tr("About Nutdesk"))
        self.setWindowIcon(app_icon())
        self.version = app_version()
        icon = QLabel()
        icon.setObjectName("aboutIcon")
        icon.setPixmap(app_icon().pixmap(96, 96))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(tr("<h2>Nutdesk</h2><p>Version {0}</p>").format(self.version))
        title.setObjectName("aboutVersion")
        body = QLabel(
            tr(
                "<p>A desktop Cashu ecash wallet and merchant point-of-sale console.</p>"
                "<p>Released under the {0} licence: free to use, copy, change and share, without warranty.</p>"
            ).format(LICENSE)
            + "".join(f'<p><a href="{url}">{tr(label)}</a></p>' for label, url in LINKS)
        )
        body.setObjectName("aboutText")
        body.setWordWrap(True)
        body.setOpenExternalLinks(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(body)
        row = QHBoxLayout()
        row.addWidget(icon)
        row.addLayout(text, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
