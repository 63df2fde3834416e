"""The closed loop, all real: a nutshell 0.20.2 mint whose Lightning backend is a real LNbits 1.6.2.

Nutdesk tops up from a funded LNbits "customer" wallet through its LNbits backend (mint quote → LNbits pays →
mint), then withdraws to an LNbits "merchant" wallet (merchant invoice → melt). Every balance on both sides
is checked exactly afterwards; then the same loop runs through the ``nutdesk`` CLI.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from backends.registry import default_registry
from core.api.backends import BackendsService
from core.ports.lightning import PaymentState
from tests.fakes.harnesses import lnbits_session
from tests.integration.conftest import FAST_FAKEWALLET
from tests.integration.wallet_helpers import balance, nutdesk, open_wallet
from tests.peers.lnbits import LNbitsServer, LNbitsWallet
from tests.peers.nutshell import NutshellMint

lnbits_server = lnbits_session


@pytest.fixture(scope="module")
def mint_wallet(lnbits_server: LNbitsServer) -> LNbitsWallet:
    return lnbits_server.create_wallet("mint")


@pytest.fixture(scope="module")
def lnbits_mint(lnbits_server: LNbitsServer, mint_wallet: LNbitsWallet) -> Iterator[NutshellMint]:
    """nutshell with ``LNbitsWallet`` as its Lightning backend (the mint's own LNbits wallet)."""
    mint = NutshellMint(
        name="nutdesk LNbits mint",
        extra_env={
            **FAST_FAKEWALLET,
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


async def test_topup_from_customer_then_withdraw_to_merchant_exact_balances(
    tmp_path: Path, lnbits_server: LNbitsServer, lnbits_mint: NutshellMint, mint_wallet: LNbitsWallet
) -> None:
    customer = lnbits_server.create_wallet("customer")
    merchant = lnbits_server.create_wallet("merchant")
    lnbits_server.credit(customer, 10_000)
    mint_before = lnbits_server.balance_msat(mint_wallet)

    async with open_wallet(tmp_path / "wallet") as service:
        await service.add_mint(lnbits_mint.url, trusted=True)
        backends = BackendsService(service, default_registry(plugin_dirs=[]))
        try:
            backends.add("customer", "lnbits", {"url": lnbits_server.url, "key": customer.adminkey})
            backends.add("merchant", "lnbits", {"url": lnbits_server.url, "key": merchant.inkey})
            assert (await backends.test("customer")).balance == 10_000_000

            top = await backends.topup(1_000, lnbits_mint.url, "customer", timeout=60)
            assert (top.amount, top.minted) == (1_000, 1_000)
            assert top.payment.state is PaymentState.SETTLED
            assert balance(service, lnbits_mint.url) == (1_000, 0)
            assert lnbits_server.balance_msat(customer) == 9_000_000
            assert lnbits_server.balance_msat(mint_wallet) == mint_before + 1_000_000

            out = await backends.withdraw(400, lnbits_mint.url, "merchant")
            assert out.amount == 400
            assert out.received is PaymentState.SETTLED
            assert out.preimage
        finally:
            await backends.aclose()

        # Lightning side: the payment between LNbits wallets is internal, so no routing fee anywhere.
        assert lnbits_server.balance_msat(merchant) == 400_000
        assert lnbits_server.balance_msat(mint_wallet) == mint_before + 600_000
        assert lnbits_server.balance_msat(customer) == 9_000_000
        # Ecash side: 1000 in, 400 out, the mint's input fee (100 ppk per input, rounded up) and nothing else:
        # the unused fee reserve came back as change.
        spendable, pending = balance(service, lnbits_mint.url)
        assert pending == 0
        assert 1 <= out.fee <= 2
        assert spendable == 1_000 - 400 - out.fee
        kinds = [(op.kind, op.state) for op in service.history()]
        assert ("issue", "done") in kinds
        assert ("melt", "done") in kinds


def test_closed_loop_through_the_cli(
    tmp_path: Path, lnbits_server: LNbitsServer, lnbits_mint: NutshellMint, mint_wallet: LNbitsWallet
) -> None:
    customer = lnbits_server.create_wallet("cli customer")
    merchant = lnbits_server.create_wallet("cli merchant")
    lnbits_server.credit(customer, 5_000)
    mint_before = lnbits_server.balance_msat(mint_wallet)
    data = tmp_path / "cli"
    env = {"NUTDESK_PASSWORD": "correct horse", "NUTDESK_PLUGIN_DIRS": ""}
    nutdesk(data, "init", "--set-password", env=env)
    nutdesk(data, "mint", "add", lnbits_mint.url, "--trust", env=env)

    added = nutdesk(
        data, "backends", "add", "lnbits", "--name", "shop", "--opt", f"url={lnbits_server.url}",
        "--opt", f"key={customer.adminkey}", env=env,
    )  # fmt: skip
    assert added == {"name": "shop", "type": "LNbits", "options": {"key": "***", "url": lnbits_server.url,
                                                                    "verify_tls": "true"}}  # fmt: skip
    # The admin key is stored encrypted with the wallet password, never in the clear.
    raw = (data / "wallet.sqlite3").read_bytes()
    assert customer.adminkey.encode() not in raw

    nutdesk(data, "backends", "add", "lnbits", "--name", "till", "--opt", f"url={lnbits_server.url}",
            "--opt", f"key={merchant.inkey}", env=env)  # fmt: skip
    listed = nutdesk(data, "backends", "list", env=env)
    assert {t["type"] for t in listed["types"]} >= {"LNbits", "Fake"}
    shop = next(c for c in listed["configured"] if c["name"] == "shop")
    assert shop["capabilities"]["streaming"] is True
    assert shop["options"]["key"] == "***"

    tested = nutdesk(data, "backends", "test", "shop", env=env)
    assert (tested["ok"], tested["balance"], tested["unit"]) == (True, 5_000_000, "msat")

    top = nutdesk(data, "topup", "700", "--mint", lnbits_mint.url, "--backend", "shop", env=env)
    assert top["minted"] == 700
    out = nutdesk(data, "withdraw", "300", "--mint", lnbits_mint.url, "--backend", "till", env=env)
    assert (out["amount"], out["received"]) == (300, "settled")

    assert lnbits_server.balance_msat(customer) == 4_300_000
    assert lnbits_server.balance_msat(merchant) == 300_000
    assert lnbits_server.balance_msat(mint_wallet) == mint_before + 400_000
    bal = nutdesk(data, "balance", env=env)
    assert bal["total"]["sat"] == 700 - 300 - out["fee"]

    # Wrong password: the secret cannot be read, and the CLI says so without a traceback.
    wrong = nutdesk(data, "backends", "test", "shop", env={**env, "NUTDESK_PASSWORD": "nope"}, check=False)
    assert wrong["error"]["code"] == "invalid-password"

    removed = nutdesk(data, "backends", "remove", "till", env=env)
    assert removed == {"removed": "till"}
    assert [c["name"] for c in nutdesk(data, "backends", "list", env=env)["configured"]] == ["shop"]
    assert json.dumps(listed)  # the listing is plain JSON
