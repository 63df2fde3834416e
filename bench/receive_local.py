"""The wallet's own time in a 64-proof receive: the receive less its ``/v1/swap`` round trip, on the app's Qt loop.

``python -m bench.receive_local --mint URL [--receives N]`` prints one ``NUTDESK_RECEIVE_LOCAL {json}`` line: the
median and the lowest of ``pre_send_ms`` (from the call to the moment the swap request leaves: decode, the input DLEQ
checks, the journal's commits) and of ``local_ms`` (the whole receive less the request's own wall time, so the
mint's work is left out). The ``receive`` row of ``bench.run`` compares against the mint's own swap, which a busy
machine makes jitter by ±10 ms over 8 pairs; this one resolves a millisecond. Run it against one running mint,
alternating the code being compared.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.make_wallet import make_wallet
from bench.qtloop import run_on_qt_loop
from bench.receive import SET, _open, _receiver
from core.protocol.tokens import Token


async def measure(mint_url: str, receives: int) -> dict[str, Any]:
    count = SET * (receives + 2)
    source_dir = Path(tempfile.mkdtemp(prefix="nutdesk-recv-local-")) / "w"
    await make_wallet(source_dir, proofs=count, history=0, mint_url=mint_url)
    source = _open(source_dir)
    try:
        proofs = source.store.proofs(mint_url=(await source.wallet_for(mint_url)).url, unit="sat")
    finally:
        await source.close()
    sets = [proofs[i : i + SET] for i in range(0, count, SET)]
    receiver = await _receiver(Path(tempfile.mkdtemp(prefix="nutdesk-recv-local-")) / "w", mint_url)
    client = (await receiver.wallet_for(mint_url)).client
    post_swap = client.post_swap
    marks: dict[str, float] = {}

    async def timed_post_swap(*args: Any, **kwargs: Any) -> Any:
        marks["sent"] = time.perf_counter()
        try:
            return await post_swap(*args, **kwargs)
        finally:
            marks["answered"] = time.perf_counter()

    vars(client)["post_swap"] = timed_post_swap  # an instance attribute shadows the method: the same request, timed
    pre_send: list[float] = []
    local: list[float] = []
    try:
        for proofs_set in sets[:2]:  # connections, keysets and first-use paths warm
            await receiver.receive(Token(mint_url, "sat", proofs_set).encode_v4())
        for proofs_set in sets[2:]:
            text = Token(mint_url, "sat", proofs_set).encode_v4()
            started = time.perf_counter()
            await receiver.receive(text)
            took = time.perf_counter() - started
            pre_send.append((marks["sent"] - started) * 1000.0)
            local.append((took - (marks["answered"] - marks["sent"])) * 1000.0)
    finally:
        await receiver.close()
    return {
        "receives": len(local),
        "pre_send_ms": round(statistics.median(pre_send), 2),
        "pre_send_min_ms": round(min(pre_send), 2),
        "local_ms": round(statistics.median(local), 2),
        "local_min_ms": round(min(local), 2),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.receive_local", description=__doc__.split("\n\n")[0])
    p.add_argument("--mint", required=True)
    p.add_argument("--receives", type=int, default=24)
    args = p.parse_args(argv)
    result = run_on_qt_loop(lambda: measure(args.mint, args.receives))
    print("NUTDESK_RECEIVE_LOCAL " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
