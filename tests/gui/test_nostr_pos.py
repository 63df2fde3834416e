"""The till's charge screen with the Nostr transport, against the real nutshell mint and a local relay
(nostr-sdk's LocalRelay on 127.0.0.1): with relays configured the QR's request names the shop's nprofile, and
the sale turns paid on screen when a customer's wallet messages the payment (NIP-17) — no token typed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from core.api.payments import PaymentsService
from core.api.service import WalletService
from core.config import Config
from core.protocol.payment_requests import decode_payment_request, parse_nostr_target
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.pos.window import PosWindow
from tests.fakes.nwc_service import LocalNostrRelay
from tests.gui.conftest import GuiHarness, make_funded_wallet, until
from tests.peers.nutshell import NutshellMint


def test_a_charge_is_paid_over_nostr_on_the_till(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "customer", gui_mint.url, 200))
    run(make_funded_wallet(tmp_path / "shop", gui_mint.url, 0))
    session = gui.open(tmp_path / "shop")
    launcher = session.view(PosLauncherView)
    relay = LocalNostrRelay()
    run(relay.__aenter__())
    try:
        launcher.till.configure(nostr_relays=[relay.url])
        till: PosWindow = launcher.enter(full_screen=False)

        async def scenario() -> None:
            for key in ("4", "2"):
                till.keypad_page.keys[key].click()
            till.keypad_page.charge_button.click()
            await until(lambda: till.stack.currentWidget() is till.charge_page, what="the charge screen")
            request = decode_payment_request(till.charge_page.qr.text())
            (transport,) = request.transports
            assert transport.type == "nostr" and parse_nostr_target(transport.target)[1] == [relay.url]
            assert (
                "Nostr" in till.charge_page.qr_caption.text()
                and till.charge_page.status_label.text() == "Waiting for payment…"
            )
            assert till.charge_page.unpayable.isHidden()  # a relay delivers the payment
            inbox = launcher.till._nostr
            assert inbox is not None
            await until(inbox.synced.is_set, what="the shop's inbox to listen")

            customer = WalletService.open(Config(data_dir=tmp_path / "customer"))
            try:
                customer.unlock()
                async with PaymentsService(customer) as payments:
                    result = await payments.pay(await payments.prepare_payment(till.charge_page.qr.text()))
                assert result.delivered
            finally:
                await customer.close()
            await until(lambda: till.stack.currentWidget() is till.paid_page, what="the paid screen")
            await session.tasks.wait_idle()
            assert till.paid_page.paid_label.text() == "✓ PAID" and till.paid_page.paid_amount.text() == "42 sat"
            assert till.model.paid_sale is not None and (till.model.paid_sale.payload or {}).get("via") == "nostr"

        run(scenario())
    finally:
        run(launcher.till.stop_nostr())
        run(relay.__aexit__())
