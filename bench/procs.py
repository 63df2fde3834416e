"""Whole processes timed from the outside for ``bench.run``: wall clock, and peak RSS through GNU time."""

from __future__ import annotations

import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Run", "run", "run_rss"]


@dataclass
class Run:
    wall: float
    rss_mib: float
    out: str


def run(cmd: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None, timeout: float = 300) -> Run:
    """Run a whole process; its wall time and its own peak RSS (``wait4``, not the children's maximum)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd), env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        raise RuntimeError(f"{' '.join(cmd)} timed out:\n{err.decode()[-2000:]}") from None
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{out.decode()}\n{err.decode()[-3000:]}")
    return Run(wall, 0.0, out.decode() + err.decode())


def run_rss(cmd: Sequence[str], *, env: dict[str, str] | None = None, cwd: Path | None = None) -> Run:
    """Like ``run``, with the process's own peak RSS, from GNU time: ``wait4`` on our own child would count the
    memory of this (large) process, which a forked child has until it execs."""
    with tempfile.NamedTemporaryFile(suffix=".rss") as rss_file:
        r = run(["/usr/bin/time", "-f", "%M", "-o", rss_file.name, *cmd], env=env, cwd=cwd)
        r.rss_mib = int(Path(rss_file.name).read_text().split()[-1]) / 1024
    return r
