"""Offline acceptance against the real nutshell mint behind a proxy that is stopped to make it unreachable: ecash
locked to the shop's key (asked for by the payment request) taken while the mint is down and redeemed — journaled
— when it is back; unlocked ecash over the per-sale cap and over the per-mint total refused; an offline token the
customer double-spent recorded as a loss, the shop's books still equal to what the mint holds for it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from core.api.pos import FailureReason, PaymentRefused, PosService, SaleState
from core.errors import UserFacingError
from core.protocol import tokens
from core.protocol.payment_requests import decode_payment_request
from core.wallet.send import LockOptions
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.flaky_proxy import FlakyProxy
from tests.peers.nutshell import NutshellMint


@pytest.fixture
async def proxy(nutshell_mint: NutshellMint) -> AsyncIterator[FlakyProxy]:
    flaky = FlakyProxy(nutshell_mint.port)
    await flaky.start()
    yield flaky
    await flaky.stop()


@pytest.mark.parametrize("blind", [True, False], ids=["p2bk-blinded-lock", "plain-lock"])
async def test_locked_ecash_is_taken_while_the_mint_is_unreachable_and_redeemed_when_it_is_back(
    tmp_path: Path, proxy: FlakyProxy, blind: bool
) -> None:
    async with open_wallet(tmp_path / "customer") as customer, open_wallet(tmp_path / "shop") as shop:
        await fund(customer, proxy.url, 1_000)
        await shop.add_mint(proxy.url, trusted=True)
        async with PosService(shop) as pos:
            pos.configure(shop_name="Kiosk", trusted_mints=[proxy.url], offline_locked=True)
            session = await pos.start_checkout(300)
            request = decode_payment_request(session.request)
            assert request.nut10 is not None and (request.nut10.kind, request.nut10.data) == ("P2PK", pos.lock_pubkey())
            lock = LockOptions(pubkey=request.nut10.data, blind=blind)
            token = (await customer.send(300, proxy.url, lock=lock)).token
            await proxy.stop()

            sale = await pos.pay_token(session.sale.id, token)
            assert (sale.state, sale.offline, sale.offline_state) == (SaleState.PAID, "locked", "pending")
            assert ("Accepted offline", "locked to the shop") in pos.receipt(sale.id)
            assert balance(shop, proxy.url) == (0, 0) and pos.zreport().total.amount == 300
            assert await pos.redeem_offline() == []  # still unreachable: it waits

            await proxy.start()
            [done] = await pos.housekeeping()
            assert (done.id, done.offline_state, done.state) == (sale.id, "redeemed", SaleState.PAID)
            assert done.net == 300 - done.fee and balance(shop, proxy.url)[0] == done.net
            op = shop.store.get_operation(done.operation_id or "")
            assert op is not None and (op.kind, op.state, op.data["sale"]) == ("sale", "done", sale.id)


async def test_unlocked_ecash_offline_is_capped_per_sale_and_per_mint(tmp_path: Path, proxy: FlakyProxy) -> None:
    async with open_wallet(tmp_path / "customer") as customer, open_wallet(tmp_path / "shop") as shop:
        await fund(customer, proxy.url, 1_000)
        await shop.add_mint(proxy.url, trusted=True)
        big, fits, more = [(await customer.send(n, proxy.url)).token for n in (200, 100, 80)]
        async with PosService(shop) as pos:
            pos.configure(trusted_mints=[proxy.url], offline_sale_cap=150, offline_mint_cap=150)
            await proxy.stop()
            over = await pos.start_checkout(200)
            with pytest.raises(PaymentRefused) as refused:
                await pos.pay_token(over.sale.id, big)
            assert refused.value.reason is FailureReason.MINT_UNREACHABLE
            assert "not accepted offline: 200 sat is above the offline limit of 150 per sale" in str(refused.value)
            assert pos.sale(over.sale.id).state is SaleState.FAILED

            ok = await pos.pay_token((await pos.start_checkout(100)).sale.id, fits)
            assert (ok.state, ok.offline) == (SaleState.PAID, "unlocked")
            assert ("Accepted offline", "redeemed when the mint is back") in pos.receipt(ok.id)
            with pytest.raises(PaymentRefused, match="already has 100 sat of unredeemed offline ecash"):
                await pos.pay_token((await pos.start_checkout(80)).sale.id, more)


async def test_a_double_spent_offline_token_is_a_loss_and_the_books_stay_equal_to_the_mint(
    tmp_path: Path, proxy: FlakyProxy, nutshell_mint: NutshellMint
) -> None:
    async with (
        open_wallet(tmp_path / "customer") as customer,
        open_wallet(tmp_path / "shop") as shop,
        open_wallet(tmp_path / "elsewhere") as elsewhere,
    ):
        await fund(customer, proxy.url, 500)
        await shop.add_mint(proxy.url, trusted=True)
        token = (await customer.send(60, proxy.url)).token
        async with PosService(shop) as pos:
            pos.configure(trusted_mints=[proxy.url], offline_sale_cap=100)
            await proxy.stop()
            sale = await pos.pay_token((await pos.start_checkout(60)).sale.id, token)
            assert (sale.state, sale.offline_state) == (SaleState.PAID, "pending")
            # Meanwhile the customer spends the same ecash elsewhere (the mint itself, by its direct address).
            direct = replace(tokens.decode_token(token), mint=nutshell_mint.url)
            await elsewhere.receive(direct.encode_v4(), trust=True)

            await proxy.start()
            [lost] = await pos.redeem_offline()
            assert (lost.offline_state, lost.loss, lost.state) == ("lost", 60, SaleState.PAID)
            assert "already spent" in lost.failure_detail and ("Loss", "60 sat (the ecash was already spent)") in (
                pos.receipt(lost.id)
            )
            total = pos.zreport().total
            assert (total.amount, total.losses, total.net) == (60, 60, 0)
            assert [(lo["receipt"], lo["loss"]) for lo in pos.sales_stats()["losses"]] == [(lost.receipt_id, 60)]
            assert await pos.redeem_offline() == []  # recorded once
            with pytest.raises(UserFacingError, match="cannot be refunded: its ecash was already spent"):
                await pos.refund(lost.id)
        # The shop's books hold nothing from it, as the mint says: no proofs, no finished receive
        assert balance(shop, proxy.url) == (0, 0)
        # (the attempt while the mint was down, and the one the mint answered "spent")
        assert {op.state for op in shop.store.operations(kinds=("sale",))} == {"failed"}
