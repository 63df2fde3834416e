"""NUT-15 multi-path payments: one invoice paid from two mints when neither holds enough alone.

nutshell 0.20.2 with FakeWallet does not support MPP (its backend says ``supports_mpp = False``; no
``nuts["15"]``): the first test shows the wallet says so. The payment itself is shown against two REAL nutshell
mints each behind tests/peers/mpp_proxy.py, a faithful NUT-15 front (see its docstring for what it does not
prove): the inputs, fees, change and the mints' books are real.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from core.api.mpp import pay_multi_path, prepare_multi_path
from core.api.recovery import RecoveryService
from core.api.service import WalletService
from core.config import Config
from core.errors import MintUnreachable, UserFacingError
from tests.integration.wallet_helpers import balance, fund, nutdesk
from tests.peers.flaky_proxy import FlakyProxy
from tests.peers.mpp_proxy import MppProxy
from tests.peers.nutshell import NutshellMint, make_bolt11


@pytest.fixture
async def mpp_mints(nutshell_mint_factory: Callable[..., NutshellMint]) -> AsyncIterator[list[MppProxy]]:
    proxies = [MppProxy(nutshell_mint_factory(rpc=False).url) for _ in range(2)]
    for p in proxies:
        await p.start()
    yield proxies
    for p in proxies:
        await p.stop()


def open_service(data_dir: Path) -> WalletService:
    service = WalletService.open(Config(data_dir=data_dir))
    service.create_wallet()
    return service


async def test_real_nutshell_without_mpp_is_named(
    tmp_path: Path, nutshell_mint: NutshellMint, second_mint: NutshellMint
) -> None:
    service = open_service(tmp_path / "w")
    try:
        await fund(service, nutshell_mint.url, 60)
        await fund(service, second_mint.url, 60)
        with pytest.raises(UserFacingError, match="NUT-15") as caught:
            await prepare_multi_path(service, make_bolt11(100))
        assert nutshell_mint.url in str(caught.value) and second_mint.url in str(caught.value)
        assert balance(service, nutshell_mint.url) == (60, 0), "nothing was spent"
    finally:
        await service.close()


async def test_invoice_too_big_for_each_mint_is_paid_from_both(tmp_path: Path, mpp_mints: list[MppProxy]) -> None:
    a, b = mpp_mints
    service = open_service(tmp_path / "w")
    try:
        await fund(service, a.url, 80)
        await fund(service, b.url, 60)
        invoice = make_bolt11(100)
        plan = await prepare_multi_path(service, invoice)
        assert sum(p.amount for p in plan.parts) == 100
        assert {p.mint_url for p in plan.parts} == {a.url, b.url}
        assert all(p.amount < 100 for p in plan.parts), "neither mint pays it alone"
        result = await pay_multi_path(service, plan)
        assert result.amount == 100
        asked = {x["quote"]: x["amount_msat"] for x in a.parts + b.parts}
        assert {p.quote.quote: p.amount * 1000 for p in plan.parts}.items() <= asked.items(), "NUT-15 part quotes"
        parent = service.store.get_operation(result.operation_id)
        assert parent is not None and parent.kind == "mpp" and parent.state == "done"
        melts = [op for op in service.history() if op.kind == "melt"]
        assert len(melts) == 2 and {op.data["mpp"] for op in melts} == {result.operation_id}
        assert all(op.state == "done" for op in melts)
        left = sum(balance(service, p.url)[0] for p in (a, b))
        assert left == 140 - 100 - result.fee
        assert balance(service, a.url)[1] == 0 and balance(service, b.url)[1] == 0
    finally:
        await service.close()


async def test_one_mint_alone_is_refused_as_multi_path(tmp_path: Path, mpp_mints: list[MppProxy]) -> None:
    a, _ = mpp_mints
    service = open_service(tmp_path / "w")
    try:
        await fund(service, a.url, 50)
        with pytest.raises(UserFacingError, match="two mints"):
            await prepare_multi_path(service, make_bolt11(100), mints=[a.url])
    finally:
        await service.close()


async def test_cli_pay_multi_path(tmp_path: Path, mpp_mints: list[MppProxy]) -> None:
    a, b = mpp_mints
    data = tmp_path / "cli"
    nutdesk(data, "init")
    service = WalletService.open(Config(data_dir=data))
    try:
        service.unlock()
        await fund(service, a.url, 70)
        await fund(service, b.url, 70)
    finally:
        await service.close()
    args = ("pay", make_bolt11(110), "--multi-path", "--from", a.url, "--from", b.url, "--yes")
    # The proxies run on this event loop: the CLI runs in a thread so they can answer it.
    result = await asyncio.to_thread(nutdesk, data, *args)
    assert result["multi_path"] is True and result["amount"] == 110
    assert {p["mint"] for p in result["parts"]} == {a.url, b.url}


async def test_a_part_whose_answer_is_lost_keeps_the_payment_open_until_recovery(
    tmp_path: Path, nutshell_mint_factory: Callable[..., NutshellMint]
) -> None:
    """wallet → MppProxy → FlakyProxy (drops one melt answer) → real mint: the payment is outcome unknown."""
    mint_a, mint_b = nutshell_mint_factory(rpc=False), nutshell_mint_factory(rpc=False)
    flaky = FlakyProxy(mint_b.port)
    await flaky.start()
    a, b = MppProxy(mint_a.url), MppProxy(flaky.url)
    await a.start()
    await b.start()
    service = open_service(tmp_path / "w")
    try:
        await fund(service, a.url, 80)
        await fund(service, b.url, 80)
        plan = await prepare_multi_path(service, make_bolt11(120))
        flaky.set("drop_response", "/v1/melt/bolt11", times=1)
        with pytest.raises(MintUnreachable):
            await pay_multi_path(service, plan)
        [parent] = [op for op in service.history() if op.kind == "mpp"]
        assert parent.state == "sent", "one part unknown: the payment is not failed, not done"
        assert balance(service, b.url)[0] < 80, "the unknown part's inputs stay reserved"
        first = [r.result for r in await RecoveryService(service).recover()]
        assert "finished" in first, "the lost part is finished from the mint's records, and the parent with it"
        [parent] = [op for op in service.history() if op.kind == "mpp"]
        assert parent.state == "done"
        failure = service.store.failed_for_operation(parent.id)
        assert failure is None or failure.status == "recovered", "nothing left showing as pending"
        assert all(op.state == "done" for op in service.history() if op.kind == "melt")
        assert balance(service, a.url)[1] == 0 and balance(service, b.url)[1] == 0
    finally:
        await service.close()
        await a.stop()
        await b.stop()
        await flaky.stop()
