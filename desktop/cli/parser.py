"""The ``nutdesk`` command line, as ``shared/reference/cli-contract.md`` lists it."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.cli.catalogue import _, install
from desktop.cli.registry import command_for, command_modules
from desktop.version import app_version

__all__ = ["NutdeskParser", "build_parser", "package_version"]

EXIT_USAGE = 2


class NutdeskParser(argparse.ArgumentParser):
    """argparse, but under ``--json`` an argument error is one JSON object on stdout (scripts parse stdout), and
    in text mode one line and the usage of the command that was mistyped."""

    json_errors = False  # set from argv before parsing: the error may come before --json is parsed

    def error(self, message: str) -> None:  # type: ignore[override]
        if NutdeskParser.json_errors:
            print(json.dumps({"error": {"code": "usage", "message": message}}))
            print(_("nutdesk: {0}").format(message), file=sys.stderr)
            raise SystemExit(EXIT_USAGE)
        super().error(message)


def package_version() -> str:
    return app_version()


class _VersionAction(argparse.Action):
    """``--version``, as argparse's own, but the version (pyproject.toml read with tomllib, or the wheel's
    metadata) is looked up only when asked for, not on every command's start."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
        print(f"{parser.prog} {package_version()}")
        parser.exit()


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser; ``argv`` (the arguments it will parse) only tells it whether errors should be JSON."""
    install()  # argparse's own words ("usage:", its errors) and the core's error explanations in the CLI's language
    words = sys.argv[1:] if argv is None else argv
    NutdeskParser.json_errors = "--json" in words
    p = NutdeskParser(
        prog="nutdesk",
        description=_(
            "Nutdesk: a desktop Cashu ecash wallet and point-of-sale console. "
            "With no command the window opens; with a command it runs headless."
        ),
    )
    p.add_argument(
        "--version",
        action=_VersionAction,
        help=_("show the version and exit"),  # argparse's own text for it does not go through its translator
    )
    p.add_argument("--data-dir", help=_("wallet data directory (default: $NUTDESK_DATA_DIR or the user data dir)"))
    p.add_argument(
        "--db",
        metavar="URL",
        help=_(
            "the wallet database: sqlite:///FILE or postgresql://USER@HOST/DB for a shop's tills sharing one wallet "
            "(default: $NUTDESK_DB_URL, else the SQLite file in the data directory)"
        ),
    )
    p.add_argument("--till", metavar="NAME", help=_("this till's name in a shop of several (default: $NUTDESK_TILL)"))
    p.add_argument("--json", action="store_true", help=_("print exactly one JSON object on stdout"))
    p.add_argument("--password-file", help=_("read the wallet password from this file (- for stdin)"))
    p.add_argument("--debug", action="store_true", help=_("show tracebacks and debug logs"))
    p.add_argument("--demo", action="store_true", help=_("open the app against a local demo mint with demo funds"))
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    # Only the named command's module (a CLI start imports what the command uses); all of them for --help or a
    # word that is no command (so argparse lists the choices); none when no command is named (the window opens).
    command = command_for(words)
    help_asked = "-h" in words or "--help" in words
    modules = [] if command is None and not help_asked else command_modules(None if help_asked else command)
    for module in modules:
        module.add_parsers(sub)
    return p
