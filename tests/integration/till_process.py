"""One till as a process of its own, taking a list of sales paid with tokens (and refunding some) — what a till's
window does all day, without the window: ``python -m tests.integration.till_process --db URL --till NAME ...``.

A till is a long-lived process, so it opens the wallet once and then sells; the shop test runs four of these on one
PostgreSQL wallet, and ``make bench`` times them (sales per second). Once open it creates ``GO.TILL.ready`` and
waits for ``--go`` (a file) to exist before the first sale, so the tills sell at the same time, and prints one JSON
object: the sales and refunds it made, and when it started and finished selling (wall clock).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from core.api.pos import PosService, SaleState
from core.api.service import WalletService
from core.config import Config


def ready_then_wait(go: str, till: str) -> None:
    """Say this till is ready (``GO.TILL.ready``), then wait for the file ``go``."""
    Path(f"{go}.{till}.ready").touch()
    while not Path(go).exists():
        time.sleep(0.02)


async def sell(args: argparse.Namespace, orders: list[dict[str, Any]]) -> dict[str, Any]:
    service = WalletService.open(Config(data_dir=args.data_dir, db_url=args.db, till=args.till))
    try:
        service.unlock(os.environ.get("NUTDESK_PASSWORD") or None)
        async with PosService(service) as pos:
            if args.go:
                await asyncio.to_thread(ready_then_wait, args.go, args.till)
            started = time.time()
            sales, refunds = [], []
            for i, order in enumerate(orders):
                session = await pos.start_checkout(order["amount"], memo=order["memo"])
                sale = await pos.pay_token(session.sale.id, order["token"])
                if sale.state is not SaleState.PAID or sale.till != args.till:
                    raise RuntimeError(f"sale {sale.id} at {args.till}: {sale.state}, till {sale.till!r}")
                sales.append({"id": sale.id, "number": sale.number, "memo": sale.memo, "amount": sale.amount})
                if args.refund_every and i % args.refund_every == 1:  # some refunds, while the others sell
                    refund = await pos.refund(sale.id, args.refund_amount)
                    refunds.append({"sale": sale.id, "amount": refund.amount, "token": refund.token})
            return {"till": args.till, "sales": sales, "refunds": refunds, "started": started, "finished": time.time()}
    finally:
        await service.close()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.integration.till_process", description=__doc__.split("\n")[0])
    p.add_argument("--db", required=True, help="the wallet's database URL (sqlite:///… or postgresql://…)")
    p.add_argument("--till", required=True)
    p.add_argument("--data-dir", type=Path, required=True)
    p.add_argument("--orders", type=Path, required=True, help='a JSON list of {"amount", "memo", "token"}')
    p.add_argument("--go", default="", help="wait until this file exists before the first sale")
    p.add_argument("--refund-every", type=int, default=0, help="refund the 2nd sale of every N (0: none)")
    p.add_argument("--refund-amount", type=int, default=5)
    args = p.parse_args(argv)
    orders = json.loads(args.orders.read_text())
    print(json.dumps(asyncio.run(sell(args, orders))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
