"""Strict readers for a mint's answers (used by ``core.ports.mint_types``): data from a stranger is checked, never
coerced.

A wrong type is a ``TypeError`` and a bad value a ``ValueError`` (the client turns both into a core error);
nothing is converted on the way (``int("7")``, ``int(1.5)``, ``str(None)`` would all hide a lying mint).
"""

from __future__ import annotations

from typing import Any

from core.i18n import t

__all__ = ["as_int", "as_keyset_id", "as_list", "as_object", "as_str", "opt_int", "opt_str"]


def as_int(value: Any, what: str = "number", *, minimum: int | None = 0) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(t("{0} must be an integer, not {1}").format(what, type(value).__name__))
    if minimum is not None and value < minimum:
        raise ValueError(t("{0} must be at least {1}, not {2}").format(what, minimum, value))
    return value


def as_str(value: Any, what: str = "text") -> str:
    if not isinstance(value, str):
        raise TypeError(t("{0} must be a string, not {1}").format(what, type(value).__name__))
    return value


def opt_int(value: Any, what: str = "number") -> int | None:
    return None if value is None else as_int(value, what)


def opt_str(value: Any, what: str = "text") -> str | None:
    return None if value is None else as_str(value, what)


def as_object(value: Any, what: str = "answer") -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(t("{0} must be a JSON object, not {1}").format(what, type(value).__name__))
    return value


def as_list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, list):
        raise TypeError(t("{0} must be a JSON list, not {1}").format(what, type(value).__name__))
    return value


def as_keyset_id(value: Any) -> str:
    keyset_id = as_str(value, "keyset id").lower()
    if not 2 <= len(keyset_id) <= 66 or any(c not in "0123456789abcdef" for c in keyset_id):
        raise ValueError(t("keyset id {0!r} is not hex").format(keyset_id[:70]))
    return keyset_id
