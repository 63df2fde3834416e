"""The Receive view's "Mint all paid invoices" (NUT-29): paid quotes minted in one batch, against the real mint
(nutshell 0.20.2 advertises and serves NUT-29)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.api.service import WalletService
from desktop.gui.changes import operations_of
from desktop.gui.views.receive.view import ReceiveView
from tests.gui.conftest import GuiHarness, make_funded_wallet
from tests.peers.nutshell import NutshellMint


async def _paid_quotes(service: WalletService, url: str, amounts: list[int]) -> None:
    mw = await service.wallet_for(url)
    for amount in amounts:
        quote = await service.create_invoice(amount, url)
        await mw.client.wait_for_mint_quote_paid(quote.quote, timeout=60)


def test_mint_all_paid_invoices_in_one_batch(gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
    session = gui.open(tmp_path / "w")
    view = session.view(ReceiveView)
    view.tabs.setCurrentIndex(1)
    changes: list[Any] = []

    async def scenario() -> None:
        await session.tasks.wait_idle()  # the start-up recovery (it would mint paid quotes itself) is over
        await _paid_quotes(session.service, gui_mint.url, [40, 2])  # paid while nobody waits on them
        session._watch_timer.stop()  # the view's own change is counted, not the watcher's
        session.ctx.bus.changed.connect(changes.append)
        view.mint_all_button.click()
        await session.tasks.wait_idle()

    run(scenario())
    assert "42 sat from 2 invoice(s) in one batch" in view.ln_status.text()
    assert session.service.balances()[0].balance == 42
    issues = [op for op in session.service.history() if op.kind == "issue" and op.data.get("quotes")]
    assert len(issues) == 1 and len(issues[0].data["quotes"]) == 2
    # The batch's entry is named (read from the journal: minting returns no id), and its mint.
    [named] = [c for c in changes if operations_of(c)]
    assert operations_of(named) == {issues[0].id} and named.mints == {gui_mint.url}
