"""Small things a new user tripped over: Settings' Test with no backend says so, a token file is decrypted in a
helper process (scrypt holds the GIL: a thread froze the window), a handled error is one line on stderr, and a
restore's result speaks in the same terms as its progress lines, and an empty table says what to do next."""

from __future__ import annotations

import asyncio
import logging
import os
from pathlib import Path
from typing import Any

import pytest

from core.api import export_token_file, read_token_file
from core.api.messages import restore_summary
from core.api.service import WalletService
from core.config import Config
from core.errors import InsufficientBalance, UserFacingError
from desktop.gui.errors import ErrorReporter
from desktop.gui.tasks import TaskRunner, run_in_process, shutdown_processes
from desktop.gui.views.analytics.view import AnalyticsView
from desktop.gui.views.balances.view import BalancesView
from desktop.gui.views.history.view import HistoryView
from desktop.gui.views.receive.view import ReceiveView
from desktop.gui.views.send.view import SendView
from desktop.gui.views.settings.view import SettingsView
from tests.gui.conftest import GuiHarness


def fresh_wallet(data: Path, run: Any) -> None:
    service = WalletService.open(Config(data_dir=data))
    service.create_wallet()
    run(service.close())


def test_settings_test_with_no_backend_says_so(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    fresh_wallet(tmp_path / "w", run)
    session = gui.open(tmp_path / "w")
    view = session.view(SettingsView)
    assert view.backends_model.rowCount() == 0
    view.test_backend_button.click()
    run(session.tasks.wait_idle())
    [error] = gui.errors()
    assert isinstance(error, UserFacingError) and "No Lightning backend yet" in str(error)


def test_a_token_file_is_decrypted_in_a_helper_process(
    gui: GuiHarness, tmp_path: Path, run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(run_in_process(os.getpid)) != os.getpid()
    path = export_token_file(tmp_path / "gift.cashu.age", "cashuBgift", "secret words")
    assert run(run_in_process(read_token_file, path, "secret words")) == "cashuBgift"

    fresh_wallet(tmp_path / "w", run)
    view = gui.open(tmp_path / "w").view(ReceiveView)
    calls: list[Any] = []

    async def recording(fn: Any, *args: Any) -> Any:
        calls.append(fn)
        return await run_in_process(fn, *args)

    async def passphrase(*_args: Any, **_kwargs: Any) -> str:
        return "secret words"

    monkeypatch.setattr("desktop.gui.views.receive.view.run_in_process", recording)
    monkeypatch.setattr("desktop.gui.views.receive.view.ask_password", passphrase)
    run(view.load_file(str(path)))
    assert calls == [read_token_file] and view.input.toPlainText() == "cashuBgift"
    shutdown_processes()


def test_a_handled_error_logs_one_line_without_a_traceback(caplog: pytest.LogCaptureFixture) -> None:
    reporter = ErrorReporter()
    reporter.show_dialogs = False
    with caplog.at_level(logging.WARNING, logger="nutdesk.gui"):
        reporter.report(InsufficientBalance("no mint holds 5000 sat"))
    [record] = caplog.records
    assert record.getMessage() == "InsufficientBalance: no mint holds 5000 sat" and record.exc_info is None


def test_the_restore_result_counts_what_the_progress_counts() -> None:
    assert restore_summary("http://127.0.0.1:3338", 0) == (
        "127.0.0.1:3338: restored 0 sat: the notes found (if any) were all spent already."
    )
    assert restore_summary("https://m.example/", 1234) == "m.example: restored 1,234 sat of unspent ecash."


def test_empty_tables_say_what_to_do_next(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    fresh_wallet(tmp_path / "w", run)
    session = gui.open(tmp_path / "w")
    balances, history, send = session.view(BalancesView), session.view(HistoryView), session.view(SendView)
    for view, table, empty, next_step in (
        (balances, balances.table, balances.empty, "Add mint"),
        (history, history.table, history.empty, "Receive"),
        (send, send.pending_table, send.pending_empty, "Reclaim"),
    ):
        assert not table.isVisibleTo(view) and empty.isVisibleTo(view)
        assert next_step in empty.text()


def test_a_slow_task_says_what_it_is_still_waiting_for(run: Any) -> None:
    tasks = TaskRunner(lambda exc: None)
    tasks.waiting_notice_every = 0.05
    said: list[str] = []
    tasks.status.connect(said.append)

    async def frozen_mint() -> None:
        await asyncio.sleep(0.2)

    tasks.start(frozen_mint(), label="Receiving…", waiting_for="mint.example.com")
    run(tasks.wait_idle())
    assert said[0] == "Receiving…"
    assert any(line.startswith("Receiving: still waiting for mint.example.com (") for line in said)
    assert said[-1] == ""  # cleared when done; no line after it


def test_analytics_of_a_new_wallet_says_what_to_do(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    fresh_wallet(tmp_path / "w", run)
    session = gui.open(tmp_path / "w")
    view = session.view(AnalyticsView)
    run(view.reload())
    assert view.summary.text().startswith("No operations in this period.") and "Receive" in view.summary.text()


def test_a_cut_off_token_is_explained_in_the_users_words(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    fresh_wallet(tmp_path / "w", run)
    view = gui.open(tmp_path / "w").view(ReceiveView)
    run(view.state.set_text("cashuBo2FteBZodHRwOi8vMTI3LjAuMC4xOjM4OTU3YXVjc2F0"))
    assert view.state.error.startswith("This token is incomplete or damaged.")
    assert "CBOR" not in view.state.error
