"""Network breaks and mint-side faults: after recovery nothing is lost, and "unknown" is never "failed"."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from core.api.recovery import RecoveryService
from core.api.service import WalletService
from core.config import Config
from core.errors import DefinitelyFailed, MintUnreachable, PaymentPending
from tests import recovery_table
from tests.integration.conftest import FAST_FAKEWALLET
from tests.integration.wallet_helpers import balance, fund, nutdesk
from tests.peers.flaky_proxy import FlakyProxy
from tests.peers.nutshell import NutshellMint, make_bolt11


@pytest.fixture
async def proxy(nutshell_mint: NutshellMint) -> AsyncIterator[FlakyProxy]:
    flaky = FlakyProxy(nutshell_mint.port)
    await flaky.start()
    yield flaky
    await flaky.stop()


def open_service(data_dir: Path) -> WalletService:
    # Short timeouts so a held connection becomes "outcome unknown" within the test's patience.
    service = WalletService.open(Config(data_dir=data_dir, request_timeout=3.0, melt_timeout=3.0))
    if service.initialized:
        service.unlock()
    else:
        service.create_wallet()
    return service


async def recover_all(service: WalletService) -> list[str]:
    return [r.result for r in await RecoveryService(service).recover()]


def total(service: WalletService, url: str) -> int:
    spendable, pending = balance(service, url)
    return spendable + pending


@pytest.mark.parametrize("mode", ["drop_response", "hang"])
async def test_swap_whose_answer_is_lost_is_finished_by_recovery(tmp_path: Path, proxy: FlakyProxy, mode: str) -> None:
    service = open_service(tmp_path / "w")
    try:
        await fund(service, proxy.url, 200)
        proxy.set(mode, "/v1/swap")
        with pytest.raises(MintUnreachable) as caught:
            await service.send(50, proxy.url)
        assert caught.value.sent, "the request left: the outcome is unknown, not failed"
        # 200 = 128+64+8; the 128 proof was the input: it stays reserved (shown as pending), never released.
        assert balance(service, proxy.url) == (72, 128)
        proxy.set("pass")
        assert await recover_all(service) == ["finished"]
        assert balance(service, proxy.url) == (149, 50)
        recovery_table.record(
            f"swap, {mode}", before=200, after=total(service, proxy.url), expected=199, outcome="finished"
        )
    finally:
        await service.close()


async def test_mint_whose_answer_is_lost_is_restored(tmp_path: Path, proxy: FlakyProxy) -> None:
    service = open_service(tmp_path / "w")
    try:
        await service.add_mint(proxy.url, trusted=True)
        quote = await service.create_invoice(300, proxy.url)
        proxy.set("drop_response", "/v1/mint/bolt11")
        with pytest.raises(MintUnreachable):
            await service.wait_and_mint(proxy.url, quote.quote, timeout=30)
        proxy.set("pass")
        assert await recover_all(service) == ["finished"]
        assert balance(service, proxy.url) == (300, 0)
        recovery_table.record(
            "mint, drop_response",
            before=0,
            after=total(service, proxy.url),
            expected=300,
            outcome="finished via NUT-09 restore",
        )
    finally:
        await service.close()


async def test_melt_whose_answer_is_lost_gets_its_change_back(tmp_path: Path, proxy: FlakyProxy) -> None:
    service = open_service(tmp_path / "w")
    try:
        await fund(service, proxy.url, 200)
        prepared = await service.prepare_melt(make_bolt11(100), proxy.url)
        proxy.set("drop_response", "/v1/melt/bolt11")
        with pytest.raises(MintUnreachable):
            await service.melt(prepared)
        assert balance(service, proxy.url)[0] < 200, "the melt's inputs are not released while unknown"
        proxy.set("pass")
        assert await recover_all(service) == ["finished"]
        melt = next(h for h in service.history() if h.kind == "melt")
        assert melt.state == "done"
        expected = 200 - 100 - melt.fee
        assert balance(service, proxy.url) == (expected, 0)
        recovery_table.record(
            "melt, drop_response",
            before=200,
            after=total(service, proxy.url),
            expected=expected,
            outcome="paid, change recovered",
        )
    finally:
        await service.close()


async def test_restore_whose_answer_is_lost_can_be_run_again(tmp_path: Path, proxy: FlakyProxy) -> None:
    source = open_service(tmp_path / "source")
    try:
        await fund(source, proxy.url, 77)
        words = source.mnemonic()
    finally:
        await source.close()
    service = WalletService.open(Config(data_dir=tmp_path / "restored", request_timeout=3.0))
    service.create_wallet(words)
    try:
        proxy.set("drop_response", "/v1/restore")
        with pytest.raises(MintUnreachable):
            await service.restore([proxy.url])
        proxy.set("pass")
        assert await service.restore([proxy.url]) == {proxy.url: 77}
        recovery_table.record(
            "restore, drop_response",
            before=77,
            after=total(service, proxy.url),
            expected=77,
            outcome="restore repeated",
        )
    finally:
        await service.close()


async def test_refused_connection_rolls_back_at_once(tmp_path: Path, proxy: FlakyProxy) -> None:
    service = open_service(tmp_path / "w")
    try:
        await fund(service, proxy.url, 200)
        await proxy.stop()
        with pytest.raises(MintUnreachable) as caught:
            await service.send(50, proxy.url)
        assert not caught.value.sent
        # Nothing reached the mint: the inputs are released immediately, the operation is marked failed.
        assert balance(service, proxy.url) == (200, 0)
        assert service.history()[0].state == "failed"
        recovery_table.record(
            "swap, connection refused", before=200, after=total(service, proxy.url), expected=200, outcome="rolled back"
        )
    finally:
        await service.close()


async def test_pending_melt_is_settled_after_the_mint_restarts(
    tmp_path: Path, nutshell_mint_factory: Callable[..., NutshellMint]
) -> None:
    pending = {"FAKEWALLET_PAY_INVOICE_STATE": "PENDING", "FAKEWALLET_PAYMENT_STATE": "PENDING"}
    mint = nutshell_mint_factory(name="pending mint", extra_env={**FAST_FAKEWALLET, **pending})
    service = open_service(tmp_path / "w")
    try:
        await fund(service, mint.url, 200)
        prepared = await service.prepare_melt(make_bolt11(100), mint.url)
        with pytest.raises(PaymentPending):
            await service.melt(prepared)
        _, held = balance(service, mint.url)
        assert held == sum(p.amount for p in prepared.inputs), "inputs stay pending while the payment is"
        assert await recover_all(service) == ["pending"]
        failed = RecoveryService(service).failed()
        assert [(f.operation, f.status) for f in failed] == [("melt", "pending")]
    finally:
        await service.close()
    mint.restart(extra_env=FAST_FAKEWALLET)  # defaults: the mint settles its pending melt at start-up
    service = open_service(tmp_path / "w")
    try:
        assert await recover_all(service) == ["finished"]
        melt = next(h for h in service.history() if h.kind == "melt")
        assert balance(service, mint.url) == (200 - 100 - melt.fee, 0)
        assert [f.status for f in RecoveryService(service).failed(include_closed=True)] == ["recovered"]
        recovery_table.record(
            "melt, PENDING at the mint",
            before=200,
            after=total(service, mint.url),
            expected=200 - 100 - melt.fee,
            outcome="settled after restart",
        )
    finally:
        await service.close()


async def test_failed_melt_returns_the_ecash(
    tmp_path: Path, nutshell_mint_factory: Callable[..., NutshellMint]
) -> None:
    failing = {"FAKEWALLET_PAY_INVOICE_STATE": "FAILED", "FAKEWALLET_PAYMENT_STATE": "FAILED"}
    mint = nutshell_mint_factory(name="failing mint", extra_env={**FAST_FAKEWALLET, **failing})
    service = open_service(tmp_path / "w")
    try:
        await fund(service, mint.url, 200)
        prepared = await service.prepare_melt(make_bolt11(100), mint.url)
        with pytest.raises(DefinitelyFailed):
            await service.melt(prepared)
        assert balance(service, mint.url) == (200, 0)
        assert service.history()[0].state == "failed"
        recovery_table.record(
            "melt, FAILED at the mint",
            before=200,
            after=total(service, mint.url),
            expected=200,
            outcome="ecash returned",
        )
    finally:
        await service.close()


def test_mint_down_at_start_balance_still_shows_and_recovery_waits(
    tmp_path: Path, nutshell_mint_factory: Callable[..., NutshellMint]
) -> None:
    mint = nutshell_mint_factory(name="flaky mint")
    data = tmp_path / "w"
    nutdesk(data, "init")
    nutdesk(data, "mint", "add", mint.url, "--trust")
    nutdesk(data, "invoice", "128", "--mint", mint.url, "--wait")
    # Crash a send after it reached the "sent" step, then take the mint down.
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), "send", "100", "--mint", mint.url],
        env={**os.environ, "NUTDESK_FAILPOINT": "send:after_sent"},
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == -9
    mint.stop()
    shown = nutdesk(data, "balance")
    assert shown["mints"] == [{"url": mint.url, "unit": "sat", "balance": 0, "pending": 128}]
    assert nutdesk(data, "recover")["operations"][0]["result"] == "unreachable"
    failed = nutdesk(data, "failed", "list")["failed"]
    assert [(f["operation"], f["status"], f["reason"]) for f in failed] == [("send", "pending", "mint-unreachable")]
    mint.start()
    retried = nutdesk(data, "failed", "retry", str(failed[0]["id"]))
    assert retried["result"] == "finished"
    after = nutdesk(data, "balance")["mints"][0]
    assert (after["balance"], after["pending"]) == (27, 100)
    recovery_table.record(
        "send, mint down at start",
        before=128,
        after=after["balance"] + after["pending"],
        expected=127,
        outcome="finished after the mint came back",
    )


async def test_recovery_leaves_an_operation_alone_while_it_is_in_flight(tmp_path: Path, proxy: FlakyProxy) -> None:
    service = open_service(tmp_path / "w")
    try:
        await fund(service, proxy.url, 200)
        proxy.set("hang", "/v1/swap")
        sending = asyncio.ensure_future(service.send(50, proxy.url))
        for _ in range(200):  # until the request is out (the operation is journaled as "sent")
            if service.store.operations(states=("sent",)):
                break
            await asyncio.sleep(0.05)
        # A background pass while the request is out: it must neither roll back nor resend it.
        assert await recover_all(service) == []
        with pytest.raises(MintUnreachable):
            await sending
        proxy.set("pass")
        assert await recover_all(service) == ["finished"]
        assert balance(service, proxy.url) == (149, 50)
    finally:
        await service.close()
