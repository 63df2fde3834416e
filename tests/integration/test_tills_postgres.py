"""A shop with several tills: till processes on one PostgreSQL wallet and one real nutshell mint.

Four till processes (``tests.integration.till_process``: each opens the wallet once and sells, as a till's window
does) take 25 sales each at once on a password-protected wallet, refunding some; another till (the CLI) refunds a
sale of theirs. No secret reaches the server in the clear, every sale is counted once, no proof or NUT-13 counter
is used twice, the shop's Z-report is the sum of the tills' Z-reports, and what the wallets hold equals what the
mint owes by its own books. A till killed mid-sale leaves its operation under a lease that another till takes over
once it expired.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from core.api.pos import PosService, SaleState
from core.api.service import WalletService
from core.config import Config
from core.storage.models import KeysetRow, PosRefundRow, ProofRow
from tests.integration.test_tills_sealed_postgres import unsealed_values
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint

TILLS = ("T1", "T2", "T3", "T4")
# The 25 sales per till; NUTDESK_TILL_SALES scales it (each till is one process, so only the selling grows).
SALES_PER_TILL = int(os.environ.get("NUTDESK_TILL_SALES") or 25)
REFUND_EVERY = 4  # the 2nd sale of every 4 is refunded in part, while the other tills keep selling
PASSWORD = "the corner cafe's long password"
UNLOCK = {"NUTDESK_PASSWORD": PASSWORD}  # each till unlocks the shop's wallet with it


async def till_cli(
    db_url: str, till: str, data_dir: Path, *args: str, env: dict[str, str] | None = None, check: bool = True
) -> tuple[int, dict[str, Any]]:
    """One command at one till: ``python -m desktop --json --db URL --till NAME ARGS`` (its own process)."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "desktop", "--json", "--data-dir", str(data_dir), "--db", db_url, "--till", till, *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env={k: v for k, v in {**os.environ, **(env or {})}.items() if k != "NUTDESK_DB_URL"},
    )  # fmt: skip
    out, err = await asyncio.wait_for(proc.communicate(), timeout=300)
    code = proc.returncode if proc.returncode is not None else -1
    if check and code != 0:
        raise AssertionError(f"till {till}: nutdesk {' '.join(args)} failed ({code}): {out.decode()}{err.decode()}")
    return code, (json.loads(out) if out.strip() else {})


def write_orders(data_dir: Path, orders: list[dict[str, Any]]) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "orders.json").write_text(json.dumps(orders))


async def till_process(
    db_url: str,
    till: str,
    data_dir: Path,
    orders: list[dict[str, Any]],
    go: Path,
    refund_every: int = 0,
    env: dict[str, str] | None = None,
) -> dict[str, Any]:
    """A till selling ``orders`` in a process of its own (``tests.integration.till_process``), from when ``go``
    exists; what it sold and refunded."""
    await asyncio.to_thread(write_orders, data_dir, orders)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.integration.till_process", "--db", db_url, "--till", till,
        "--data-dir", str(data_dir), "--orders", str(data_dir / "orders.json"), "--go", str(go),
        "--refund-every", str(refund_every),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env={k: v for k, v in {**os.environ, **(env or {})}.items() if k != "NUTDESK_DB_URL"},
    )  # fmt: skip
    out, err = await asyncio.wait_for(proc.communicate(), timeout=900)
    if proc.returncode != 0:
        raise AssertionError(f"till {till} failed ({proc.returncode}): {out.decode()}{err.decode()[-3000:]}")
    result: dict[str, Any] = json.loads(out)
    return result


def start_together(go: Path, tills: tuple[str, ...] | list[str]) -> None:
    """Say go (create the file ``go``) once every till process has opened the wallet and is ready to sell."""
    deadline = time.monotonic() + 300
    while not all(Path(f"{go}.{till}.ready").exists() for till in tills):
        assert time.monotonic() < deadline, "the tills never got ready"
        time.sleep(0.05)
    go.touch()


async def open_shop(tmp_path: Path, db_url: str, mint: NutshellMint, password: str | None = None) -> None:
    """The shop's wallet, created once in the PostgreSQL database every till opens."""
    service = WalletService.open(Config(data_dir=tmp_path / "shop-setup", db_url=db_url))
    try:
        service.create_wallet(None, password)
        await service.add_mint(mint.url, trusted=True)
        async with PosService(service) as pos:
            pos.configure(shop_name="Corner Café", trusted_mints=[mint.url])
    finally:
        await service.close()


async def test_four_tills_on_one_postgresql_wallet_count_every_sale_once_and_match_the_mints_books(
    tmp_path: Path, pg_url: str, nutshell_mint_factory: Callable[..., NutshellMint]
) -> None:
    mint = nutshell_mint_factory(name="tills mint")  # its own books: only this test's ecash
    await open_shop(tmp_path, pg_url, mint, PASSWORD)  # its secret columns sealed in every till
    async with open_wallet(tmp_path / "customer") as customer:
        await fund(customer, mint.url, 1000 + 60 * SALES_PER_TILL * len(TILLS))
        orders = {
            till: [
                {"amount": 20 + i, "memo": f"{till}-{i}", "token": (await customer.send(20 + i, mint.url)).token}
                for i in range(SALES_PER_TILL)
            ]
            for till in TILLS
        }
        go = tmp_path / "go"
        tills = [till_process(pg_url, t, tmp_path / t, orders[t], go, REFUND_EVERY, UNLOCK) for t in TILLS]
        selling = asyncio.gather(*tills)
        await asyncio.to_thread(start_together, go, TILLS)
        results = {r["till"]: r for r in await selling}
        for till, result in results.items():
            assert [s["memo"] for s in result["sales"]] == [o["memo"] for o in orders[till]]
        refunds = [r["token"] for result in results.values() for r in result["refunds"]]
        # A refund at one till of another till's sale.
        service = WalletService.open(Config(data_dir=tmp_path / "check", db_url=pg_url))
        service.unlock(PASSWORD)
        async with PosService(service) as pos:
            sales = pos.sales(limit=1000)
            t2_sale = next(s for s in sales if s.till == "T2" and s.refunded == 0)
        _, cross = await till_cli(pg_url, "T1", tmp_path / "T1", "pos", "refund", t2_sale.id, "3", env=UNLOCK)
        assert cross["refund"]["till"] == "T1"
        refunds.append(cross["refund"]["token"])

        async with PosService(service) as pos:
            sales = pos.sales(limit=1000)
            # Every sale counted once: one paid sale per token, numbered 1..N across the tills without a gap.
            assert len(sales) == len(TILLS) * SALES_PER_TILL
            assert all(s.state is SaleState.PAID for s in sales)
            assert sorted(s.number for s in sales) == list(range(1, len(sales) + 1))
            assert sorted(s.memo for s in sales) == sorted(f"{t}-{i}" for t in TILLS for i in range(SALES_PER_TILL))
            done = service.store.operations(kinds=("sale",), states=("done",))
            assert sorted(op.id for op in done) == sorted(s.operation_id or "" for s in sales)
            per_till = len([i for i in range(SALES_PER_TILL) if i % REFUND_EVERY == 1])
            assert sorted(r.till for r in pos.refunds()) == sorted([*TILLS * per_till, "T1"])

        # No proof and no NUT-13 counter used twice: every stored proof has its own secret and its own Y, and a
        # keyset's counter is past every output the wallet derived from it.
        with service.store.db.session() as s:
            rows = s.execute(select(ProofRow.secret, ProofRow.y, ProofRow.keyset_id)).all()
            counters = dict(s.execute(select(KeysetRow.id, KeysetRow.counter)).all())
            assert s.scalar(select(func.count()).select_from(ProofRow)) == len({r.y for r in rows})
        per_keyset: dict[str, int] = {}
        for row in rows:
            per_keyset[row.keyset_id] = per_keyset.get(row.keyset_id, 0) + 1
        for keyset_id, count in per_keyset.items():
            assert counters[keyset_id] >= count, f"keyset {keyset_id}: {count} proofs from {counters[keyset_id]}"

        # Four tills wrote at once, each sealing in Python: nothing spendable reached the server in the clear.
        assert unsealed_values(pg_url) == []

        # The shop's Z-report is the sum of the tills' Z-reports.
        reports = {
            till: (await till_cli(pg_url, till, tmp_path / till, "pos", "zreport", env=UNLOCK))[1] for till in TILLS
        }
        _, shop = await till_cli(pg_url, "T1", tmp_path / "T1", "pos", "zreport", "--shop", env=UNLOCK)
        for key in ("count", "amount", "tips", "fees", "refunds", "refund_count", "net"):
            assert shop["total"][key] == sum(r["total"][key] for r in reports.values()), key
        assert shop["total"]["count"] == len(TILLS) * SALES_PER_TILL
        per_till = len([i for i in range(SALES_PER_TILL) if i % REFUND_EVERY == 1])
        assert shop["total"]["refund_count"] == len(refunds) == per_till * len(TILLS) + 1

        # What the wallets hold equals what the mint owes by its own books: the shop's balance and pending, plus
        # the customer's, who took the refund tokens back (each wallet first asks the mint which of the tokens it
        # handed out were redeemed: those leave its pending).
        shop_balance, shop_pending = balance(service, mint.url)
        assert shop_pending == sum(t.amount for t in pos_refunds(service))  # the refund tokens, not taken yet
        assert shop_balance + shop_pending + balance(customer, mint.url)[0] == mint.owed()
        for token in refunds:
            await customer.receive(token)
        await service.check_pending()
        await customer.check_pending()
        shop_balance, shop_pending = balance(service, mint.url)
        customer_balance, customer_pending = balance(customer, mint.url)
        await service.close()
        assert shop_pending == 0 and customer_pending == 0
        assert shop_balance + customer_balance == mint.owed()


def pos_refunds(service: WalletService) -> list[Any]:
    with service.store.db.session() as s:
        return list(s.scalars(select(PosRefundRow)).all())


async def test_a_till_killed_mid_sale_is_finished_by_another_till_once_its_lease_expired(
    tmp_path: Path, pg_url: str, nutshell_mint: NutshellMint
) -> None:
    await open_shop(tmp_path, pg_url, nutshell_mint)
    async with open_wallet(tmp_path / "customer") as customer:
        await fund(customer, nutshell_mint.url, 300)
        token = (await customer.send(100, nutshell_mint.url)).token
    lease = 20.0  # seconds; each till "runs on another machine", so only the lease's expiry frees the operation
    code, _ = await till_cli(
        pg_url, "T1", tmp_path / "T1", "pos", "charge", "100", "--token", token, check=False,
        env={"NUTDESK_FAILPOINT": "sale:after_sent", "NUTDESK_LEASE_SECONDS": str(lease), "NUTDESK_LEASE_HOST": "a"},
    )  # fmt: skip
    killed_at = time.time()
    assert code == -9, "the till died at the failpoint"
    other = {"NUTDESK_LEASE_SECONDS": str(lease), "NUTDESK_LEASE_HOST": "b"}

    # While the lease runs, another till leaves the sale alone (the dead till might still be working on it).
    _, listed = await till_cli(pg_url, "T2", tmp_path / "T2", "pos", "settle", env=other)
    assert listed["settled"] == []
    assert time.time() - killed_at < lease, "the first look came before the lease expired"
    service = WalletService.open(Config(data_dir=tmp_path / "check", db_url=pg_url))
    service.unlock()
    async with PosService(service) as pos:
        [sale] = pos.sales()
        assert sale.state is SaleState.SETTLING and sale.till == "T1"
    await service.close()

    await asyncio.sleep(max(0.0, killed_at + lease + 1 - time.time()))
    _, settled = await till_cli(pg_url, "T2", tmp_path / "T2", "pos", "settle", env=other)
    service = WalletService.open(Config(data_dir=tmp_path / "check", db_url=pg_url))
    service.unlock()
    async with PosService(service) as pos:
        [sale] = pos.sales()
        assert sale.state is SaleState.PAID and sale.till == "T1"
        assert [s["id"] for s in settled["settled"]] == [sale.id]  # by the other till, once its lease expired
        assert balance(service, nutshell_mint.url) == (sale.net, 0)  # counted once
        [op] = service.store.operations(kinds=("sale",))
        assert op.state == "done" and op.id == sale.operation_id
    await service.close()
