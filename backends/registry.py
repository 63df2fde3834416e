"""The backend registry: built-in backends, entry-point plugins and plugin directories.

A backend is a class with ``type_name``, ``options`` and ``from_options`` (see ``core.ports.lightning``),
registered with ``@register_backend("Name")``. Plugins are found

- through the ``nutdesk.backends`` entry-point group (an entry point names a backend class, or a module whose
  decorated classes are taken), and
- in plugin directories: the user config directory's ``plugins/`` and every directory in
  ``NUTDESK_PLUGIN_DIRS`` (``os.pathsep``-separated). Each ``*.py`` file and each package (a folder with
  ``__init__.py``) is imported.

A plugin that fails to import or register — or that another user could change (a plugin runs with the unlocked
wallet: files or directories writable by group/others are refused) — is recorded in ``registry.errors`` (its file
and the error) and skipped: a broken plugin never stops the app.
"""

from __future__ import annotations

import builtins
import importlib
import importlib.metadata
import importlib.util
import logging
import os
import stat
import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import platformdirs

from core.errors import ConfigError
from core.i18n import t
from core.ports.lightning import BackendType

__all__ = [
    "ENTRY_POINT_GROUP",
    "BackendRegistry",
    "PluginError",
    "default_plugin_dirs",
    "default_registry",
    "register_backend",
]

log = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "nutdesk.backends"
PLUGIN_DIRS_ENV = "NUTDESK_PLUGIN_DIRS"
_MARK = "__nutdesk_backend__"

C = TypeVar("C", bound=type)


@dataclass(frozen=True)
class PluginError:
    """A plugin that could not be loaded: where it came from and why."""

    source: str  # a file path, or "entry point <name> (<value>)"
    error: str
    traceback: str = ""

    def __str__(self) -> str:
        return f"{self.source}: {self.error}"


@dataclass(frozen=True)
class _Entry:
    cls: type[BackendType]
    origin: str  # "builtin", a file path, or "entry point …"


def _key(name: str) -> str:
    return name.strip().lower()


class BackendRegistry:
    """Backend types by name (case-insensitive lookup, the registered spelling is kept for display)."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._names: dict[str, str] = {}
        self.errors: list[PluginError] = []
        self._plugin_counter = 0

    # --- the registry ---------------------------------------------------------------------------

    def register(self, name: str, cls: type[Any], *, origin: str = "builtin", replace: bool = False) -> None:
        _check_backend_class(name, cls)
        key = _key(name)
        if key in self._entries and not replace and self._entries[key].cls is not cls:
            raise ConfigError(
                t("a backend named {0!r} is already registered (from {1})").format(name, self._entries[key].origin)
            )
        self._entries[key] = _Entry(cls, origin)
        self._names[key] = name

    def get(self, name: str) -> type[BackendType]:
        entry = self._entries.get(_key(name))
        if entry is None:
            known = ", ".join(self.list()) or "none"
            raise ConfigError(t("unknown backend type {0!r} (known: {1})").format(name, known))
        return entry.cls

    def origin(self, name: str) -> str:
        self.get(name)
        return self._entries[_key(name)].origin

    def list(self) -> builtins.list[str]:
        return sorted(self._names.values(), key=str.lower)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and _key(name) in self._entries

    # --- discovery ------------------------------------------------------------------------------

    def register_module(self, module: ModuleType, *, origin: str) -> builtins.list[str]:
        """Register every class in ``module`` marked by ``@register_backend``; returns their names."""
        found = []
        for value in list(vars(module).values()):
            name = getattr(value, _MARK, None) if isinstance(value, type) else None
            if name is not None and value.__module__ == module.__name__:
                self.register(name, value, origin=origin, replace=True)
                found.append(name)
        return found

    def load_entry_points(self, group: str = ENTRY_POINT_GROUP) -> builtins.list[str]:
        loaded: builtins.list[str] = []
        for ep in importlib.metadata.entry_points(group=group):
            source = f"entry point {ep.name} ({ep.value})"
            try:
                obj = ep.load()
                if isinstance(obj, ModuleType):
                    names = self.register_module(obj, origin=source)
                    if not names:
                        raise ConfigError(t("the module registers no backend (use @register_backend)"))
                    loaded += names
                else:
                    name = getattr(obj, _MARK, None) or ep.name
                    self.register(name, obj, origin=source, replace=True)
                    loaded.append(name)
            except Exception as exc:  # a broken plugin must never stop the app
                self._record(source, exc)
        return loaded

    def load_plugin_dirs(self, dirs: Iterable[Path]) -> builtins.list[str]:
        loaded: builtins.list[str] = []
        for directory in dirs:
            if not directory.is_dir():
                continue
            try:
                check_not_writable_by_others(directory)
            except ConfigError as exc:
                self._record(str(directory), exc)
                continue
            for path in sorted(directory.iterdir()):
                if path.name.startswith((".", "_")):
                    continue
                if path.is_dir() and (path / "__init__.py").is_file():
                    loaded += self.load_plugin_file(path / "__init__.py", package=True)
                elif path.suffix == ".py" and path.is_file():
                    loaded += self.load_plugin_file(path)
        return loaded

    def load_plugin_file(self, path: Path, *, package: bool = False) -> builtins.list[str]:
        self._plugin_counter += 1
        stem = path.parent.name if package else path.stem
        module_name = f"nutdesk_plugins.{_identifier(stem)}_{self._plugin_counter}"
        source = str(path.parent if package else path)
        try:
            # A plugin runs with the unlocked wallet: code that others could have changed is never run.
            for part in (path.parent, path):
                check_not_writable_by_others(part)
            if package:
                for inner in path.parent.rglob("*"):
                    check_not_writable_by_others(inner)
            spec = importlib.util.spec_from_file_location(
                module_name, path, submodule_search_locations=[str(path.parent)] if package else None
            )
            if spec is None or spec.loader is None:
                raise ConfigError(t("not an importable Python file"))
            module = importlib.util.module_from_spec(spec)
            sys.modules[module_name] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                sys.modules.pop(module_name, None)
                raise
            names = self.register_module(module, origin=source)
            if not names:
                raise ConfigError(t("the plugin registers no backend (decorate a class with @register_backend)"))
            return names
        except Exception as exc:  # a broken plugin must never stop the app
            self._record(source, exc)
            return []

    def _record(self, source: str, exc: BaseException) -> None:
        error = PluginError(source, f"{type(exc).__name__}: {exc}", traceback.format_exc())
        log.warning("backend plugin %s failed to load: %s", source, error.error)
        self.errors.append(error)

    def discover(self, plugin_dirs: Iterable[Path] | None = None, *, entry_points: bool = True) -> BackendRegistry:
        """Add the built-ins, then entry points, then plugin directories (later ones may replace a name)."""
        register_builtins(self)
        if entry_points:
            self.load_entry_points()
        self.load_plugin_dirs(default_plugin_dirs() if plugin_dirs is None else plugin_dirs)
        return self


def check_not_writable_by_others(path: Path) -> None:
    """``ConfigError`` (with the reason) unless only its owner — us or root — may change ``path``.

    A plugin runs inside the wallet with its keys unlocked, so a plugin file, its package or its directory
    that another user can write is as good as handing them the wallet. POSIX only (Windows ACLs differ).
    """
    if os.name != "posix":
        return
    try:
        info = path.stat()
    except OSError as exc:
        raise ConfigError(t("cannot check {0}: {1}").format(path, exc)) from exc
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        raise ConfigError(
            t(
                "refused: {0} is writable by other users (mode {1:o}); a plugin runs with the "
                "unlocked wallet — run 'chmod go-w {0}'"
            ).format(path, stat.S_IMODE(info.st_mode))
        )
    if info.st_uid not in (os.getuid(), 0):
        raise ConfigError(
            t("refused: {0} belongs to another user (uid {1}); a plugin runs with the unlocked wallet").format(
                path, info.st_uid
            )
        )


def _identifier(text: str) -> str:
    cleaned = "".join(ch if ch.isalnum() else "_" for ch in text)
    return cleaned if cleaned and not cleaned[0].isdigit() else f"p_{cleaned}"


def _check_backend_class(name: str, cls: Any) -> None:
    if not isinstance(cls, type):
        raise ConfigError(t("backend {0!r} is not a class").format(name))
    missing = [a for a in ("from_options", "options") if not hasattr(cls, a)]
    if missing:
        raise ConfigError(t("backend {0!r} ({1}) lacks {2}").format(name, cls.__qualname__, ", ".join(missing)))


def default_registry(plugin_dirs: Iterable[Path] | None = None) -> BackendRegistry:
    """A registry with the built-ins, the entry-point plugins and the plugin directories' backends."""
    return BackendRegistry().discover(plugin_dirs)


def register_backend(name: str) -> Callable[[C], C]:
    """Class decorator: mark ``cls`` as the backend ``name``.

    Discovery (built-ins, entry points, plugin directories) registers every marked class of a module it loads;
    ``registry.register_module(module)`` does the same for a module imported by hand.
    """

    def decorate(cls: C) -> C:
        _check_backend_class(name, cls)
        setattr(cls, _MARK, name)
        if "type_name" not in vars(cls):
            cls.type_name = name  # type: ignore[attr-defined]
        return cls

    return decorate


BUILTIN_MODULES = (
    "backends.fake",
    "backends.lnbits",
    "backends.lnd",
    "backends.cln",
    "backends.blink",
    "backends.nwc",
)


def register_builtins(registry: BackendRegistry) -> None:
    for module_name in BUILTIN_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:  # an optional built-in whose module is not there
            registry._record(module_name, exc)
            continue
        registry.register_module(module, origin="builtin")


def default_plugin_dirs() -> list[Path]:
    """``<user config dir>/plugins`` plus ``NUTDESK_PLUGIN_DIRS``."""
    dirs = [Path(platformdirs.user_config_dir("nutdesk", appauthor=False)) / "plugins"]
    extra = os.environ.get(PLUGIN_DIRS_ENV, "")
    dirs += [Path(p).expanduser() for p in extra.split(os.pathsep) if p.strip()]
    return dirs
