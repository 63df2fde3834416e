"""Webhooks set up in the POS settings as a merchant would: a bad URL refused, a new webhook's secret shown once,
a sale on the till POSTed to a local receiver signed with that secret, the delivery log, and removal."""

from __future__ import annotations

import hashlib
import hmac
import json
from pathlib import Path
from typing import Any

from aiohttp import web

from desktop.gui.pos.view import PosLauncherView
from desktop.gui.pos.webhooks import DeliveryLogDialog
from tests.fakes.server import LocalServer
from tests.gui.conftest import GuiHarness, make_funded_wallet, wait_for_dialog
from tests.gui.test_pos_modes import customer_tokens, pay_with, type_and_charge
from tests.peers.nutshell import NutshellMint


def test_a_webhook_added_in_the_settings_hears_the_sale_signed_and_logged(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    [token] = run(customer_tokens(tmp_path / "customer", gui_mint.url, 60))
    run(make_funded_wallet(tmp_path / "shop", gui_mint.url, 0))
    session = gui.open(tmp_path / "shop")
    launcher = session.view(PosLauncherView)
    box = launcher.webhooks
    received: list[tuple[bytes, str]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append((await request.read(), request.headers["X-Nutdesk-Signature"]))
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/hook", hook)

    async def scenario() -> None:
        async with LocalServer(app) as server:
            assert not await box.add("ftp://shop.example/hook")
            assert "http:// or https://" in box.message.text() and box.items.count() == 0
            assert await box.add(server.url + "/hook")
            assert box.items.count() == 1 and not box.copy_secret.isHidden()
            secret = box.message.text().rsplit(": ", 1)[1]
            assert len(secret) == 64 and secret not in json.dumps(launcher.till.policy().public_json())

            till = launcher.enter(full_screen=False)
            await type_and_charge(till, "60")
            await pay_with(till, token, "paid")
            await session.tasks.wait_idle()
            [(body, signature)] = received
            assert signature == "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
            event = json.loads(body)
            assert (event["event"], event["data"]["amount"], event["data"]["state"]) == ("sale.paid", 60, "paid")

            box.log_button.click()
            log = await wait_for_dialog(DeliveryLogDialog, "deliveryLog")
            [row] = log.model.rows()
            assert (row.event, row.state, row.attempts, row.last_status) == ("sale.paid", "delivered", 1, 204)
            log.reject()

            box.items.setCurrentRow(0)
            box.remove_button.click()
            await session.tasks.wait_idle()
            assert box.items.count() == 0 and launcher.till.policy().webhooks == ()

    run(scenario())
