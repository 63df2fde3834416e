"""The Fake backend as a demo wallet against a FakeWallet nutshell mint: top-up and withdraw, journaled."""

from __future__ import annotations

from pathlib import Path

import pytest

import backends.fake as fake_module
from backends.fake import FakeNetwork
from backends.registry import BackendRegistry
from core.api.backends import BackendsService
from core.errors import PaymentFailed
from core.ports.lightning import PaymentState
from tests.integration.wallet_helpers import balance, open_wallet
from tests.peers.nutshell import NutshellMint


async def test_fake_backend_tops_up_and_withdraws(
    tmp_path: Path, nutshell_mint: NutshellMint, monkeypatch: pytest.MonkeyPatch
) -> None:
    net = FakeNetwork()
    monkeypatch.setitem(fake_module._networks, "topup-test", net)
    registry = BackendRegistry().discover(plugin_dirs=[], entry_points=False)
    async with open_wallet(tmp_path) as service:
        await service.add_mint(nutshell_mint.url, trusted=True)
        backends = BackendsService(service, registry)
        try:
            backends.add("demo", "fake", {"network": "topup-test", "account": "me", "balance": "500"})
            top = await backends.topup(300, nutshell_mint.url, "demo", timeout=30)
            assert top.minted == 300 and top.payment.state is PaymentState.SETTLED
            assert net.accounts["me"].balance_msat == 200_000
            assert balance(service, nutshell_mint.url) == (300, 0)

            # More than the backend holds: the payment definitely failed, nothing minted, the quote stays unpaid.
            with pytest.raises(PaymentFailed, match="stays unpaid"):
                await backends.topup(1_000, nutshell_mint.url, "demo", timeout=5)
            assert balance(service, nutshell_mint.url) == (300, 0)

            out = await backends.withdraw(100, nutshell_mint.url, "demo")
            assert out.amount == 100
            # The FakeWallet mint pays nothing real: the fake network never sees its invoice paid, and says
            # so as "pending" — never "failed".
            assert out.received is PaymentState.PENDING
            spendable, pending = balance(service, nutshell_mint.url)
            assert (spendable, pending) == (300 - 100 - out.fee, 0)
        finally:
            await backends.aclose()
