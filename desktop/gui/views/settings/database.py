"""Settings → Database: where the wallet lives (this computer's SQLite file or a shop's PostgreSQL server) and this
till's name. The choice is checked by connecting (off the Qt thread), saved where the command line reads it too
(``database.json`` in the data directory: ``core.config``), and used from the next start. The password never goes
into that file: the OS keyring keeps it, or the environment gives it (``PGPASSWORD``, ``~/.pgpass``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from core.api.database_settings import (
    check_database,
    is_postgresql,
    read_database_choice,
    save_database_choice,
    url_for_humans,
)
from core.config import Config, password_of, without_password
from core.errors import UserFacingError
from desktop import keyring_unlock
from desktop.gui.context import AppContext
from desktop.gui.dialogs import confirm
from desktop.gui.i18n import tr
from desktop.gui.tasks import run_blocking
from desktop.gui.widgets.common import hint

__all__ = ["DatabaseBox", "storage_box"]


def storage_box(config: Config) -> QGroupBox:
    box = QGroupBox(tr("Storage"))
    form = QFormLayout(box)
    for label, path in ((tr("Data directory:"), config.data_dir), (tr("Logs:"), config.logs_dir)):
        row = QHBoxLayout()
        text = QLabel(str(path))
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        open_button = QPushButton(tr("Open"))
        open_button.clicked.connect(lambda _c=False, p=path: QDesktopServices.openUrl(QUrl.fromLocalFile(str(p))))
        row.addWidget(text, 1)
        row.addWidget(open_button)
        form.addRow(label, row)
    return box


class DatabaseBox(QGroupBox):
    """The database in use, and the fields to choose another (and this till's name) for the next start."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Database and till"), parent)
        self.setObjectName("databaseBox")
        self.ctx = ctx
        config = ctx.service.config
        form = QFormLayout(self)
        if config.db_url and is_postgresql(config.db_url):
            current = url_for_humans(without_password(config.db_url))
        else:
            current = tr("this computer: {0}").format(config.database_path)
        self.current = QLabel(current)
        self.current.setObjectName("currentDatabase")
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.current.setWordWrap(True)
        form.addRow(tr("In use:"), self.current)
        self.current_till = QLabel(config.till or tr("(no name: a single till)"))
        form.addRow(tr("This till:"), self.current_till)
        saved = read_database_choice(config.data_dir)
        self.url = QLineEdit(saved.url or "")
        self.url.setObjectName("databaseUrl")
        self.url.setPlaceholderText(tr("postgresql://user@host/database — empty: this computer's file"))
        self.url.setAccessibleName(tr("Database URL"))
        form.addRow(tr("Database URL:"), self.url)
        self.password = QLineEdit()
        self.password.setObjectName("databasePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(tr("kept in the system keyring, never in a file"))
        self.password.setAccessibleName(tr("Database password"))
        form.addRow(tr("Password:"), self.password)
        self.till = QLineEdit(saved.till)
        self.till.setObjectName("tillName")
        self.till.setPlaceholderText(tr("e.g. bar, door (sales and Z-reports carry it)"))
        self.till.setAccessibleName(tr("Till name"))
        form.addRow(tr("Till name:"), self.till)
        self.save_button = QPushButton(tr("Check and save"))
        self.save_button.setObjectName("saveDatabase")
        self.save_button.clicked.connect(lambda: ctx.run(self.save(), label=tr("Connecting to the database…")))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        form.addRow("", buttons)
        self.message = hint(
            tr(
                "--db, --till, NUTDESK_DB_URL and NUTDESK_TILL, when given, win over what is saved here. "
                "Without a saved password: PGPASSWORD or ~/.pgpass."
            )
        )
        self.message.setObjectName("databaseMessage")
        form.addRow("", self.message)

    async def save(self) -> None:
        """Check the URL by connecting (off the Qt thread), then keep it and the till name for the next start."""
        url = self.url.text().strip()
        typed = self.password.text()
        if url and password_of(url) is not None:
            # A password typed into the URL: take it out of the URL, keep it like one typed in its own field.
            typed = typed or (password_of(url) or "")
            url = without_password(url)
            self.url.setText(url)
        server = ""
        if url:
            if not is_postgresql(url):
                raise UserFacingError(tr("Enter a postgresql:// URL (e.g. postgresql://shop@books.local/nutdesk)."))
            password = typed or keyring_unlock.recall_db_password(url) or ""
            check = await run_blocking(check_database, url, password or None)
            server = check.server
            if not check.has_wallet and not await confirm(
                self,
                tr("An empty database"),
                tr(
                    "No wallet lives in this database yet. To move this wallet into it, cancel and run "
                    "nutdesk db copy --to URL first (with Nutdesk closed). Used as it is, a new wallet is set up "
                    "there at the next start."
                ),
                yes=tr("Use the empty database"),
            ):
                self.message.setText(tr("Not saved: the database is empty."))
                return
        data_dir = self.ctx.service.config.data_dir
        await run_blocking(save_database_choice, data_dir, url or None, self.till.text())
        kept = ""
        if url and typed:
            if keyring_unlock.remember_db_password(url, typed):
                kept = " " + tr("The password is kept in the system keyring.")
            else:
                kept = " " + tr("No system keyring here: the password was not saved; set PGPASSWORD or ~/.pgpass.")
        self.password.clear()
        where = tr("{0} at {1}").format(server, url_for_humans(url)) if url else tr("this computer's file")
        self.message.setText(tr("Saved ({0}): restart Nutdesk to use it.").format(where) + kept)
