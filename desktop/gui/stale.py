"""Views that refresh only while they are seen: a change a hidden view would react to marks it stale, and the view
catches up once, when it is next shown.

The main window shows one view at a time (a stacked widget), yet every view built so far used to read the database
again on every change: a send at 100,000 proofs re-read History, Balances, Send, Vault… behind a page nobody looked
at. A view connects with ``refresh_when_shown(self, ctx.bus, handler, *areas)`` instead of
``ctx.bus.changed.connect``: a change naming one of ``areas`` calls ``handler`` at once while the view is visible,
and is otherwise kept for the view's next Show event, merged with every other change it missed, so that the view
refreshes once however many changes it missed.

The merge keeps what the changes say in detail (the operation ids, mints and units of ``Changes``) only where every
missed change said it: operation ids from one change and none from another (a plain ``ctx.changed``, "not said")
merge into "not said", a full refresh, never an update of some rows only.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from desktop.gui.changes import Changes
from desktop.gui.context import ChangeBus

__all__ = ["MAX_NAMED", "WhenShown", "merged", "refresh_when_shown"]

Handler = Callable[[frozenset[str]], None]

# More operations missed than this: one read of the view's first page is cheaper than one read per operation.
MAX_NAMED = 200


def merged(earlier: frozenset[str], later: frozenset[str]) -> frozenset[str]:
    """One change that says what both say: the areas of both; the operations, mints and units only when both name
    them (an empty set is "not said": a reader of the merge must reload, not update some rows)."""
    if not (isinstance(earlier, Changes) and isinstance(later, Changes)):
        return frozenset(earlier | later)

    def both(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
        return a | b if a and b else frozenset()

    operations = both(earlier.operations, later.operations)
    return Changes(
        earlier | later,
        operations=operations if len(operations) <= MAX_NAMED else (),
        mints=both(earlier.mints, later.mints),
        units=both(earlier.units, later.units),
    )


class WhenShown(QObject):
    """Calls ``handler`` for the changes ``view`` should follow: at once while it is visible, else once when it is
    shown again. A child of the view (it goes with it, its bus connection too); an event filter, so the view needs
    no ``showEvent`` of its own."""

    def __init__(self, view: QWidget, bus: ChangeBus, handler: Handler, areas: frozenset[str]) -> None:
        super().__init__(view)
        self.view = view
        self.handler = handler
        self.areas = areas  # empty: every change
        self.missed: frozenset[str] | None = None
        bus.changed.connect(self._changed)
        view.installEventFilter(self)

    @property
    def stale(self) -> bool:
        """Whether the view missed a change it follows while hidden (it shows what it read before)."""
        return self.missed is not None

    def _changed(self, what: frozenset[str]) -> None:
        if self.areas and not self.areas & what:
            return
        if self.view.isVisible():
            self.handler(what)
        else:
            self.missed = what if self.missed is None else merged(self.missed, what)

    def catch_up(self) -> None:
        """Handle the changes missed while hidden, merged, if there were any (the view is being shown, or code
        needs its state now)."""
        if self.missed is not None:
            what, self.missed = self.missed, None
            self.handler(what)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Show:
            self.catch_up()
        return False


def refresh_when_shown(view: QWidget, bus: ChangeBus, handler: Handler, *areas: str) -> WhenShown:
    """Follow the changes naming any of ``areas`` (every change if none): ``handler(what)`` now if ``view`` is
    visible, else once when it is next shown (see the module's doc)."""
    return WhenShown(view, bus, handler, frozenset(areas))
