"""``make bench`` rows for a shop with several tills: sales per second with 1 and 4 tills, on PostgreSQL and SQLite.

Each till is a process of its own (``tests.integration.till_process``: it opens the wallet once, then sells orders
paid with tokens, as a till's window does); they all start selling at the same moment. A sale is the whole thing: the
checkout, the swap of the customer's token at a local nutshell mint, and the books. Sales per second = every till's
sales over the time from the first till's first sale to the last till's last. On SQLite the tills are processes on
one machine sharing the wallet file; on PostgreSQL (a throw-away Debian cluster) they share the database. The mint,
on the same 2-core machine, does half of the work of every sale: these are the shop's numbers with its mint
next door, not the database's alone.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Protocol

from core.api.pos import PosService
from core.api.service import WalletService
from core.config import Config
from tests.peers.postgres import running_postgres

__all__ = ["tills"]


class _Table(Protocol):
    def add(self, metric: str, value: str, goal: str, ratio: str = "") -> None: ...


class _Mint(Protocol):
    url: str


async def _open_shop(data_dir: Path, db_url: str, mint_url: str) -> None:
    service = WalletService.open(Config(data_dir=data_dir, db_url=db_url))
    try:
        service.create_wallet(None)
        await service.add_mint(mint_url, trusted=True)
        async with PosService(service) as pos:
            pos.configure(shop_name="Bench Café", trusted_mints=[mint_url])
    finally:
        await service.close()


async def _orders(data_dir: Path, mint_url: str, count: int) -> list[dict[str, Any]]:
    """``count`` orders paid with tokens from a customer's wallet funded at ``mint_url``."""
    service = WalletService.open(Config(data_dir=data_dir))
    try:
        service.create_wallet(None)
        await service.add_mint(mint_url, trusted=True)
        quote = await service.create_invoice(count * 30 + 200, mint_url, "sat")
        await service.wait_and_mint(mint_url, quote.quote, timeout=60)
        tokens = [(await service.send(21, mint_url)).token for _ in range(count)]
        return [{"amount": 21, "memo": f"bench-{i}", "token": token} for i, token in enumerate(tokens)]
    finally:
        await service.close()


def _sell(root: Path, db_url: str, names: list[str], orders: list[dict[str, Any]], per_till: int) -> float:
    """Run one till process per name, all selling at once; sales per second."""
    env = {k: v for k, v in os.environ.items() if k not in ("NUTDESK_DB_URL", "NUTDESK_PASSWORD")}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    go = root / "go"
    procs = []
    for n, name in enumerate(names):
        till_dir = root / name
        till_dir.mkdir(parents=True)
        (till_dir / "orders.json").write_text(json.dumps(orders[n * per_till : (n + 1) * per_till]))
        argv = [sys.executable, "-m", "tests.integration.till_process", "--db", db_url, "--till", name,
                "--data-dir", str(till_dir), "--orders", str(till_dir / "orders.json"), "--go", str(go)]  # fmt: skip
        procs.append(
            subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
        )
    deadline = time.monotonic() + 300
    while not all(Path(f"{go}.{name}.ready").exists() for name in names):
        if time.monotonic() > deadline or any(p.poll() not in (None, 0) for p in procs):
            break
        time.sleep(0.05)
    go.touch()
    results = []
    for name, proc in zip(names, procs, strict=True):
        out, err = proc.communicate(timeout=1800)
        if proc.returncode != 0:
            raise RuntimeError(f"till {name} failed ({proc.returncode}):\n{out.decode()}\n{err.decode()[-3000:]}")
        results.append(json.loads(out))
    sold = sum(len(r["sales"]) for r in results)
    return sold / (max(r["finished"] for r in results) - min(r["started"] for r in results))


def tills(table: _Table, mint: _Mint, root: Path, sales: int) -> None:
    """Four rows: 1 and 4 tills, each selling ``sales`` orders, on PostgreSQL and on SQLite."""
    counts = (1, 4)
    print(f"tills: {sales} sales per till, 1 and 4 tills, PostgreSQL and SQLite; making the customer's tokens…")
    orders = asyncio.run(_orders(root / "customer", mint.url, 2 * sum(counts) * sales))
    with running_postgres() as server:
        for kind in ("PostgreSQL", "SQLite"):
            for n in counts:
                base = root / f"{kind.lower()}-{n}"
                db_url = server.new_database() if kind == "PostgreSQL" else f"sqlite:///{base / 'wallet.sqlite3'}"
                base.mkdir(parents=True)
                asyncio.run(_open_shop(base / "setup", db_url, mint.url))
                mine, orders = orders[: n * sales], orders[n * sales :]
                rate = _sell(base, db_url, [f"T{i + 1}" for i in range(n)], mine, sales)
                label = "1 till" if n == 1 else f"{n} tills at once"
                table.add(f"sales per second, {label}, {kind}", f"{rate:.1f}/s", "—")
