"""The command line's headless basics: --version, --help, no display, no Qt on the CLI path, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

NUTDESK = [sys.executable, "-m", "desktop"]


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*NUTDESK, *args], capture_output=True, text=True, env=env or dict(os.environ), input=input, timeout=60
    )


def test_version_prints_the_package_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("nutdesk 0.")


def test_help_lists_the_commands() -> None:
    result = run("--help")
    assert result.returncode == 0
    for command in ("init", "mint", "balance", "invoice", "receive", "send", "pay", "restore", "history"):
        assert command in result.stdout


def test_gui_without_a_display_says_so_clearly() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run(env=env)
    assert result.returncode == 2
    assert "no display" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_path_does_not_import_qt() -> None:
    code = "import sys, desktop.__main__, desktop.cli.runner; print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_commands_without_a_wallet_fail_with_a_json_error(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "--json", "balance")
    assert result.returncode == 1
    error = json.loads(result.stdout)["error"]
    assert error["code"] == "config-error"
    assert "nutdesk init" in error["message"]
    assert "Traceback" not in result.stderr


def test_init_prints_twelve_words_once_and_refuses_a_second_time(tmp_path: Path) -> None:
    first = run("--data-dir", str(tmp_path), "--json", "init")
    assert first.returncode == 0, first.stderr
    assert len(json.loads(first.stdout)["mnemonic"].split()) == 12
    second = run("--data-dir", str(tmp_path), "--json", "init")
    assert second.returncode == 1
    assert json.loads(second.stdout)["error"]["code"] == "config-error"


def test_init_restore_rejects_words_with_a_bad_checksum(tmp_path: Path) -> None:
    result = run("--data-dir", str(tmp_path), "init", "--restore", input="abandon " * 12 + "\n")
    assert result.returncode == 1
    assert "checksum" in result.stderr


def test_a_password_protected_wallet_needs_the_password(tmp_path: Path) -> None:
    env = dict(os.environ, NUTDESK_PASSWORD="correct horse")
    assert run("--data-dir", str(tmp_path), "init", "--set-password", env=env).returncode == 0
    wrong = dict(os.environ, NUTDESK_PASSWORD="wrong")
    result = run("--data-dir", str(tmp_path), "--json", "balance", env=wrong)
    assert json.loads(result.stdout)["error"]["code"] == "invalid-password"
    assert run("--data-dir", str(tmp_path), "--json", "balance", env=env).returncode == 0
