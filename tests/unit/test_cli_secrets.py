"""Secrets stay off the command line: the wallet password from the environment, a file or stdin (a new one
confirmed, at least 8 characters), tokens from stdin or a file; the OS keyring is optional and its absence is
said plainly."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from core.api import export_token_file
from desktop import keyring_unlock
from desktop.cli.runner import read_password
from tests.fakes.keyring_backend import MemoryKeyring, installed

NUTDESK = [sys.executable, "-m", "desktop"]
BASE_ENV = {k: v for k, v in os.environ.items() if not k.startswith("NUTDESK_")}


def nutdesk(data: Path, *args: str, env: dict[str, str] | None = None, input: str = "") -> tuple[int, dict, str]:
    result = subprocess.run(
        [*NUTDESK, "--json", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env={**BASE_ENV, **(env or {})},
        input=input,
        timeout=120,
    )
    return result.returncode, json.loads(result.stdout or "{}"), result.stderr


def test_the_password_is_set_changed_and_removed_without_ever_being_an_argument(tmp_path: Path) -> None:
    data = tmp_path / "w"
    assert nutdesk(data, "init")[0] == 0
    code, out, _ = nutdesk(data, "password", "set", env={"NUTDESK_NEW_PASSWORD": "short"})
    assert code == 1 and "at least 8" in out["error"]["message"]
    code, out, _ = nutdesk(data, "password", "set", env={"NUTDESK_NEW_PASSWORD": "first long password"})
    assert (code, out) == (0, {"password": True, "remembered": False})

    _, out, _ = nutdesk(data, "balance")
    assert out["error"]["code"] == "invalid-password"
    assert nutdesk(data, "balance", env={"NUTDESK_PASSWORD": "first long password"})[0] == 0
    # --password-file - reads the password from stdin.
    assert nutdesk(data, "--password-file", "-", "balance", input="first long password\n")[0] == 0

    # The new password from stdin, the current one from a file.
    current = tmp_path / "pw"
    current.write_text("first long password\n")
    code, out, err = nutdesk(
        data, "--password-file", str(current), "password", "change", "--new-password-file", "-", input="second one!\n"
    )
    assert code == 0, err
    assert nutdesk(data, "balance", env={"NUTDESK_PASSWORD": "first long password"})[0] == 1
    code, out, _ = nutdesk(data, "password", "remove", env={"NUTDESK_PASSWORD": "second one!"})
    assert (code, out["password"]) == (0, False)
    assert nutdesk(data, "balance")[0] == 0


def test_remembering_the_password_without_an_os_keyring_is_a_clear_error(tmp_path: Path) -> None:
    data = tmp_path / "w"
    nutdesk(data, "init")
    nutdesk(data, "password", "set", env={"NUTDESK_NEW_PASSWORD": "first long password"})
    code, out, err = nutdesk(data, "password", "remember", env={"NUTDESK_PASSWORD": "first long password"})
    assert code == 1 and "no OS keyring is available" in out["error"]["message"]
    assert "Traceback" not in err


def test_tokens_come_from_stdin_or_a_file_and_an_argument_is_warned_about(tmp_path: Path) -> None:
    data = tmp_path / "w"
    nutdesk(data, "init")
    # A malformed token shows that the text was read from where it was given.
    _, out, _ = nutdesk(data, "receive", "-", input="cashuBnotatoken\n")
    assert out["error"]["code"] == "invalid-token"
    token_file = tmp_path / "t.cashu"
    token_file.write_text("cashuBnotatoken\n")
    for args in (("receive", "--file", str(token_file)), ("reclaim", "--file", str(token_file))):
        _, out, err = nutdesk(data, *args)
        assert out["error"]["code"] == "invalid-token", args
        assert "visible to other local users" not in err
    _, out, err = nutdesk(data, "receive", "cashuBnotatoken")
    assert out["error"]["code"] == "invalid-token"
    assert "visible to other local users" in err


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        assert isinstance(backend, MemoryKeyring)
        yield backend


def test_a_remembered_password_unlocks_and_is_forgotten(
    tmp_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NUTDESK_PASSWORD", raising=False)
    args = argparse.Namespace(data_dir=str(tmp_path), password_file=None)
    assert keyring_unlock.available()
    assert read_password(args) is None  # nothing saved, no terminal: not asked
    assert keyring_unlock.remember(tmp_path, "kept in the keyring")
    assert read_password(args) == "kept in the keyring"
    assert keyring_unlock.forget(tmp_path)
    assert read_password(args) is None
    assert not keyring_unlock.forget(tmp_path)


def test_without_a_keyring_backend_nothing_is_remembered(tmp_path: Path) -> None:
    assert isinstance(keyring.get_keyring(), fail.Keyring)  # as on this machine
    assert not keyring_unlock.available()
    assert not keyring_unlock.remember(tmp_path, "x" * 10)
    assert keyring_unlock.recall(tmp_path) is None
    assert not keyring_unlock.forget(tmp_path)


def test_the_passphrase_of_an_encrypted_token_file_can_be_piped_on_stdin(tmp_path: Path) -> None:
    data = tmp_path / "w"
    nutdesk(data, "init")
    path = export_token_file(tmp_path / "gift.cashu.age", "cashuBnotatoken", "file passphrase")
    _, out, _ = nutdesk(data, "import", str(path), input="wrong passphrase\n")
    assert out["error"]["code"] == "invalid-password"
    # The right one opens the file: what is inside is then judged as a token.
    _, out, _ = nutdesk(data, "import", str(path), input="file passphrase\n")
    assert out["error"]["code"] == "invalid-token"
