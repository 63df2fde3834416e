"""NUT-19: a swap, mint or melt whose answer was lost is asked again identically and gets the original answer.

All real: nutshell 0.20.2 with its own NUT-19 cache (``MINT_REDIS_CACHE_ENABLED``) on a real ``redis-server``,
behind the dropping proxy, which loses the first answer of the matched request after the mint acted. With the
cache the wallet finishes the operation at once — no "outcome unknown" entry for recovery. The same drop
against a mint without NUT-19 (tests/integration/test_recovery_network.py) still leaves the entry to recovery.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from core.api.recovery import RecoveryService
from core.api.service import WalletService
from core.config import Config
from core.mint_client.http import MintClient
from tests.integration.conftest import FAST_FAKEWALLET
from tests.integration.wallet_helpers import balance, fund
from tests.peers.flaky_proxy import FlakyProxy
from tests.peers.nutshell import NutshellMint, make_bolt11
from tests.peers.redis import RedisServer


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def cached_proxy(
    redis_server: RedisServer, nutshell_mint_factory: Callable[..., NutshellMint]
) -> AsyncIterator[FlakyProxy]:
    env = {**FAST_FAKEWALLET, "MINT_REDIS_CACHE_ENABLED": "true", "MINT_REDIS_CACHE_URL": redis_server.url}
    mint = nutshell_mint_factory(extra_env=env, rpc=False)
    flaky = FlakyProxy(mint.port)
    await flaky.start()
    yield flaky
    await flaky.stop()


def open_service(data_dir: Path) -> WalletService:
    service = WalletService.open(Config(data_dir=data_dir, request_timeout=5.0, melt_timeout=5.0))
    service.create_wallet()
    return service


async def pending_operations(service: WalletService) -> list[Any]:
    return list(await RecoveryService(service).recover())


async def test_the_real_mint_advertises_its_cache(cached_proxy: FlakyProxy) -> None:
    async with MintClient(cached_proxy.url) as client:
        info = await client.get_info()
    paths = {(e["method"], e["path"]) for e in info.nuts[19]["cached_endpoints"]}
    assert paths == {("POST", "/v1/swap"), ("POST", "/v1/mint/bolt11"), ("POST", "/v1/melt/bolt11")}
    assert info.nuts[19]["ttl"] > 0


async def test_swap_whose_answer_is_lost_gets_the_original_answer(tmp_path: Path, cached_proxy: FlakyProxy) -> None:
    service = open_service(tmp_path / "w")
    try:
        await fund(service, cached_proxy.url, 200)
        cached_proxy.set("drop_response", "/v1/swap", times=1)
        token = await service.send(50, cached_proxy.url)
        assert token
        assert len(cached_proxy.broken) == 1, "the first answer was lost"
        # Finished on the spot: the 128 input is spent, change kept, nothing left for recovery.
        assert balance(service, cached_proxy.url) == (149, 50)
        assert await pending_operations(service) == []
    finally:
        await service.close()


async def test_mint_whose_answer_is_lost_gets_the_original_signatures(tmp_path: Path, cached_proxy: FlakyProxy) -> None:
    service = open_service(tmp_path / "w")
    try:
        await service.add_mint(cached_proxy.url, trusted=True)
        quote = await service.create_invoice(300, cached_proxy.url)
        cached_proxy.set("drop_response", "/v1/mint/bolt11", times=1)
        await service.wait_and_mint(cached_proxy.url, quote.quote, timeout=30)
        assert len(cached_proxy.broken) == 1
        assert balance(service, cached_proxy.url) == (300, 0)
        assert await pending_operations(service) == []
    finally:
        await service.close()


async def test_melt_whose_answer_is_lost_gets_the_original_answer_and_change(
    tmp_path: Path, cached_proxy: FlakyProxy
) -> None:
    service = open_service(tmp_path / "w")
    try:
        await fund(service, cached_proxy.url, 200)
        prepared = await service.prepare_melt(make_bolt11(100), cached_proxy.url)
        cached_proxy.set("drop_response", "/v1/melt/bolt11", times=1)
        await service.melt(prepared)
        assert len(cached_proxy.broken) == 1
        melt = next(h for h in service.history() if h.kind == "melt")
        assert melt.state == "done"
        assert balance(service, cached_proxy.url) == (200 - 100 - melt.fee, 0)
        assert await pending_operations(service) == []
    finally:
        await service.close()
