"""The error explanations speak the user's language: core.api.messages writes every one through a translator
(core imports no Qt), and each has its German in the GUI's Qt Linguist source and in the CLI's catalogue. A new
explanation without German, or one written around the translator, fails here; the GUI's dialog and the CLI's
error line show the German."""

from __future__ import annotations

import ast
import asyncio
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import core.api.messages as messages
from core.api.messages import explain, restore_summary, use_translator
from core.api.service import WalletService
from core.config import Config
from core.errors import (
    DatabaseUnreachable,
    InsufficientBalance,
    InvalidPassword,
    MintRefusalUnclear,
    MintRejected,
    MintUnreachable,
    NutdeskError,
    OutcomeUnknown,
    ProofsAlreadySpent,
    QuoteExpired,
    QuoteNotPaid,
    StorageError,
    TokenDecodeError,
)
from desktop.cli.messages_de import MESSAGES
from desktop.gui.errors import ERROR_WORDS, describe_error, install_excepthook
from desktop.gui.i18n import SOURCE_TS, install_translator

ROOT = Path(__file__).resolve().parents[2]
FIELDS = re.compile(r"\{[^{}]*\}")
PYDANTIC = (
    '[{"type": "greater_than", "loc": ["body", "amount"], "msg": "Input should be greater than 0", '
    '"input": 0, "ctx": {"gt": 0}}, {"type": "less_than_equal", "loc": ["body", "outputs"], "ctx": {"le": 9}}, '
    '{"type": "greater_than_equal", "loc": ["body", "keyset_id"], "ctx": {"ge": 2}}, '
    '{"type": "missing", "loc": [], "msg": "Field required"}]'
)


def core_texts() -> list[str]:
    """The literal texts of core/api/messages.py's ``t("…")`` and ``N_("…")``: what it writes for people."""
    found: list[str] = []
    for node in ast.walk(ast.parse((ROOT / "core" / "api" / "messages.py").read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("t", "N_"):
            (arg,) = node.args
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value not in found:
                found.append(arg.value)
    return found


def _fields(text: str) -> list[str]:
    return sorted(FIELDS.findall(text))


# One error of every kind explain() tells apart (and each of its branches).
ERRORS: list[BaseException] = [
    MintUnreachable(
        "cannot connect to mint http://127.0.0.1:9: ConnectError", mint_url="http://127.0.0.1:9", sent=False
    ),
    MintUnreachable("the mint http://127.0.0.1:9 did not answer within 10 s", sent=False),
    MintUnreachable("no answer", mint_url="http://127.0.0.1:9", sent=True),
    MintUnreachable("no answer"),
    ProofsAlreadySpent("Token already spent."),
    QuoteNotPaid("quote not paid"),
    QuoteExpired("quote expired"),
    MintRejected("quote already issued", mint_code=20002),
    MintRejected("minting disabled", mint_code=20003),
    MintRejected("quote pending", mint_code=20005),
    MintRejected("invoice already paid"),
    MintRejected(PYDANTIC, detail=PYDANTIC),
    MintRejected('[{"type": "string_type", "loc": ["body", "unit"], "msg": "Input should be a string"}]'),
    MintRefusalUnclear("the mint said no"),
    MintRejected("keyset inactive", mint_code=12345),
    OutcomeUnknown("the outcome is not known"),
    TokenDecodeError("invalid CBOR: premature end of stream"),
    TokenDecodeError("not a token"),
    InsufficientBalance("not enough ecash: 5 sat of 10"),
    InvalidPassword("wrong password"),
    DatabaseUnreachable("could not connect to server"),
    StorageError("disk I/O error"),
    NutdeskError("something the core said"),
    FileNotFoundError(2, "No such file or directory", "/nowhere/wallet"),
    KeyError("x"),
]


def test_every_explanation_has_german_in_the_gui_and_in_the_cli() -> None:
    texts = core_texts()
    assert len(texts) > 40
    gui = {
        message.findtext("source") or "": message.find("translation")
        for message in ET.parse(SOURCE_TS / "nutdesk_de.ts").iter("message")
    }
    no_gui, no_cli, wrong = [], [], []
    for text in texts:
        translation = gui.get(text)
        if translation is None or translation.get("type") or not translation.text:
            no_gui.append(text)
        elif _fields(translation.text) != _fields(text):
            wrong.append(f"GUI: {text!r} → {translation.text!r}")
        german = MESSAGES.get(text)
        if not german:
            no_cli.append(text)
        elif _fields(german) != _fields(text):
            wrong.append(f"CLI: {text!r} → {german!r}")
    assert no_gui == [], "no German in nutdesk_de.ts (add it to ERROR_WORDS, make translations):\n" + "\n".join(no_gui)
    assert no_cli == [], "no German in desktop/cli/messages_de/:\n" + "\n".join(no_cli)
    assert wrong == [], "fields differ:\n" + "\n".join(wrong)
    assert set(ERROR_WORDS) == set(texts)  # the GUI's list (what lupdate extracts) is the core's


def test_no_explanation_is_written_around_the_translator() -> None:
    """With a translator that brackets what it is given, every word of an explanation is inside brackets, except
    the error's own text (the mint's or another layer's words, kept as they are)."""

    def bracket(text: str) -> str:
        return f"⟦{text}⟧"

    seen = 0
    for error in ERRORS:
        explained = explain(error, bracket)
        for part in (explained.what, explained.todo):
            left = part
            while "⟦" in left:  # the innermost bracketed text first (a translated field inside a translated text)
                left = re.sub(r"⟦[^⟦⟧]*⟧", " ", left)
            for own in (explained.detail, getattr(error, "strerror", None), "/nowhere/wallet"):
                if own:
                    left = left.replace(messages.sentence(own), " ").replace(own, " ")
            assert not re.search(r"[A-Za-z]{2,}", left), f"{type(error).__name__}: untranslated words in {part!r}"
            seen += "⟦" in part
    assert seen > 30
    assert restore_summary("http://m", 5, translate=bracket).startswith("⟦")
    assert restore_summary("http://m", 0, translate=bracket).startswith("⟦")


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert install_translator(qapp, language="de") == "de"
    yield
    install_translator(qapp, language="en")


def test_the_gui_error_dialog_and_the_views_explain_in_german(german: None, tmp_path: Path) -> None:
    title, message = describe_error(TokenDecodeError("invalid CBOR: premature end of stream"))
    assert title == "Vorgang fehlgeschlagen"
    assert message.startswith("Dieses Token ist unvollständig oder beschädigt. Kopieren Sie das ganze Token")
    _, message = describe_error(MintRejected(PYDANTIC, detail=PYDANTIC))
    assert message.startswith("Die Mint hat die Anfrage abgelehnt: der Betrag muss größer als 0 sein")
    _, message = describe_error(KeyError("x"))
    assert message == (
        "Etwas Unerwartetes ist schiefgegangen (KeyError: 'x'). Starten Sie Nutdesk mit --debug, um die "
        "Einzelheiten zu sehen, und melden Sie den Fehler bitte."
    )
    # The views call explain() without a translator: the GUI's start-up (install_excepthook) installs Qt's.
    from desktop.gui.errors import ErrorReporter

    previous = use_translator(None)
    undo = install_excepthook(ErrorReporter())
    try:
        assert explain(QuoteNotPaid("not paid")).text == (
            "Die Rechnung ist noch nicht bezahlt. Bezahlen Sie sie und versuchen Sie es dann noch einmal."
        )
        assert asyncio.run(_receive_view_error(tmp_path / "w", CUT_OFF)).startswith(
            "Dieses Token ist unvollständig oder beschädigt."
        )
    finally:
        undo()
        use_translator(previous)
    assert explain(QuoteNotPaid("not paid")).text == "The invoice has not been paid yet. Pay it, then try again."


CUT_OFF = "cashuBo2FteBZodHRwOi8vMTI3LjAuMC4xOjM4OTU3YXVjc2F0"  # a token cut short: its CBOR ends early


async def _receive_view_error(data_dir: Path, text: str) -> str:
    """What the Receive view says under the pasted ``text`` (its state, as the view shows it)."""
    from desktop.gui.views.receive.state import ReceiveState

    service = WalletService.open(Config(data_dir=data_dir))
    service.create_wallet()
    try:
        state = ReceiveState(service)
        await state.set_text(text)
        return state.error
    finally:
        await service.close()


def _nutdesk(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "w"), *args],
        capture_output=True,
        text=True,
        env={**clean, "NUTDESK_PASSWORD": "", **env},
        cwd=ROOT,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_the_cli_error_line_is_german_in_a_german_locale(tmp_path: Path) -> None:
    assert _nutdesk(tmp_path, "init", LANG="de_DE.UTF-8").returncode == 0
    german = _nutdesk(tmp_path, "receive", "cashuBxyz", LANG="de_DE.UTF-8")
    assert german.returncode == 1
    assert "nutdesk: Dieses Token ist unvollständig oder beschädigt. Kopieren Sie" in german.stderr
    english = _nutdesk(tmp_path, "receive", "cashuBxyz", LANG="C.UTF-8")
    assert "nutdesk: This token is incomplete or damaged. Copy the whole token" in english.stderr
