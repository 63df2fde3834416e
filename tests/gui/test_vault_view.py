"""The Files & cheques view against the real nutshell mint: write a cheque, save it as an encrypted file and a
printable page, see it listed, take it back after its expiry; reclaim a plain token sent from the Send view."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

from core.api.cheques import VaultState
from core.wallet.token_files import read_token_file
from desktop.gui.changes import operations_of
from desktop.gui.views.send.view import ExportDialog
from desktop.gui.views.vault.model import VaultModel
from desktop.gui.views.vault.view import VaultView
from tests.gui.conftest import GuiHarness, make_funded_wallet, wait_for_dialog
from tests.peers.nutshell import NutshellMint

KEY = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"


def _states(view: VaultView) -> list[tuple[str, str]]:
    model = view.model
    return [
        (str(model.data(model.index(r, 1))), str(model.data(model.index(r, VaultModel.STATE))))
        for r in range(model.rowCount())
    ]


def test_write_a_cheque_save_it_and_take_it_back_after_it_expires(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 500))
    session = gui.open(tmp_path / "w")
    view = session.view(VaultView)
    session.window.show_view(view)
    target = tmp_path / "out" / "cheque.cashu"

    async def write() -> None:
        await session.service.send(50, gui_mint.url)  # a plain token, listed beside the cheque
        view.amount.setValue(120)
        view.recipient.setText(KEY)
        view.expires.setText("4s")
        view.write_button.click()
        await session.tasks.wait_idle()
        assert view.token_text.toPlainText().startswith("cashuB") and not view.qr.too_large
        view.save_button.click()
        dialog = await wait_for_dialog(ExportDialog)
        dialog.path.setText(str(target))
        dialog.encrypt.setChecked(True)
        dialog.passphrase.setText("open sesame")
        dialog.repeat.setText("open sesame")
        dialog._check()
        await session.tasks.wait_idle()
        await view.save_page(tmp_path / "out" / "cheque.html")

    run(write())
    assert view.last is not None
    result, cheque, _ = view.last
    assert read_token_file(target.with_name("cheque.cashu.age"), "open sesame") == result.token
    page = (tmp_path / "out" / "cheque.html").read_text()
    assert "data:image/png;base64," in page and KEY in page
    assert _states(view)[0][0] == "Cheque" and _states(view)[1] == ("Token", "unclaimed")
    assert view.model.row(0).file_path is not None and view.model.row(0).file_path.endswith("cheque.cashu.age")

    changes: list[Any] = []

    async def reclaim() -> None:
        await asyncio.sleep(max(0.0, cheque.locktime + 2 - time.time()))
        view.check_button.click()
        await session.tasks.wait_idle()
        assert _states(view)[0] == ("Cheque", "expired")
        session._watch_timer.stop()  # the view's own change is counted, not the watcher's
        session.ctx.bus.changed.connect(changes.append)
        view.expired_button.click()
        await session.tasks.wait_idle()
        # The reclaim's entry is named (from the journal: a refused reclaim's would be too), not the whole history.
        [back] = [op.id for op in session.service.history() if op.kind == "reclaim"]
        assert [operations_of(c) for c in changes if operations_of(c)] == [{back}]
        view.table.selectRow(1)
        view.reclaim_button.click()
        await session.tasks.wait_idle()

    run(reclaim())
    assert [e.state for e in view.model.rows()] == [VaultState.RECLAIMED, VaultState.RECLAIMED]
    assert view.result.text().startswith("✓ Reclaimed")
    [row] = session.service.balances()
    assert row.pending == 0 and row.balance > 500 - 10
    assert gui.errors() == []
