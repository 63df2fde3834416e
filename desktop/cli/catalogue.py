"""The CLI's one message catalogue: every text printed for people goes through ``_()``, which gives the German of
``desktop/cli/messages_de/`` when the system language is German (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
``LANG``, as gettext reads them; ``NUTDESK_LANG=en|de`` overrides) and the English source text otherwise.

``--json`` output keeps its stable keys and codes; only the words change. A string missing from the catalogue
shows in English (tests/unit/test_cli_catalogue.py fails on one).

``install()`` (run by the parser) routes the words the CLI does not write itself through the same catalogue:
argparse's ("usage:", "options", its errors), which it looks up in its module globals ``_`` and ``ngettext`` at
call time, and the core's words (core.api.messages' error explanations and every ``t("…")`` of core/ and backends/,
whose German is desktop/core_messages_de/, shared with the GUI), through the core's translator hook.
"""

from __future__ import annotations

import argparse
import os
from functools import cache

from core.i18n import use_translator

__all__ = ["LANGUAGES", "_", "argparse_plural", "argparse_word", "cli_language", "install"]

LANGUAGES = ("en", "de")


@cache
def cli_language() -> str:
    override = os.environ.get("NUTDESK_LANG", "")
    if override in LANGUAGES:
        return override
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if not value:
            continue
        for item in value.split(":"):  # LANGUAGE is a priority list
            code = item.split(".")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
        return "en"  # the first variable set decides, as in gettext (C / POSIX → English)
    return "en"


@cache
def _catalogue() -> dict[str, str]:
    if cli_language() != "de":
        return {}
    from desktop.cli.messages_de import MESSAGES
    from desktop.core_messages_de import CORE_MESSAGES

    return {**CORE_MESSAGES, **MESSAGES}  # the core's words (shared with the GUI) and the CLI's own


def _(text: str) -> str:
    """``text`` in the user's language (the English source when there is no translation)."""
    return _catalogue().get(text, text)


def argparse_word(text: str) -> str:
    """argparse's ``_``: its own words in the user's language."""
    if cli_language() != "de":
        return text
    from desktop.cli.messages_de import ARGPARSE

    return ARGPARSE.get(text, text)


def argparse_plural(singular: str, plural: str, n: int) -> str:
    """argparse's ``ngettext`` (German has English's two forms: one, and every other number)."""
    chosen = (singular, plural)
    if cli_language() == "de":
        from desktop.cli.messages_de import ARGPARSE_PLURALS

        chosen = ARGPARSE_PLURALS.get(chosen, chosen)
    return chosen[0] if n == 1 else chosen[1]


def install() -> None:
    """argparse's words and the core's error explanations through this catalogue (idempotent)."""
    module = vars(argparse)
    module["_"] = argparse_word
    module["ngettext"] = argparse_plural
    use_translator(_)
