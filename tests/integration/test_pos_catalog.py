"""The catalog against the real nutshell mint, through the CLI: items imported from CSV, a basket with quantities,
a discount and a custom amount charged and paid with ecash, the lines on the receipt, the stock counted out, and
the Z-report's tax per rate and best sellers; CSV export."""

from __future__ import annotations

from pathlib import Path

from core.api.pos import PosService
from tests.integration.wallet_helpers import fund, nutdesk, open_wallet
from tests.peers.nutshell import NutshellMint

CATALOG = """name,price,currency,category,tax_rate,stock
Coffee,3000,sat,Drinks,7,10
Cake,2000,sat,Food,19,
"""


async def test_a_basket_of_catalog_items_is_charged_paid_receipted_and_counted(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    shop = tmp_path / "shop"
    async with open_wallet(shop) as wallet:
        await wallet.add_mint(nutshell_mint.url, trusted=True)
    nutdesk(shop, "pos", "policy", "--shop-name", "Corner Café", "--trust", nutshell_mint.url)
    csv_file = tmp_path / "items.csv"
    csv_file.write_text(CATALOG)
    assert len(nutdesk(shop, "pos", "item", "import", str(csv_file))["imported"]) == 2
    nutdesk(shop, "pos", "item", "add", "Tea", "1500", "--category", "Drinks", "--tax-rate", "7")

    async with open_wallet(tmp_path / "customer") as customer:
        await fund(customer, nutshell_mint.url, 10_000)
        token = (await customer.send(9_300, nutshell_mint.url)).token
    # 2 coffees (6000) + a cake at 10 % off (1800) + tea (1500) — the lines add up to the price.
    sale = nutdesk(
        shop, "pos", "charge", "--item", "Coffee:2", "--item", "Cake@10%", "--item", "tea", "--token", token
    )["sale"]
    assert (sale["state"], sale["base_amount"], sale["amount"]) == ("paid", 9_300, 9_300)
    assert sale["memo"] == "2 × Coffee, 1 × Cake (−10%), 1 × Tea"

    listed = {i["name"]: i for i in nutdesk(shop, "pos", "item", "list")["items"]}
    assert listed["Coffee"]["stock"] == 8 and listed["Cake"]["stock"] is None  # counted out once paid
    report = nutdesk(shop, "pos", "zreport")
    # Tax included per rate: 7 % on 6000 + 1500, 19 % on 1800.
    assert report["taxes"] == {"7": {"amount": 7_500, "tax": 491}, "19": {"amount": 1_800, "tax": 287}}
    assert [i["name"] for i in report["items"]] == ["Coffee", "Cake", "Tea"]  # best sellers first
    assert report["categories"] == {"Drinks": 7_500, "Food": 1_800}

    async with open_wallet(shop) as wallet, PosService(wallet) as pos:
        rows = pos.receipt(sale["receipt"])
    assert ("2 × Coffee", "6,000 sat") in rows and ("1 × Cake (−10%)", "1,800 sat") in rows
    assert ("incl. tax 19%", "287 sat") in rows
    refused = nutdesk(shop, "pos", "charge", "--item", "Coffee:9", check=False)
    assert refused["error"]["message"] == "only 8 × Coffee in stock"
    stats = nutdesk(shop, "pos", "item", "stats", "--days", "1")
    assert [(i["name"], i["quantity"]) for i in stats["items"]] == [("Coffee", 2), ("Cake", 1), ("Tea", 1)]
    assert stats["categories"] == [{"category": "Drinks", "amount": 7_500}, {"category": "Food", "amount": 1_800}]
    exported = tmp_path / "out.csv"
    nutdesk(shop, "pos", "item", "export", str(exported))
    assert exported.read_text().splitlines()[0] == "name,price,currency,category,tax_rate,stock"
    offline = nutdesk(
        shop, "pos", "policy", "--offline-locked", "--offline-sale-cap", "100", "--offline-mint-cap", "500"
    )
    assert (offline["offline_locked"], offline["offline_sale_cap"], offline["offline_mint_cap"]) == (True, 100, 500)
    nutdesk(shop, "pos", "item", "remove", "Tea")
    assert [i["name"] for i in nutdesk(shop, "pos", "item", "list")["items"]] == ["Coffee", "Cake"]
