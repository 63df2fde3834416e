"""Views are built when first shown, and a change event that names its operations updates just their rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from core.storage.store import Store
from desktop.gui.changes import Changes, announce, operations_of
from desktop.gui.context import BALANCES, HISTORY, SENT
from desktop.gui.views.balances.view import BalancesView
from desktop.gui.views.history.model import HistoryModel
from desktop.gui.views.history.view import HistoryView
from desktop.gui.views.settings.view import SettingsView
from tests.gui.conftest import GuiHarness, make_funded_wallet
from tests.peers.nutshell import NutshellMint


def _built(cls: type) -> list[Any]:
    return [w for w in QApplication.allWidgets() if isinstance(w, cls)]


def test_only_the_start_view_is_built_until_its_navigation_entry_is_chosen(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
    session = gui.open(tmp_path / "w")
    window = session.window
    assert window is not None
    assert window.is_built(BalancesView) and isinstance(window.current_view(), BalancesView)
    assert not window.is_built(HistoryView) and _built(HistoryView) == []
    assert not window.is_built("settingsView")
    # The navigation names and draws every view without building it.
    nav = [window.nav.item(row) for row in range(window.nav.count())]
    assert [item.text() for item in nav][4] == "History"
    assert all(not item.icon().pixmap(20, 20).isNull() for item in nav)

    window.nav.setCurrentRow(4)  # chosen: built now, and shown
    history = window.current_view()
    assert isinstance(history, HistoryView) and history.objectName() == "historyView"
    assert window.is_built(HistoryView) and len(_built(HistoryView)) == 1
    assert history.table.accessibleName() == "History: one row per operation"
    window.nav.setCurrentRow(0)
    window.nav.setCurrentRow(4)
    assert window.current_view() is history and len(_built(HistoryView)) == 1  # built once

    settings = session.view(SettingsView)  # asked for by code: built, not shown
    assert window.is_built(SettingsView) and window.view("settingsView") is settings
    assert not isinstance(window.current_view(), SettingsView)
    window.show_view(settings)
    assert window.current_view() is settings

    # What the navigation said of each view before it was built is what the view says of itself.
    names = window.view_names()
    titles = [item.text() for item in nav]
    views = window.views  # every one, built now
    assert [v.objectName() for v in views] == names
    assert [str(getattr(v, "title", "")) for v in views] == titles


def test_a_send_named_in_its_change_event_is_inserted_without_reading_the_history(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 100))
    session = gui.open(tmp_path / "w")
    assert session.ctx is not None
    history = session.view(HistoryView)
    session.window.show_view(history)  # a hidden view would only note the change (tests/gui/test_stale_views.py)
    before = history.model.total
    loads: list[int] = []
    resets: list[int] = []
    full_load = history.state.load
    history.state.load = lambda: loads.append(1) or full_load()  # type: ignore[method-assign]
    history.model.modelReset.connect(lambda: resets.append(1))

    result = run(session.service.send(10, gui_mint.url))
    announce(session.ctx, BALANCES, HISTORY, SENT, operations=[result.operation_id])

    assert loads == [] and resets == []
    top = history.model.data(history.model.index(0, 0), HistoryModel.RowRole)
    assert (top.id, top.kind, top.amount) == (result.operation_id, "send", 10)
    assert history.model.total == before + 1
    assert history.count.text() == f"{before + 1} operations"
    # A plain change (another process, the Refresh action) still reads the history: nothing is missed.
    session.ctx.changed(HISTORY)
    assert loads == [1]
    assert history.model.total == before + 1


def test_changes_are_the_area_set_views_already_test_plus_what_changed() -> None:
    what = Changes([HISTORY, BALANCES], operations=["op1", ""], mints=["http://127.0.0.1:1"], units=["sat"])
    assert HISTORY in what and what & {BALANCES} == {BALANCES} and what == frozenset({HISTORY, BALANCES})
    assert operations_of(what) == {"op1"} and what.mints == {"http://127.0.0.1:1"} and what.units == {"sat"}
    assert operations_of(frozenset({HISTORY})) == frozenset()


def test_a_balance_change_reads_the_balances_once(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any, monkeypatch: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 100))
    session = gui.open(tmp_path / "w")
    assert session.ctx is not None
    balances = session.view(BalancesView)
    reads: list[int] = []
    aggregate = Store.balances

    def counted(store: Store) -> Any:
        reads.append(1)
        return aggregate(store)

    monkeypatch.setattr(Store, "balances", counted)
    session.ctx.changed(BALANCES)
    assert len(reads) == 1
    assert balances.total.text().startswith("100 sat")
    assert balances.model.rowCount() == 1 and balances.details.isVisibleTo(balances)


def test_history_reads_a_prefix_and_the_rest_from_the_database_as_scrolled_to(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 100))
    session = gui.open(tmp_path / "w")
    for amount in (5, 6, 7):
        run(session.service.send(amount, gui_mint.url))
    history = session.view(HistoryView)
    everything = history.model.total
    assert everything >= 4 and history.model.complete
    history.state.reading = 2  # as if the wallet held more than ``first`` operations
    history.refresh()
    assert history.model.total == 2 and not history.model.complete
    assert history.count.text() == "2+ operations"
    history.model.fetch_all()  # a search, or scrolling to the end: the database read further
    assert history.model.complete and history.model.rowCount() == everything
    assert history.count.text() == f"{everything} operations"
    sent = [history.model.data(history.model.index(n, HistoryModel.AMOUNT)) for n in range(3)]
    assert sent == ["−7 sat", "−6 sat", "−5 sat"]
