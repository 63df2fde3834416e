"""NUT-29 batched mint against the real nutshell 0.21.0 (its own venv): several paid quotes, one request.

The journal holds the batch as ONE issue operation listing every quote; a batch whose answer is lost (the
dropping proxy) is finished by recovery from the mint's records (quote states, then NUT-09 restore). Against
nutshell 0.20.2 (no NUT-29) ``mint-quote --all`` mints the quotes one by one and says so.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest

from core.api.batch import mint_all_paid
from core.api.recovery import RecoveryService
from core.api.service import WalletService
from core.config import Config
from core.errors import MintRejected
from core.ports.mint_types import MintQuote
from core.wallet import issue
from core.wallet.batch_mint import mint_batch
from tests.integration.wallet_helpers import balance, nutdesk
from tests.peers.flaky_proxy import FlakyProxy
from tests.peers.nutshell import NutshellMint
from tests.peers.nutshell021 import ensure_nutshell021
from tests.peers.tamper_proxy import TamperProxy


@pytest.fixture
def mint021(nutshell_mint_factory: Callable[..., NutshellMint]) -> Iterator[NutshellMint]:
    yield nutshell_mint_factory(venv=ensure_nutshell021(), rpc=False)


@pytest.fixture
async def proxy021(mint021: NutshellMint) -> AsyncIterator[FlakyProxy]:
    flaky = FlakyProxy(mint021.port)
    await flaky.start()
    yield flaky
    await flaky.stop()


def open_service(data_dir: Path) -> WalletService:
    service = WalletService.open(Config(data_dir=data_dir, request_timeout=5.0))
    service.create_wallet()
    return service


async def paid_quotes(service: WalletService, url: str, amounts: list[int]) -> list[MintQuote]:
    if service.store.get_mint(url) is None:
        await service.add_mint(url, trusted=True)
    quotes = [await service.create_invoice(a, url) for a in amounts]
    mw = await service.wallet_for(url)
    for q in quotes:  # FakeWallet pays each invoice by itself after a second
        await mw.client.wait_for_mint_quote_paid(q.quote, timeout=60)
    return quotes


async def test_paid_quotes_are_minted_in_one_batch_request(tmp_path: Path, proxy021: FlakyProxy) -> None:
    service = open_service(tmp_path / "w")
    try:
        quotes = await paid_quotes(service, proxy021.url, [100, 200, 5])
        info = (await service.wallet_for(proxy021.url)).info
        assert info is not None and info.supports(29), "nutshell 0.21.0 advertises NUT-29"
        outcomes = await mint_all_paid(service, proxy021.url)
        assert [(o.batched, o.minted, o.error) for o in outcomes] == [(True, 305, "")]
        assert balance(service, proxy021.url) == (305, 0)
        issues = [op for op in service.history() if op.kind == "issue"]
        assert len(issues) == 1, "the batch is one journal entry"
        assert issues[0].data["quotes"] == [q.quote for q in quotes]
        assert issues[0].state == "done"
        assert {service.store.mint_quote(q.quote).state for q in quotes} == {"ISSUED"}  # type: ignore[union-attr]
    finally:
        await service.close()


async def test_batch_whose_answer_is_lost_is_finished_by_recovery(tmp_path: Path, proxy021: FlakyProxy) -> None:
    service = open_service(tmp_path / "w")
    try:
        await paid_quotes(service, proxy021.url, [64, 36])
        proxy021.set("drop_response", "/v1/mint/bolt11/batch")
        outcomes = await mint_all_paid(service, proxy021.url)
        assert outcomes[0].batched and outcomes[0].minted == 0 and outcomes[0].error
        assert len(proxy021.broken) == 1, "the mint got the batch; only its answer was lost"
        assert balance(service, proxy021.url) == (0, 0)
        [op] = [op for op in service.history() if op.kind == "issue"]
        assert op.state == "sent", "outcome unknown, kept for recovery"
        proxy021.set("pass")
        reports = await RecoveryService(service).recover()
        assert [r.result for r in reports] == ["finished"], "one recovery for the batch, no quote minted twice"
        assert balance(service, proxy021.url) == (100, 0)
        [op] = [op for op in service.history() if op.kind == "issue"]
        assert op.state == "done"
    finally:
        await service.close()


async def test_cli_mint_quote_all_batches_or_says_why_not(
    tmp_path: Path, mint021: NutshellMint, nutshell_mint: NutshellMint
) -> None:
    """nutshell 0.20.2 also has NUT-29: a tamper proxy hides it from /v1/info to show the one-by-one path."""
    hidden = TamperProxy(nutshell_mint.port)
    hidden.edit(
        "/v1/info", lambda info: {**info, "nuts": {k: v for k, v in info["nuts"].items() if k != "29"}}, times=99
    )
    await hidden.start()
    data = tmp_path / "cli"
    try:
        nutdesk(data, "init")
        # The quotes are made in process: any other `nutdesk` command would first sweep the paid ones itself.
        service = WalletService.open(Config(data_dir=data))
        try:
            service.unlock()
            for url in (mint021.url, hidden.url):
                await paid_quotes(service, url, [10, 20])
        finally:
            await service.close()
        result = await asyncio.to_thread(nutdesk, data, "mint-quote", "--all")
    finally:
        await hidden.stop()
    by_mint = {b["mint_url"]: b for b in result["batches"]}
    assert by_mint[mint021.url]["batched"] is True
    assert by_mint[hidden.url]["batched"] is False, "no NUT-29 advertised: one by one"
    assert result["minted"] == 60


async def test_batch_refused_because_a_quote_went_out_elsewhere_mints_nothing_twice(
    tmp_path: Path, proxy021: FlakyProxy
) -> None:
    service = open_service(tmp_path / "w")
    try:
        quotes = await paid_quotes(service, proxy021.url, [16, 8])
        mw = await service.wallet_for(proxy021.url)
        await issue.mint_paid_quote(mw, quotes[0].quote)  # as another run of the wallet would have
        with pytest.raises(MintRejected):
            await mint_batch(mw, [q.quote for q in quotes])
        [batch] = [op for op in service.history() if op.kind == "issue" and op.data.get("quotes")]
        assert batch.state == "failed", "NUT-09 showed none of the batch's outputs signed: nothing happened"
        assert balance(service, proxy021.url) == (16, 0)
        assert await issue.mint_paid_quote(mw, quotes[1].quote) == 8
    finally:
        await service.close()
