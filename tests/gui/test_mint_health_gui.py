"""Mint health in Balances against the real nutshell mint: a keyset about to expire with ecash in it raises a
banner (the mint's keyset is given a final_expiry in the wallet's records: nutshell 0.20.2 announces none), Check
mints times the mint's answers, and Self-check swaps a few sat of own ecash and shows it passed."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from core.api.service import WalletService
from core.config import Config
from desktop.gui.views.balances.view import BalancesView
from tests.gui.conftest import GuiHarness, make_funded_wallet
from tests.peers.nutshell import NutshellMint


def test_balances_warn_of_an_expiring_keyset_check_and_self_check(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 200))
    config = Config(data_dir=tmp_path / "w")
    service = WalletService.open(config)
    [k] = [k for k in service.keysets(gui_mint.url) if k.active and k.unit == "sat"]
    run(service.close())
    # As if the mint had announced a final expiry for this keyset (the store keeps keysets as first seen).
    with sqlite3.connect(config.database_path) as db:
        db.execute("UPDATE keysets SET final_expiry = ? WHERE id = ?", (int(time.time()) + 3 * 86400 + 3600, k.id))

    session = gui.open(tmp_path / "w")
    view = session.view(BalancesView)
    session.window.show_view(view)
    banner = view.health.banner
    assert banner.isVisibleTo(view) and "expires in 3 days with 200 sat" in banner.text()
    assert "move that ecash" in view.health.warnings.text()
    assert view.health.summary.text().startswith("not checked")

    run(view.check_mints())
    assert view.health.summary.text().startswith("online · ") and " ms" in view.health.summary.text()

    view.health.self_check_button.click()
    run(session.tasks.wait_idle())
    assert "self-check ok" in view.health.summary.text() and "took it back" in view.health.summary.text()
    left = sum(b.balance for b in session.service.balances())
    assert 196 <= left < 200  # the two swaps' input fees, nothing else
