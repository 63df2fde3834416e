"""The catalog without I/O: a basket's lines (quantities, discounts, fiat prices converted), the tax included per
line, the CLI's item spec, and the CSV round trip."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from core.errors import UserFacingError
from core.pos.catalog import Item, parse_item_spec, price_lines, read_items_csv, tax_of, write_items_csv


def test_a_basket_prices_quantities_discounts_and_fiat_items_in_sat_with_the_tax_included() -> None:
    coffee = Item.make("Coffee", "3500", category="Drinks", tax_rate="7")
    cake = Item.make("Cake", "2.50", "EUR", "Food", "19")
    lines = price_lines(
        [(coffee, 2, Decimal(0)), (cake, 1, Decimal(10))],
        lambda eur: int(eur * 1000),  # 1 EUR = 1000 sat
    )
    assert [(line.name, line.quantity, line.amount) for line in lines] == [("Coffee", 2, 7000), ("Cake", 1, 2250)]
    assert lines[0].tax == tax_of(7000, Decimal(7)) == 458  # 7000 × 7 / 107, rounded half up
    assert lines[1].tax == 359  # 2250 × 19 / 119
    assert lines[1].label == "1 × Cake (−10%)"


def test_a_fiat_item_without_a_rate_and_bad_entries_are_refused() -> None:
    cake = Item.make("Cake", "2.50", "EUR")
    with pytest.raises(UserFacingError, match="exchange rate"):
        price_lines([(cake, 1, Decimal(0))], None)
    with pytest.raises(UserFacingError, match="quantity"):
        price_lines([(cake, 0, Decimal(0))], lambda d: 1)
    with pytest.raises(UserFacingError, match="whole number"):
        Item.make("Tea", "1.5")
    with pytest.raises(UserFacingError, match="tax rate"):
        Item.make("Tea", "10", tax_rate="100")


def test_the_cli_item_spec_reads_name_quantity_and_discount() -> None:
    assert parse_item_spec("Coffee") == ("Coffee", 1, Decimal(0))
    assert parse_item_spec("Flat white:3") == ("Flat white", 3, Decimal(0))
    assert parse_item_spec("Cake:2@15%") == ("Cake", 2, Decimal(15))


def test_the_catalog_survives_a_csv_round_trip_and_a_bad_line_names_itself() -> None:
    items = [Item.make("Coffee", "3500", category="Drinks", tax_rate="7", stock="12"), Item.make("Cake", "2.5", "EUR")]
    out = io.StringIO()
    write_items_csv(items, out)
    assert read_items_csv(io.StringIO(out.getvalue())) == items
    with pytest.raises(UserFacingError, match="line 3"):
        read_items_csv(io.StringIO("name,price\nTea,100\nBun,cheap\n"))
