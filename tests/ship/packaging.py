"""Helpers of the packaging tests: a clean copy of the sources, a wheel built from it, a fresh virtual environment."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What a build reads: the wheel needs the packages and resources; PyInstaller and the Debian package also the spec.
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE", "build.spec")
PACKAGES = ("core", "backends", "desktop", "resources", "scripts")


def pyproject_version() -> str:
    version: str = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    return version


def copy_sources(target: Path) -> Path:
    """The tracked-file view of the checkout, so a build never writes build/ or *.egg-info into the worktree
    (nor races another build there) and never picks up stray files."""
    target.mkdir(parents=True)
    for name in SOURCES:
        shutil.copy2(ROOT / name, target / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "nutdesk.rcc", "*.qm", "*.egg-info")
    for name in PACKAGES:
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    return target


def build_wheel(sources: Path, out: Path) -> Path:
    """``pip wheel`` without build isolation: the build requirements (setuptools, PySide6 for rcc) are those of
    the running environment, so nothing is downloaded."""
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), str(sources)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("nutdesk-*.whl")
    return wheel


def fresh_venv(path: Path) -> Path:
    """A new virtual environment (its own prefix, site-packages and scripts) whose dependencies are the running
    environment's, seen through one .pth line: the same versions the suite tests, without copying 775 MB or
    downloading. Only plain path lines of a .pth are followed, so the shared environment's editable install
    of Nutdesk (an import hook in its own .pth) stays invisible: ``desktop`` can only come from the wheel."""
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    python = path / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "_nutdesk_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return python


def dependencies_only(target: Path) -> Path:
    """A folder that shows the running environment's packages (symbolic links) but not Nutdesk itself (its
    editable install's finder and metadata), for a tool that creates its own environment (pipx) to see the
    dependencies through ``PYTHONPATH`` or one .pth line without downloading them."""
    target.mkdir(parents=True)
    source = Path(sysconfig.get_paths()["purelib"])
    for entry in source.iterdir():
        if entry.name.startswith(("nutdesk-", "__editable__", "_nutdesk")) or entry.suffix == ".pth":
            continue
        (target / entry.name).symlink_to(entry)
    return target


def path_wheel(folder: Path, out: Path) -> Path:
    """A wheel holding only a .pth line that puts ``folder`` on ``sys.path``: installed first into an environment
    a tool makes (``pipx install --preinstall``), it shows that environment the dependencies in ``folder``."""
    name, version = "nutdesk_test_dependencies", "0"
    info = f"{name}-{version}.dist-info"
    files = {
        f"{name}.pth": f"{folder}\n",
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: tests\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = "".join(f"{path},,\n" for path in files) + f"{info}/RECORD,,\n"
    out.mkdir(parents=True, exist_ok=True)
    wheel = out / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in {**files, f"{info}/RECORD": record}.items():
            archive.writestr(path, text)
    return wheel
