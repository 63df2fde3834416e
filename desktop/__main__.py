"""``nutdesk``: with no command the GUI opens; with a command the CLI runs headless (without importing Qt)."""

from __future__ import annotations

import sys

from desktop.cli.parser import build_parser
from desktop.cli.registry import TALKS_TO_MINTS, command_for

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        import multiprocessing  # not otherwise: a CLI command must not pay for importing it

        multiprocessing.freeze_support()  # the GUI's helper process (token file decryption) in a frozen build
    if command_for(sys.argv[1:] if argv is None else argv) in TALKS_TO_MINTS:
        from core.api import warm_tls

        warm_tls()  # the TLS context is built while the command's modules load
    parser = build_parser(argv)
    parser.add_argument(
        "--smoke-test",
        type=float,
        metavar="SECONDS",
        help="open the window, check its icons and About dialog, close it after SECONDS (packaging checks)",
    )
    args = parser.parse_args(argv)
    if args.command is None:
        from desktop.gui_main import run_gui

        return run_gui(args)
    from desktop.cli.runner import run_command

    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
