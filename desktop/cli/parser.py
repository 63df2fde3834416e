"""The ``nutdesk`` command line, as ``shared/reference/cli-contract.md`` lists it."""

from __future__ import annotations

import argparse

from desktop.cli.registry import command_modules
from desktop.version import app_version

__all__ = ["build_parser", "package_version"]


def package_version() -> str:
    return app_version()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="nutdesk",
        description="Nutdesk: a desktop Cashu ecash wallet and point-of-sale console. "
        "With no command the window opens; with a command it runs headless.",
    )
    p.add_argument("--version", action="version", version=f"nutdesk {package_version()}")
    p.add_argument("--data-dir", help="wallet data directory (default: $NUTDESK_DATA_DIR or the user data dir)")
    p.add_argument("--json", action="store_true", help="print exactly one JSON object on stdout")
    p.add_argument("--password-file", help="read the wallet password from this file (- for stdin)")
    p.add_argument("--debug", action="store_true", help="show tracebacks and debug logs")
    p.add_argument("--demo", action="store_true", help="open the app against a local demo mint with demo funds")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    for module in command_modules():
        module.add_parsers(sub)
    return p
