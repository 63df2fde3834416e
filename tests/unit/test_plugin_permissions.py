"""A plugin runs with the unlocked wallet: plugins another user could change are refused, with the reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from backends.registry import BackendRegistry

PLUGIN = """
from backends.registry import register_backend
from backends.fake import FakeBackend

@register_backend("PermTest{n}")
class PermTest{n}(FakeBackend):
    pass
"""


def write_plugin(directory: Path, name: str, n: int) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.py"
    path.write_text(PLUGIN.format(n=n))
    path.chmod(0o644)
    directory.chmod(0o755)
    return path


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_private_plugin_loads(tmp_path: Path) -> None:
    write_plugin(tmp_path / "plugins", "ok", 1)
    registry = BackendRegistry()
    assert registry.load_plugin_dirs([tmp_path / "plugins"]) == ["PermTest1"]
    assert registry.errors == []


def test_a_plugin_file_writable_by_others_is_refused(tmp_path: Path) -> None:
    path = write_plugin(tmp_path / "plugins", "open_file", 2)
    path.chmod(0o666)
    registry = BackendRegistry()
    assert registry.load_plugin_dirs([tmp_path / "plugins"]) == []
    (error,) = registry.errors
    assert "writable by other users" in error.error and "unlocked wallet" in error.error
    assert "PermTest2" not in registry


def test_a_plugin_directory_writable_by_others_is_refused(tmp_path: Path) -> None:
    write_plugin(tmp_path / "plugins", "in_open_dir", 3)
    (tmp_path / "plugins").chmod(0o777)
    registry = BackendRegistry()
    assert registry.load_plugin_dirs([tmp_path / "plugins"]) == []
    assert "writable by other users" in registry.errors[0].error


def test_a_package_with_a_file_writable_by_group_is_refused(tmp_path: Path) -> None:
    package = tmp_path / "plugins" / "pkg"
    write_plugin(package, "__init__", 4)
    helper = package / "helper.py"
    helper.write_text("X = 1\n")
    helper.chmod(0o664)
    registry = BackendRegistry()
    assert registry.load_plugin_dirs([tmp_path / "plugins"]) == []
    assert "helper.py is writable by other users" in registry.errors[0].error
