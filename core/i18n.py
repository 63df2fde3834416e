"""The core's one translator hook: every text the core and the backends write for people is a literal template
``t("… {0} …").format(value)`` (numbered fields, so a language may order them its own way), translated at the
moment it is written by the translator a front end installed (``use_translator``), English by default.

It sits at the bottom of the core (it imports nothing of Nutdesk) so any module of core/ or backends/ may use it.
Core imports no Qt and holds no language. desktop/core_messages_de/ is the German of every template here, the one
catalogue both front ends use: the CLI's catalogue includes it, the GUI installs ``core_tr`` (that catalogue, then
Qt's ``tr``). tests/ship/test_core_words.py fails on a template without German and on a new
``raise SomeError("literal")`` or f-string message that bypasses ``t()``.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["N_", "Translate", "current_translator", "t", "use_translator"]

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


_translator: list[Translate] = [_same]


def use_translator(translate: Translate | None) -> Translate:
    """Install the translator ``t`` uses (None: English); returns the previous one."""
    previous = _translator[0]
    _translator[0] = translate or _same
    return previous


def current_translator() -> Translate:
    return _translator[0]


def t(template: str) -> str:
    """``template`` in the user's language (the English source when the translator has none)."""
    return _translator[0](template)


def N_(text: str) -> str:  # gettext's name: marks a text for translation, translated where it is used
    return text
