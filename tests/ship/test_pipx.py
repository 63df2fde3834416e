"""``pipx install`` of the wheel gives a working ``nutdesk`` on the PATH: pipx makes its own environment, links the
commands into its bin folder, and the installed command runs ``--version``, ``init`` and ``balance`` on a
temporary data directory; ``pipx uninstall`` takes it away again.

Offline and quick: pipx's home and bin folder are temporary, its shared pip is the interpreter's bundled one (no
self-upgrade), the wheel goes in with ``--no-deps --no-index`` and the dependencies are the running
environment's, seen through one .pth line that a tiny wheel installs first (``--preinstall``; pipx reads the
dependencies' metadata and clears ``PYTHONPATH``; tests/ship/packaging.py). ``pip check`` then proves the
declared requirements are met.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tests.ship.packaging import (
    build_wheel,
    copy_sources,
    dependencies_only,
    path_wheel,
    pyproject_version,
)

PIPX = Path(sys.executable).parent / "pipx"


def test_pipx_installs_the_wheel_and_its_nutdesk_runs_version_init_and_balance(tmp_path: Path) -> None:
    started = time.monotonic()
    wheel = build_wheel(copy_sources(tmp_path / "src"), tmp_path / "dist")
    home, bin_dir = tmp_path / "home", tmp_path / "bin"
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "PIPX_HOME": str(tmp_path / "pipx"),
        "PIPX_BIN_DIR": str(bin_dir),
        "PIPX_MAN_DIR": str(tmp_path / "man"),
        "PIPX_DISABLE_SHARED_LIBS_AUTO_UPGRADE": "1",  # no download of a newer pip for pipx's shared environment
        "QT_QPA_PLATFORM": "offscreen",
    }

    def pipx(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(PIPX), *args], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)

    shown = path_wheel(dependencies_only(tmp_path / "deps"), tmp_path / "shown")
    installed = pipx(
        "install", "--python", sys.executable, "--pip-args=--no-deps --no-index", "--preinstall", str(shown), str(wheel)
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert f"installed package nutdesk {pyproject_version()}" in installed.stdout
    venv = tmp_path / "pipx" / "venvs" / "nutdesk"
    install_done = time.monotonic()

    assert (bin_dir / "nutdesk").exists() and (bin_dir / "nutdesk-gui").exists()
    listed = pipx("list", "--short")
    assert f"nutdesk {pyproject_version()}" in listed.stdout
    check = pipx("runpip", "nutdesk", "check")
    assert check.returncode == 0, check.stdout + check.stderr

    def nutdesk(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["nutdesk", "--data-dir", str(home / "data"), *args],  # found on the PATH, in pipx's bin folder
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )

    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import desktop; print(desktop.__file__)"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(venv))  # the wheel's code, not the checkout's
    version = nutdesk("--version")
    assert version.stdout.strip() == f"nutdesk {pyproject_version()}", version.stderr
    init = nutdesk("init")
    assert init.returncode == 0, init.stderr
    assert (home / "data" / "wallet.sqlite3").exists()
    balance = nutdesk("--json", "balance")
    assert balance.returncode == 0, balance.stderr
    assert json.loads(balance.stdout) == {"mints": [], "total": {}}

    removed = pipx("uninstall", "nutdesk")
    assert removed.returncode == 0, removed.stderr
    assert not (bin_dir / "nutdesk").exists() and not venv.exists()
    assert (home / "data" / "wallet.sqlite3").exists()  # uninstalling keeps the wallet
    print(
        f"\npipx: build and install {install_done - started:.1f} s, "
        f"commands and uninstall {time.monotonic() - install_done:.1f} s"
    )
