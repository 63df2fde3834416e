"""The point of sale against real nutshell mints: a trusted swap with a tip, overpayment, refusals before
anything is redeemed (underpaid, untrusted mint, the same ecash twice), a spent token, a refund in ecash, the
Z-report, and a sale killed between "received" and "paid" that recovery settles, counted once."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.api.pos import FailureReason, PaymentRefused, PosService, SaleState
from core.api.recovery import RecoveryService
from core.api.service import WalletService
from core.errors import ProofsAlreadySpent
from tests.integration.wallet_helpers import balance, fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint


@pytest.fixture
async def customer(
    tmp_path: Path, nutshell_mint: NutshellMint, second_mint: NutshellMint
) -> AsyncIterator[WalletService]:
    async with open_wallet(tmp_path / "customer") as wallet:
        await fund(wallet, nutshell_mint.url, 1000)
        await fund(wallet, second_mint.url, 300)
        yield wallet


@pytest.fixture
async def till(tmp_path: Path, nutshell_mint: NutshellMint) -> AsyncIterator[PosService]:
    async with open_wallet(tmp_path / "shop") as wallet:
        await wallet.add_mint(nutshell_mint.url, trusted=True)
        async with PosService(wallet) as pos:
            pos.configure(shop_name="Corner Café", trusted_mints=[nutshell_mint.url])
            yield pos


def crash(data_dir: Path, failpoint: str, *args: str) -> None:
    """Run ``nutdesk ARGS`` with a failpoint and check that it really died there."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--json", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NUTDESK_FAILPOINT": failpoint},
        timeout=120,
    )
    assert result.returncode == -9, f"expected SIGKILL at {failpoint}, got {result.returncode}: {result.stderr}"


async def token(wallet: WalletService, mint: str, amount: int) -> str:
    return (await wallet.send(amount, mint, memo="for the shop")).token


async def test_trusted_swap_with_a_tip_is_paid_and_journaled_as_a_sale(
    till: PosService, customer: WalletService, nutshell_mint: NutshellMint
) -> None:
    session = await till.start_checkout(100, tip=10, memo="2 coffees", cashier="ann")
    assert session.sale.amount == 110 and session.state is SaleState.WAITING
    assert session.request.startswith("creqA")
    seen: list[SaleState] = []
    session.watch(lambda sale: seen.append(sale.state))

    sale = await till.pay_token(session.sale.id, await token(customer, nutshell_mint.url, 110))

    assert sale.state is SaleState.PAID and sale.settlement == "swap"
    assert list(dict.fromkeys(seen)) == [SaleState.RECEIVED, SaleState.SETTLING, SaleState.PAID]
    assert (sale.received, sale.change) == (110, 0)
    assert sale.net == 110 - sale.fee and 0 < sale.fee <= 2  # the mint's input fee (100 ppk per proof)
    assert balance(till.wallet, nutshell_mint.url) == (sale.net, 0)
    op = till.wallet.store.get_operation(sale.operation_id or "")
    assert op is not None and (op.kind, op.state, op.amount) == ("sale", "done", sale.net)
    assert (op.data["sale"], op.data["tip"]) == (sale.id, 10)
    labels = dict(till.receipt(sale.id))
    assert labels["Shop"] == "Corner Café" and labels["Items"] == "2 coffees" and labels["Tip"] == "10 sat"
    assert labels["Receipt"] == sale.receipt_id and labels["Mint"] == nutshell_mint.url


async def test_overpayment_is_accepted_and_the_difference_shown(
    till: PosService, customer: WalletService, nutshell_mint: NutshellMint
) -> None:
    session = await till.start_checkout(100)
    sale = await till.pay_token(session.sale.id, await token(customer, nutshell_mint.url, 130))
    assert sale.state is SaleState.PAID and (sale.received, sale.change) == (130, 30)
    assert dict(till.receipt(sale.id))["Overpaid"] == "30 sat"


async def test_underpayment_is_refused_before_anything_is_redeemed(
    till: PosService, customer: WalletService, nutshell_mint: NutshellMint
) -> None:
    short = await token(customer, nutshell_mint.url, 60)
    session = await till.start_checkout(100)
    with pytest.raises(PaymentRefused) as refused:
        await till.pay_token(session.sale.id, short)
    assert refused.value.reason is FailureReason.UNDERPAID and "40 sat missing" in str(refused.value)
    sale = till.sale(session.sale.id)
    assert sale.state is SaleState.FAILED and sale.failure_reason == "underpaid"
    assert balance(till.wallet, nutshell_mint.url) == (0, 0)
    # Nothing was redeemed: the same token still pays a sale it covers.
    small = await till.start_checkout(60)
    assert (await till.pay_token(small.sale.id, short)).state is SaleState.PAID
    # And the refused sale takes a full payment afterwards (failed → waiting → paid).
    paid = await till.pay_token(session.sale.id, await token(customer, nutshell_mint.url, 100))
    assert paid.state is SaleState.PAID and paid.failure_reason == ""
    # The refused token still counts in the shift's failed attempts, though the sale was paid afterwards.
    report = till.zreport()
    assert report.failed == 1 and report.total.count == 2


async def test_an_untrusted_mint_is_refused_in_trusted_only_mode(
    till: PosService, customer: WalletService, second_mint: NutshellMint
) -> None:
    session = await till.start_checkout(50)
    with pytest.raises(PaymentRefused) as refused:
        await till.pay_token(session.sale.id, await token(customer, second_mint.url, 50))
    assert refused.value.reason is FailureReason.UNTRUSTED_MINT
    assert "does not accept that mint" in refused.value.advice
    assert till.wallet.store.get_mint(second_mint.url) is None  # the mint was not even contacted


async def test_the_same_ecash_can_never_pay_twice(
    till: PosService, customer: WalletService, nutshell_mint: NutshellMint
) -> None:
    text = await token(customer, nutshell_mint.url, 50)
    first = await till.start_checkout(50)
    assert (await till.pay_token(first.sale.id, text)).state is SaleState.PAID
    second = await till.start_checkout(50)
    with pytest.raises(PaymentRefused) as refused:
        await till.pay_token(second.sale.id, text)
    assert refused.value.reason is FailureReason.ALREADY_USED and first.sale.id in str(refused.value)
    assert len(till.wallet.store.operations(kinds=("sale",), states=("done",))) == 1


async def test_a_spent_token_fails_with_what_to_do(
    till: PosService, customer: WalletService, nutshell_mint: NutshellMint
) -> None:
    text = await token(customer, nutshell_mint.url, 40)
    await customer.reclaim(text)  # the customer spends it elsewhere first
    session = await till.start_checkout(40)
    with pytest.raises(PaymentRefused) as refused:
        await till.pay_token(session.sale.id, text)
    assert refused.value.reason is FailureReason.SPENT
    sale = till.sale(session.sale.id)
    assert sale.state is SaleState.FAILED and "already spent" in sale.advice
    assert balance(till.wallet, nutshell_mint.url) == (0, 0)
    assert till.cancel(sale.id).state is SaleState.CANCELLED


async def test_refund_in_ecash_is_linked_to_the_sale_and_in_the_zreport(
    till: PosService, customer: WalletService, nutshell_mint: NutshellMint
) -> None:
    session = await till.start_checkout(200, tip=20, cashier="ann")
    sale = await till.pay_token(session.sale.id, await token(customer, nutshell_mint.url, 220))
    refund = await till.refund(sale.id, 50)
    assert refund.sale_id == sale.id and refund.amount == 50
    received = await customer.receive(refund.token)
    assert received.amount == 50 - received.fee
    assert till.sale(sale.id).refunded == 50
    assert "Refunded" in dict(till.receipt(sale.id))
    with pytest.raises(Exception, match="refund between 1 and 170"):
        await till.refund(sale.id, 171)
    with pytest.raises(ProofsAlreadySpent):
        await customer.receive(refund.token)

    report = till.close_shift()
    assert report.total.count == 1 and report.total.amount == 220 and report.total.tips == 20
    assert report.total.refunds == 50 and report.total.refund_count == 1
    assert report.by_settlement["swap"].count == 1 and report.by_cashier["ann"].fees == sale.fee
    assert report.by_settlement["swap"].refunds == 50, "a refund counts against the kind of the sale it refunds"
    assert report.total.net == 220 - sale.fee - 50 and report.to_json()["total"]["net"] == report.total.net
    out = io.StringIO()
    till.write_zreport_csv(report, out)
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("group,name,count,amount,tips,fees")
    assert f"total,,1,220,20,{sale.fee},0,0,50,1,{220 - sale.fee - 50}" in lines
    assert any(line.startswith(sale.receipt_id) for line in lines)
    # A new shift starts empty.
    assert till.zreport().total.count == 0


@pytest.mark.parametrize("step", ["sale:after_received", "sale:after_sent", "sale:after_response"])
async def test_a_sale_killed_between_received_and_paid_is_settled_after_restart_once(
    tmp_path: Path, customer: WalletService, nutshell_mint: NutshellMint, step: str
) -> None:
    shop = tmp_path / "shop"
    async with open_wallet(shop) as wallet:
        await wallet.add_mint(nutshell_mint.url, trusted=True)
    text = await token(customer, nutshell_mint.url, 100)
    crash(shop, step, "pos", "charge", "100", "--token", text)
    async with open_wallet(shop) as wallet, PosService(wallet) as pos:
        [sale] = pos.sales()
        expected = SaleState.RECEIVED if step == "sale:after_received" else SaleState.SETTLING
        assert sale.state is expected  # not paid, not failed: the outcome is being settled
        assert pos.zreport().total.count == 0
    # Restart: the CLI resumes the journal at start-up, then `pos sales` settles the sale.
    listed = nutdesk(shop, "pos", "sales")["sales"]
    assert [(s["state"], s["amount"]) for s in listed] == [("paid", 100)]
    again = nutdesk(shop, "pos", "settle")
    assert again["settled"] == []
    async with open_wallet(shop) as wallet, PosService(wallet) as pos:
        [sale] = pos.sales()
        assert sale.state is SaleState.PAID and sale.net == 100 - sale.fee
        assert balance(wallet, nutshell_mint.url) == (sale.net, 0)  # counted once
        done = wallet.store.operations(kinds=("sale",), states=("done",))
        assert [op.id for op in done] == [sale.operation_id]
        assert pos.zreport().total.count == 1


async def test_a_sale_linked_while_its_receive_was_unfinished_gets_its_amount_once_the_receive_is_done(
    tmp_path: Path, customer: WalletService, nutshell_mint: NutshellMint
) -> None:
    # A till pass that finds the journal entry unfinished links it to the sale; recovery (another pass, another
    # process) finishes the receive; the next till pass must still record what was received.
    shop = tmp_path / "shop"
    async with open_wallet(shop) as wallet:
        await wallet.add_mint(nutshell_mint.url, trusted=True)
    text = await token(customer, nutshell_mint.url, 100)
    crash(shop, "sale:after_sent", "pos", "charge", "100", "--token", text)
    async with open_wallet(shop) as wallet, PosService(wallet) as pos:
        await pos.settle_pending(resume=False)  # the entry is still "sent": linked, nothing recorded
        [linked] = pos.sales()
        assert linked.state is SaleState.SETTLING and linked.operation_id and linked.net == 0
        await RecoveryService(wallet).recover()  # the receive is finished outside the till
        await pos.settle_pending(resume=False)
        [sale] = pos.sales()
        assert sale.state is SaleState.PAID and sale.net == 100 - sale.fee > 0
        assert balance(wallet, nutshell_mint.url) == (sale.net, 0)
        assert pos.zreport().total.amount == 100


async def test_the_cashier_lock_holds_across_cli_commands_until_the_pin(
    tmp_path: Path, customer: WalletService, nutshell_mint: NutshellMint
) -> None:
    shop = tmp_path / "shop"
    async with open_wallet(shop) as wallet:
        await wallet.add_mint(nutshell_mint.url, trusted=True)
    policy = nutdesk(shop, "pos", "policy", "--set-pin", "--locked-max-charge", "150", input="2468\n")
    assert policy["pin_hash"] == "***" and policy["locked_max_charge"] == 150
    assert nutdesk(shop, "pos", "lock", "--cashier", "ann") == {"cashier": "ann", "locked": True}

    # Another process (a restart) is still locked: limits apply, settings are refused.
    refused = nutdesk(shop, "pos", "charge", "200", check=False)
    assert refused["error"]["message"] == "a locked till charges at most 150 sat"
    changed = nutdesk(shop, "pos", "policy", "--fee-advance", "5", check=False)
    assert "the till is locked" in changed["error"]["message"]
    sale = nutdesk(shop, "pos", "charge", "100", "--token", await token(customer, nutshell_mint.url, 100))["sale"]
    assert (sale["state"], sale["cashier"]) == ("paid", "ann")

    wrong = nutdesk(shop, "pos", "unlock", env={"NUTDESK_POS_PIN": "1111"}, check=False)
    assert wrong["error"]["message"] == "wrong PIN"
    assert nutdesk(shop, "pos", "unlock", input="2468\n") == {"locked": False}
    assert nutdesk(shop, "pos", "policy", "--fee-advance", "5")["fee_advance"] == 5


def test_webhooks_from_the_cli_a_made_secret_shown_once_and_removal(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    nutdesk(shop, "init")
    added = nutdesk(shop, "pos", "policy", "--webhook", "https://shop.example/hook", "--webhook", "http://b.example=s1")
    made = {w["url"]: w["secret"] for w in added["new_webhooks"]}
    assert len(made["https://shop.example/hook"]) == 64 and made["http://b.example"] == "s1"
    assert added["webhooks"] == [
        {"url": "https://shop.example/hook", "secret": "***"},
        {"url": "http://b.example", "secret": "***"},
    ]
    bad = nutdesk(shop, "pos", "policy", "--webhook", "mailto:shop@example.com", check=False)
    assert "http:// or https://" in bad["error"]["message"]
    left = nutdesk(shop, "pos", "policy", "--no-webhook", "http://b.example")
    assert [w["url"] for w in left["webhooks"]] == ["https://shop.example/hook"] and "new_webhooks" not in left


def test_settle_and_webhooks_say_so_when_there_is_nothing(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    nutdesk(shop, "init")

    def said(*args: str) -> str:
        command = [sys.executable, "-m", "desktop", "--data-dir", str(shop), *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
        return result.stdout.strip()

    assert said("pos", "settle") == "Nothing to settle: no sale or refund was left unfinished."
    assert said("pos", "webhooks") == "No webhooks configured: add one with 'pos policy --webhook URL'."
    nutdesk(shop, "pos", "policy", "--webhook", "https://shop.example/hook")
    assert said("pos", "webhooks").startswith("No webhook deliveries yet (1 webhook configured)")
    assert nutdesk(shop, "pos", "settle") == {"settled": []}


async def test_cashiers_sign_in_with_their_own_pin_and_the_zreport_counts_each(
    tmp_path: Path, customer: WalletService, nutshell_mint: NutshellMint
) -> None:
    shop = tmp_path / "shop"
    async with open_wallet(shop) as wallet:
        await wallet.add_mint(nutshell_mint.url, trusted=True)
    nutdesk(shop, "pos", "cashier", "add", "ann", input="1111\n")
    assert nutdesk(shop, "pos", "cashier", "add", "bob", input="2222\n")["cashiers"] == ["ann", "bob"]
    assert nutdesk(shop, "pos", "policy")["cashiers"] == ["ann", "bob"]  # names only: the PINs stay hidden

    wrong = nutdesk(shop, "pos", "sign-in", "ann", input="2222\n", check=False)
    assert wrong["error"]["message"] == "wrong cashier or PIN"
    named = nutdesk(shop, "pos", "charge", "10", "--cashier", "ann", check=False)
    assert "'ann' has not signed in" in named["error"]["message"]

    assert nutdesk(shop, "pos", "sign-in", "ann", input="1111\n") == {"signed_in": "ann", "till": ""}
    for amount in (100, 50):
        sale = nutdesk(shop, "pos", "charge", str(amount), "--token", await token(customer, nutshell_mint.url, amount))
        assert sale["sale"]["cashier"] == "ann"
    nutdesk(shop, "pos", "sign-in", "bob", env={"NUTDESK_POS_PIN": "2222"})
    sale = nutdesk(shop, "pos", "charge", "70", "--token", await token(customer, nutshell_mint.url, 70))
    assert sale["sale"]["cashier"] == "bob"

    report = nutdesk(shop, "pos", "zreport")
    by_cashier = {name: (t["count"], t["amount"]) for name, t in report["by_cashier"].items()}
    assert by_cashier == {"ann": (2, 150), "bob": (1, 70)}
    assert nutdesk(shop, "pos", "sign-out") == {"signed_in": "", "till": ""}
    assert nutdesk(shop, "pos", "cashier", "remove", "bob")["cashiers"] == ["ann"]
