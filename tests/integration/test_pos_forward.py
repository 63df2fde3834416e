"""Forwarding to the merchant's Lightning, all real: a nutshell mint whose Lightning backend is LNbits, and the
merchant's own LNbits wallet as the shop's backend. Ecash from a mint the shop does not trust is melted to the
merchant (hold-when-trusted); the exposure manager sweeps a trusted mint's balance above its cap."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from backends.registry import default_registry
from core.api.backends import BackendsService
from core.api.pos import PosService, SaleState
from core.api.service import WalletService
from tests.integration import pos_fixtures
from tests.integration.wallet_helpers import balance, open_wallet
from tests.peers.lnbits import LNbitsServer, LNbitsWallet
from tests.peers.nutshell import NutshellMint

lnbits_server = pos_fixtures.lnbits_server
lnbits_mint = pos_fixtures.lnbits_mint


@pytest.fixture
async def customer(
    tmp_path: Path, lnbits_server: LNbitsServer, lnbits_mint: NutshellMint
) -> AsyncIterator[WalletService]:
    """A customer wallet holding ecash of the LNbits mint, bought from their LNbits account."""
    async with open_wallet(tmp_path / "customer") as wallet:
        await pos_fixtures.buy_ecash(wallet, lnbits_server, lnbits_mint.url, 2_000)
        yield wallet


@pytest.fixture
async def shop(
    tmp_path: Path, lnbits_server: LNbitsServer, nutshell_mint: NutshellMint
) -> AsyncIterator[tuple[PosService, LNbitsWallet]]:
    merchant = lnbits_server.create_wallet("merchant")
    async with open_wallet(tmp_path / "shop") as wallet:
        await wallet.add_mint(nutshell_mint.url, trusted=True)
        backends = BackendsService(wallet, default_registry(plugin_dirs=[]))
        backends.add("till", "lnbits", {"url": lnbits_server.url, "key": merchant.inkey})
        try:
            async with PosService(wallet, backends=backends) as pos:
                yield pos, merchant
        finally:
            await backends.aclose()


async def test_untrusted_ecash_is_melted_to_the_merchants_lnbits(
    shop: tuple[PosService, LNbitsWallet],
    customer: WalletService,
    lnbits_server: LNbitsServer,
    lnbits_mint: NutshellMint,
    nutshell_mint: NutshellMint,
) -> None:
    pos, merchant = shop
    pos.configure(mode="hold_when_trusted", trusted_mints=[nutshell_mint.url], backend="till")
    session = await pos.start_checkout(1_000, memo="table 4")
    token = (await customer.send(1_000, lnbits_mint.url)).token

    sale = await pos.pay_token(session.sale.id, token)

    assert sale.state is SaleState.PAID and sale.settlement == "melt"
    melt = pos.wallet.store.get_operation(sale.forward_operation_id or "")
    assert melt is not None and (melt.kind, melt.state, melt.data["sale"]) == ("melt", "done", sale.id)
    # The merchant's LNbits wallet got exactly what was melted; what was not needed came back as change.
    assert lnbits_server.balance_msat(merchant) == melt.amount * 1000
    assert 970 <= melt.amount < 1_000
    kept, pending = balance(pos.wallet, lnbits_mint.url)
    assert pending == 0 and kept == sale.net - melt.amount
    assert sale.fee == 1_000 - sale.net
    assert not pos.wallet.store.get_mint(lnbits_mint.url).trusted  # type: ignore[union-attr]


async def test_always_forward_melts_even_trusted_ecash_and_the_exposure_cap_sweeps(
    shop: tuple[PosService, LNbitsWallet],
    customer: WalletService,
    lnbits_server: LNbitsServer,
    lnbits_mint: NutshellMint,
) -> None:
    pos, merchant = shop
    pos.configure(mode="always_forward", trusted_mints=[lnbits_mint.url], backend="till")
    sale = await pos.pay_token(
        (await pos.start_checkout(300)).sale.id, (await customer.send(300, lnbits_mint.url)).token
    )
    assert (sale.state, sale.settlement) == (SaleState.PAID, "melt")
    forwarded = lnbits_server.balance_msat(merchant)
    assert forwarded > 290_000

    # Trusted swaps pile up at the mint until the cap: then the excess is swept to the backend (journaled melt).
    pos.configure(mode="trusted_only", exposure_caps={lnbits_mint.url: 200})
    for _ in range(2):
        paid = await pos.pay_token(
            (await pos.start_checkout(300)).sale.id, (await customer.send(300, lnbits_mint.url)).token
        )
        assert paid.settlement == "swap"
    before = balance(pos.wallet, lnbits_mint.url)[0]
    assert before > 500
    [swept] = await pos.sweep_exposure()
    after = balance(pos.wallet, lnbits_mint.url)[0]
    assert after <= 200 < before and lnbits_server.balance_msat(merchant) == forwarded + swept.amount * 1000
    sweeps = [op for op in pos.wallet.store.operations(kinds=("melt",)) if op.data.get("sweep")]
    assert [op.state for op in sweeps] == ["done"]
    assert await pos.sweep_exposure() == []  # below the cap now: nothing to do
