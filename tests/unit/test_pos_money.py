"""Prices and rates at the till are Decimal: a rate or unit price is rounded once to the digits a sale keeps and reads
back from its column digit for digit; fee caps compare exactly."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

from core.api.analytics import AnalyticsService
from core.api.service import WalletService
from core.config import Config
from core.pos.policy import PosPolicy
from core.pos.pricing import from_column, price_from_rate, recordable


@pytest.mark.parametrize(
    "rate", ["97123.45", "64250.10", "0.000012345678901", "97123.4685555556", "123456789012345", "1E+9"]
)
def test_a_rate_of_up_to_15_digits_reads_back_digit_for_digit(rate: str) -> None:
    value = Decimal(rate)
    assert recordable(value) == value
    stored = from_column(float(recordable(value)))  # what the REAL column holds, read back
    assert isinstance(stored, Decimal) and stored == value
    print(f"{rate} -> {stored}")


def test_a_longer_rate_is_rounded_once_before_the_till_uses_it() -> None:
    rate = Decimal("97123.468555555551")
    kept = recordable(rate)
    assert kept == Decimal("97123.4685555556")
    assert from_column(float(kept)) == kept and from_column(None) is None


def test_a_unit_price_is_rounded_down_for_the_shop_and_kept_exactly() -> None:
    price = price_from_rate("usd", Decimal("107914.9650617"))
    exact = Decimal(100_000_000) / (Decimal("107914.9650617") * 100)
    assert price.sat_per_unit <= exact and len(price.sat_per_unit.as_tuple().digits) <= 15
    assert from_column(float(price.sat_per_unit)) == price.sat_per_unit


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
        rounded = service.store.create_operation(
            kind="restore", mint_url="http://127.0.0.1:1", unit="sat", state="done"
        )
        service.record_rates_from(lambda: (Decimal("64250.10"), "EUR"))
        kept = service.store.create_operation(**done)
        service.record_rates_from(None)
        bare = service.store.create_operation(**done)
        analytics = AnalyticsService(service)
        out = io.StringIO()
        analytics.export_history_csv(analytics.parse_period("all"), out, all_states=True)
        rates = {row["id"]: row["fiat_rate"] for row in csv.DictReader(io.StringIO(out.getvalue()))}
        assert (rates[rounded], rates[kept], rates[bare]) == ("97123.4685555556", "64250.1", "")
    finally:
        await service.close()
