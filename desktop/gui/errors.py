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

from core.api.messages import explain, use_translator
from core.api.repeats import AlreadyDone
from core.errors import InvalidPassword, NutdeskError, OutcomeUnknown, UserCancelled, UserFacingError
from desktop.gui.i18n import QT_TR_NOOP, core_tr, tr

__all__ = ["ErrorReporter", "describe_error", "install_excepthook"]

log = logging.getLogger("nutdesk.gui")

# The words core.api.messages writes through the translator (``explain(exc, tr)``), marked here so lupdate puts
# them in the .ts files (core imports no Qt); tests/ship/test_error_words.py fails when one is missing or has no
# German. The dialog says "Start Nutdesk with --debug" instead of the CLI's "Run the command again", which a view
# showing ``explain(exc).text`` still needs.
ERROR_WORDS = (
    QT_TR_NOOP("Run the command again with --debug for the details, and please report it."),
    QT_TR_NOOP("the amount"),
    QT_TR_NOOP("the unit"),
    QT_TR_NOOP("the inputs"),
    QT_TR_NOOP("the outputs"),
    QT_TR_NOOP("The ecash of this quote was already minted."),
    QT_TR_NOOP("Check your balance: nothing more to do."),
    QT_TR_NOOP("This mint does not issue ecash at the moment."),
    QT_TR_NOOP("Try again later, or use another mint."),
    QT_TR_NOOP("The mint is still working on this quote."),
    QT_TR_NOOP("Wait a moment, then try again."),
    QT_TR_NOOP("This invoice was already paid."),
    QT_TR_NOOP("Nothing more to pay: see History."),
    QT_TR_NOOP("{0}: restored 0 {1}: the notes found (if any) were all spent already."),
    QT_TR_NOOP("the request"),
    QT_TR_NOOP("the mint"),
    QT_TR_NOOP(
        "Nothing is lost: Nutdesk keeps the operation and finishes it when the mint answers "
        "(see Recovery, or 'nutdesk failed list')."
    ),
    QT_TR_NOOP("This ecash was already spent: someone claimed it, or it was received before"),
    QT_TR_NOOP("If you sent it, it has been claimed; otherwise ask the sender for a new token."),
    QT_TR_NOOP("The invoice has not been paid yet"),
    QT_TR_NOOP("Pay it, then try again."),
    QT_TR_NOOP("The quote expired before it was paid"),
    QT_TR_NOOP("Create a new invoice."),
    QT_TR_NOOP("Nothing was spent."),
    QT_TR_NOOP("Nothing is lost: the operation is kept and settled when the mint answers."),
    QT_TR_NOOP("Paste a Cashu token (it starts with 'cashuA' or 'cashuB')."),
    QT_TR_NOOP("Choose a smaller amount, another mint, or receive more first."),
    QT_TR_NOOP("The shop's database did not answer, so nothing was recorded and no payment was taken"),
    QT_TR_NOOP("Check the database server and the network; the till works again as soon as it answers."),
    QT_TR_NOOP("The wallet file could not be read or written"),
    QT_TR_NOOP("Check the free disk space and the permissions of the data directory."),
    QT_TR_NOOP("Check the path and its permissions."),
    QT_TR_NOOP("{0}: restored {1:,} {2} of unspent ecash."),
    QT_TR_NOOP("Check the address and the network, or try again when the mint is back online."),
    QT_TR_NOOP("Enter an amount of at least 1."),
    QT_TR_NOOP("Correct it and try again."),
    QT_TR_NOOP("This token is incomplete or damaged"),
    QT_TR_NOOP(
        "Copy the whole token again (from 'cashuA' or 'cashuB' to its last character) and paste it in one piece."
    ),
    QT_TR_NOOP("Something unexpected went wrong ({0}: {1})."),
    QT_TR_NOOP("the {0}"),
    QT_TR_NOOP("The mint at {0} did not answer, so the outcome is not known yet"),
    QT_TR_NOOP("{0} must be more than {1}"),
    QT_TR_NOOP("The mint refused the request: {0}"),
    QT_TR_NOOP("{0} must be at least {1}"),
    QT_TR_NOOP("The mint at {0} did not answer within {1}; nothing was changed"),
    QT_TR_NOOP("Could not reach the mint at {0}; nothing was sent"),
    QT_TR_NOOP("{0} must be at most {1}"),
)


def describe_error(exc: BaseException) -> tuple[str, str]:
    """(title, message) for the dialog: the words of core.api.messages, the same the CLI prints, in the GUI's
    language."""
    explained = explain(exc, tr)
    text = explained.text
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
    todo = tr("Start Nutdesk with --debug for the details, and please report it.")
    return tr("Something went wrong"), f"{explained.what} {todo}"


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
        elif (detail := explain(exc, tr).detail) != box.text():  # the mint's or the decoder's words, for a report
            box.setDetailedText(f"{type(exc).__name__}: {detail}")
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
    # Every explain() of the GUI (the views' error lines too) and every error the core raises speak its language.
    previous_translator = use_translator(core_tr)

    def undo() -> None:
        sys.excepthook = previous
        use_translator(previous_translator)

    return undo


def loop_exception_handler(reporter: ErrorReporter) -> Callable[[asyncio.AbstractEventLoop, dict[str, Any]], None]:
    def handle(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if isinstance(exc, BaseException):
            reporter.report(exc)
        else:
            log.error("event loop: %s", context.get("message"))

    return handle
