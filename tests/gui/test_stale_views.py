"""A view the user is not looking at does not read the database on a change: it notes that it is stale and refreshes
once, with every change it missed, when it is shown again (desktop/gui/stale.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.api.service import WalletService
from core.config import Config
from desktop.gui.changes import Changes, announce, operations_of
from desktop.gui.context import BALANCES, HISTORY, MINTS, SALES, SENT, SETTINGS
from desktop.gui.session import Session
from desktop.gui.stale import MAX_NAMED, merged
from desktop.gui.views.balances.view import BalancesView
from desktop.gui.views.history.model import HistoryModel
from desktop.gui.views.history.view import HistoryView
from desktop.gui.views.recovery.view import RECOVERY
from desktop.gui.views.send.view import SendView
from desktop.gui.views.vault.view import VaultView
from tests.gui.conftest import GuiHarness, make_funded_wallet
from tests.peers.nutshell import NutshellMint


def _open(gui: GuiHarness, data: Path) -> Session:
    """The window, its database watcher all but off: its plain change (after any commit, this process's too) would
    join the changes a test names, and a plain change is a full refresh."""
    session = gui.session(data)
    session.watch_interval_ms = 3_600_000
    assert gui.run(session.start())
    session.open_window().show()
    return session


def _empty_wallet(gui: GuiHarness, run: Any, data: Path) -> Session:
    service = WalletService.open(Config(data_dir=data))
    service.create_wallet()
    run(service.close())
    return _open(gui, data)


class Reads:
    """Counts History's reads of the database: the whole first page (``load``) and the rows of named operations."""

    def __init__(self, history: HistoryView) -> None:
        self.loads = 0
        self.named: list[frozenset[str]] = []
        load, rows_for = history.state.load, history.state.rows_for

        def counted_load() -> Any:
            self.loads += 1
            return load()

        def counted_rows_for(ids: Any) -> Any:
            self.named.append(frozenset(ids))
            return rows_for(ids)

        history.state.load = counted_load  # type: ignore[method-assign]
        history.state.rows_for = counted_rows_for  # type: ignore[method-assign]

    @property
    def total(self) -> int:
        return self.loads + len(self.named)


def _top(history: HistoryView) -> Any:
    return history.model.data(history.model.index(0, 0), HistoryModel.RowRole)


def test_merged_changes_keep_the_operations_only_when_every_change_named_them() -> None:
    one = Changes([HISTORY], operations=["a"], mints=["m1"], units=["sat"])
    two = Changes([HISTORY, BALANCES], operations=["b"], mints=["m2"])
    both = merged(one, two)
    assert both == {HISTORY, BALANCES} and operations_of(both) == {"a", "b"}
    assert isinstance(both, Changes) and both.mints == {"m1", "m2"} and both.units == frozenset()  # two named none
    # A change that names no operation ("not said": a plain ctx.changed) makes the merge a full refresh.
    assert operations_of(merged(one, frozenset({HISTORY}))) == frozenset()
    assert operations_of(merged(frozenset({SENT}), one)) == frozenset()
    assert operations_of(merged(one, Changes([HISTORY]))) == frozenset()
    # Too many to read one by one: the first page instead.
    many = Changes([HISTORY], operations=[f"op{n}" for n in range(MAX_NAMED)])
    assert operations_of(merged(many, two)) == frozenset()
    assert len(operations_of(merged(many, Changes([HISTORY], operations=["op0"])))) == MAX_NAMED


def test_a_hidden_view_reads_nothing_on_a_change_and_refreshes_once_when_shown(
    gui: GuiHarness, run: Any, tmp_path: Path
) -> None:
    session = _empty_wallet(gui, run, tmp_path / "w")
    assert session.ctx is not None and session.window is not None
    history = session.view(HistoryView)  # built, not shown: Balances is on screen
    assert not history.isVisible()
    reads = Reads(history)

    for _ in range(3):
        session.ctx.changed(HISTORY)
    assert reads.total == 0 and history.when_shown.stale
    session.ctx.changed(SALES)  # not a change History follows
    assert reads.total == 0

    session.window.show_view(history)
    assert reads.loads == 1 and reads.named == [] and not history.when_shown.stale
    session.window.show_view(session.view(BalancesView))
    session.window.show_view(history)  # shown again with nothing missed: no read
    assert reads.total == 1

    # On screen: a change refreshes it at once.
    session.ctx.changed(HISTORY)
    assert reads.loads == 2 and not history.when_shown.stale


def test_only_the_view_on_screen_reads_and_every_view_built_notes_what_it_missed(
    gui: GuiHarness, run: Any, tmp_path: Path
) -> None:
    session = _empty_wallet(gui, run, tmp_path / "w")
    assert session.ctx is not None and session.window is not None
    window = session.window
    views = window.views  # every view built; Balances on screen
    balances = window.current_view()
    assert isinstance(balances, BalancesView)
    refreshes: list[str] = []

    def counting(view: Any) -> None:
        original, name = view.refresh, view.objectName()

        def refresh() -> None:
            refreshes.append(name)
            original()

        view.refresh = refresh  # the handlers look it up when called

    for view in views:
        if hasattr(view, "refresh"):
            counting(view)

    session.ctx.changed(BALANCES, HISTORY, MINTS, SENT, SETTINGS, RECOVERY, SALES)
    assert refreshes == ["balancesView"]
    assert [v.objectName() for v in views if v.when_shown.stale] == [v.objectName() for v in views[1:]]
    assert not balances.when_shown.stale

    async def show_each() -> None:  # Analytics reloads in a task: on the running loop
        for view in views[1:]:
            window.show_view(view)
            assert not view.when_shown.stale, view.objectName()
        await session.tasks.wait_idle()

    run(show_each())
    # Each caught up once, on being shown (Analytics' refresh only starts its one reload off the loop).
    assert set(refreshes) == {
        "balancesView",
        "historyView",
        "analyticsView",
        "recoveryView",
        "settingsView",
        "vaultView",
        "sendView",
    }
    assert all(refreshes.count(name) == 1 for name in set(refreshes) - {"analyticsView"})


def test_the_vault_catches_up_before_its_background_check(gui: GuiHarness, run: Any, tmp_path: Path) -> None:
    """Its automatic reclaim asks whether there is anything to check from its rows: never from stale ones."""
    session = _empty_wallet(gui, run, tmp_path / "w")
    assert session.ctx is not None
    vault = session.view(VaultView)
    session.ctx.changed(SENT)
    assert vault.when_shown.stale
    vault._tick()
    assert not vault.when_shown.stale


def test_history_hidden_during_several_named_changes_shows_each_operation_in_its_new_state(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 100))
    session = _open(gui, tmp_path / "w")
    assert session.ctx is not None and session.window is not None
    history = session.view(HistoryView)
    session.window.show_view(history)
    before = history.model.total
    session.window.show_view(session.view(BalancesView))  # History hidden from here on
    reads = Reads(history)

    sends = []
    for amount in (5, 6):
        result = run(session.service.send(amount, gui_mint.url))
        announce(session.ctx, BALANCES, HISTORY, SENT, operations=[result.operation_id])
        sends.append(result)
    # An operation that changes state while History is hidden: an issue waiting for the mint's answer, then failed
    # (stored as issue.py and settle.py store them), each step named.
    store, write = session.core_service.store, session.ctx.write
    issue = run(write(store.create_operation, kind="issue", mint_url=gui_mint.url, unit="sat", amount=21, state="sent"))
    announce(session.ctx, HISTORY, operations=[issue])
    run(write(store.update_operation, issue, state="failed", error="the mint said no"))
    announce(session.ctx, HISTORY, operations=[issue])
    assert reads.total == 0 and history.model.total == before and history.when_shown.stale
    named = {sends[0].operation_id, sends[1].operation_id, issue}

    session.window.show_view(history)
    assert reads.loads == 0 and reads.named == [named]  # one read, of the operations it missed
    stored = {e.id: e.state for e in session.service.history_entries(limit=None)}
    shown = [history.model.data(history.model.index(n, 0), HistoryModel.RowRole) for n in range(history.model.total)]
    assert history.model.total == before + 3 == len(stored)
    assert {row.id: row.state for row in shown} == stored  # every row in its state as stored now
    assert stored[issue] == "failed" and stored[sends[1].operation_id] == "done"

    # Hidden again: a named change, then a plain one (another process): the first page, read once.
    session.window.show_view(session.view(BalancesView))
    result = run(session.service.send(7, gui_mint.url))
    announce(session.ctx, BALANCES, HISTORY, SENT, operations=[result.operation_id])
    session.ctx.changed(HISTORY)
    session.window.show_view(history)
    assert reads.loads == 1 and reads.named == [named]
    assert history.model.total == before + 4 and _top(history).id == result.operation_id


def test_history_hidden_during_a_send_in_the_send_view_shows_it_when_the_user_goes_back(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 1000))
    session = gui.open(tmp_path / "w")  # the watcher on: whatever the send's change says, History catches up once
    assert session.window is not None
    history = session.view(HistoryView)
    session.window.show_view(history)  # the user looks at History first
    before = history.model.total
    send = session.view(SendView)
    session.window.show_view(send)
    reads = Reads(history)

    async def scenario() -> None:
        send.amount.setValue(150)
        send.memo.setText("hidden history")
        send.send_button.click()
        await session.tasks.wait_idle()

    run(scenario())
    assert send.token_text.toPlainText().startswith("cashuB")
    assert reads.total == 0 and history.model.total == before and history.when_shown.stale

    session.window.nav.setCurrentRow(session.window.view_names().index("historyView"))  # as the user clicks it
    assert reads.total == 1 and not history.when_shown.stale
    assert history.model.total == before + 1
    top = _top(history)
    assert (top.kind, top.amount, top.memo) == ("send", 150, "hidden history")
    assert history.count.text() == f"{before + 1} operations"


def test_the_view_on_screen_catches_up_when_the_hidden_main_window_shows_again(
    gui: GuiHarness, run: Any, tmp_path: Path
) -> None:
    """The till's cashier lock hides the main window, for a whole shift of sales: no view reads meanwhile."""
    session = _empty_wallet(gui, run, tmp_path / "w")
    assert session.ctx is not None and session.window is not None
    balances = session.window.current_view()
    assert isinstance(balances, BalancesView)
    reads: list[int] = []
    load = balances.state.load
    balances.state.load = lambda: reads.append(1) or load()  # type: ignore[method-assign]

    session.window.hide()
    for _ in range(5):
        session.ctx.changed(BALANCES, HISTORY)
    assert reads == [] and balances.when_shown.stale
    session.window.show()
    assert reads == [1] and not balances.when_shown.stale
