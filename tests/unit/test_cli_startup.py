"""A CLI command imports what it uses: its own command module, no Alembic when the schema is current, no Qt."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from alembic.config import Config as AlembicConfig
from alembic.script import ScriptDirectory

from core.storage.db import MIGRATIONS_DIR, Database, head_revision
from desktop.cli.registry import COMMAND_INDEX, command_for, command_modules


def test_command_index_names_the_module_of_every_command() -> None:
    registered: dict[str, str] = {}
    for module in command_modules():
        sub = argparse.ArgumentParser().add_subparsers()
        module.add_parsers(sub)
        registered.update(dict.fromkeys(sub.choices, module.__name__))
    assert registered == COMMAND_INDEX


def test_command_for_skips_top_level_options_and_their_values() -> None:
    assert command_for(["--data-dir", "balance", "--json", "send", "10"]) == "send"
    assert command_for(["--json", "--password-file", "-", "history", "--csv"]) == "history"
    assert command_for(["--db", "postgresql://till@host/shop", "--till", "bar", "pos", "sell"]) == "pos"
    assert command_for(["--debug"]) is None


def test_head_revision_read_from_the_files_is_alembics_head() -> None:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert head_revision() == ScriptDirectory.from_config(cfg).get_current_head()


def test_a_new_database_is_migrated_and_a_current_one_opens_without_alembic(tmp_path: Path) -> None:
    path = tmp_path / "w" / "wallet.sqlite3"
    Database.open_file(path).close()  # migrates: Alembic is imported here
    code = (
        "import sys; from pathlib import Path; from core.storage.db import Database;"
        f"Database.open_file(Path({str(path)!r})).close();"
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_balance_imports_only_its_command_module_and_no_alembic_or_qt(tmp_path: Path) -> None:
    data = tmp_path / "w"
    init = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data), "init"], capture_output=True)
    assert init.returncode == 0, init.stderr
    code = (
        "import sys; from desktop.__main__ import main;"
        f"code = main(['--data-dir', {str(data)!r}, 'balance']);"
        "print(sorted(m for m in sys.modules if m.startswith(('alembic', 'PySide6', 'desktop.cli.cmd_'))))"
    )
    env = {**os.environ, "NUTDESK_PASSWORD": ""}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    loaded = result.stdout.strip().splitlines()[-1]
    assert "alembic" not in loaded
    assert "PySide6" not in loaded
    assert "desktop.cli.cmd_pos" not in loaded


def test_the_window_path_parses_without_importing_any_command_module() -> None:
    code = (
        "import sys; from desktop.cli.parser import build_parser;"
        "build_parser(['--data-dir', 'x']).parse_args(['--data-dir', 'x']);"
        "print([m for m in sys.modules if m == 'desktop.cli.commands' or m.startswith('desktop.cli.cmd_')])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
