"""The one version of Nutdesk is pyproject.toml's; everything that shows a version asks here.

A source checkout (and the frozen app, which carries pyproject.toml next to its packages) reads the file itself, so
an editable install made before a version bump never shows a stale number; an installed wheel asks its metadata.
"""

from __future__ import annotations

from pathlib import Path

from desktop.identity import HOMEPAGE  # re-exported: the About dialog's link (the one place is desktop/identity.py)

__all__ = ["HOMEPAGE", "LICENSE", "app_version"]

LICENSE = "MIT"
_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def _from_pyproject(path: Path) -> str | None:
    import tomllib  # only when a version is shown: ≈ 3 ms a command otherwise

    try:
        project = tomllib.loads(path.read_text(encoding="utf-8")).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return None
    found = project.get("version") if project.get("name") == "nutdesk" else None
    return found if isinstance(found, str) else None


def app_version() -> str:
    from_source = _from_pyproject(_PYPROJECT)
    if from_source is not None:
        return from_source
    from importlib.metadata import PackageNotFoundError, version  # ≈ 15 ms: only for an installed wheel

    try:
        return version("nutdesk")
    except PackageNotFoundError:
        return "0+unknown"
