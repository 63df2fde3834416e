"""The CLI's words go through one catalogue (desktop/cli/catalogue.py): every ``_("…")`` has its German, with the
same fields to format, and no text for people is printed around it."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

from desktop.cli.messages_de import MESSAGES

CLI = Path(__file__).resolve().parents[2] / "desktop" / "cli"
SPEAKING = {"say", "progress", "print", "UserFacingError"}  # the calls that put words in front of people
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _fields(text: str) -> list[str]:
    """The fields a text formats (``{1}`` of ``{1:>10}``): German may pad or drop an English plural (``{1:.0}``)."""
    return sorted(re.split(r"[:!]", field[1:-1])[0] for field in PLACEHOLDER.findall(text))


def _calls(name: str | None = None) -> list[tuple[str, ast.Call]]:
    found = []
    for path in sorted(CLI.glob("*.py")):
        if path.name == "messages_de.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call):
                func = node.func
                called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if name is None or called == name:
                    found.append((f"{path.name}:{node.lineno}", node))
    return found


def test_every_catalogued_message_has_its_german_with_the_same_placeholders() -> None:
    missing, wrong, dynamic = [], [], []
    calls = _calls("_")
    assert len(calls) > 200
    for where, call in calls:
        arg = call.args[0]
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            dynamic.append(where)  # lupdate-like extraction needs the literal text
            continue
        german = MESSAGES.get(arg.value)
        if german is None:
            missing.append(f"{where}: {arg.value!r}")
        elif _fields(german) != _fields(arg.value):
            wrong.append(f"{where}: {arg.value!r} → {german!r}")
    assert missing == [], "no German for:\n" + "\n".join(missing)
    assert wrong == [], "placeholders differ:\n" + "\n".join(wrong)
    assert dynamic == [], "_() of a non-literal:\n" + "\n".join(dynamic)


def test_no_words_are_printed_around_the_catalogue() -> None:
    def words(node: ast.expr) -> bool:
        texts = [node.value] if isinstance(node, ast.Constant) and isinstance(node.value, str) else []
        if isinstance(node, ast.JoinedStr):
            texts = [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
        return any(re.search(r"[A-Za-z]{3,}", t) and "://" not in t for t in texts)

    loose = []
    for where, call in _calls():
        func = call.func
        called = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        if called in SPEAKING and call.args and words(call.args[0]):
            loose.append(where)
        loose += [f"{where} help=" for k in call.keywords if k.arg in ("help", "description") and words(k.value)]
    assert loose == [], "printed without _():\n" + "\n".join(loose)


def _init(tmp_path: Path, **env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "w"), "init"],
        capture_output=True,
        text=True,
        check=True,
        env={**clean, "NUTDESK_PASSWORD": "", **env},
        cwd=CLI.parents[1],
    )
    return done.stdout


def test_the_cli_speaks_german_in_a_german_locale_and_english_otherwise(tmp_path: Path) -> None:
    assert "Wiederherstellungswörter" in _init(tmp_path / "de", LANG="de_DE.UTF-8")
    assert "recovery words" in _init(tmp_path / "c", LANG="C.UTF-8")
    assert "recovery words" in _init(tmp_path / "override", LANG="de_DE.UTF-8", NUTDESK_LANG="en")
