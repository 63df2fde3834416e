"""The Pay view pays one invoice from two mints at once ("Several mints at once", NUT-15).

Two real nutshell mints, each behind tests/peers/mpp_proxy.py (a faithful NUT-15 front: FakeWallet cannot do
MPP, see that module for what this leaves unproven); neither holds enough for the invoice alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.api.service import WalletService
from core.config import Config
from desktop.gui.changes import operations_of
from desktop.gui.views.pay.state import PayStep
from desktop.gui.views.pay.view import MULTI_PATH, PayView
from tests.gui.conftest import FAST, GuiHarness
from tests.peers.mpp_proxy import MppProxy
from tests.peers.nutshell import NutshellMint, make_bolt11


@pytest.fixture
def two_mints() -> Iterator[list[NutshellMint]]:
    mints = [NutshellMint(name=f"MPP mint {i}", extra_env=FAST, rpc=False) for i in range(2)]
    try:
        for m in mints:
            m.start()
        yield mints
    finally:
        for m in mints:
            m.cleanup()


async def _fund(data_dir: Path, urls: list[str], amount: int) -> None:
    service = WalletService.open(Config(data_dir=data_dir))
    try:
        service.create_wallet()
        for url in urls:
            await service.add_mint(url, trusted=True)
            quote = await service.create_invoice(amount, url)
            await service.wait_and_mint(url, quote.quote, timeout=30)
    finally:
        await service.close()


def test_pay_one_invoice_from_two_mints(
    gui: GuiHarness, two_mints: list[NutshellMint], tmp_path: Path, run: Any
) -> None:
    proxies = [MppProxy(m.url) for m in two_mints]
    for p in proxies:
        run(p.start())
    try:
        run(_fund(tmp_path / "w", [p.url for p in proxies], 60))
        session = gui.open(tmp_path / "w")
        view = session.view(PayView)
        session.window.show_view(view)
        changes: list[Any] = []
        session._watch_timer.stop()  # the Pay view's own change is counted, not the watcher's
        session.ctx.bus.changed.connect(changes.append)

        async def scenario() -> None:
            view.input.setPlainText(make_bolt11(90))
            view.mint.setCurrentIndex(view.mint.findData(MULTI_PATH))
            view.continue_button.click()
            await session.tasks.wait_idle()
            assert view.step is PayStep.CONFIRM
            assert view.c_amount.text() == "90 sat"
            assert view.c_mint.text().count(" + ") == 1, "two parts"
            view.pay_button.click()
            await session.tasks.wait_idle()

        run(scenario())
        assert view.step is PayStep.DONE, session.errors
        assert view.r_summary.text().startswith("✓ Paid 90 sat") and "from 2 mints" in view.r_summary.text()
        assert [op.state for op in session.service.history() if op.kind == "mpp"] == ["done"]
        # Its change names the whole payment's entry and each part's, and both mints: History redraws those rows.
        melts = {op.id for op in session.service.history() if op.kind in ("mpp", "melt")}
        named = [c for c in changes if operations_of(c)]
        assert len(melts) == 3 and [operations_of(c) for c in named] == [melts]
        assert named[0].mints == {p.url for p in proxies}
    finally:
        for p in proxies:
            run(p.stop())
