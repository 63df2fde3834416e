"""nutshell 0.21.0 (NUT-29 batched mint) in its own venv, ``.peers/nutshell021``.

``pip install cashu`` resolves to 0.20.2; 0.21.0 is forced with ``--no-deps`` over the 0.20.2 install (its own
dependency pins conflict), as shared/reference/test-peers.md says. Installed once, under a file lock.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.peers.nutshell import NUTSHELL_PINS, REPO, PeerError, _bin, _file_lock, _python311

__all__ = ["NUTSHELL021_PINS", "NUTSHELL021_VENV", "ensure_nutshell021"]

NUTSHELL021_VENV = REPO / ".peers" / "nutshell021"
NUTSHELL021_PINS = ("cashu==0.21.0", "breez-sdk-spark==0.18.0")


def _installed_version(venv: Path) -> str:
    result = subprocess.run(
        [str(_bin(venv, "python")), "-c", "import importlib.metadata as m; print(m.version('cashu'))"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result.stdout.strip()


def ensure_nutshell021(venv: Path = NUTSHELL021_VENV) -> Path:
    with _file_lock(venv.parent / (venv.name + ".lock")):
        if _bin(venv, "mint").exists() and _installed_version(venv) == "0.21.0":
            return venv
        if not _bin(venv, "python").exists():
            subprocess.run([_python311(), "-m", "venv", str(venv)], check=True, timeout=300)
        pip = [str(_bin(venv, "python")), "-m", "pip", "install", "-q"]
        for args in (list(NUTSHELL_PINS), ["--no-deps", *NUTSHELL021_PINS]):
            result = subprocess.run([*pip, *args], capture_output=True, text=True, timeout=900)
            if result.returncode != 0:
                raise PeerError(f"installing nutshell 0.21.0 failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return venv
