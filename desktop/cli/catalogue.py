"""The CLI's one message catalogue: every text printed for people goes through ``_()``, which gives the German of
``desktop/cli/messages_de.py`` when the system language is German (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``,
``LANG``, as gettext reads them; ``NUTDESK_LANG=en|de`` overrides) and the English source text otherwise.

``--json`` output keeps its stable keys and codes; only the words change. A string missing from the catalogue
shows in English (tests/unit/test_cli_catalogue.py fails on one).
"""

from __future__ import annotations

import os
from functools import cache

__all__ = ["LANGUAGES", "_", "cli_language"]

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

    return MESSAGES


def _(text: str) -> str:
    """``text`` in the user's language (the English source when there is no translation)."""
    return _catalogue().get(text, text)
