"""argparse's own words speak the CLI's language: under a German locale ``nutdesk --help`` and a mistyped command
show German headings, help lines and errors (argparse looks up ``_`` and ``ngettext`` at call time and
desktop/cli/catalogue.py routes them through its catalogue); every text of the running Python's argparse has its
German, so a Python upgrade that adds one fails here."""

from __future__ import annotations

import argparse
import ast
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

from desktop.cli.messages_de import ARGPARSE, ARGPARSE_PLURALS

ROOT = Path(__file__).resolve().parents[2]
PERCENT = re.compile(r"%(?:\([a-z_]+\))?[rsd]")


def _nutdesk(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env={**clean, "COLUMNS": "200", **env},
        cwd=ROOT,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_help_and_mistakes_are_german_under_a_german_locale() -> None:
    helped = _nutdesk("--help", LANG="de_DE.UTF-8")
    assert helped.returncode == 0
    text = helped.stdout
    assert text.startswith("Aufruf: nutdesk")
    assert "Positionsargumente:" in text and "\nOptionen:" in text
    assert "diese Hilfe anzeigen und beenden" in text and "die Version anzeigen und beenden" in text
    assert "eine neue Wallet erstellen" in text  # the commands' own help, from the catalogue as before
    for english in ("usage:", "positional arguments", "options:", "show this help message", "version number"):
        assert english not in text

    sub = _nutdesk("send", "--help", LANG="de_DE.UTF-8")
    assert sub.stdout.startswith("Aufruf: nutdesk send") and "Optionen:" in sub.stdout

    wrong = _nutdesk("sned", LANG="de_DE.UTF-8")
    assert wrong.returncode == 2
    assert "Aufruf: nutdesk" in wrong.stderr
    assert "nutdesk: Fehler: Argument COMMAND: ungültige Auswahl: 'sned' (möglich: 'init'," in wrong.stderr
    assert "invalid choice" not in wrong.stderr and "error:" not in wrong.stderr

    missing = _nutdesk("send", LANG="de_DE.UTF-8")
    assert missing.returncode == 2
    assert "nutdesk send: Fehler: diese Argumente fehlen: amount, --mint" in missing.stderr

    extra = _nutdesk("--data-dir", "/nowhere", "balance", "--bogus", LANG="de_DE.UTF-8")
    assert "Fehler: unbekannte Argumente: --bogus" in extra.stderr

    # The app's language setting wins over the locale, both ways.
    assert _nutdesk("--help", LANG="de_DE.UTF-8", NUTDESK_LANG="en").stdout.startswith("usage: nutdesk")
    assert _nutdesk("--help", LANG="C.UTF-8", NUTDESK_LANG="de").stdout.startswith("Aufruf: nutdesk")


def test_help_and_mistakes_stay_english_otherwise() -> None:
    helped = _nutdesk("--help", LANG="C.UTF-8")
    assert helped.stdout.startswith("usage: nutdesk") and "show this help message and exit" in helped.stdout
    wrong = _nutdesk("sned", LANG="en_GB.UTF-8")
    assert "nutdesk: error: argument COMMAND: invalid choice: 'sned'" in wrong.stderr


def test_every_argparse_text_has_its_german_with_the_same_fields() -> None:
    singles, plurals = [], []
    for node in ast.walk(ast.parse(inspect.getsource(argparse))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if node.func.id == "_" and texts:
            singles.append(texts[0])
        elif node.func.id == "ngettext":
            plurals.append((texts[0], texts[1]))
    assert "usage: " in singles and "invalid choice: %(value)r (choose from %(choices)s)" in singles
    assert len(singles) > 30 and plurals
    missing = [s for s in singles if s not in ARGPARSE] + [" / ".join(p) for p in plurals if p not in ARGPARSE_PLURALS]
    assert missing == [], "no German for argparse's:\n" + "\n".join(missing)
    wrong = [s for s in singles if sorted(PERCENT.findall(s)) != sorted(PERCENT.findall(ARGPARSE[s]))]
    wrong += [
        " / ".join(p)
        for p in plurals
        for english, german in zip(p, ARGPARSE_PLURALS[p], strict=True)
        if PERCENT.findall(english) != PERCENT.findall(german)
    ]
    assert wrong == [], "fields differ:\n" + "\n".join(wrong)
