"""The spending PIN in the GUI against the real nutshell mint: set in Settings with a limit; a send above the limit
opens the PIN dialog (a wrong PIN is shown and asked again, cancelling sends nothing) and goes on once it is right."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from core.api.spending_pin import guard_of
from desktop.gui.views.pin.widgets import PinDialog
from desktop.gui.views.send.view import SendView
from desktop.gui.views.settings.view import SettingsView
from tests.gui.conftest import GuiHarness, make_funded_wallet, until, wait_for_dialog
from tests.peers.nutshell import NutshellMint


async def _answer(pin: str | None, *, expect_error: str = "") -> None:
    dialog = await wait_for_dialog(PinDialog)
    if expect_error:
        assert expect_error in dialog.error.text()
    if pin is None:
        dialog.reject()
        return
    dialog.password.setText(pin)
    if dialog.repeat is not None:
        dialog.repeat.setText(pin)
    dialog._check()
    await until(lambda: not dialog.isVisible(), what="the PIN dialog to close")


def test_a_send_above_the_limit_asks_for_the_pin_set_in_settings(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 500))
    session = gui.open(tmp_path / "w")
    settings = session.view(SettingsView)
    box = settings.pin_box
    session.window.show_view(settings)

    async def configure() -> None:
        box.set_button.click()
        await _answer("2468")
        await session.tasks.wait_idle()
        box.threshold.setValue(100)
        box.save_button.click()  # raising the limit from 0 asks for the PIN
        await _answer("2468")
        await session.tasks.wait_idle()

    run(configure())
    guard = guard_of(session.service.store)
    assert guard.configured and guard.threshold == 100
    assert box.status.text() == "Set: spends above 100 sat ask for it."

    send = session.view(SendView)
    session.window.show_view(send)

    async def refused() -> None:
        send.amount.setValue(150)
        send.send_button.click()
        await _answer("1111")
        await _answer(None, expect_error="wrong spending PIN")
        await session.tasks.wait_idle()

    run(refused())
    assert session.service.sent_tokens() == []
    assert [(b.balance, b.pending) for b in session.service.balances()] == [(500, 0)]

    async def allowed() -> None:
        await asyncio.sleep(max(0.0, guard.retry_after()) + 0.1)  # the delay after the wrong PIN
        send.send_button.click()
        await _answer("2468")
        await session.tasks.wait_idle()

    run(allowed())
    assert send.token_text.toPlainText().startswith("cashuB")
    [row] = session.service.balances()
    assert row.pending == 150
    assert gui.errors() == []
