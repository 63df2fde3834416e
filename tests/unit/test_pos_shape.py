"""The point of sale's shape (issue 13): the money logic lives in ``core.pos`` as modules of at most about 400 lines,
none of which does SQL or HTTP of its own (storage through its repositories, repo.py, deliveries.py, catalog_repo.py
and giveaway_repo.py, mints through the wallet, webhook POSTs by the API layer), and ``core.api.pos`` is a thin facade
over it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
POS = ROOT / "core" / "pos"
FORBIDDEN = ("sqlalchemy", "httpx", "core.storage", "core.api", "PySide6", "desktop")


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_pos_does_no_sql_or_http_of_its_own() -> None:
    offending = {
        path.name: sorted(n for n in imported(path) if n.startswith(FORBIDDEN))
        for path in sorted(POS.glob("*.py"))
        # the repositories of the till's own tables: its only SQL
        if path.name not in ("repo.py", "deliveries.py", "catalog_repo.py", "giveaway_repo.py")
    }
    assert {name: found for name, found in offending.items() if found} == {}


def test_no_point_of_sale_module_is_over_about_400_lines() -> None:
    sizes = {p.name: len(p.read_text().splitlines()) for p in POS.glob("*.py")}
    sizes["core/api/pos.py"] = len((ROOT / "core" / "api" / "pos.py").read_text().splitlines())
    print(sorted(sizes.items(), key=lambda kv: -kv[1]))
    assert {name: n for name, n in sizes.items() if n > 410} == {}
    assert sizes["core/api/pos.py"] < 350  # the facade stays thin
