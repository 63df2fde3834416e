"""Real peers shared by the point-of-sale tests (integration and GUI): the session's LNbits, a nutshell mint whose
Lightning backend is that LNbits, and a customer buying that mint's ecash from their own LNbits account.

Use from a test module by assignment (``lnbits_mint = pos_fixtures.lnbits_mint``), so pytest sees the fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from backends.registry import default_registry
from core.api.backends import BackendsService
from core.api.service import WalletService
from tests.fakes.harnesses import lnbits_session
from tests.peers.lnbits import LNbitsServer
from tests.peers.nutshell import NutshellMint

__all__ = ["buy_ecash", "lnbits_mint", "lnbits_server"]

lnbits_server = lnbits_session

# FakeWallet settings for the mint's other (unused) paths; its Lightning is LNbits.
_FAST = {"FAKEWALLET_DELAY_INCOMING_PAYMENT": "0.3", "FAKEWALLET_DELAY_OUTGOING_PAYMENT": "0.3"}


@pytest.fixture(scope="module")
def lnbits_mint(lnbits_server: LNbitsServer) -> Iterator[NutshellMint]:
    mint_wallet = lnbits_server.create_wallet("pos mint")
    lnbits_server.credit(mint_wallet, 100_000)  # the mint pays invoices out of this wallet
    mint = NutshellMint(
        name="POS LNbits mint",
        extra_env={
            **_FAST,
            "MINT_BACKEND_BOLT11_SAT": "LNbitsWallet",
            "MINT_LNBITS_ENDPOINT": lnbits_server.url,
            "MINT_LNBITS_KEY": mint_wallet.adminkey,
        },
    )
    try:
        mint.start()
    except BaseException:
        mint.cleanup()
        raise
    yield mint
    mint.cleanup()


async def buy_ecash(wallet: WalletService, server: LNbitsServer, mint_url: str, amount: int) -> None:
    """``wallet`` buys ``amount`` of ``mint_url``'s ecash, paying from a fresh, credited LNbits account."""
    account = server.create_wallet("customer")
    server.credit(account, amount + 3_000)
    if wallet.store.get_mint(mint_url) is None:
        await wallet.add_mint(mint_url, trusted=True)
    backends = BackendsService(wallet, default_registry(plugin_dirs=[]))
    try:
        backends.add("bank", "lnbits", {"url": server.url, "key": account.adminkey})
        await backends.topup(amount, mint_url, "bank", timeout=60)
    finally:
        await backends.aclose()
