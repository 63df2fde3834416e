"""Operations name the journal entries they moved in their change events, against the real nutshell mint: History
redraws those rows (a new one inserted, a moved one redrawn) and never reads the whole history again."""

from __future__ import annotations

import asyncio
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from PySide6.QtWidgets import QMessageBox

from core.api.service import WalletService
from core.config import Config
from core.protocol.payment_requests import PaymentRequest
from desktop.gui.changes import Changes, operations_of
from desktop.gui.context import BALANCES, HISTORY, SENT
from desktop.gui.pos.model import announce_sales
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.pos.window import PosWindow
from desktop.gui.session import Session
from desktop.gui.views.balances.view import BalancesView
from desktop.gui.views.history.view import HistoryView
from desktop.gui.views.pay.view import PayView
from desktop.gui.views.receive.view import ReceiveView
from desktop.gui.views.recovery.view import RecoveryView
from desktop.gui.views.send.view import SendView
from desktop.gui.views.vault.view import VaultView
from tests.gui.conftest import GuiHarness, make_funded_wallet, until, wait_for_dialog
from tests.gui.test_live_refresh import cli
from tests.gui.test_recovery_view import crash_send
from tests.peers.nutshell import NutshellMint, make_bolt11

KEY = "02" + "ab" * 32  # a cheque's recipient (only its form matters here)


class Seen:
    """The change events a session sends, and whether History read the history again or reset its model.

    The watcher of other processes is stopped: the events counted are the operation's own."""

    def __init__(self, session: Session) -> None:
        assert session.ctx is not None and session._watch_timer is not None
        session._watch_timer.stop()
        self.history = session.view(HistoryView)
        assert session.window is not None
        session.window.show_view(self.history)  # seen: it reacts at once (a hidden view catches up when shown)
        self.changes: list[Any] = []
        self.loads: list[int] = []
        self.resets: list[int] = []
        session.ctx.bus.changed.connect(self.changes.append)
        full = self.history.state.load
        self.history.state.load = lambda: self.loads.append(1) or full()  # type: ignore[method-assign]
        self.history.model.modelReset.connect(lambda: self.resets.append(1))

    def named(self) -> set[str]:
        return {i for c in self.changes if HISTORY in c for i in operations_of(c)}

    def plain(self) -> list[Any]:
        """History changes that named nothing (they make History read everything)."""
        return [c for c in self.changes if HISTORY in c and not operations_of(c)]

    def row(self, op_id: str) -> Any:
        model = self.history.model
        model.fetch_all()
        return next((model.row(n) for n in range(model.rowCount()) if model.row(n).id == op_id), None)

    def untouched(self) -> bool:
        return self.loads == [] and self.resets == [] and self.plain() == []


def test_a_pay_inserts_its_row_in_history_without_reading_the_history(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 1000))
    session = gui.open(tmp_path / "w")
    seen = Seen(session)
    before = seen.history.model.total
    view = session.view(PayView)

    async def scenario() -> None:
        view.input.setPlainText(make_bolt11(100, description="a coffee"))
        view.continue_button.click()
        await session.tasks.wait_idle()
        view.pay_button.click()
        await session.tasks.wait_idle()

    run(scenario())
    result = view.state.result
    assert result is not None and result.paid and len(result.operation_ids) == 1
    [melt] = result.operation_ids
    [change] = [c for c in seen.changes if operations_of(c)]
    assert isinstance(change, Changes) and operations_of(change) == {melt}
    assert change.mints == {gui_mint.url} and change.units == {"sat"} and {BALANCES, SENT} <= change
    assert seen.untouched()  # no read of the whole history, no model reset
    top = seen.history.model.row(0)
    assert (top.id, top.kind, top.amount, top.state) == (melt, "melt", 100, "done")
    assert seen.history.model.total == before + 1


def test_a_payment_request_paid_in_pay_names_the_send_it_made(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 200))
    session = gui.open(tmp_path / "w")
    seen = Seen(session)
    view = session.view(PayView)

    async def scenario() -> None:
        view.input.setPlainText(PaymentRequest(amount=20, unit="sat", mints=(gui_mint.url,)).encode_creqa())
        view.continue_button.click()
        await session.tasks.wait_idle()
        view.pay_button.click()
        await session.tasks.wait_idle()

    run(scenario())
    result = view.state.result
    assert result is not None and result.token  # in-band: the token is the payment
    [sent] = result.operation_ids
    assert session.service.store.get_operation(sent).kind == "send"
    assert seen.named() == {sent} and seen.untouched()
    assert seen.history.model.row(0).id == sent


def test_a_till_sale_and_its_refund_update_history_rows_without_reading_the_history(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    async def tokens() -> tuple[str, str]:
        await make_funded_wallet(tmp_path / "customer", gui_mint.url, 300)
        customer = WalletService.open(Config(data_dir=tmp_path / "customer"))
        try:
            customer.unlock()
            return (await customer.send(50, gui_mint.url)).token, (await customer.send(100, gui_mint.url)).token
        finally:
            await customer.close()

    short, paying = run(tokens())
    run(make_funded_wallet(tmp_path / "shop", gui_mint.url, 0))
    session = gui.open(tmp_path / "shop")
    launcher = session.view(PosLauncherView)
    launcher.shop_name.setText("Corner Café")
    run(launcher.save())
    seen = Seen(session)
    till: PosWindow = launcher.enter(full_screen=False)

    async def sale() -> None:
        for key in ("1", "0", "0"):
            till.keypad_page.keys[key].click()
        till.keypad_page.charge_button.click()
        await until(lambda: till.stack.currentWidget() is till.charge_page, what="the charge screen")
        till.charge_page.token_input.setText(short)
        till.charge_page.accept_button.click()
        await until(lambda: till.charge_page.status_label.text() == "Payment failed", what="the refusal")
        await session.tasks.wait_idle()
        # Refused before any entry was written (the journal says so): History is not asked to read anything.
        assert seen.changes and all(HISTORY not in c for c in seen.changes) and seen.untouched()
        till.charge_page.token_input.setText(paying)
        till.charge_page.accept_button.click()
        await until(lambda: till.stack.currentWidget() is till.paid_page, what="the paid screen")
        await session.tasks.wait_idle()

    run(sale())
    paid = till.model.paid_sale
    assert paid is not None and paid.operation_id
    assert paid.operation_id in seen.named()
    assert seen.untouched()
    row = seen.row(paid.operation_id)
    assert row is not None and row.state == "done" and seen.history.model.row(0).id == paid.operation_id

    till.show_receipt(paid.id)
    request = till.model.refund_request(30)
    assert request is not None
    refund = run(till.model.refund(request))
    assert refund.operation_id and refund.operation_id in seen.named()
    assert seen.untouched()
    assert seen.row(refund.operation_id) is not None


def test_a_lightning_receive_names_the_entry_minting_wrote(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
    session = gui.open(tmp_path / "w")
    seen = Seen(session)
    view = session.view(ReceiveView)
    view.tabs.setCurrentIndex(1)

    async def scenario() -> None:
        view.ln_amount.setValue(21)
        view.invoice_button.click()
        await until(lambda: view.invoice_qr.text() != "", what="the invoice")
        await session.tasks.wait_idle()

    run(scenario())
    [issue] = [r.id for r in session.service.store.operations(kinds=("issue",)) if r.amount == 21]
    assert seen.named() == {issue} and seen.untouched()
    assert seen.history.model.row(0).id == issue


def test_a_reclaim_and_a_claim_check_in_send_name_what_they_moved(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 300))
    session = gui.open(tmp_path / "w")
    seen = Seen(session)
    view = session.view(SendView)

    sent = run(session.service.send(40, gui_mint.url))
    view.refresh()

    async def reclaim() -> None:
        view.pending_table.selectRow(0)
        view.reclaim_button.click()
        box = await wait_for_dialog(QMessageBox, "confirmDialog")
        next(b for b in box.buttons() if b.text() == "Reclaim").click()
        await session.tasks.wait_idle()

    run(reclaim())
    [reclaimed] = [r.id for r in session.service.store.operations(kinds=("reclaim",))]
    assert seen.named() == {reclaimed, sent.operation_id} and seen.untouched()
    assert seen.row(reclaimed).kind == "reclaim" and seen.history.model.row(0).id == reclaimed

    seen.changes.clear()
    run(view.check_claimed())
    assert seen.changes and all(HISTORY not in c for c in seen.changes)  # a NUT-07 check writes no journal entry
    assert seen.untouched()


def test_a_cheque_written_in_the_vault_is_named(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 300))
    session = gui.open(tmp_path / "w")
    seen = Seen(session)
    view = session.view(VaultView)
    view.amount.setValue(30)
    view.recipient.setText(KEY)
    view.expires.setText("1d")
    run(view.write_cheque())
    assert view.last is not None
    result = view.last[0]
    assert seen.named() == {result.operation_id} and seen.untouched()
    assert seen.history.model.row(0).id == result.operation_id

    seen.changes.clear()
    run(view.check())  # nothing claimed, nothing reclaimed: History is not asked to read anything
    assert seen.untouched()


def _empty_wallet_listened(gui: GuiHarness, tmp_path: Path, run: Any) -> tuple[Session, list[Any]]:
    """A new wallet's window, and the list every change event it announces is appended to."""
    data = tmp_path / "w"
    service = WalletService.open(Config(data_dir=data))
    service.create_wallet()
    run(service.close())
    session = gui.open(data)
    assert session.ctx is not None
    got: list[Any] = []
    session.ctx.bus.changed.connect(got.append)
    return session, got


def test_background_recovery_names_the_entries_it_moved(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    session, got = _empty_wallet_listened(gui, tmp_path, run)
    assert session.ctx is not None
    Session._recovered(session.ctx, ["op1", "op2"])
    Session._recovered(session.ctx, None)
    assert operations_of(got[0]) == {"op1", "op2"} and HISTORY in got[0]
    assert HISTORY in got[1] and operations_of(got[1]) == frozenset()


def test_a_send_by_another_process_is_named_by_the_watcher_and_history_reads_only_its_row(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    data = tmp_path / "w"
    run(make_funded_wallet(data, gui_mint.url, 100))
    session = gui.open(data)
    assert session.ctx is not None
    history = session.view(HistoryView)
    assert session.window is not None
    session.window.show_view(history)
    run(asyncio.sleep(1.2))  # the start-up's own commits seen by the watcher first
    before = history.model.total
    changes: list[Any] = []
    loads: list[int] = []
    resets: list[int] = []
    session.ctx.bus.changed.connect(changes.append)
    full = history.state.load
    history.state.load = lambda: loads.append(1) or full()  # type: ignore[method-assign]
    history.model.modelReset.connect(lambda: resets.append(1))

    run(cli(data, "send", "30", "--mint", gui_mint.url))
    [sent] = [r for r in session.service.store.operations(kinds=("send",)) if r.amount == 30]
    run(until(lambda: history.model.total == before + 1 and history.model.row(0).state == sent.state, what="it"))
    assert history.model.row(0).id == sent.id
    assert loads == [] and resets == []  # the watcher named the entry: History read that row, not the history
    assert any(sent.id in operations_of(c) for c in changes)
    assert all(operations_of(c) for c in changes if HISTORY in c)


def test_recover_now_names_the_entry_it_resumed(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    data = tmp_path / "w"
    run(make_funded_wallet(data, gui_mint.url, 200))
    session = gui.open(data)
    seen = Seen(session)
    crash_send(data, gui_mint.url, 50)  # another process died mid-send: its entry is left "sent"
    [crashed] = session.service.store.operations(states=("sent",))
    view = session.view(RecoveryView)
    run(view.recover_now())
    assert session.service.store.get_operation(crashed.id).state == "done"
    assert crashed.id in seen.named() and seen.untouched()
    row = seen.row(crashed.id)  # not seen before (the watcher was stopped): inserted by its time
    assert row is not None and row.state == "done" and seen.history.model.row(0).id == crashed.id


def test_a_self_check_names_the_swaps_it_made(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 200))
    session = gui.open(tmp_path / "w")
    seen = Seen(session)
    view = session.view(BalancesView)  # built, not shown: History is
    view.health.url = gui_mint.url
    run(view.health.run_self_check())
    made = {r.id for r in session.service.store.operations() if r.kind not in ("issue",)}
    assert made and seen.named() == made and seen.untouched()
    assert all(seen.row(i) is not None for i in made)


def test_till_sales_name_their_receive_and_forwarding_entries(gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    session, got = _empty_wallet_listened(gui, tmp_path, run)
    assert session.ctx is not None
    paid = SimpleNamespace(operation_id="r1", forward_operation_id="f1", mint_url="http://m", ecash_unit="sat")
    other = SimpleNamespace(operation_id="r2", forward_operation_id=None, mint_url="http://n", ecash_unit="usd")
    unnamed = SimpleNamespace(operation_id=None, forward_operation_id=None, mint_url="http://m", ecash_unit="sat")
    announce_sales(session.ctx, [paid, other])  # type: ignore[list-item]
    announce_sales(session.ctx, [paid, unnamed])  # type: ignore[list-item]
    assert operations_of(got[0]) == {"r1", "f1", "r2"} and got[0].mints == {"http://m", "http://n"}
    assert {BALANCES, HISTORY} <= got[0] and got[0].units == {"sat", "usd"}
    assert HISTORY in got[1] and operations_of(got[1]) == frozenset()  # one it cannot name: History reads all


def test_a_pay_that_fails_before_any_entry_leaves_history_alone(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 300))
    session = gui.open(tmp_path / "w")
    seen = Seen(session)
    view = session.view(PayView)

    async def scenario() -> None:
        view.input.setPlainText(make_bolt11(10, expiry=3))
        view.continue_button.click()
        await session.tasks.wait_idle()
        assert view.pay_button.isEnabled()
        await asyncio.sleep(3.5)  # expired between the confirmation and the click: refused before any request
        view.pay_button.click()
        await session.tasks.wait_idle()

    run(scenario())
    assert [type(e).__name__ for e in gui.errors()] == ["InvalidInvoice"]
    assert view.pay_button.isEnabled()
    # The journal says nothing changed: Balances and Send hear of it, History is not asked to read anything.
    assert seen.changes and all(HISTORY not in c for c in seen.changes) and seen.untouched()


def test_reconcile_and_restore_name_what_they_wrote_to_the_journal(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "w", gui_mint.url, 100))
    session = gui.open(tmp_path / "w")
    seen = Seen(session)
    view = session.view(RecoveryView)
    run(view.reconcile(apply=True))  # the mint agrees: nothing applied, no entry written
    assert seen.changes and all(HISTORY not in c for c in seen.changes) and seen.untouched()

    seen.changes.clear()
    run(view.restore(gui_mint.url))
    restored = {r.id for r in session.service.store.operations(kinds=("restore",))}
    assert restored and seen.named() == restored and seen.untouched()
    assert all(seen.row(i) is not None for i in restored)
