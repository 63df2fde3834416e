"""The Receive view says who can receive a locked token, against the real nutshell mint: a cheque written to this
wallet's lock key previews as ours (with the date its sender may take it back) and is received; in a third wallet
the same token is "locked to another key" and its Receive button stays off — no pointless refusal by the mint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.api.cheques import ChequeService
from core.api.p2bk import wallet_lock_key
from desktop.gui.views.receive.view import ReceiveView
from tests.gui.conftest import GuiHarness, make_funded_wallet, until
from tests.peers.nutshell import NutshellMint


def test_a_cheque_to_our_key_previews_as_ours_and_elsewhere_as_someone_elses(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "alice", gui_mint.url, 200))
    run(make_funded_wallet(tmp_path / "bob", gui_mint.url, 0))
    run(make_funded_wallet(tmp_path / "carol", gui_mint.url, 0))
    alice, bob, carol = (gui.open(tmp_path / name) for name in ("alice", "bob", "carol"))
    sent, _cheque = run(
        ChequeService(alice.service).write_cheque(
            64, wallet_lock_key(bob.service), expires_in=7 * 86400, mint_url=gui_mint.url
        )
    )

    def preview(session: Any) -> ReceiveView:
        view = session.view(ReceiveView)
        session.window.show_view(view)
        view.input.setPlainText(sent.token)
        run(until(lambda: view.state.preview is not None, what="the preview"))
        run(session.tasks.wait_idle())
        return view

    elsewhere = preview(carol)
    assert elsewhere.p_lock.text().startswith("Locked to another key: only its owner can receive it.")
    assert "its sender can take it back" in elsewhere.p_lock.text()
    assert elsewhere.message.text().count("Locked to another key") == 1
    assert not elsewhere.receive_button.isEnabled()

    ours = preview(bob)
    assert ours.p_lock.text().startswith("Locked to your key: only this wallet can receive it")
    assert "(a cheque: its sender can take it back after " in ours.p_lock.text()
    assert ours.receive_button.isEnabled()
    ours.receive_button.click()
    run(bob.tasks.wait_idle())
    assert ours.message.text().startswith("✓ Received 6"), ours.message.text()
    assert sum(b.balance for b in bob.service.balances()) in (63, 64)  # less the mint's input fee
