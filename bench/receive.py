"""Receiving tokens: a 64-proof receive against the mint's own swap of 64 proofs, and the longest Qt event-loop
stall while the GUI receives a token of 1,000 proofs.

``python -m bench.receive --mint URL [--rounds N] [--gui-proofs N]`` prints one ``NUTDESK_RECEIVE {json}`` line;
``bench.run``'s ``receive`` step runs it. A source wallet (``bench.make_wallet``, proofs of 1–64 sat minted by that
mint) provides the tokens: its unspent proofs, taken 64 at a time, are either swapped straight at the mint (the
HTTP round trip of ``/v1/swap``, nothing stored: the mint's own cost plus the request) or received by a second
wallet through ``WalletService.receive`` (decode, journal, swap, DLEQ checks, unblinding, storage). The pairs
alternate their order, and the row is the median of the pairwise differences, so a busy machine slows both alike.

The GUI row opens the window on a third wallet and receives one token of ``--gui-proofs`` proofs through the
session's service (a proxy: the receive runs on the core worker), with the views refreshing as after any receive;
the stall recorder (``desktop.gui.stalls``) is reset just before it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Protocol

from bench.make_wallet import make_wallet
from bench.qtloop import run_on_qt_loop
from core.api.service import WalletService
from core.config import Config
from core.protocol.amounts import split
from core.protocol.models import Proof
from core.protocol.tokens import Token
from core.wallet.outputs import PreparedOutput, prepare_outputs

SET = 64
REPO = Path(__file__).resolve().parents[1]


class _Table(Protocol):
    def add(self, metric: str, value: str, goal: str, ratio: str = "") -> None: ...


def receive_rows(table: _Table, mint_url: str) -> None:
    """``bench.run``'s ``receive`` step: this module in its own process (it opens a window), its two rows."""
    env = dict(os.environ, NUTDESK_PASSWORD="", PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    swap_row = f"receive of a {SET}-proof token vs the mint's own swap (median of pairwise differences)"
    gui_row = "longest event-loop stall while the GUI receives a token of 1,000 proofs"
    cmd = [sys.executable, "-m", "bench.receive", "--mint", mint_url]
    proc = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, timeout=1200, check=False)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("NUTDESK_RECEIVE ")), None)
    if proc.returncode != 0 or line is None:
        for row in (swap_row, gui_row):
            table.add(row, f"failed: {proc.stderr[-200:]}", "")
        return
    report = json.loads(line.split(" ", 1)[1])
    pairs = report["swap_vs_receive"]
    extra = pairs["extra_ms"]
    table.add(
        swap_row,
        f"+{extra:.0f} ms ({pairs['receive_ms']:.0f} vs {pairs['swap_ms']:.0f} ms; {extra / SET:.2f} ms a proof)",
        "≤ +15 ms",
        f"{extra / 15:.2f}",
    )
    gui = report["gui"]
    stall = gui["longest_stall_ms"]
    table.add(gui_row, f"{stall:.0f} ms (the receive {gui['receive_ms']:.0f} ms)", "≤ 50 ms", f"{stall / 50:.2f}")


def _open(data_dir: Path) -> WalletService:
    service = WalletService.open(Config(data_dir=data_dir))
    service.unlock()
    return service


async def _receiver(data_dir: Path, mint_url: str) -> WalletService:
    service = WalletService.open(Config(data_dir=data_dir))
    service.create_wallet()
    await service.add_mint(mint_url, trusted=True)
    return service


async def _swap_vs_receive(source: WalletService, mint_url: str, sets: list[list[Proof]]) -> dict[str, Any]:
    """Half the sets swapped at the mint directly, half received by a fresh wallet, in alternating pairs."""
    mw = await source.wallet_for(mint_url)
    keyset = mw.keychain.active("sat")
    receiver = await _receiver(Path(tempfile.mkdtemp(prefix="nutdesk-recv-")) / "w", mint_url)
    swaps: list[float] = []
    receives: list[float] = []

    def outputs_for(proofs: list[Proof]) -> list[PreparedOutput]:  # the outputs a receive asks for: less the fee
        total = sum(p.amount for p in proofs) - mw.fee_for(proofs)
        return prepare_outputs(mw.store, mw.seed, keyset.id, split(total, sorted(keyset.keys)))

    try:
        # One of each first, unmeasured: connections, keysets and the receiver's first-use paths warm.
        await receiver.receive(Token(mint_url, "sat", sets.pop()).encode_v4())
        warm = sets.pop()
        await mw.client.post_swap(warm, [o.blinded_message() for o in outputs_for(warm)])

        async def swap(proofs: list[Proof]) -> None:
            messages = [o.blinded_message() for o in outputs_for(proofs)]  # blinding is the wallet's, not the mint's
            started = time.perf_counter()
            await mw.client.post_swap(proofs, messages)
            swaps.append((time.perf_counter() - started) * 1000.0)

        async def receive(proofs: list[Proof]) -> None:
            text = Token(mint_url, "sat", proofs).encode_v4()
            started = time.perf_counter()
            await receiver.receive(text)
            receives.append((time.perf_counter() - started) * 1000.0)

        for i in range(len(sets) // 2):
            a, b = sets[2 * i], sets[2 * i + 1]
            if i % 2 == 0:
                await swap(a)
                await receive(b)
            else:
                await receive(a)
                await swap(b)
    finally:
        await receiver.close()
    diffs = [r - s for r, s in zip(receives, swaps, strict=True)]
    return {
        "pairs": len(diffs),
        "swap_ms": round(statistics.median(swaps), 1),
        "receive_ms": round(statistics.median(receives), 1),
        "extra_ms": round(statistics.median(diffs), 1),
    }


async def _gui_receive(token: str, mint_url: str) -> dict[str, Any]:
    from PySide6.QtCore import QSettings

    from desktop.gui.errors import ErrorReporter
    from desktop.gui.session import Session
    from desktop.gui.stalls import StallRecorder

    data_dir = Path(tempfile.mkdtemp(prefix="nutdesk-gui-recv-")) / "w"
    await (await _receiver(data_dir, mint_url)).close()
    reporter = ErrorReporter()
    reporter.show_dialogs = False
    settings = QSettings(str(data_dir.parent / "settings.ini"), QSettings.Format.IniFormat)
    session = Session(Config(data_dir=data_dir), reporter, settings, fetch_rates=False)
    recorder = StallRecorder()
    try:
        if not await session.start():
            raise RuntimeError("the wallet did not open")
        session.open_window().show()
        recorder.start()
        await asyncio.sleep(3.0)  # the window's own start-up is another row
        recorder.reset()
        started = time.perf_counter()
        await session.service.receive(token)
        took = (time.perf_counter() - started) * 1000.0
        await asyncio.sleep(1.0)  # the views' refresh after the receive's commits
        return {"longest_stall_ms": round(recorder.longest_ms, 1), "receive_ms": round(took, 1)}
    finally:
        await session.close()


async def _prepare(mint_url: str, rounds: int, gui_proofs: int) -> tuple[list[list[Proof]], list[Proof], Path]:
    source_dir = Path(tempfile.mkdtemp(prefix="nutdesk-recv-src-")) / "w"
    await make_wallet(source_dir, proofs=SET * (2 * rounds + 2) + gui_proofs, history=0, mint_url=mint_url)
    source = _open(source_dir)
    try:
        proofs = source.store.proofs(mint_url=(await source.wallet_for(mint_url)).url, unit="sat")
    finally:
        await source.close()
    sets = [proofs[i : i + SET] for i in range(0, SET * (2 * rounds + 2), SET)]
    return sets, proofs[SET * (2 * rounds + 2) :][:gui_proofs], source_dir


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.receive", description=__doc__.split("\n\n")[0])
    p.add_argument("--mint", required=True)
    p.add_argument("--rounds", type=int, default=8, help="pairs of a 64-proof swap and a 64-proof receive")
    p.add_argument("--gui-proofs", type=int, default=1000)
    args = p.parse_args(argv)

    async def everything() -> dict[str, Any]:
        sets, gui_set, source_dir = await _prepare(args.mint, args.rounds, args.gui_proofs)
        source = _open(source_dir)
        try:
            pairs = await _swap_vs_receive(source, args.mint, sets)
        finally:
            await source.close()
        gui = await _gui_receive(Token(args.mint, "sat", gui_set).encode_v4(), args.mint)
        return {"swap_vs_receive": pairs, "gui": gui | {"proofs": len(gui_set)}}

    result = run_on_qt_loop(everything)
    print("NUTDESK_RECEIVE " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
