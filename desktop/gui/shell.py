"""The main window: a navigation list on the left, one view at a time on the right, a status bar with progress."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
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

from desktop.gui.context import BALANCES, HISTORY, MINTS, SENT, AppContext

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, ctx: AppContext, views: list[QWidget], *, title: str = "Nutdesk") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.was_closed = False
        self.setWindowTitle(title)
        self.views = views
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
            item = QListWidgetItem(str(getattr(view, "title", view.objectName())))
            item.setToolTip(f"Ctrl+{number}")
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
        self._status_bar()
        self.nav.setCurrentRow(0)
        geometry = ctx.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1100, 760)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        refresh = QAction("&Refresh", self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(lambda: self.ctx.changed(BALANCES, HISTORY, MINTS, SENT))
        file_menu.addAction(refresh)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu("&View")
        for number, view in enumerate(self.views, start=1):
            action = QAction(str(getattr(view, "title", view.objectName())), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _checked=False, row=number - 1: self.nav.setCurrentRow(row))
            view_menu.addAction(action)
            self.addAction(action)

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
