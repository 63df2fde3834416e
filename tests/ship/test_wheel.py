"""``pip install .`` gives a working Nutdesk: the wheel carries the migrations and the icon resource, installs the
``nutdesk`` and ``nutdesk-gui`` commands, and runs from a fresh virtual environment away from the sources.

The environment is fresh (tests/ship/packaging.py explains how it sees its dependencies without downloading);
the wheel goes in with ``--no-deps --no-index`` and ``pip check`` then proves that its declared requirements are
met, so a missing dependency line still fails here.
"""

from __future__ import annotations

import json
import subprocess
import time
import zipfile
from pathlib import Path

from desktop.identity import HOMEPAGE
from tests.ship.packaging import build_wheel, copy_sources, fresh_venv, pyproject_version


def test_the_wheel_installs_into_a_fresh_venv_and_runs_version_init_balance_and_the_window(tmp_path: Path) -> None:
    started = time.monotonic()
    wheel = build_wheel(copy_sources(tmp_path / "src"), tmp_path / "dist")
    built = time.monotonic()
    names = zipfile.ZipFile(wheel).namelist()
    assert "desktop/nutdesk.rcc" in names
    assert "desktop/translations/nutdesk_de.qm" in names  # lrelease at build time, not a committed file
    assert "core/storage/migrations/env.py" in names
    assert any(n.startswith("core/storage/migrations/versions/0001_") for n in names)
    assert not any(n.startswith(("tests/", "resources/")) for n in names)
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
    urls = [
        line for line in zipfile.ZipFile(wheel).read(metadata).decode().splitlines() if line.startswith("Project-URL")
    ]
    assert f"Project-URL: Homepage, {HOMEPAGE}" in urls  # from desktop/identity.py, the one place

    python = fresh_venv(tmp_path / "venv")
    pip = [str(python), "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "-q", "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True)
    check = subprocess.run([*pip, "check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    installed = time.monotonic()

    bin_dir = python.parent
    assert (bin_dir / "nutdesk-gui").exists()
    # Away from the checkout, with a clean environment: nothing may come from the sources.
    home = tmp_path / "home"
    env = {
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    where = subprocess.run(
        [str(python), "-c", "import desktop; print(desktop.__file__)"],
        env=env,
        cwd=home.parent,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(tmp_path / "venv"))

    def nutdesk(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bin_dir / "nutdesk"), "--data-dir", str(home / "data"), *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            stdin=subprocess.DEVNULL,
        )

    version = nutdesk("--version")
    assert version.stdout.strip() == f"nutdesk {pyproject_version()}"
    init = nutdesk("init")
    assert init.returncode == 0, init.stderr
    assert (home / "data" / "wallet.sqlite3").exists()
    balance = nutdesk("--json", "balance")
    assert balance.returncode == 0, balance.stderr
    assert json.loads(balance.stdout) == {"mints": [], "total": {}}
    smoke = nutdesk("--smoke-test", "1")
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    report = json.loads(smoke.stdout.strip().splitlines()[-1])
    assert report["passed"] and report["smoke_test"]["about_version"] == pyproject_version()
    done = time.monotonic()
    print(
        f"\nwheel: build {built - started:.1f} s, venv + install + pip check {installed - built:.1f} s, "
        f"commands and window {done - installed:.1f} s"
    )
