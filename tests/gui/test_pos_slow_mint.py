"""The till under a slow mint, against the real nutshell mint behind a loopback proxy that can freeze it (requests
held until thawed): "checking with the mint" shows at once after a token is pasted, Cancel becomes "Next sale"
(the sale is set aside, never cancelled under a moving token), and the earlier sale's outcome arrives as a notice
in Recent sales while the cashier serves the next customer — no dialog over the next sale."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from core.api.pos import SaleState
from core.api.service import WalletService
from core.config import Config
from core.errors import UserFacingError
from desktop.gui.pos.charge import CHECKING
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.pos.window import PosWindow
from tests.gui.conftest import GuiHarness, find_widget, make_funded_wallet, until
from tests.peers.nutshell import NutshellMint


class FreezableMint:
    """A loopback HTTP proxy to the mint; while frozen, requests whose request line contains ``match`` are held
    (not forwarded) until thawed, as a mint that stopped answering would hold them."""

    def __init__(self, target_port: int, match: str) -> None:
        self.target_port = target_port
        self.match = match.encode()
        self.thawed = asyncio.Event()
        self.thawed.set()
        self.held = 0
        self.port = 0
        self._server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        self.thawed.set()
        if self._server is not None:
            self._server.close()
            self._server = None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            lines = head.split(b"\r\n")
            length = next((int(h.split(b":", 1)[1]) for h in lines if h.lower().startswith(b"content-length:")), 0)
            body = await reader.readexactly(length) if length else b""
            if self.match in lines[0]:
                self.held += 1
                await self.thawed.wait()
            kept = [h for h in lines[1:] if h and not h.lower().startswith(b"connection:")]
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
            up_writer.write(b"\r\n".join([lines[0], *kept, b"Connection: close", b"", b""]) + body)
            await up_writer.drain()
            writer.write(await up_reader.read())
            await writer.drain()
            up_writer.close()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()


@pytest.fixture
def frozen_mint(gui_mint: NutshellMint, run: Any) -> Iterator[FreezableMint]:
    proxy = FreezableMint(gui_mint.port, "/v1/swap")
    run(proxy.start())
    yield proxy
    run(proxy.stop())


def test_a_slow_mint_keeps_the_cashier_informed_and_never_interrupts_the_next_sale(
    gui: GuiHarness, frozen_mint: FreezableMint, tmp_path: Path, run: Any
) -> None:
    mint = frozen_mint.url

    async def customer_token() -> str:
        await make_funded_wallet(tmp_path / "customer", mint, 300)
        customer = WalletService.open(Config(data_dir=tmp_path / "customer"))
        try:
            customer.unlock()
            return (await customer.send(100, mint)).token
        finally:
            await customer.close()

    token = run(customer_token())
    run(make_funded_wallet(tmp_path / "shop", mint, 0))
    session = gui.open(tmp_path / "shop")
    launcher = session.view(PosLauncherView)
    launcher.till.configure(trusted_mints=[mint])
    till: PosWindow = launcher.enter(full_screen=False)
    charge = till.charge_page

    async def type_and_charge(digits: str) -> None:
        till.new_sale()
        for key in digits:
            till.keypad_page.keys[key].click()
        till.keypad_page.charge_button.click()
        await until(lambda: till.stack.currentWidget() is charge, what="the charge screen")

    async def scenario() -> None:
        await type_and_charge("100")
        assert till.model.session is not None
        first = till.model.session.sale
        frozen_mint.thawed.clear()  # the mint stops answering swaps
        charge.token_input.setText(token)
        charge.accept_button.click()
        # At once, before the mint says anything: the cashier sees that the mint is being asked.
        await until(lambda: charge.status_label.text() == CHECKING, what="checking with the mint")
        assert not charge.accept_button.isEnabled() and charge.token_input.isReadOnly()
        assert charge.cancel_button.text() == "Next sale" and charge.cancel_button.isEnabled()
        await until(lambda: frozen_mint.held == 1, what="the swap to reach the frozen mint")
        assert "Next sale" in charge.reason_label.text()
        with pytest.raises(UserFacingError, match="being checked with the mint"):
            till.till.cancel(first.id)  # not even from elsewhere: the token may be moving

        # The cashier moves on: the first sale is set aside (not cancelled), the next customer is charged.
        charge.cancel_button.click()
        assert till.stack.currentWidget() is till.keypad_page
        assert till.till.sale(first.id).state is not SaleState.CANCELLED
        await type_and_charge("50")
        assert till.model.session is not None
        second = till.model.session.sale
        assert charge.status_label.text() == "Waiting for payment…" and charge.cancel_button.text() == "Cancel"

        frozen_mint.thawed.set()  # the mint answers the first sale's swap
        notice = till.keypad_page.notice_label
        await until(lambda: till.till.sale(first.id).state is SaleState.PAID, what="the first sale to be paid")
        await session.tasks.wait_idle()
        # The next sale's screen is untouched; the first sale's outcome is a notice in Recent sales.
        assert till.stack.currentWidget() is charge and till.model.session is not None
        assert till.model.session.sale.id == second.id and charge.status_label.text() == "Waiting for payment…"
        assert f"{first.receipt_id} was paid after you moved on" in notice.text() and not notice.isHidden()
        assert [n.sale_id for n in till.model.notices] == [first.id]
        assert find_widget(QMessageBox) is None and gui.errors() == []
        rows = [till.keypad_page.sales_list.item(i).text() for i in range(till.keypad_page.sales_list.count())]
        assert any(first.receipt_id in row and "paid" in row for row in rows)

        charge.cancel_button.click()  # the second sale took nothing: it is cancelled
        await until(lambda: till.till.sale(second.id).state is SaleState.CANCELLED, what="the sale to be cancelled")

    run(scenario(), timeout=120)
