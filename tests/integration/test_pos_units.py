"""Dollar ecash for a sat sale, against a real nutshell mint with a usd keyset: priced by the customer's mint (its
NUT-04 quote for $1.00 — nutshell's FakeWallet sells a dollar for 1,337 sat) or by the shop's rate source (a local
fake of Coinbase's API), an underpayment in dollars refused before anything is redeemed, the unit refused
when the shop turns pricing off, and dollar ecash from a mint the shop does not trust melted to the shop's
Lightning in sat. (The forward goes to the Fake backend: a FakeWallet mint pays no real invoice, and nutshell's
LNbits backend, used for the real forwarding tests, has no usd unit.)"""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator, Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from backends.fake import network
from backends.registry import BackendRegistry
from core.api.backends import BackendsService
from core.api.payments import RatesService
from core.api.pos import FailureReason, PaymentRefused, PosService, SaleState
from core.api.service import WalletService
from core.payments.invoices import decode_invoice
from core.payments.rates import Coinbase
from core.pos.pricing import price_from_rate
from tests.fakes.rate_servers import FakeRateServer
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint

SALE = 2_000  # sat
MINT_DUE = 150  # cents: 2,000 / 13.37 sat per cent = 149.6, rounded up


@pytest.fixture
async def customer(tmp_path: Path, usd_mint: NutshellMint) -> AsyncIterator[WalletService]:
    async with open_wallet(tmp_path / "customer") as wallet:
        await fund(wallet, usd_mint.url, 1_000, "usd")
        yield wallet


@pytest.fixture
def coinbase() -> Iterator[FakeRateServer]:
    with FakeRateServer("Coinbase", Decimal("100000")) as server:  # 1 cent = 10 sat
        yield server


@pytest.fixture
async def till(tmp_path: Path, usd_mint: NutshellMint, coinbase: FakeRateServer) -> AsyncIterator[PosService]:
    async with open_wallet(tmp_path / "shop") as wallet:
        await wallet.add_mint(usd_mint.url, trusted=True)
        rates = RatesService(sources=[Coinbase(coinbase.base_url)], currency="EUR")
        async with PosService(wallet, rates=rates) as pos:
            pos.configure(shop_name="Corner Café", trusted_mints=[usd_mint.url])
            yield pos
        await rates.close()


async def dollars(wallet: WalletService, mint: str, cents: int) -> str:
    return (await wallet.send(cents, mint, "usd")).token


async def test_dollar_ecash_pays_a_sat_sale_at_the_mints_price(
    till: PosService, customer: WalletService, usd_mint: NutshellMint
) -> None:
    session = await till.start_checkout(SALE, memo="lunch")
    sale = await till.pay_token(session.sale.id, await dollars(customer, usd_mint.url, MINT_DUE + 10))

    assert (sale.state, sale.settlement) == (SaleState.PAID, "swap")
    assert (sale.unit, sale.amount) == ("sat", SALE)
    assert (sale.paid_unit, sale.price_source, sale.received, sale.change) == ("usd", "mint", 160, 10)
    assert sale.unit_price == Decimal("13.37")
    # The shop holds the dollars it was paid (less the mint's input fee), and no sat.
    assert balance(till.wallet, usd_mint.url, "usd") == (sale.net, 0)
    assert sale.net == 160 - sale.fee and 0 < sale.fee <= 1
    assert balance(till.wallet, usd_mint.url) == (0, 0)
    # The overpaid 10 cents can be given back in sat at the same price: 133 sat.
    assert sale.refundable == SALE + 133
    receipt = dict(till.receipt(sale.id))
    assert receipt["Paid with"] == "$1.60 ecash at 1 USD = 1,337 sat (the mint's price)"
    assert receipt["Overpaid"] == "$0.10" and receipt["Total"] == "2,000 sat"

    report = till.zreport()
    assert (report.total.count, report.total.amount) == (1, SALE)
    assert report.total.fees == int(sale.fee * 13.37) and report.total.change == 133
    out = io.StringIO()
    till.write_zreport_csv(report, out)
    row = out.getvalue().splitlines()[-1].split(",")
    assert row[-3:] == ["160", "usd", "13.37"]


async def test_dollar_underpayment_is_refused_before_anything_is_redeemed(
    till: PosService, customer: WalletService, usd_mint: NutshellMint
) -> None:
    session = await till.start_checkout(SALE)
    token = await dollars(customer, usd_mint.url, MINT_DUE - 10)

    with pytest.raises(PaymentRefused) as refused:
        await till.pay_token(session.sale.id, token)

    assert refused.value.reason is FailureReason.UNDERPAID
    assert str(refused.value) == (
        "the token is worth $1.40; $1.50 (2,000 sat at 1 USD = 1,337 sat (the mint's price)) is due ($0.10 missing)"
    )
    assert till.sale(session.sale.id).state is SaleState.FAILED
    assert balance(till.wallet, usd_mint.url, "usd") == (0, 0)
    assert (await customer.receive(token)).amount > 0, "nothing was redeemed: the customer still owns the ecash"


async def test_the_rate_source_prices_dollar_ecash_when_the_shop_says_so(
    till: PosService, customer: WalletService, usd_mint: NutshellMint
) -> None:
    till.configure(unit_pricing="rates")
    session = await till.start_checkout(SALE)
    with pytest.raises(PaymentRefused) as refused:  # at 10 sat a cent the mint's $1.50 is not enough
        await till.pay_token(session.sale.id, await dollars(customer, usd_mint.url, MINT_DUE))
    assert "$2.00 (2,000 sat at 1 USD = 1,000 sat (exchange rate)) is due" in str(refused.value)

    sale = await till.pay_token(session.sale.id, await dollars(customer, usd_mint.url, 200))
    assert (sale.state, sale.price_source, sale.change) == (SaleState.PAID, "rates", 0)
    assert sale.unit_price == Decimal(10)


async def test_dollar_ecash_is_the_wrong_unit_when_pricing_is_off(
    till: PosService, customer: WalletService, usd_mint: NutshellMint
) -> None:
    till.configure(unit_pricing="off")
    session = await till.start_checkout(SALE)
    with pytest.raises(PaymentRefused) as refused:
        await till.pay_token(session.sale.id, await dollars(customer, usd_mint.url, 300))
    assert refused.value.reason is FailureReason.WRONG_UNIT
    assert till.sale(session.sale.id).failure_reason == "wrong-unit"
    with pytest.raises(Exception, match="unknown unit pricing 'oracle'"):
        till.configure(unit_pricing="oracle")


async def test_untrusted_dollar_ecash_is_forwarded_to_the_shops_lightning_in_sat(
    tmp_path: Path, customer: WalletService, usd_mint: NutshellMint
) -> None:
    registry = BackendRegistry().discover(plugin_dirs=[], entry_points=False)
    async with open_wallet(tmp_path / "shop") as wallet:
        backends = BackendsService(wallet, registry)
        backends.add("till", "fake", {"network": "pos-units", "account": "merchant"})
        try:
            async with PosService(wallet, backends=backends) as pos:
                pos.configure(mode="hold_when_trusted", trusted_mints=[], backend="till")
                session = await pos.start_checkout(SALE)
                sale = await pos.pay_token(session.sale.id, await dollars(customer, usd_mint.url, MINT_DUE))
                assert (sale.state, sale.settlement, sale.paid_unit) == (SaleState.PAID, "melt", "usd")
                melt = wallet.store.get_operation(sale.forward_operation_id or "")
                assert melt is not None and (melt.kind, melt.state, melt.unit) == ("melt", "done", "usd")
                # The shop's invoice was in sat, worth (at the mint's price) what the dollars paid after fees.
                invoice = decode_invoice(melt.data["request"]).amount_sat
                assert invoice is not None and 0.95 * SALE < invoice <= melt.amount * 13.37
                assert melt.amount + melt.fee <= sale.received - 1  # the redeem's input fee came first
                assert sale.fee == sale.received - sale.net and sale.net >= melt.amount
                paid_to_shop = [i for i in network("pos-units").invoices.values() if i.amount_msat == invoice * 1000]
                assert len(paid_to_shop) == 1
        finally:
            await backends.aclose()


async def test_a_recorded_rate_and_price_keep_their_exact_decimal_digits(
    till: PosService, customer: WalletService, usd_mint: NutshellMint, coinbase: FakeRateServer
) -> None:
    # USD per BTC, 24 significant digits (a double keeps 15); the fake serves EUR at 0.9 of it.
    coinbase.price = Decimal("101371.248396568902839531")
    eur = Decimal("91234.1235569120125555779")
    till.configure(unit_pricing="rates")
    assert await till.rates.refresh() is not None
    session = await till.start_checkout(SALE)
    assert isinstance(session.sale.fiat_rate, Decimal) and str(session.sale.fiat_rate) == str(eur)
    assert session.sale.fiat_amount == (SALE * eur / 100_000_000).quantize(Decimal("0.01"))

    sale = await till.pay_token(session.sale.id, await dollars(customer, usd_mint.url, 250))
    assert sale.state is SaleState.PAID and sale.price_source == "rates"
    # Read back from the database: the rate and the dollar price the till charged with, digit for digit.
    assert isinstance(sale.fiat_rate, Decimal) and str(sale.fiat_rate) == str(eur)
    charged = price_from_rate("usd", coinbase.price)
    assert isinstance(sale.unit_price, Decimal) and sale.unit_price == charged.sat_per_unit
    assert sale.received - sale.change == charged.due(SALE)
    # The rate recorded with the sale's journal entry (what analytics values it at) keeps the digits too.
    out = io.StringIO()
    till.analytics.export_history_csv(till.analytics.parse_period("all"), out, all_states=True)
    (row,) = [r for r in csv.DictReader(io.StringIO(out.getvalue())) if r["id"] == sale.operation_id]
    assert row["fiat_rate"] == str(eur)
    print(f"\nrate {eur} EUR/BTC recorded as {sale.fiat_rate} and {row['fiat_rate']}; price {sale.unit_price} sat/cent")
