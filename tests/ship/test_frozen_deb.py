"""The desktop build: build.spec freezes a console ``nutdesk`` and a windowed ``nutdesk-gui``; build_deb.sh packs
them as a Debian package; installed with dpkg (the CI runs as root), ``nutdesk`` is on the PATH, prints the
version, creates a wallet, and the window opens offscreen and closes with status 0. The package is removed at the
end. Prints how long each step took (about 80 s on two idle cores, most of it PyInstaller)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from desktop.resources import APP_ID
from tests.ship.packaging import copy_sources, pyproject_version


def dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    """dpkg, waiting while another dpkg or apt holds the lock (a set-up running in parallel)."""
    for _ in range(60):
        result = subprocess.run(["dpkg", *args], capture_output=True, text=True)
        if "lock" not in result.stderr:
            return result
        time.sleep(2)
    return result


def test_the_frozen_app_as_a_debian_package_installs_runs_and_opens_its_window(tmp_path: Path) -> None:
    timings: dict[str, float] = {}
    mark = time.monotonic()

    def lap(step: str) -> None:
        nonlocal mark
        now = time.monotonic()
        timings[step] = now - mark
        mark = now

    src = copy_sources(tmp_path / "src")
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", "build.spec"],
        cwd=src,
        check=True,
        capture_output=True,
    )
    frozen = src / "dist" / "nutdesk"
    assert (frozen / "nutdesk").is_file() and (frozen / "nutdesk-gui").is_file()
    assert (frozen / "_internal" / "desktop" / "nutdesk.rcc").is_file()
    assert (frozen / "_internal" / "desktop" / "translations" / "nutdesk_de.qm").is_file()
    lap("pyinstaller")

    built = subprocess.run(
        ["scripts/build_deb.sh"],
        cwd=src,
        env={**os.environ, "PYTHON": sys.executable, "DEB_LEVEL": "1"},
        check=True,
        capture_output=True,
        text=True,
    )
    deb = src / built.stdout.strip()
    version = pyproject_version()
    assert (
        deb.name
        == f"nutdesk_{version}_{subprocess.check_output(['dpkg', '--print-architecture'], text=True).strip()}.deb"
    )
    fields = subprocess.run(["dpkg-deb", "-f", str(deb), "Package", "Version"], capture_output=True, text=True)
    assert fields.stdout.split() == ["Package:", "nutdesk", "Version:", version]
    lap("deb")

    installed = dpkg("-i", str(deb))
    try:
        assert installed.returncode == 0, installed.stdout + installed.stderr
        assert os.path.realpath("/usr/bin/nutdesk") == "/opt/nutdesk/nutdesk"
        assert os.path.realpath("/usr/bin/nutdesk-gui") == "/opt/nutdesk/nutdesk-gui"  # the desktop entry's Exec
        entry = Path(f"/usr/share/applications/{APP_ID}.desktop")
        assert subprocess.run(["desktop-file-validate", str(entry)]).returncode == 0
        assert Path(f"/usr/share/icons/hicolor/256x256/apps/{APP_ID}.png").is_file()
        assert Path(f"/usr/share/metainfo/{APP_ID}.metainfo.xml").is_file()
        lap("dpkg -i")

        home = tmp_path / "home"
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}

        def nutdesk(*args: str, exe: str = "nutdesk") -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [exe, "--data-dir", str(home / "data"), *args],
                env=env,
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=120,
                stdin=subprocess.DEVNULL,
            )

        assert nutdesk("--version").stdout.strip() == f"nutdesk {version}"
        init = nutdesk("init")
        assert init.returncode == 0, init.stderr
        window = nutdesk("--smoke-test", "3", exe="nutdesk-gui")
        assert window.returncode == 0, window.stdout + window.stderr
        report = json.loads(window.stdout.strip().splitlines()[-1])
        assert report["passed"] and report["smoke_test"]["about_version"] == version
        lap("run")
    finally:
        removed = dpkg("-r", "nutdesk")
        shutil.rmtree(src, ignore_errors=True)  # ≈ 1 GB of build, folder and package: not kept in /tmp
    assert removed.returncode == 0, removed.stderr
    assert not Path("/opt/nutdesk").exists() and not Path("/usr/bin/nutdesk").exists()
    lap("dpkg -r")
    print("\nfrozen app and Debian package: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
