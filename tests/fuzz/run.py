"""Run the fuzz targets: ``python -m tests.fuzz.run --inputs 1000000`` (``make fuzz``).

Prints, per target, the inputs tried and the escapes (an exception its caller does not handle), with the first
few escaping inputs; exits 1 when anything escaped.
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import logging
import random
import sys
import time

from tests.fuzz.mutate import mutate
from tests.fuzz.targets import Target, build_targets

__all__ = ["fuzz", "main", "report"]


async def _one(target: Target, data: bytes) -> None:
    try:
        result = target.run(data)
        if inspect.isawaitable(result):
            await result
    except target.allowed:
        pass
    except Exception as exc:
        target.escapes += 1
        if len(target.examples) < 3:
            target.examples.append(f"{type(exc).__name__}: {str(exc)[:120]} <- {data[:160]!r}")
    target.tried += 1


async def fuzz(total: int, *, seed: int = 1, seconds: float | None = None, only: str = "") -> list[Target]:
    """``total`` inputs spread evenly over the targets (or until ``seconds`` pass)."""
    targets, close = build_targets()
    if only:
        targets = [t for t in targets if only.lower() in t.name.lower()]
    rng = random.Random(seed)
    per_target = max(1, total // len(targets))
    started = time.monotonic()
    try:
        for target in targets:
            for s in target.seeds:  # the seeds themselves first: a valid answer must pass
                await _one(target, s)
        for i in range(per_target):
            for target in targets:
                base = rng.choice(target.seeds)
                # Sometimes mutate a mutant: several hostile edits in one input.
                data = mutate(base, rng)
                if rng.random() < 0.3:
                    data = mutate(data, rng)
                await _one(target, data)
            if seconds is not None and i % 20 == 0 and time.monotonic() - started > seconds:
                break
    finally:
        await close()
    return targets


def report(targets: list[Target]) -> str:
    width = max(len(t.name) for t in targets)
    lines = [f"{'target':<{width}}  {'inputs':>9}  {'escapes':>7}"]
    for t in targets:
        lines.append(f"{t.name:<{width}}  {t.tried:>9}  {t.escapes:>7}")
        lines += [f"    {example}" for example in t.examples]
    lines.append(f"{'total':<{width}}  {sum(t.tried for t in targets):>9}  {sum(t.escapes for t in targets):>7}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--only", default="", help="only targets whose name contains this")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)  # the readers log what they skip; a million lines help nobody
    sys.setrecursionlimit(1000)
    started = time.monotonic()
    targets = asyncio.run(fuzz(args.inputs, seed=args.seed, only=args.only))
    print(report(targets))
    print(f"{time.monotonic() - started:.0f} s")
    return 1 if any(t.escapes for t in targets) else 0


if __name__ == "__main__":
    sys.exit(main())
