"""Webhooks against a local HTTP server (HMAC-SHA256 over the exact body, retry with backoff after a failure,
the delivery log), and the settlement policy's decisions, fee caps, PIN and the checkout arithmetic."""

from __future__ import annotations

import hashlib
import hmac
import json
from decimal import Decimal
from pathlib import Path

import pytest
from aiohttp import web

from core.api.pos import SIGNATURE_HEADER, PosService, Webhook
from core.api.service import WalletService
from core.config import Config
from core.pos.checkout import owed, tip_for_percent
from core.pos.policy import PosPolicy, SettlementMode, hash_pin, verify_pin
from core.pos.types import SaleState
from core.pos.webhooks import retry_delay
from tests.fakes.server import LocalServer

TRUSTED = "https://mint.trusted.example"
OTHER = "https://mint.other.example"


def test_settlement_modes_decide_swap_melt_or_refuse() -> None:
    policy = PosPolicy(trusted_mints=(TRUSTED,))
    assert (policy.settlement_for(TRUSTED), policy.settlement_for(OTHER)) == ("swap", None)
    hold = policy.with_changes(mode="hold_when_trusted")
    assert (hold.settlement_for(TRUSTED + "/"), hold.settlement_for(OTHER)) == ("swap", "melt")
    forward = policy.with_changes(mode=SettlementMode.ALWAYS_FORWARD)
    assert (forward.settlement_for(TRUSTED), forward.settlement_for(OTHER)) == ("melt", "melt")
    assert policy.accepted_mints() == (TRUSTED,) and hold.accepted_mints() == ()
    assert PosPolicy.from_json(json.loads(hold.dumps())) == hold
    with pytest.raises(Exception, match="unknown settlement mode"):
        policy.with_changes(mode="sometimes")


def test_fee_caps_and_checkout_arithmetic() -> None:
    policy = PosPolicy(max_input_fee_pct=1.0, max_lightning_fee_pct=2.0, fee_advance=3)
    assert policy.input_fee_ok(1, 10)  # one unit is never refused
    assert policy.input_fee_ok(2, 200) and not policy.input_fee_ok(3, 200)
    assert policy.lightning_fee_ok(20, 1000) and not policy.lightning_fee_ok(21, 1000)
    assert owed(100, 15, policy) == 118
    assert tip_for_percent(125, 10) == 13 and tip_for_percent(1000, Decimal("12.5")) == 125


def test_pin_is_salted_and_checked() -> None:
    stored = hash_pin("2468")
    assert stored != hash_pin("2468") and verify_pin("2468", stored) and not verify_pin("2469", stored)
    with pytest.raises(Exception, match="4 to 12 digits"):
        hash_pin("12a")


async def test_webhooks_are_signed_retried_with_backoff_and_logged(tmp_path: Path) -> None:
    received: list[tuple[bytes, str]] = []
    answers = [500, 200]

    async def hook(request: web.Request) -> web.Response:
        received.append((await request.read(), request.headers[SIGNATURE_HEADER]))
        return web.Response(status=answers.pop(0))

    app = web.Application()
    app.router.add_post("/hook", hook)
    wallet = WalletService.open(Config(data_dir=tmp_path / "shop"))
    wallet.create_wallet()
    try:
        async with LocalServer(app) as server, PosService(wallet, webhook_base_delay=0.0) as pos:
            pos.configure(webhooks=(Webhook(server.url + "/hook", "s3cret"),), trusted_mints=[TRUSTED])
            session = await pos.start_checkout(100, tip=5, memo="table 2")
            sale = pos.repo.update(session.sale.id, state=SaleState.RECEIVED)
            sale = pos.repo.update(sale.id, state=SaleState.SETTLING, settlement="swap", received=105)
            pos._paid(sale)
            assert await pos.deliver_webhooks() == 0  # HTTP 500: kept for a retry
            [failed] = pos.webhook_log()
            assert (failed.state, failed.attempts, failed.last_status) == ("pending", 1, 500)
            assert await pos.deliver_webhooks() == 1
            [delivered] = pos.webhook_log()
            assert (delivered.state, delivered.attempts) == ("delivered", 2)
    finally:
        await wallet.close()
    body, signature = received[-1]
    assert received[0][0] == body  # the retry sends the very same event
    assert signature == "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    event = json.loads(body)
    assert event["event"] == "sale.paid" and event["data"]["id"] == sale.id and event["data"]["tip"] == 5
    assert [retry_delay(n, 10.0) for n in (1, 2, 3)] == [10.0, 20.0, 40.0]


async def test_a_webhook_answer_is_never_read_whole(tmp_path: Path) -> None:
    """The shop's endpoint is another server: its status decides; a refusal's body is read under a cap, never whole."""
    statuses = [500, 200]

    async def hook(request: web.Request) -> web.StreamResponse:
        await request.read()
        response = web.StreamResponse(status=statuses.pop(0))
        await response.prepare(request)
        for _ in range(64):  # 4 MB, far past the 64 KiB a webhook answer may hold
            await response.write(b"x" * 65536)
        return response

    app = web.Application()
    app.router.add_post("/hook", hook)
    wallet = WalletService.open(Config(data_dir=tmp_path / "shop"))
    wallet.create_wallet()
    try:
        async with LocalServer(app) as server, PosService(wallet, webhook_base_delay=0.0) as pos:
            pos.configure(webhooks=(Webhook(server.url + "/hook", "s3cret"),), trusted_mints=[TRUSTED])
            session = await pos.start_checkout(100)
            sale = pos.repo.update(session.sale.id, state=SaleState.RECEIVED)
            sale = pos.repo.update(sale.id, state=SaleState.SETTLING, settlement="swap", received=100)
            pos._paid(sale)
            assert await pos.deliver_webhooks() == 0  # a huge refusal: cut off at the cap, kept for a retry
            [kept] = pos.webhook_log()
            assert kept.state == "pending" and "AnswerTooLarge" in kept.last_error
            assert await pos.deliver_webhooks() == 1  # a huge acceptance: delivered on its status alone
            assert pos.webhook_log()[0].state == "delivered"
    finally:
        await wallet.close()
