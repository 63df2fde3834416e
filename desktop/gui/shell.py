"""The main window: a navigation list on the left, one view at a time on the right, a status bar with progress.

Views are built when first shown (the start view at once): a view given as a ``LazyView`` is a title and the
path of its class until its navigation entry is chosen (or code asks for it: ``view(cls)``), so start-up builds
and imports one view, not ten, and a view never shown never refreshes on a change.
"""

from __future__ import annotations

import asyncio
import importlib
from dataclasses import dataclass
from typing import Any, TypeVar

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

__all__ = ["LazyView", "MainWindow", "lazy"]

W = TypeVar("W", bound=QWidget)


@dataclass(frozen=True)
class LazyView:
    """A view not built yet: what the navigation shows of it, and how to build it (its module is imported then:
    start-up imports no view it does not show)."""

    title: str
    path: str  # "package.module:Class"
    args: tuple[Any, ...] = ()

    @property
    def class_name(self) -> str:
        return self.path.rpartition(":")[2]

    @property
    def name(self) -> str:
        """The object name the view sets (``BalancesView`` → ``balancesView``): it names the view's icon."""
        return self.class_name[:1].lower() + self.class_name[1:]

    def is_for(self, cls: type) -> bool:
        return self.path == f"{cls.__module__}:{cls.__qualname__}"

    def build(self) -> QWidget:
        module, _, name = self.path.partition(":")
        view: QWidget = getattr(importlib.import_module(module), name)(*self.args)
        return view


def lazy(view: type[QWidget] | str, *args: Any, title: str = "") -> LazyView:
    """``view(*args)`` built the first time its navigation entry is chosen. ``view`` is the class or, so that its
    module is imported only then, ``"module:Class"`` with the class's ``title`` given here."""
    if isinstance(view, str):
        return LazyView(title or view.rpartition(":")[2], view, args)
    return LazyView(title or str(getattr(view, "title", view.__name__)), f"{view.__module__}:{view.__qualname__}", args)


def _title(entry: QWidget | LazyView) -> str:
    return entry.title if isinstance(entry, LazyView) else str(getattr(entry, "title", entry.objectName()))


def _name(entry: QWidget | LazyView) -> str:
    return entry.name if isinstance(entry, LazyView) else entry.objectName()


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, ctx: AppContext, views: list[QWidget | LazyView], *, title: str = "Nutdesk") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.was_closed = False
        self.setWindowTitle(title)
        self.setWindowIcon(app_icon())
        self._entries: list[QWidget | LazyView] = list(views)
        self._pages: list[QScrollArea] = []
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
        for number, entry in enumerate(self._entries, start=1):
            item = QListWidgetItem(tr(_title(entry)))
            item.setToolTip(tr("Ctrl+{0}").format(number))
            item.setSizeHint(QSize(0, 34))
            self.nav.addItem(item)
            # Scrollable, so a small screen still reaches every field instead of forcing a huge window.
            page = QScrollArea()
            page.setWidgetResizable(True)
            page.setFrameShape(QScrollArea.Shape.NoFrame)
            if isinstance(entry, QWidget):
                page.setWidget(entry)
            self._pages.append(page)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self._show_row)
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
        for number, entry in enumerate(self._entries, start=1):
            action = QAction(tr(_title(entry)), self)
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
        for row, entry in enumerate(self._entries):
            name = _name(entry).removesuffix("View")
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

    # --- the views, built on demand -----------------------------------------------------------------

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._entries):
            self._built(row)
        self.stack.setCurrentIndex(row)

    def _built(self, row: int) -> QWidget:
        entry = self._entries[row]
        if isinstance(entry, LazyView):
            view = entry.build()
            self._entries[row] = view
            self._pages[row].setWidget(view)
            return view
        return entry

    def _row_of(self, key: type[QWidget] | str) -> int:
        for row, entry in enumerate(self._entries):
            if isinstance(key, str):
                if _name(entry) == key:
                    return row
            elif entry.is_for(key) if isinstance(entry, LazyView) else isinstance(entry, key):
                return row
        raise LookupError(f"no view {key!r}")

    def view(self, key: type[W] | str) -> Any:
        """The view of this class or object name, built now if it was not yet (not shown)."""
        return self._built(self._row_of(key))

    def is_built(self, key: type[QWidget] | str) -> bool:
        return isinstance(self._entries[self._row_of(key)], QWidget)

    def view_names(self) -> list[str]:
        """Every view's object name, in navigation order, building none."""
        return [_name(entry) for entry in self._entries]

    @property
    def views(self) -> list[QWidget]:
        """Every view, each built now if it was not yet (for a walk over all of them, e.g. the tests')."""
        return [self._built(row) for row in range(len(self._entries))]

    def show_view(self, view: QWidget) -> None:
        self.nav.setCurrentRow(next(row for row, entry in enumerate(self._entries) if entry is view))

    def current_view(self) -> QWidget:
        return self._built(self.stack.currentIndex())

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
