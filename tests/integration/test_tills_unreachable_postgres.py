"""When the shop's PostgreSQL server stops, a till says so (a typed error, a plain message) and takes no payment it
cannot record: the customer's ecash stays theirs at the mint; when the server is back the same sale is paid."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.api.messages import explain
from core.api.pos import PosService, SaleState
from core.api.service import WalletService
from core.config import Config
from core.errors import DatabaseUnreachable
from tests.integration.test_tills_postgres import till_cli
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint
from tests.peers.postgres import PostgresServer, running_postgres


@pytest.fixture
def own_postgres() -> Iterator[PostgresServer]:
    """A server of this test's own: it is stopped in the middle (the session's server serves other tests)."""
    with running_postgres() as server:
        yield server


async def test_a_till_whose_database_stopped_says_so_and_takes_no_payment_until_it_is_back(
    tmp_path: Path, own_postgres: PostgresServer, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    db_url = own_postgres.new_database()
    shop = WalletService.open(Config(data_dir=tmp_path / "till", db_url=db_url, till="T1"))
    async with open_wallet(tmp_path / "customer") as customer:
        await fund(customer, url, 300)
        try:
            shop.create_wallet(None)
            await shop.add_mint(url, trusted=True)
            async with PosService(shop) as pos:
                pos.configure(shop_name="Corner Café", trusted_mints=[url])
                checkout = await pos.start_checkout(60)
                token = (await customer.send(60, url)).token

                own_postgres.stop()
                with pytest.raises(DatabaseUnreachable) as caught:
                    await pos.pay_token(checkout.sale.id, token)
                said = explain(caught.value)
                assert said.code == "database-unreachable" and "no payment was taken" in said.what
                with pytest.raises(DatabaseUnreachable):
                    await pos.start_checkout(20)  # no new payment request either: it could not be recorded
                # Another till process says the same, in its own words, and exits with an error.
                code, out = await till_cli(
                    db_url, "T2", tmp_path / "T2", "pos", "charge", "60", "--token", token, check=False
                )
                assert code != 0 and out["error"]["code"] == "database-unreachable"

                # The customer's ecash was not redeemed: the mint still has it unspent (their token stays pending).
                await customer.check_pending()
                assert balance(customer, url)[1] == 60

                own_postgres.resume()
                paid = await pos.pay_token(checkout.sale.id, token)
                assert paid.state is SaleState.PAID
                assert balance(shop, url) == (paid.net, 0)
                assert [s.state for s in pos.sales()] == [SaleState.PAID]
            await customer.check_pending()
            assert balance(customer, url)[1] == 0
        finally:
            await shop.close()
