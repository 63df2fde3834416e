"""The global exception hook: every unexpected error becomes a readable dialog and a logged traceback.

``@asyncSlot`` and Qt callbacks send their exceptions to ``sys.excepthook``; tasks started through
``TaskRunner`` send theirs to ``ErrorReporter.report``. Expected errors (``NutdeskError``) show their message;
anything else shows "Something went wrong" with the traceback under "Details". ``UserCancelled`` is silent.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from core.api.messages import explain
from core.api.repeats import AlreadyDone
from core.errors import InvalidPassword, NutdeskError, OutcomeUnknown, UserCancelled, UserFacingError
from desktop.gui.i18n import tr

__all__ = ["ErrorReporter", "describe_error", "install_excepthook"]

log = logging.getLogger("nutdesk.gui")


def describe_error(exc: BaseException) -> tuple[str, str]:
    """(title, message) for the dialog: the words of core.api.messages, the same the CLI prints."""
    text = explain(exc).text
    if isinstance(exc, OutcomeUnknown):
        return tr("Outcome not known yet"), text
    if isinstance(exc, InvalidPassword):
        return tr("Wrong password"), text
    if isinstance(exc, AlreadyDone):
        return tr("Already done"), text
    if isinstance(exc, UserFacingError):
        return tr("Cannot do that"), text
    if isinstance(exc, NutdeskError):
        return tr("Operation failed"), text
    return tr("Something went wrong"), text.replace(" the command again with --debug", " Nutdesk with --debug")


class ErrorReporter(QObject):
    """Shows errors without blocking the event loop (``QMessageBox.open``, never ``exec``)."""

    reported = Signal(object)

    def __init__(self, parent_widget: Callable[[], QWidget | None] = lambda: None) -> None:
        super().__init__()
        self._parent_widget = parent_widget
        self.history: list[BaseException] = []
        self.show_dialogs = True
        self._boxes: list[QMessageBox] = []

    def set_parent(self, parent_widget: Callable[[], QWidget | None]) -> None:
        self._parent_widget = parent_widget

    def report(self, exc: BaseException) -> None:
        if isinstance(exc, UserCancelled | asyncio.CancelledError):
            return
        self.history.append(exc)
        if isinstance(exc, NutdeskError):
            # A handled error is one line on stderr; its traceback goes to the log file (and stderr with --debug).
            log.warning("%s: %s", type(exc).__name__, exc)
            log.info("traceback of the error above", exc_info=exc)  # the log file (INFO), not stderr (WARNING)
        else:
            log.error("unexpected error", exc_info=exc)
        self.reported.emit(exc)
        if self.show_dialogs:
            self._show(exc)

    def _show(self, exc: BaseException) -> None:
        title, message = describe_error(exc)
        box = QMessageBox(self._parent_widget())
        box.setIcon(QMessageBox.Icon.Warning if isinstance(exc, NutdeskError) else QMessageBox.Icon.Critical)
        box.setWindowTitle(title)
        box.setText(message)
        if not isinstance(exc, NutdeskError):
            box.setDetailedText("".join(traceback.format_exception(exc)))
        elif explain(exc).detail != box.text():  # the mint's or the decoder's own words, for a bug report
            box.setDetailedText(f"{type(exc).__name__}: {explain(exc).detail}")
        box.setObjectName("errorDialog")
        self._boxes.append(box)
        box.finished.connect(lambda _result, b=box: self._forget(b))
        box.open()

    def _forget(self, box: QMessageBox) -> None:
        if box in self._boxes:
            self._boxes.remove(box)
        box.deleteLater()

    @property
    def open_dialogs(self) -> list[QMessageBox]:
        return list(self._boxes)


def install_excepthook(reporter: ErrorReporter) -> Callable[[], None]:
    """Route ``sys.excepthook`` and the event loop's unhandled errors to ``reporter``; returns an undo."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, exc, tb)
            return
        reporter.report(exc.with_traceback(tb))

    sys.excepthook = hook

    def undo() -> None:
        sys.excepthook = previous

    return undo


def loop_exception_handler(reporter: ErrorReporter) -> Callable[[asyncio.AbstractEventLoop, dict[str, Any]], None]:
    def handle(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            reporter.report(exc)
        else:
            log.error("event loop: %s", context.get("message"))

    return handle
