"""A sale paid by Lightning, against a real nutshell mint: from a trusted mint's quote (FakeWallet pays it by
itself) and from the merchant's own backend (the Fake backend; the customer pays from another account of the
same fake network). Either way the sale is one journal entry of kind ``sale`` (``settlement: lightning``)
that analytics counts once; the background pass settles a sale left "settling"."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from backends.fake import network
from backends.registry import default_registry
from core.analytics.periods import parse_period
from core.api.analytics import AnalyticsService
from core.api.backends import BackendsService
from core.api.pos import PosService, Sale, SaleState
from tests.integration.wallet_helpers import balance, open_wallet
from tests.peers.nutshell import NutshellMint


@pytest.fixture
async def till(tmp_path: Path, nutshell_mint: NutshellMint) -> AsyncIterator[PosService]:
    async with open_wallet(tmp_path / "shop") as wallet:
        await wallet.add_mint(nutshell_mint.url, trusted=True)
        backends = BackendsService(wallet, default_registry(plugin_dirs=[]))
        backends.add("till", "Fake", {"account": "merchant", "network": f"pos-{tmp_path.name}"})
        try:
            async with PosService(wallet, backends=backends) as pos:
                pos.configure(shop_name="Corner Café", trusted_mints=[nutshell_mint.url], backend="till")
                yield pos
        finally:
            await backends.aclose()


def sale_facts(pos: PosService) -> tuple[int, int, int]:
    """(count, sales without tips, tips) of the analytics snapshot, all time."""
    snap = AnalyticsService(pos.wallet).snapshot(parse_period("all", granularity="day"))
    return (
        sum(r.count for r in snap.sales),
        sum(r.sales for r in snap.sales),
        sum(r.tips for r in snap.sales),
    )


async def test_a_sale_paid_by_a_trusted_mints_invoice_is_one_sale_entry(
    till: PosService, nutshell_mint: NutshellMint
) -> None:
    session = await till.start_checkout(100, tip=10, memo="by Lightning")
    charge = await till.lightning_invoice(session.sale.id, "mint")
    assert charge.bolt11.startswith("lnbc") and charge.amount == 110
    sale = await till.wait_lightning(session.sale.id, timeout=30, interval=0.2)

    assert (sale.state, sale.settlement, sale.mint_url) == (SaleState.PAID, "lightning", nutshell_mint.url)
    assert (sale.received, sale.net, sale.fee) == (110, 110, 0)
    assert balance(till.wallet, nutshell_mint.url) == (110, 0)
    [op] = till.wallet.store.operations()
    assert (op.id, op.kind, op.state, op.amount) == (sale.operation_id, "sale", "done", 110)
    assert (op.data["sale"], op.data["tip"], op.data["settlement"]) == (sale.id, 10, "lightning")
    assert sale_facts(till) == (1, 100, 10)
    # Asking again changes nothing: counted once.
    assert (await till.check_lightning(sale.id)).state is SaleState.PAID
    assert len(till.wallet.store.operations()) == 1 and sale_facts(till) == (1, 100, 10)
    assert till.zreport().by_settlement["lightning"].amount == 110


async def test_a_sale_paid_to_the_merchants_backend_is_one_sale_entry(till: PosService, tmp_path: Path) -> None:
    session = await till.start_checkout(200, tip=20)
    charge = await till.lightning_invoice(session.sale.id, "backend")
    assert (await till.check_lightning(session.sale.id)).state is SaleState.WAITING

    net = network(f"pos-{tmp_path.name}")
    net.credit("customer", 1_000_000)
    net.pay("customer", charge.bolt11)
    sale = await till.check_lightning(session.sale.id)

    assert (sale.state, sale.settlement, sale.net, sale.fee) == (SaleState.PAID, "lightning", 220, 0)
    assert net.account("merchant").balance_msat == 220_000
    assert till.wallet.balances() == [] or all(b.balance == 0 for b in till.wallet.balances())  # no ecash
    [op] = till.wallet.store.operations()
    assert (op.id, op.kind, op.state, op.amount, op.mint_url) == (
        sale.operation_id,
        "sale",
        "done",
        220,
        "lightning:till",
    )
    assert (op.data["sale"], op.data["tip"], op.data["settlement"]) == (sale.id, 20, "lightning")
    assert sale_facts(till) == (1, 200, 20)
    assert (await till.check_lightning(sale.id)).state is SaleState.PAID
    assert len(till.wallet.store.operations()) == 1


async def test_a_lightning_sale_left_settling_is_finished_by_the_background_loop(
    till: PosService, tmp_path: Path
) -> None:
    session = await till.start_checkout(50)
    charge = await till.lightning_invoice(session.sale.id, "backend")
    net = network(f"pos-{tmp_path.name}")
    net.credit("customer", 100_000)
    net.pay("customer", charge.bolt11)
    # As if the app died after seeing the payment, before journaling it.
    till.repo.update(session.sale.id, state=SaleState.SETTLING, settlement="lightning")

    stop, settled = asyncio.Event(), asyncio.Event()
    heard: list[str] = []

    def on_change(sales: list[Sale]) -> None:
        heard.extend(s.id for s in sales)
        settled.set()

    loop = asyncio.ensure_future(till.run_background(stop, interval=0.05, on_change=on_change))
    try:
        async with asyncio.timeout(10):
            await settled.wait()
    finally:
        stop.set()
        await loop
    assert heard == [session.sale.id] and till.sale(session.sale.id).state is SaleState.PAID
    assert [op.kind for op in till.wallet.store.operations()] == ["sale"]
