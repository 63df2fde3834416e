"""``make bench``: the rows of issue 15's table, measured on a local nutshell mint; prints metric, value, goal.

Whole processes are timed from the outside (wall clock, peak RSS from ``wait4``). CLI comparisons with the
nutshell 0.20.2 wallet CLI run in interleaved pairs (the order alternates) and report the median of the pairwise
ratios, so a busy machine slows both sides of a pair alike. Sizes are parameters (``--proofs``/``--history``,
or ``BENCH_PROOFS``/``BENCH_HISTORY`` through make); the issue's figures are at 100,000.
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench.gui_views import gui_views
from bench.make_wallet import make_wallet
from bench.procs import Run, run, run_rss
from bench.receive import receive_rows
from bench.tills import tills
from tests.peers.nutshell import NUTSHELL_VENV, NutshellMint, NutshellWalletCLI, ensure_nutshell

REPO = Path(__file__).resolve().parents[1]
NUTDESK = [sys.executable, "-m", "desktop"]


def token_in(text: str) -> str:
    for word in text.replace('"', " ").split():
        if word.startswith(("cashuA", "cashuB")):
            return word
    raise RuntimeError(f"no token in:\n{text[-2000:]}")


@dataclass
class _Mint:
    """A mint somebody else runs (``--mint``): only its URL is needed."""

    url: str
    venv: Path = NUTSHELL_VENV


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, metric: str, value: str, goal: str, ratio: str = "") -> None:
        self.rows.append((metric, value, goal, ratio))
        print(f"  {metric}: {value} (goal {goal}) {ratio}", flush=True)

    def print(self) -> None:
        widths = [
            max(len(r[i]) for r in [("metric", "measured", "goal", "measured/goal"), *self.rows]) for i in range(4)
        ]
        print()
        for row in [("metric", "measured", "goal", "measured/goal"), *self.rows]:
            print(" | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


_PYCACHE: list[str] = []
# Imports every module of the app once (and with them the libraries they use) so the prefix holds their bytecode.
_WARM = """
import importlib, pkgutil
for top in ("core", "backends", "desktop"):
    for m in pkgutil.walk_packages(importlib.import_module(top).__path__, top + "."):
        try:
            importlib.import_module(m.name)
        except Exception:
            pass
"""


def nutdesk_env() -> dict[str, str]:
    """Nutdesk's processes run as on a user's machine, with bytecode: an installed package (wheel, pipx) is
    compiled at install, as the nutshell venv it is compared with is. This machine sets PYTHONDONTWRITEBYTECODE,
    which left every Nutdesk process compiling its own source again on each run (≈ 80 ms of a CLI command), so
    the bytecode goes to a prefix of this run's own, compiled once before anything is timed."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not _PYCACHE:
        _PYCACHE.append(tempfile.mkdtemp(prefix="nutdesk-bench-pyc-"))
        atexit.register(shutil.rmtree, _PYCACHE[0], ignore_errors=True)
        env["PYTHONPYCACHEPREFIX"] = _PYCACHE[0]
        run([sys.executable, "-c", _WARM], env=env, cwd=REPO)
    env.update(
        {
            "NUTDESK_PASSWORD": "",
            "PYTHONPATH": str(REPO),
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHONPYCACHEPREFIX": _PYCACHE[0],
        }
    )
    return env


# The floor of a command: the interpreter, the libraries no Nutdesk command that opens the wallet can do without
# (SQLAlchemy's ORM, asyncio; for one that talks to a mint also httpx, an HTTPS-ready client and the curve), one
# database read, and for a mint command one round trip to the mint — none of Nutdesk's own code.
FLOOR_READ = """
import asyncio, sys
import sqlalchemy.orm
from sqlalchemy import create_engine, text
with create_engine("sqlite:///" + sys.argv[1]).connect() as c:
    c.execute(text("SELECT count(*) FROM proofs")).scalar()
"""
FLOOR_MINT = (
    FLOOR_READ
    + """
import coincurve, httpx
async def main():
    async with httpx.AsyncClient() as client:
        (await client.get(sys.argv[2] + "/v1/keysets")).json()
asyncio.run(main())
"""
)
FLOOR_WHAT = {"balance": "", "send 10": " + one mint round trip", "receive": " + one mint round trip"}


def cli_pairs(table: Table, mint: NutshellMint | _Mint, small: Path, pairs: int) -> None:
    """balance / send 10 / receive: Nutdesk against the nutshell CLI, interleaved, medians of pairwise ratios."""
    nutshell = NutshellWalletCLI(mint.url)
    nutshell.invoice(5000)
    ns_cmd = [str(nutshell.venv / "bin" / "cashu"), "-y"]
    nd_cmd = [*NUTDESK, "--data-dir", str(small)]
    env = nutdesk_env()
    results: dict[str, list[tuple[Run, Run]]] = {"balance": [], "send 10": [], "receive": []}

    def measure(name: str, nd: list[str], ns: list[str], flip: bool) -> tuple[Run, Run]:
        first = (lambda: run_rss(ns, env=nutshell.env(), cwd=nutshell.data_dir), lambda: run_rss(nd, env=env))
        a, b = (first[1](), first[0]()) if not flip else (None, None)
        if flip:
            b = first[0]()
            a = first[1]()
        assert a is not None and b is not None
        results[name].append((a, b))
        return a, b

    floors: dict[str, list[Run]] = {"balance": [], "send 10": [], "receive": []}
    database = str(small / "wallet.sqlite3")
    for i in range(pairs):
        flip = i % 2 == 1
        measure("balance", [*nd_cmd, "balance"], [*ns_cmd, "balance"], flip)
        floors["balance"].append(run_rss([sys.executable, "-c", FLOOR_READ, database], env=env))
        nd_send, ns_send = measure(
            "send 10", [*nd_cmd, "send", "10", "--mint", mint.url], [*ns_cmd, "send", "10"], flip
        )
        floors["send 10"].append(run_rss([sys.executable, "-c", FLOOR_MINT, database, mint.url], env=env))
        measure(
            "receive",
            [*nd_cmd, "receive", token_in(nd_send.out)],
            [*ns_cmd, "receive", token_in(ns_send.out)],
            flip,
        )
        floors["receive"].append(run_rss([sys.executable, "-c", FLOOR_MINT, database, mint.url], env=env))
    for name, pairs_ in results.items():
        ratio = statistics.median(a.wall / b.wall for a, b in pairs_)
        mem = statistics.median(a.rss_mib / b.rss_mib for a, b in pairs_)
        nd_wall = statistics.median(a.wall for a, _ in pairs_)
        ns_wall = statistics.median(b.wall for _, b in pairs_)
        table.add(
            f"CLI `{name}` wall vs nutshell",
            f"{ratio:.2f}× ({nd_wall * 1000:.0f} / {ns_wall * 1000:.0f} ms)",
            "≤ 0.5×",
            f"{ratio / 0.5:.2f}",
        )
        floor = statistics.median(f.wall / b.wall for f, (_, b) in zip(floors[name], pairs_, strict=True))
        table.add(
            f"CLI `{name}`: its floor vs nutshell (Python + the libraries it needs + one read{FLOOR_WHAT[name]})",
            f"{floor:.2f}× ({statistics.median(f.wall for f in floors[name]) * 1000:.0f} ms)",
            "—",
        )
        table.add(
            f"CLI `{name}` peak RSS vs nutshell",
            f"{mem:.2f}× ({statistics.median(a.rss_mib for a, _ in pairs_):.0f} / "
            f"{statistics.median(b.rss_mib for _, b in pairs_):.0f} MiB)",
            "≤ 1.0×",
            f"{mem:.2f}",
        )


def in_process_balance(table: Table, big: Path, proofs: int) -> None:
    from core.api.service import WalletService
    from core.config import Config

    service = WalletService.open(Config(data_dir=big))
    service.unlock()
    times = []
    for _ in range(15):
        started = time.perf_counter()
        service.balances()
        times.append(time.perf_counter() - started)
    service.store.close()
    ms = statistics.median(times) * 1000
    table.add(f"`balance` in process, {proofs:,} proofs", f"{ms:.1f} ms", "≤ 5 ms", f"{ms / 5:.2f}")


def selection(table: Table, proofs: int) -> None:
    from core.protocol.models import Proof
    from core.wallet.selection import select_for_amount

    rng = random.Random(1)
    mixed = [Proof("00ad268c4d1f5826", 2 ** rng.randrange(0, 7), f"{i:064x}", "02" + "ab" * 32) for i in range(proofs)]
    ones = [Proof("00ad268c4d1f5826", 1, f"{i:064x}", "02" + "ab" * 32) for i in range(proofs)]

    def best(pool: list[Proof], amount: int) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            select_for_amount(pool, amount, fee_ppk=lambda _id: 100, is_active=lambda _id: True)
            times.append(time.perf_counter() - started)
        return min(times) * 1000

    ms = best(mixed, 1000)
    table.add(f"coin selection, 1,000 sat of {proofs:,} proofs", f"{ms:.1f} ms", "≤ 20 ms", f"{ms / 20:.2f}")
    ms = best(ones, min(proofs // 2, 50_000))
    table.add(
        f"coin selection, {min(proofs // 2, 50_000):,} sat of {proofs:,} × 1 sat",
        f"{ms:.1f} ms",
        "≤ 50 ms",
        f"{ms / 50:.2f}",
    )


def _best_ms(action: Callable[[], object], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times) * 1000


def store_selection(table: Table, big: Path, proofs: int) -> None:
    """Inputs chosen from the database as a send and a melt choose them (planned from the counts per denomination,
    then the chosen proofs read in full): of the big wallet, and of a wallet of ``proofs`` one-sat proofs."""
    from typing import Any, cast

    from core.storage.db import Database
    from core.storage.store import Store
    from core.wallet.context import MintWallet
    from core.wallet.inputs import choose_exact, choose_inputs, send_fee
    from core.wallet.keychain import Keychain

    def wallet(store: Store, url: str) -> MintWallet:
        return MintWallet(url, cast(Any, None), store, b"", Keychain.from_store(store, url))

    store = Store(Database.open_file(big / "wallet.sqlite3"))
    url = max(store.balances(), key=lambda b: b.balance).mint_url
    mw = wallet(store, url)
    ms = _best_ms(lambda: choose_inputs(mw, "sat", 1000))
    table.add(f"inputs for 1,000 sat from the database, {proofs:,} proofs", f"{ms:.1f} ms", "≤ 20 ms", f"{ms / 20:.2f}")
    ms = _best_ms(lambda: choose_exact(mw, "sat", 1001))
    table.add(f"exact proofs for 1,001 sat from the database, {proofs:,} proofs", f"{ms:.1f} ms", "≤ 20 ms")
    store.close()
    with tempfile.TemporaryDirectory(prefix="nutdesk-ones-") as tmp:
        store = Store(Database.open_file(Path(tmp) / "w.sqlite3"))
        store.upsert_mint("http://ones", name="ones", info={})
        kid = "00ad268c4d1f5826"
        store.upsert_keyset(
            id=kid, mint_url="http://ones", unit="sat", active=True, input_fee_ppk=100, final_expiry=None, keys={}
        )
        with store.db.engine.begin() as c:
            c.exec_driver_sql(
                "INSERT INTO proofs (secret, y, keyset_id, mint_url, unit, amount, C, state, created_at, updated_at) "
                "VALUES (?, ?, ?, 'http://ones', 'sat', 1, '02', 'unspent', 0, 0)",
                [(f"s{i}", f"02{i:064x}", kid) for i in range(proofs)],
            )
        amount = min(proofs // 2, 50_000)
        mw = wallet(store, "http://ones")
        # The choice alone (no proof read), then with the chosen proofs read in full, as a send must.
        ms = _best_ms(lambda: send_fee(mw, "sat", amount, locked=True), runs=3)
        table.add(
            f"inputs for {amount:,} sat chosen from the database, {proofs:,} × 1 sat",
            f"{ms:.1f} ms",
            "≤ 50 ms",
            f"{ms / 50:.2f}",
        )
        ms = _best_ms(lambda: choose_inputs(mw, "sat", amount), runs=3)
        table.add(f"… and the {amount:,}+ chosen proofs read in full", f"{ms:.1f} ms", "(what a send of them reads)")
        store.close()


def send_big(table: Table, mint: NutshellMint | _Mint, small: Path, big: Path, proofs: int) -> None:
    env = nutdesk_env()
    walls: dict[str, list[float]] = {"small": [], "big": []}
    rss: dict[str, list[float]] = {"small": [], "big": []}
    for _ in range(3):
        for name, wallet in (("small", small), ("big", big)):
            r = run_rss([*NUTDESK, "--data-dir", str(wallet), "send", "1001", "--mint", mint.url], env=env)
            walls[name].append(r.wall)
            rss[name].append(r.rss_mib)
    ratio = statistics.median(walls["big"]) / statistics.median(walls["small"])
    table.add(
        f"CLI `send 1001` from {proofs:,} proofs vs a small wallet",
        f"{ratio:.2f}× ({statistics.median(walls['big']) * 1000:.0f} ms)",
        "≤ 1.2×",
        f"{ratio / 1.2:.2f}",
    )
    mib = max(rss["big"])
    table.add(f"CLI `send 1001` peak RSS, {proofs:,} proofs", f"{mib:.0f} MiB", "≤ 150 MiB", f"{mib / 150:.2f}")


def history_csv(table: Table, big: Path, history: int) -> None:
    limit = str(history + 1000)  # everything (the history plus the issue operations of make_wallet)
    r = run_rss([*NUTDESK, "--data-dir", str(big), "history", "--csv", "--limit", limit], env=nutdesk_env())
    lines = r.out.count("\n")
    table.add(
        f"`history --csv` at {history:,} ({lines:,} lines)",
        f"{r.wall:.2f} s, {r.rss_mib:.0f} MiB",
        "streamed, ≤ 100 MiB",
        f"{r.rss_mib / 100:.2f}",
    )


def gui(table: Table, wallet: Path, label: str, goal_s: float, seconds: float = 4.0) -> None:
    """The window from process start to its first event-loop tick after show(); stalls in the next seconds."""
    copy = Path(tempfile.mkdtemp(prefix="nutdesk-gui-")) / "w"
    shutil.copytree(wallet, copy)
    env = nutdesk_env()
    env.update({"NUTDESK_STALLS": "1", "NUTDESK_BENCH_SECONDS": str(seconds), "NUTDESK_BENCH_T0": repr(time.time())})
    try:
        # Peak RSS from GNU time: the app's own ru_maxrss keeps this (large) process's figure from the fork.
        r = run_rss([*NUTDESK, "--data-dir", str(copy)], env=env)
    except RuntimeError as exc:
        table.add(f"GUI cold start, {label}", f"failed: {str(exc)[:200]}", f"≤ {goal_s} s")
        return
    finally:
        shutil.rmtree(copy.parent, ignore_errors=True)
    line = next((x for x in r.out.splitlines() if x.startswith("NUTDESK_STALLS ")), None)
    if line is None:
        table.add(f"GUI cold start, {label}", "no report", f"≤ {goal_s} s")
        return
    report = json.loads(line.split(" ", 1)[1])
    ready = report["ready_s"]
    table.add(
        f"GUI cold start to an interactive window, {label}", f"{ready:.2f} s", f"≤ {goal_s} s", f"{ready / goal_s:.2f}"
    )
    stall = report["longest_stall_ms"]
    table.add(f"longest event-loop stall after show, {label}", f"{stall:.0f} ms", "≤ 50 ms", f"{stall / 50:.2f}")
    table.add(f"GUI peak RSS, {label}", f"{r.rss_mib:.0f} MiB", "≤ 200 MiB", f"{r.rss_mib / 200:.2f}")


def gui_send(table: Table, mint: NutshellMint | _Mint, big: Path, proofs: int) -> None:
    """A send from the big wallet with the window open: awaited on the Qt loop (before) vs on the core worker; the
    send alone, then with the views refreshing after its commits (the same Qt work either way)."""
    for extra, what in ((["--no-refresh"], "the send alone"), ([], "views refreshing")):
        row = f"longest event-loop stall, GUI send from {proofs:,} ({what})"
        copy = Path(tempfile.mkdtemp(prefix="nutdesk-gui-send-")) / "w"
        shutil.copytree(big, copy)
        try:
            cmd = [sys.executable, "-m", "bench.gui_send", "--data-dir", str(copy), "--mint", mint.url, *extra]
            r = run(cmd, env=nutdesk_env(), cwd=REPO, timeout=600)
        except RuntimeError as exc:
            table.add(row, f"failed: {str(exc)[:200]}", "≤ 50 ms")
            continue
        finally:
            shutil.rmtree(copy.parent, ignore_errors=True)
        line = next((x for x in r.out.splitlines() if x.startswith("NUTDESK_GUI_SEND ")), None)
        if line is None:
            table.add(row, "no report", "≤ 50 ms")
            continue
        longest = json.loads(line.split(" ", 1)[1])["longest_stall_ms"]
        for way, label in (("qt_loop", "on the Qt loop (before)"), ("core_worker", "on the core worker")):
            ms = longest[way]
            table.add(f"{row}, {label}", f"{ms:.0f} ms", "≤ 50 ms", f"{ms / 50:.2f}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    p.add_argument("--proofs", type=int, default=int(os.environ.get("BENCH_PROOFS") or 5000))
    p.add_argument("--history", type=int, default=int(os.environ.get("BENCH_HISTORY") or 5000))
    p.add_argument("--pairs", type=int, default=int(os.environ.get("BENCH_PAIRS") or 5))
    p.add_argument("--till-sales", type=int, default=int(os.environ.get("BENCH_TILL_SALES") or 25))
    p.add_argument(
        "--only", default="", help="comma-separated: cli,balance,selection,send,csv,gui,gui-send,receive,tills"
    )
    p.add_argument("--mint", help="use this running FakeWallet nutshell mint instead of starting one")
    p.add_argument("--big", type=Path, help="a copy of this bench.make_wallet wallet (of --mint) is the big one")
    args = p.parse_args(argv)
    only = set(filter(None, args.only.split(",")))

    def want(name: str) -> bool:
        return not only or name in only

    ensure_nutshell()
    root = Path(tempfile.mkdtemp(prefix="nutdesk-bench-"))
    # Every temporary wallet, mint and bytecode prefix of the run lives under ``root``, removed at the end.
    tempfile.tempdir = str(root)
    table = Table()
    with contextlib.ExitStack() as stack:
        mint = _Mint(args.mint) if args.mint else stack.enter_context(NutshellMint(rpc=False))
        print(f"mint {mint.url}; building the wallets ({args.proofs:,} proofs, {args.history:,} entries)…", flush=True)
        small, big = root / "small", root / "big"
        if not only or only - {"tills", "receive"}:  # the tills and the receive rows make their own wallets
            t = asyncio.run(make_wallet(small, proofs=200, history=0, mint_url=mint.url))
            print(f"  small wallet in {t:.1f} s", flush=True)
            if args.big:
                shutil.copytree(args.big, big)
            else:
                t = asyncio.run(make_wallet(big, proofs=args.proofs, history=args.history, mint_url=mint.url))
                print(f"  big wallet in {t:.1f} s", flush=True)
        steps: list[tuple[str, Callable[[], None]]] = [
            ("selection", lambda: selection(table, args.proofs)),
            ("balance", lambda: in_process_balance(table, big, args.proofs)),
            ("selection", lambda: store_selection(table, big, args.proofs)),
            ("cli", lambda: cli_pairs(table, mint, small, args.pairs)),
            ("send", lambda: send_big(table, mint, small, big, args.proofs)),
            ("csv", lambda: history_csv(table, big, args.history)),
            ("gui", lambda: gui(table, small, "small wallet", 1.0)),
            ("gui", lambda: gui_views(table, big, f"{args.history:,} entries")),
            ("gui", lambda: gui(table, big, f"{args.proofs:,} proofs", 1.5)),
            ("gui-send", lambda: gui_send(table, mint, big, args.proofs)),
            ("receive", lambda: receive_rows(table, mint.url)),
            ("tills", lambda: tills(table, mint, root / "tills", args.till_sales)),
        ]
        for name, step in steps:
            if want(name):
                step()
    shutil.rmtree(root, ignore_errors=True)
    table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
