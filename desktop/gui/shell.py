"""The main window: a navigation list on the left, one view at a time on the right, a status bar with progress."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QByteArray, QEvent, QFile, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from desktop.gui.about import AboutDialog
from desktop.gui.context import BALANCES, HISTORY, MINTS, SENT, AppContext
from desktop.gui.i18n import tr
from desktop.resources import app_icon, icon, load_resources

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, ctx: AppContext, views: list[QWidget], *, title: str = "Nutdesk") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.was_closed = False
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())
        self.views = views
        self.about: AboutDialog | None = None
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(180)
        self.nav.setIconSize(QSize(20, 20))
        # No style sheet here: it would freeze the palette, and the nav must follow light/dark switches.
        nav_font = self.nav.font()
        nav_font.setPointSizeF(nav_font.pointSizeF() * 1.2)
        self.nav.setFont(nav_font)
        self.nav.setSpacing(3)
        self.stack = QStackedWidget()
        for number, view in enumerate(views, start=1):
            item = QListWidgetItem(tr(str(getattr(view, "title", view.objectName()))))
            item.setToolTip(tr("Ctrl+{0}").format(number))
            item.setSizeHint(QSize(0, 34))
            self.nav.addItem(item)
            # Scrollable, so a small screen still reaches every field instead of forcing a huge window.
            page = QScrollArea()
            page.setWidgetResizable(True)
            page.setFrameShape(QScrollArea.Shape.NoFrame)
            page.setWidget(view)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._menus()
        self._icons()
        self._status_bar()
        self.nav.setCurrentRow(0)
        geometry = ctx.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 760)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&File"))
        refresh = QAction(tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(lambda: self.ctx.changed(BALANCES, HISTORY, MINTS, SENT))
        file_menu.addAction(refresh)
        self.refresh_action = refresh
        quit_action = QAction(tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.quit_action = quit_action
        view_menu = self.menuBar().addMenu(tr("&View"))
        for number, view in enumerate(self.views, start=1):
            action = QAction(tr(str(getattr(view, "title", view.objectName()))), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.nav.setCurrentRow(row))
            view_menu.addAction(action)
            self.addAction(action)
        help_menu = self.menuBar().addMenu(tr("&Help"))
        self.about_action = QAction(tr("&About Nutdesk"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _icons(self) -> None:
        """Each view's glyph in the navigation (named after its object name: balancesView → balances), drawn
        for the palette in use: redrawn when it changes (the system switched between light and dark)."""
        load_resources()
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        for row, view in enumerate(self.views):
            name = view.objectName().removesuffix("View")
            if QFile.exists(f":/nutdesk/icons/light/{name}.svg"):
                self.nav.item(row).setIcon(icon(name, dark=dark))
        actions = {"refresh": self.refresh_action, "quit": self.quit_action, "about": self.about_action}
        for name, action in actions.items():
            action.setIcon(icon(name, dark=dark))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "about_action"):  # not while building
            self._icons()

    def show_about(self) -> None:
        if self.about is None:
            self.about = AboutDialog(self)
        self.about.open()

    def _status_bar(self) -> None:
        self.busy = QProgressBar()
        self.busy.setObjectName("busyIndicator")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setMaximumHeight(14)
        self.busy.hide()
        self.busy_label = QLabel()
        bar = self.statusBar()
        bar.addPermanentWidget(self.busy_label)
        bar.addPermanentWidget(self.busy)
        self.ctx.tasks.busy_changed.connect(self._busy)
        self.ctx.tasks.status.connect(self._status)

    def _busy(self, busy: bool) -> None:
        self.busy.setVisible(busy)
        if not busy:
            self.busy_label.setText("")

    def _status(self, text: str) -> None:
        if not text:
            return
        if self.ctx.tasks.busy and text.endswith("…"):
            self.busy_label.setText(text)
        else:
            self.statusBar().showMessage(text, 8000)

    def show_view(self, view: QWidget) -> None:
        self.nav.setCurrentRow(self.views.index(view))

    def current_view(self) -> QWidget:
        return self.views[self.stack.currentIndex()]

    def closeEvent(self, event: QCloseEvent) -> None:
        self.ctx.settings.setValue("window/geometry", self.saveGeometry())
        self.ctx.settings.sync()
        super().closeEvent(event)
        self.was_closed = True
        self.closed.emit()

    async def wait_closed(self) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def done() -> None:
            if not future.done():
                future.set_result(None)

        self.closed.connect(done)
        # Closed, not hidden: a till left locked hides the main window at start-up, and the app must stay open.
        if self.was_closed:
            return
        await future
