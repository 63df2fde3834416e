"""A password-protected wallet on PostgreSQL (a shop's tills): the secret columns are sealed in Python before they
reach the server, so the database holds nothing spendable — checked against every row of every table, raw, as the
server stores them — and the wallet reopens with its password (only with it) and takes payments."""

from __future__ import annotations

import io
from pathlib import Path

import psycopg
import pytest

from core.api.analytics import AnalyticsService
from core.api.pos import FailureReason, PaymentRefused, PosService, SaleState
from core.api.service import WalletService
from core.config import Config
from core.errors import InvalidPassword
from core.storage.models import Base
from core.storage.sealed import is_sealed, sealed_columns
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint

PASSWORD = "a long till password"
ALL_STATES = ("unspent", "reserved", "pending", "spent")


def raw_rows(pg_url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every wallet table as PostgreSQL stores it (no Nutdesk code in between)."""
    with psycopg.connect(pg_url) as conn:
        return {t.name: conn.execute(f'SELECT * FROM "{t.name}"').fetchall() for t in Base.metadata.sorted_tables}


def unsealed_values(pg_url: str) -> list[str]:
    """table.column = value of every sealed column's value that is stored in the clear."""
    found = []
    with psycopg.connect(pg_url) as conn:
        for table, column, kind in sealed_columns(Base.metadata):
            for (value,) in conn.execute(f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL'):
                if not is_sealed(value) and not (kind.passthrough and value.startswith(kind.passthrough)):
                    found.append(f"{table}.{column} = {value[:40]}")
    return found


async def test_a_protected_wallet_on_postgresql_keeps_its_secrets_sealed_and_opens_only_with_its_password(
    tmp_path: Path, pg_url: str, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    shop = WalletService.open(Config(data_dir=tmp_path / "till", db_url=pg_url, till="T1"))
    async with open_wallet(tmp_path / "customer") as customer:
        await fund(customer, url, 600)
        try:
            shop.create_wallet(None)
            await shop.add_mint(url, trusted=True)
            early = await customer.send(100, url)
            await shop.receive(early.token)  # stored in the clear, sealed by primary key when the password is set
            shop.set_password(None, PASSWORD)
            async with PosService(shop) as pos:
                pos.configure(shop_name="Sealed Bar", trusted_mints=[url])
                hook = pos.add_webhook("https://shop.example/events")
                paid = await customer.send(80, url)
                first = await pos.start_checkout(80)
                sold = await pos.pay_token(first.sale.id, paid.token)
                assert sold.state is SaleState.PAID
                # The same ecash is recognised through the sale's sealed (deterministic) proof secrets.
                second = await pos.start_checkout(80)
                with pytest.raises(PaymentRefused) as refused:
                    await pos.pay_token(second.sale.id, paid.token)
                assert refused.value.reason is FailureReason.ALREADY_USED
                refund = await pos.refund(first.sale.id, 20)
                # Counted in a sealed setting, read and written in Python (SQL on PostgreSQL cannot open it).
                assert pos.repo.failed_attempts(pos.repo.current_shift()) == 1
            sent = await shop.send(30, url)
            expected = balance(shop, url)

            needles = {early.token, paid.token, refund.token, sent.token, hook.secret, shop.mnemonic(PASSWORD)}
            for proof in shop.store.proofs(mint_url=url, states=ALL_STATES):
                needles |= {proof.secret, proof.C} | ({proof.dleq.r} if proof.dleq and proof.dleq.r else set())
            assert len(needles) > 20
        finally:
            await shop.close()

        # The server's copy: every sealed column sealed, and no secret anywhere in any row.
        assert unsealed_values(pg_url) == []
        dump = repr(raw_rows(pg_url))
        assert [n[:16] for n in needles if n in dump] == []

        # Another till opens the wallet: refused without the password or with a wrong one; with it, it sells and
        # reports: the journal entries the reports read inside are opened in Python (PostgreSQL cannot open them).
        other = WalletService.open(Config(data_dir=tmp_path / "till2", db_url=pg_url, till="T2"))
        try:
            assert other.password_protected
            with pytest.raises(InvalidPassword):
                other.unlock("not the password")
            with pytest.raises(InvalidPassword):
                other.unlock(None)
            other.unlock(PASSWORD)
            assert balance(other, url) == expected
            analytics = AnalyticsService(other)
            period = analytics.parse_period("all")
            report = analytics.snapshot(period)
            [sales] = report.sales
            assert (sales.count, sales.sales + sales.tips) == (1, sold.received - sold.fee)  # the swap fee: 1 sat
            assert report.balance_at_end(url) == expected[0]  # (spendable, pending): the spendable part
            history = io.StringIO()
            assert analytics.export_history_csv(period, history) == report.entries
            assert ",sale," in history.getvalue()
            spent = await other.send(40, url)
            received = await customer.receive(spent.token)
            assert received.amount == 40 - received.fee
        finally:
            await other.close()
        # The report's facts and mark on the server: nothing spendable in the clear either.
        assert unsealed_values(pg_url) == []
        dump = repr(raw_rows(pg_url))
        assert [n[:16] for n in needles | {spent.token} if n in dump] == []


async def test_removing_the_password_of_a_postgresql_wallet_opens_its_rows_again(
    tmp_path: Path, pg_url: str, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    shop = WalletService.open(Config(data_dir=tmp_path / "till", db_url=pg_url))
    try:
        shop.create_wallet(None, PASSWORD)
        await fund(shop, url, 200)
        assert unsealed_values(pg_url) == []
        shop.set_password(PASSWORD, None)
        with psycopg.connect(pg_url) as conn:
            secrets = [row[0] for row in conn.execute("SELECT secret FROM proofs")]
        assert secrets and not any(is_sealed(s) for s in secrets)
        assert {p.secret for p in shop.store.proofs(mint_url=url)} <= set(secrets)
    finally:
        await shop.close()
