"""The layering of DESIGN.md, checked on the source: imports point down only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imported_modules(package: str) -> dict[str, set[str]]:
    """file → the top-level-qualified modules it imports (every import statement, nested ones too)."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        names: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    bad = []
    for file, modules in imported_modules(package).items():
        for module in modules:
            if any(module == f or module.startswith(f + ".") for f in forbidden):
                bad.append(f"{file} imports {module}")
    return bad


def test_core_never_imports_qt_desktop_or_backends() -> None:
    assert offenders("core", ("PySide6", "qasync", "desktop", "backends")) == []


def test_protocol_does_no_io() -> None:
    io_modules = ("httpx", "sqlalchemy", "websockets", "socket", "asyncio", "core.storage", "core.mint_client")
    assert offenders("core/protocol", io_modules) == []


def test_desktop_reaches_storage_and_network_only_through_core_api() -> None:
    assert offenders("desktop", ("sqlalchemy", "httpx", "core.storage", "core.mint_client")) == []


def test_desktop_uses_only_the_core_facade() -> None:
    inner = (
        "core.wallet",
        "core.ports",
        "core.protocol",
        "core.recovery",
        "core.payments",
        "core.pos",
        "core.analytics",
    )
    assert offenders("desktop", inner) == []


def test_backends_never_import_desktop() -> None:
    assert offenders("backends", ("desktop", "PySide6", "qasync")) == []


@pytest.mark.parametrize("forbidden", ["PySide6", "desktop"])
def test_the_checker_catches_a_violation(tmp_path: Path, forbidden: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Guard against a checker that silently finds nothing.
    fake = tmp_path / "pkg"
    fake.mkdir()
    (fake / "mod.py").write_text(f"def f():\n    import {forbidden}.x\n")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert offenders("pkg", (forbidden,)) == [f"pkg/mod.py imports {forbidden}.x"]


def test_the_wallet_and_recovery_reach_the_mint_only_through_core_ports() -> None:
    assert offenders("core/wallet", ("core.mint_client", "core.storage", "httpx", "sqlalchemy")) == []
    assert offenders("core/recovery", ("core.mint_client", "core.storage", "httpx", "sqlalchemy")) == []


def test_the_ports_own_their_data_types() -> None:
    # DESIGN.md: core/ports owns the data types that cross it. A port that re-exported the adapter's types would
    # let the wallet depend on core.mint_client by the back door.
    assert offenders("core/ports", ("core.mint_client", "core.storage", "core.wallet", "httpx", "sqlalchemy")) == []


def test_loading_the_wallet_loads_no_mint_client_and_no_storage() -> None:
    # The static check above sees direct imports only; this one follows every transitive import, in a fresh
    # interpreter so modules other tests loaded do not count.
    script = (
        "import importlib, pkgutil, sys\n"
        "import core.wallet\n"
        "for m in pkgutil.walk_packages(core.wallet.__path__, 'core.wallet.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = ('core.mint_client', 'core.storage', 'httpx', 'sqlalchemy')\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] in bad or k.startswith(bad[:2])))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_the_payment_logic_sits_below_the_facade() -> None:
    # core.payments prepares and pays over a structural PayingWallet; the facade (core.api) wires it, never the reverse.
    assert offenders("core/payments", ("core.api", "core.storage", "core.mint_client", "core.pos")) == []
