"""Secrets given to the CLI without the command line: tokens and passwords from stdin, a file, the environment or a
prompt.

A command line is visible to every local user (``ps``, ``/proc/PID/cmdline``) and lands in the shell history, so a
token (bearer money) or a password should not be typed there: ``nutdesk receive -`` reads the token from stdin,
``--file F`` from a file; passwords come from ``NUTDESK_PASSWORD``, ``--password-file F`` (``-``: stdin), the OS
keyring, or a prompt. A token on the command line still works (scripts rely on it), with a one-line warning.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from core.errors import UserFacingError
from desktop.cli.catalogue import _

__all__ = ["read_file_or_stdin", "read_new_password", "token_argument"]


def read_file_or_stdin(path: str) -> str:
    """The text of ``path`` (``-``: stdin), surrounding whitespace removed."""
    if path == "-":
        return sys.stdin.read().strip()
    try:
        return Path(path).expanduser().read_text().strip()
    except OSError as exc:
        raise UserFacingError(_("cannot read {0}: {1}").format(path, exc.strerror or exc)) from exc


def token_argument(token: str | None, file: str | None) -> str:
    """The token of a command: ``TOKEN``, ``-`` for stdin, or ``--file F``."""
    if file is not None and token not in (None, "-"):
        raise UserFacingError(_("give the token either as an argument or with --file, not both"))
    if file is not None:
        text = read_file_or_stdin(file)
    elif token is None or token == "-":
        if token is None and sys.stdin.isatty():
            raise UserFacingError(_("no token given: pass it on stdin (TOKEN = -) or with --file FILE"))
        text = sys.stdin.read().strip()
    else:
        print(
            _("nutdesk: note: a token on the command line is visible to other local users; use - (stdin) or --file"),
            file=sys.stderr,
        )
        text = token.strip()
    if not text:
        raise UserFacingError(_("the token is empty"))
    return text


def read_new_password(prompt: str = "New wallet password: ") -> str:
    """A new password typed twice at the terminal (the confirmation catches a typo that would lock the wallet)."""
    if not sys.stdin.isatty():
        raise UserFacingError(
            _("no password given: set the variable or give a file (a new one is asked only on a terminal)")
        )
    first = getpass.getpass(prompt)
    if getpass.getpass(_("Repeat it: ")) != first:
        raise UserFacingError(_("the two passwords differ"))
    return first
