"""Prices and rates at the till are Decimal: a rate is kept as its source gave it, a unit price rounded down for the
shop in its last digit, and both read back from their columns digit for digit; fee caps compare exactly."""

from __future__ import annotations

import csv
import io
from decimal import Decimal, localcontext
from pathlib import Path

import pytest

from core.api.analytics import AnalyticsService
from core.api.service import WalletService
from core.config import Config
from core.pos.policy import PosPolicy
from core.pos.pricing import price_from_rate


@pytest.mark.parametrize(
    "rate", ["97123.45", "64250.10", "0.000012345678901", "107914.9650617", "91234.123456789012345678", "1E+9"]
)
def test_a_unit_price_is_rounded_down_for_the_shop_in_its_last_digit_only(rate: str) -> None:
    """No rounding to the 15 digits a double keeps (the column is exact: ``core.storage.exact``): the price is the
    exact quotient rounded down in its 28th significant digit, so the customer never owes less."""
    price = price_from_rate("usd", Decimal(rate)).sat_per_unit
    cents_per_btc = Decimal(rate) * 100
    last_digit = Decimal(1).scaleb(price.adjusted() - 27)
    with localcontext() as ctx:
        ctx.prec = 80  # exact products
        assert price * cents_per_btc <= 100_000_000 < (price + last_digit) * cents_per_btc
    print(f"{rate} USD/BTC -> {price} sat/cent")


def test_fee_caps_compare_exactly() -> None:
    policy = PosPolicy(max_input_fee_pct=0.57, max_lightning_fee_pct=0.57)
    # 57 sat is exactly 0.57 % of 10,000 sat: with floats 0.57 * 10,000 is 5,699.999…, and the fee was refused.
    assert policy.input_fee_ok(57, 10_000) and policy.lightning_fee_ok(57, 10_000)
    assert not policy.input_fee_ok(58, 10_000) and not policy.lightning_fee_ok(58, 10_000)


async def test_the_rate_recorded_on_every_operation_keeps_its_digits(tmp_path: Path) -> None:
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    done = {"kind": "restore", "mint_url": "http://127.0.0.1:1", "unit": "sat", "state": "done"}
    try:
        service.create_wallet()
        service.record_rates_from(lambda: (Decimal("97123.468555555551"), "EUR"))
        longer = service.store.create_operation(kind="restore", mint_url="http://127.0.0.1:1", unit="sat", state="done")
        service.record_rates_from(lambda: (Decimal("64250.10"), "EUR"))
        kept = service.store.create_operation(**done)
        service.record_rates_from(None)
        bare = service.store.create_operation(**done)
        analytics = AnalyticsService(service)
        out = io.StringIO()
        analytics.export_history_csv(analytics.parse_period("all"), out, all_states=True)
        rates = {row["id"]: row["fiat_rate"] for row in csv.DictReader(io.StringIO(out.getvalue()))}
        assert (rates[longer], rates[kept], rates[bare]) == ("97123.468555555551", "64250.10", "")
    finally:
        await service.close()
