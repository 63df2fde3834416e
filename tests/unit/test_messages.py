"""Errors in the user's words: core.api.messages turns the raw errors a new user met into what happened and what
to do; the CLI prints that one line (JSON errors for argument mistakes too), --debug keeps the raw text, Ctrl-D at
a prompt is a clean message, and a frozen mint gets "still waiting" lines instead of silence."""

from __future__ import annotations

import getpass
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from core.api.messages import explain
from core.errors import MintRefusalUnclear, MintRejected, MintUnreachable, TokenDecodeError
from desktop.__main__ import main

NUTDESK = [sys.executable, "-m", "desktop"]
PYDANTIC = (
    '[{"type": "greater_than", "loc": ["body", "amount"], "msg": "Input should be greater than 0", '
    '"input": 0, "ctx": {"gt": 0}}]'
)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NUTDESK, *args], capture_output=True, text=True, env=env or dict(os.environ), timeout=60)


@pytest.mark.parametrize(
    ("error", "says", "raw"),
    [
        (
            MintRejected(PYDANTIC, detail=PYDANTIC),
            "The mint refused the request: the amount must be more than 0. Enter an amount of at least 1.",
            '"greater_than"',
        ),
        (
            # What the mint client makes of a 422 with no NUT code: a refusal proving nothing, explained all the same.
            MintRefusalUnclear(PYDANTIC, detail=PYDANTIC),
            "The mint refused the request: the amount must be more than 0. Enter an amount of at least 1.",
            '"greater_than"',
        ),
        (
            TokenDecodeError("invalid CBOR: premature end of stream (expected to read at least 1 bytes)"),
            "This token is incomplete or damaged. Copy the whole token again",
            "premature end of stream",
        ),
        (
            TokenDecodeError("token field token is missing or has the wrong type"),
            "This token is incomplete or damaged.",
            "token field token",
        ),
        (
            MintUnreachable(
                "cannot connect to mint http://127.0.0.1:9: ConnectError('All connection attempts failed')",
                mint_url="http://127.0.0.1:9",
                sent=False,
            ),
            "Could not reach the mint at 127.0.0.1:9; nothing was sent. Check the address",
            "ConnectError",
        ),
        (
            MintRejected("mint quote already paid", mint_code=20006),
            "This invoice was already paid. Nothing more to pay",
            "mint quote already paid",
        ),
        (
            MintRejected("quote already issued", mint_code=20002),
            "The ecash of this quote was already minted.",
            "already issued",
        ),
        (KeyError("x"), "Something unexpected went wrong (KeyError", "'x'"),
    ],
)
def test_each_raw_error_becomes_a_sentence_that_says_what_to_do(error: Exception, says: str, raw: str) -> None:
    explained = explain(error)
    assert explained.text.startswith(says)
    assert raw not in explained.what or isinstance(error, KeyError)
    assert raw in explained.detail  # kept for --debug and the GUI's Details


def test_a_sent_request_that_got_no_answer_says_nothing_is_lost() -> None:
    explained = explain(MintUnreachable("mint http://m.example timed out", mint_url="http://m.example", sent=True))
    assert explained.what == "The mint at m.example did not answer, so the outcome is not known yet."
    assert "Nothing is lost" in explained.todo


def test_debug_keeps_the_raw_words_and_the_traceback(tmp_path: Path) -> None:
    assert run("--data-dir", str(tmp_path), "init").returncode == 0
    plain = run("--data-dir", str(tmp_path), "receive", "cashuAeyJmb28iOiAxfQ")
    assert plain.returncode == 1 and plain.stdout == ""
    assert plain.stderr.strip().splitlines()[-1:] == [
        "nutdesk: This token is incomplete or damaged. Copy the whole token again (from 'cashuA' or 'cashuB' to "
        "its last character) and paste it in one piece."
    ]
    debug = run("--data-dir", str(tmp_path), "--debug", "receive", "cashuAeyJmb28iOiAxfQ")
    assert "Traceback" in debug.stderr and "token field token is missing" in debug.stderr
    as_json = json.loads(run("--data-dir", str(tmp_path), "--json", "receive", "cashuAeyJmb28iOiAxfQ").stdout)
    assert as_json["error"]["code"] == "invalid-token"
    assert as_json["error"]["explanation"].startswith("This token is incomplete")


@pytest.mark.parametrize(
    "args", [("mint", "add"), ("bogus",), ("send", "abc"), ("send",)], ids=["missing", "unknown", "bad-int", "nothing"]
)
def test_argument_errors_under_json_print_one_json_error(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run("--data-dir", str(tmp_path), "--json", *args)
    assert result.returncode == 2
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "usage" and error["message"]
    assert "usage:" not in result.stdout + result.stderr


@pytest.mark.parametrize("args", [("invoice", "0"), ("send", "-5"), ("transfer", "0", "--from", "a", "--to", "b")])
def test_an_amount_below_one_is_refused_before_any_mint_is_asked(tmp_path: Path, args: tuple[str, ...]) -> None:
    result = run("--data-dir", str(tmp_path), "--json", *args)
    assert result.returncode == 2
    assert "the amount must be at least 1" in json.loads(result.stdout)["error"]["message"]


def test_ctrl_d_at_the_password_prompt_is_a_clean_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        run(
            "--data-dir",
            str(tmp_path),
            "init",
            "--set-password",
            env=dict(os.environ, NUTDESK_PASSWORD="correct horse"),
        ).returncode
        == 0
    )
    monkeypatch.delenv("NUTDESK_PASSWORD", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)

    def ctrl_d(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr(getpass, "getpass", ctrl_d)
    assert main(["--data-dir", str(tmp_path), "balance"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "nutdesk: No input (Ctrl-D): nothing was done."


def test_a_frozen_mint_gets_still_waiting_lines_and_a_short_first_deadline(tmp_path: Path) -> None:
    """A mint that accepts the connection and never answers: the CLI says it is still waiting, with the time, and
    a command that only reads from the mint gives up at the first deadline with a clear message."""
    assert run("--data-dir", str(tmp_path), "init").returncode == 0
    with socket.socket() as frozen:
        frozen.bind(("127.0.0.1", 0))
        frozen.listen()
        url = f"http://127.0.0.1:{frozen.getsockname()[1]}"
        process = subprocess.Popen(
            [*NUTDESK, "--data-dir", str(tmp_path), "mint", "add", url],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            env=dict(os.environ, NUTDESK_FIRST_DEADLINE="7"),
        )
        host = url.removeprefix("http://")
        try:
            assert process.stderr is not None
            line = process.stderr.readline()
            assert line.strip() == f"nutdesk: still waiting for {host} (5 s)…"
            assert process.wait(timeout=60) == 1
            rest = process.stderr.read().strip().splitlines()
            assert rest == [
                f"nutdesk: The mint at {host} did not answer within 7 s; nothing was changed. Check the address and "
                "the network, or try again when the mint is back online."
            ]
        finally:
            process.kill()
            process.wait()
            if process.stderr is not None:
                process.stderr.close()
