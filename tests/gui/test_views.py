"""Each view driven as a user would, against the real nutshell mint: receive a pasted token (and over
Lightning), send and save the token to a file, reclaim it, pay an invoice, see and filter the history."""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from core.api.payments import PaymentsService
from core.api.service import WalletService
from core.config import Config
from core.wallet.token_files import read_token_file
from desktop.gui.dialogs import PasswordDialog
from desktop.gui.views.balances.view import BalancesView
from desktop.gui.views.history.model import HistoryModel
from desktop.gui.views.history.view import HistoryView
from desktop.gui.views.pay.state import PayStep
from desktop.gui.views.pay.view import PayView
from desktop.gui.views.receive.view import ReceiveView
from desktop.gui.views.send.view import ExportDialog, SendView
from desktop.gui.views.settings.view import SettingsView, WordsDialog
from tests.gui.conftest import GuiHarness, make_funded_wallet, until, wait_for_dialog
from tests.peers.nutshell import NutshellMint, make_bolt11


def _history_texts(view: HistoryView) -> list[list[str]]:
    proxy = view.proxy
    return [[str(proxy.data(proxy.index(r, c))) for c in range(proxy.columnCount())] for r in range(proxy.rowCount())]


def test_receive_a_pasted_token_from_a_new_mint_after_the_preview(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    async def make_token() -> str:
        await make_funded_wallet(tmp_path / "sender", gui_mint.url, 500)
        sender = WalletService.open(Config(data_dir=tmp_path / "sender"))
        try:
            sender.unlock()
            return (await sender.send(200, gui_mint.url, memo="for the GUI")).token
        finally:
            await sender.close()

    token = run(make_token())
    # The receiving wallet has no mint yet: the token's mint is new to it.
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    service.create_wallet()
    run(service.close())
    session = gui.open(tmp_path / "w")
    view = session.view(ReceiveView)
    session.window.show_view(view)

    async def scenario() -> None:
        view.input.setPlainText(f"here you go: {token}")
        await until(lambda: view.state.preview is not None, what="the preview")
        await session.tasks.wait_idle()
        assert view.p_amount.text() == "200 sat"
        assert "new to this wallet" in view.p_mint.text()
        assert view.p_fee.text() == "1 sat"  # nutshell's default 100 ppk on 2 proofs (128 + 64 + 8 → 3 proofs)
        assert view.p_memo.text() == "for the GUI"
        assert view.trust.isVisible() and view.receive_button.isEnabled()
        view.trust.setChecked(True)
        view.receive_button.click()
        await session.tasks.wait_idle()

    run(scenario())
    assert view.message.text().startswith("✓ Received 199 sat")
    balances = session.view(BalancesView)
    session.window.show_view(balances)  # hidden during the receive: it catches up when shown
    assert balances.total.text().startswith("199 sat")
    history = session.view(HistoryView)
    session.window.show_view(history)
    rows = _history_texts(history)
    assert rows[0][HistoryModel.KIND] == "Received (ecash)"
    assert rows[0][HistoryModel.AMOUNT] == "+199 sat"
    assert rows[0][HistoryModel.FEE] == "1 sat"
    assert rows[0][HistoryModel.MEMO] == "for the GUI"

    # The same token again: the wallet says it already received it (no error, no failed row in History).
    session.window.show_view(view)

    async def again() -> None:
        view.input.setPlainText(token)
        await until(lambda: view.state.token is not None, what="the second preview")
        await session.tasks.wait_idle()
        view.receive_button.click()
        await session.tasks.wait_idle()

    run(again())
    assert view.message.text() == "✓ Already received: this token gave 199 sat earlier. Nothing more to do."
    session.window.show_view(history)
    assert [r[HistoryModel.STATE] for r in _history_texts(history)] == ["done"]


def test_a_pasted_non_token_says_what_is_wrong(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
    session = gui.open(tmp_path / "w")
    view = session.view(ReceiveView)

    async def scenario() -> None:
        view.input.setPlainText("hello world")
        await until(lambda: "not a Cashu token" in view.message.text(), what="the message")

    run(scenario())
    assert not view.receive_button.isEnabled()
    assert not view.camera_button.isEnabled()  # offscreen: no camera, and it says so
    assert "No camera" in view.camera_button.toolTip()


def test_receive_over_lightning_shows_the_invoice_and_mints_when_paid(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
    session = gui.open(tmp_path / "w")
    view = session.view(ReceiveView)
    view.tabs.setCurrentIndex(1)

    async def scenario() -> None:
        view.ln_amount.setValue(321)
        view.invoice_button.click()
        await until(lambda: view.invoice_qr.text() != "", what="the invoice")
        assert view.invoice_qr.text().startswith("lnbc")
        assert not view.invoice_qr.too_large
        assert view.copy_invoice.isEnabled()
        await session.tasks.wait_idle()  # FakeWallet pays the invoice; the wallet mints

    run(scenario())
    assert view.ln_status.text() == "✓ Paid: 321 sat of ecash minted."
    assert session.service.balances()[0].balance == 321


def test_send_then_save_the_token_to_an_encrypted_file_then_reclaim_it(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 1000))
    session = gui.open(tmp_path / "w")
    view = session.view(SendView)
    session.window.show_view(view)
    target = tmp_path / "out" / "gift.cashu"

    async def scenario() -> None:
        view.amount.setValue(150)
        view.memo.setText("a gift")
        view.send_button.click()
        await session.tasks.wait_idle()
        assert view.token_text.toPlainText().startswith("cashuB")
        assert view.qr.text() == view.token_text.toPlainText() and not view.qr.too_large
        assert view.pending_model.rowCount() == 1

        view.export_button.click()
        dialog = await wait_for_dialog(ExportDialog)
        dialog.path.setText(str(target))
        dialog.encrypt.setChecked(True)
        assert dialog.path.text().endswith("gift.cashu.age")
        dialog.passphrase.setText("open sesame")
        dialog.repeat.setText("open sesame")
        dialog._check()
        await session.tasks.wait_idle()

    run(scenario())
    token = view.token_text.toPlainText()
    saved = target.with_name("gift.cashu.age")
    assert read_token_file(saved, "open sesame") == token
    if os.name != "nt":
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert "Saved to" in view.result_label.text()
    assert view.pending_model.data(view.pending_model.index(0, 2)) == "gift.cashu.age"
    balances = session.view(BalancesView)
    session.window.show_view(balances)
    assert "Pending: 150 sat" in balances.pending.text()
    session.window.show_view(view)  # back to Send

    async def reclaim() -> None:
        view.pending_table.selectRow(0)
        view.reclaim_button.click()
        box = await wait_for_dialog(QMessageBox, "confirmDialog")
        next(b for b in box.buttons() if b.text() == "Reclaim").click()
        await session.tasks.wait_idle()

    run(reclaim())
    assert view.pending_model.rowCount() == 0
    assert view.result_label.text().startswith("✓ Reclaimed")


def test_pay_a_lightning_invoice_after_confirming_amount_and_fees(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 1000))
    session = gui.open(tmp_path / "w")
    view = session.view(PayView)
    session.window.show_view(view)
    invoice = make_bolt11(100, description="two coffees")

    async def scenario() -> None:
        view.input.setPlainText(invoice)
        assert "Lightning invoice" in view.what.text() and "two coffees" in view.what.text()
        assert not view.amount.isEnabled() and view.amount.value() == 100
        view.continue_button.click()
        await session.tasks.wait_idle()
        assert view.step is PayStep.CONFIRM
        assert view.c_amount.text() == "100 sat"
        assert view.c_description.text() == "two coffees"
        assert gui_mint.url.removeprefix("http://") in view.c_mint.text()
        view.pay_button.click()
        await session.tasks.wait_idle()

    run(scenario())
    assert view.step is PayStep.DONE
    assert view.r_summary.text().startswith("✓ Paid 100 sat")
    rows = _history_texts(session.view(HistoryView))
    assert rows[0][HistoryModel.KIND] == "Paid (Lightning)"
    assert rows[0][HistoryModel.AMOUNT] == "−100 sat"
    assert session.service.balances()[0].balance < 900


def test_history_lists_filters_searches_and_exports_csv(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 400))
    session = gui.open(tmp_path / "w")
    run(session.service.send(50, gui_mint.url, memo="lunch"))
    session.ctx.changed("history")
    view = session.view(HistoryView)
    assert view.model.rowCount() == 2
    assert view.count.text() == "2 operations"
    view.search.setText("lunch")
    assert view.proxy.rowCount() == 1 and view.count.text() == "1 of 2 operations"
    view.search.clear()
    view.kind.setCurrentIndex(view.kind.findData("issue"))
    assert [r.kind for r in view.proxy.visible_rows()] == ["issue"]
    view.kind.setCurrentIndex(0)
    out = run(view.export_csv(tmp_path / "history.csv"))
    lines = out.read_text().splitlines()
    assert lines[0] == "time,kind,amount,fee,unit,mint,state,memo,id"
    assert lines[1].split(",")[1:3] == ["send", "-50"] and ",lunch," in lines[1]
    assert lines[2].split(",")[1:3] == ["issue", "400"]


def test_balances_show_mint_health_and_trust_can_be_toggled(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 64))
    session = gui.open(tmp_path / "w")
    view = session.view(BalancesView)
    assert view.model.rowCount() == 1
    assert view.total.text().startswith("64 sat")
    assert view.d_fees.text() == "100 ppk per proof (sat)"
    assert view.d_keysets.text() == "1 active"
    view.check_button.click()
    run(session.tasks.wait_idle())
    assert view.d_health.text().startswith("online")
    assert "FakeWallet" in view.d_motd.text()
    assert view.model.data(view.model.index(0, view.model.STATUS)) == "trusted · online"
    view.trust_button.click()
    run(session.tasks.wait_idle())
    assert not session.service.list_mints()[0].trusted
    assert view.trust_button.text() == "Trust"


def test_settings_set_a_password_then_show_the_recovery_words(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    words = run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
    session = gui.open(tmp_path / "w")
    view = session.view(SettingsView)
    assert str(tmp_path / "w") in [lbl.text() for lbl in view.findChildren(type(view.password_status))]

    async def scenario() -> None:
        view.set_password_button.click()
        dialog = await wait_for_dialog(PasswordDialog)
        dialog.password.setText("pw1 long enough")
        assert dialog.repeat is not None
        dialog.repeat.setText("pw1 long enough")
        dialog._check()
        await session.tasks.wait_idle()
        assert session.service.password_protected
        view.words_button.click()
        ask = await wait_for_dialog(PasswordDialog)
        ask.password.setText("pw1 long enough")
        ask.accept()
        shown = await wait_for_dialog(WordsDialog)
        assert words.split()[0] in " ".join(label.text() for label in shown.findChildren(type(view.password_status)))
        shown.accept()
        await session.tasks.wait_idle()

    run(scenario())
    assert view.set_password_button.text() == "Change password…"


def test_settings_keep_the_nostr_relays_for_paying_requests(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
    session = gui.open(tmp_path / "w")
    view = session.view(SettingsView)
    assert view.relays.text() == ""
    view.relays.setText("https://not-a-relay.example")
    run(view.save_relays())
    assert "ws" in view.relays_message.text() and session.service.store.get_setting("nostr:relays") is None
    view.relays.setText("wss://relay.one.example, wss://relay.two.example/ wss://relay.one.example")
    view.relays_button.click()
    run(session.tasks.wait_idle())
    assert view.relays.text() == "wss://relay.one.example wss://relay.two.example"
    assert view.relays_message.text() == "Saved 2 relay(s)."
    # What the Pay flow reads: the wallet's relays.
    assert PaymentsService(session.service).nostr_relays() == ["wss://relay.one.example", "wss://relay.two.example"]
