"""NUT-28 in the app against the real nutshell mint: Receive shows the wallet's lock key; Send locks to it blinded
(the default) or plain; the receiving wallet's Receive view takes the blinded token."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.api.p2bk import wallet_lock_key
from core.protocol.nut10 import parse_secret
from core.protocol.tokens import decode_token
from desktop.gui.views.receive.view import ReceiveView
from desktop.gui.views.send.view import SendView
from tests.gui.conftest import GuiHarness, make_funded_wallet, until
from tests.peers.nutshell import NutshellMint


def test_send_a_blinded_lock_to_the_key_receive_shows_and_receive_it(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "bob", gui_mint.url, 0))
    bob = gui.open(tmp_path / "bob")
    receive = bob.view(ReceiveView)
    key = wallet_lock_key(bob.service)
    assert receive.lock_key.isVisibleTo(receive) and receive.lock_key.copy.isEnabled()
    assert receive.lock_key.key == key and key.startswith("P2PK:0")

    run(make_funded_wallet(tmp_path / "alice", gui_mint.url, 300))
    alice = gui.open(tmp_path / "alice")
    send = alice.view(SendView)
    alice.window.show_view(send)

    async def lock_and_send(blind: bool) -> str:
        send.amount.setValue(50)
        send.lock_to.setText(key)  # the P2PK: form, as copied from the other wallet
        send.blind_lock.setChecked(blind)
        send.send_button.click()
        await alice.tasks.wait_idle()
        return send.token_text.toPlainText()

    assert send.blind_lock.isChecked()  # blinded unless the user says otherwise
    blinded = run(lock_and_send(True))
    plain = run(lock_and_send(False))
    assert all(p.p2pk_e for p in decode_token(blinded).proofs)
    assert {parse_secret(p.secret).data for p in decode_token(blinded).proofs}.isdisjoint({key[5:]})
    assert {parse_secret(p.secret).data for p in decode_token(plain).proofs} == {key[5:]}

    bob.window.show_view(receive)

    async def take(token: str) -> None:
        receive.input.setPlainText(token)
        await until(lambda: receive.state.preview is not None, what="the preview")
        await bob.tasks.wait_idle()
        receive.receive_button.click()
        await bob.tasks.wait_idle()

    run(take(blinded))
    assert receive.message.text().startswith("✓ Received 49 sat"), receive.message.text()
    run(take(plain))
    assert sum(b.balance for b in bob.service.balances()) == 49 + 49
