"""A synthetic wallet history for benchmarks and screenshots: N operations over two years at a few mints,
with journal data the size the wallet really writes (blinded outputs, input secrets), melt quotes, the
proofs melts spent, unspent proofs for today's balances, fiat rates and failed-transaction records.

Written straight into a database migrated by ``core.storage.db`` (so it has the real schema and indexes).
"""

from __future__ import annotations

import json
import random
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text

from core.storage.db import Database

__all__ = ["MINTS", "HistoryStats", "build_history"]

# url, name, input fee ppk, weight (share of the activity)
MINTS = [
    ("https://mint.coffee.example", "Coffee Mint", 0, 0.40),
    ("https://ecash.bank.example", "Ecash Bank", 100, 0.30),
    ("https://mint.harbor.example", "Harbor Mint", 200, 0.20),
    ("https://tiny.mint.example", "Tiny Mint", 100, 0.10),
]
# kind, weight
KINDS = [
    ("issue", 0.19),
    ("receive", 0.19),
    ("sale", 0.16),
    ("send", 0.18),
    ("melt", 0.18),
    ("transfer", 0.03),
    ("reclaim", 0.02),
]
DAY = 86_400.0


@dataclass(frozen=True)
class HistoryStats:
    operations: int
    proofs: int
    melt_quotes: int
    failed: int
    seconds: float


def _hex(rng: random.Random, n: int = 32) -> str:
    return rng.randbytes(n).hex()


def _outputs(rng: random.Random, keyset: str, count: int) -> list[dict[str, Any]]:
    return [
        {
            "amount": 2 ** rng.randrange(0, 12),
            "keyset_id": keyset,
            "B_": "02" + _hex(rng),
            "r": _hex(rng),
            "secret": _hex(rng),
            "counter": rng.randrange(1, 10**6),
        }
        for _ in range(count)
    ]


def build_history(
    path: Path,
    operations: int = 100_000,
    *,
    seed: int = 7,
    end: float | None = None,
    unspent: bool = True,
) -> HistoryStats:
    """Create (or replace) the wallet database at ``path`` holding ``operations`` history entries.

    ``unspent`` adds a few hundred (unsigned, unspendable) proofs at the example mints for today's balances;
    ``bench.make_wallet`` turns it off so every unspent proof is a real one of the benchmark's mint."""
    started = time.perf_counter()
    path.unlink(missing_ok=True)
    db = Database.open_file(path)
    rng = random.Random(seed)
    end = time.time() if end is None else end
    begin = end - 730 * DAY
    now = time.time()
    keysets = {url: "00" + _hex(rng, 7) for url, *_ in MINTS}
    ops: list[dict[str, Any]] = []
    proofs: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    failed: list[dict[str, Any]] = []
    kinds, kind_weights = zip(*KINDS, strict=True)
    urls = [m[0] for m in MINTS]
    mint_weights = [m[3] for m in MINTS]
    ppk = {m[0]: m[2] for m in MINTS}
    times = sorted(rng.uniform(begin, end) for _ in range(operations))
    rate = 35_000.0
    i = 0
    while len(ops) < operations:
        t = times[len(ops)]
        rate = max(10_000.0, rate * (1 + rng.gauss(0, 0.004)))
        kind = rng.choices(kinds, kind_weights)[0]
        url = rng.choices(urls, mint_weights)[0]
        keyset = keysets[url]
        amount = int(rng.lognormvariate(7.5, 1.2)) + 1
        state = rng.choices(["done", "failed", "rolled_back", "pending"], [0.965, 0.02, 0.01, 0.005])[0]
        data: dict[str, Any] = {"outputs": _outputs(rng, keyset, rng.randrange(3, 9))}
        fee = 0
        op_id = uuid.uuid4().hex
        n_inputs = rng.randrange(2, 6)
        input_fee = (n_inputs * ppk[url] + 999) // 1000
        if kind in ("receive", "send", "reclaim", "sale"):
            fee = input_fee
            data["inputs"] = [_hex(rng) for _ in range(n_inputs)]
        if kind == "sale":
            data["tip"] = rng.choice([0, 0, 0, amount // 10, amount // 20])
        dest = ""
        if kind in ("melt", "transfer"):
            quote = _hex(rng, 16)
            reserve = max(2, amount // 100)
            ln_fee = rng.randrange(0, reserve + 1)
            fee = input_fee + ln_fee
            secrets = [_hex(rng) for _ in range(n_inputs)]
            share, rest = divmod(amount + reserve + input_fee, n_inputs)
            for k, secret in enumerate(secrets):
                proofs.append(
                    {
                        "secret": secret,
                        "y": "02" + _hex(rng),
                        "keyset_id": keyset,
                        "mint_url": url,
                        "unit": "sat",
                        "amount": share + (rest if k == 0 else 0),
                        "C": "02" + _hex(rng),
                        "state": "spent",
                        "operation_id": op_id,
                        "created_at": t,
                        "updated_at": t,
                    }
                )
            quotes.append(
                {
                    "quote": quote,
                    "mint_url": url,
                    "unit": "sat",
                    "amount": amount,
                    "fee_reserve": reserve,
                    "request": "lnbc" + _hex(rng, 120),
                    "state": "PAID",
                    "created_at": t,
                }
            )
            data.update({"quote": quote, "request": "lnbc" + _hex(rng, 120), "inputs": secrets})
            if kind == "transfer":
                dest = rng.choice([u for u in urls if u != url])
                data.update({"dest_mint": dest, "dest_quote": _hex(rng, 16)})
        if kind == "issue":
            data["quote"] = _hex(rng, 16)
        priced = rng.random() < 0.8
        ops.append(
            {
                "id": op_id,
                "kind": kind,
                "mint_url": url,
                "unit": "sat",
                "amount": amount,
                "fee": fee,
                "state": state,
                "data_json": json.dumps(data),
                "memo": rng.choice(["", "", "", "coffee", "lunch", "refund"]),
                "error": "" if state == "done" else "the mint could not pay the invoice",
                "created_at": t,
                "updated_at": t,
                "fiat_rate": round(rate, 2) if priced else None,
                "fiat_currency": "USD" if priced else None,
            }
        )
        if state != "done" and rng.random() < 0.6:
            status = rng.choice(["recovered", "recovered", "pending", "needs-review", "dismissed"])
            failed.append(
                {
                    "operation_id": op_id,
                    "operation": kind,
                    "mint_url": url,
                    "unit": "sat",
                    "amount": amount,
                    "reason_code": "mint-unreachable",
                    "details": "",
                    "retry_count": rng.randrange(0, 5),
                    "next_retry_at": t + 60,
                    "status": status,
                    "created_at": t,
                    "updated_at": t,
                }
            )
        if kind == "transfer" and state == "done" and len(ops) < operations:
            # The minting at the destination, a few seconds later.
            ops.append(
                {
                    **ops[-1],
                    "id": uuid.uuid4().hex,
                    "kind": "issue",
                    "mint_url": dest,
                    "fee": 0,
                    "data_json": json.dumps({"quote": data["dest_quote"], "outputs": _outputs(rng, keysets[dest], 5)}),
                    "memo": "",
                    "created_at": t + 2.0,
                    "updated_at": t + 2.0,
                }
            )
        i += 1
    # Today's spendable ecash: a few hundred unspent proofs per mint.
    for url, _name, _ppk, weight in MINTS if unspent else []:
        for _ in range(int(600 * weight) + 5):
            proofs.append(
                {
                    "secret": _hex(rng),
                    "y": "02" + _hex(rng),
                    "keyset_id": keysets[url],
                    "mint_url": url,
                    "unit": "sat",
                    "amount": 2 ** rng.randrange(0, 14),
                    "C": "02" + _hex(rng),
                    "state": rng.choices(["unspent", "pending"], [0.95, 0.05])[0],
                    "operation_id": None,
                    "created_at": now,
                    "updated_at": now,
                }
            )
    with db.engine.begin() as conn:
        for url, name, fee_ppk, _weight in MINTS:
            conn.execute(
                text(
                    "INSERT INTO mints (url, name, trusted, info_json, added_at, updated_at) "
                    "VALUES (:url, :name, :trusted, '{}', :t, :t)"
                ),
                {"url": url, "name": name, "trusted": fee_ppk < 200, "t": begin},
            )
            conn.execute(
                text(
                    "INSERT INTO keysets (id, mint_url, unit, active, input_fee_ppk, final_expiry, keys_json, counter) "
                    "VALUES (:id, :url, 'sat', 1, :ppk, NULL, '{}', 0)"
                ),
                {"id": keysets[url], "url": url, "ppk": fee_ppk},
            )
        conn.execute(
            text(
                "INSERT INTO operations (id, kind, mint_url, unit, amount, fee, state, data_json, memo, error, "
                "created_at, updated_at, fiat_rate, fiat_currency) VALUES (:id, :kind, :mint_url, :unit, :amount, "
                ":fee, :state, :data_json, :memo, :error, :created_at, :updated_at, :fiat_rate, :fiat_currency)"
            ),
            ops,
        )
        conn.execute(
            text(
                "INSERT INTO proofs (secret, y, keyset_id, mint_url, unit, amount, C, dleq_json, witness, state, "
                "operation_id, created_at, updated_at) VALUES (:secret, :y, :keyset_id, :mint_url, :unit, :amount, "
                ":C, NULL, NULL, :state, :operation_id, :created_at, :updated_at)"
            ),
            proofs,
        )
        conn.execute(
            text(
                "INSERT INTO melt_quotes (quote, mint_url, unit, amount, fee_reserve, request, state, preimage, "
                "created_at) VALUES (:quote, :mint_url, :unit, :amount, :fee_reserve, :request, :state, NULL, "
                ":created_at)"
            ),
            quotes,
        )
        if failed:
            conn.execute(
                text(
                    "INSERT INTO failed_transactions (operation_id, operation, mint_url, unit, amount, reason_code, "
                    "details, retry_count, next_retry_at, status, created_at, updated_at) VALUES (:operation_id, "
                    ":operation, :mint_url, :unit, :amount, :reason_code, :details, :retry_count, :next_retry_at, "
                    ":status, :created_at, :updated_at)"
                ),
                failed,
            )
    db.close()
    return HistoryStats(len(ops), len(proofs), len(quotes), len(failed), time.perf_counter() - started)
