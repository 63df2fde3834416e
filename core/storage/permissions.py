"""Owner-only permissions for the data directory: the directory (and every directory in it) 0700, every file 0600.

The database, its ``-wal``/``-shm`` files, logs and settings hold bearer money or what leads to it, so no other
local user may read them. New files are created under a 0077 umask (SQLite gives its ``-wal``/``-shm`` files the
database file's mode), and an existing data directory is fixed when a wallet opens it. On Windows the POSIX modes
mean little (the user profile is private already), so nothing is changed there.
"""

from __future__ import annotations

import io
import logging.handlers
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["DIR_MODE", "FILE_MODE", "OwnerOnlyRotatingFileHandler", "private_umask", "secure_data_dir"]

DIR_MODE = 0o700
FILE_MODE = 0o600


@contextmanager
def private_umask() -> Iterator[None]:
    """Files and directories created inside are owner-only. The umask is per process, so this is held only around
    the few calls that create the wallet's files (opening the data directory and the database)."""
    if os.name != "posix":
        yield
        return
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def secure_data_dir(path: Path) -> None:
    """Create ``path`` owner-only if missing, and make it and everything in it owner-only (0700 / 0600).

    Symbolic links are not followed (a link placed in the directory must not make us chmod its target).
    """
    with private_umask():
        path.mkdir(parents=True, exist_ok=True)
    if os.name != "posix":
        return
    _chmod(path, DIR_MODE)
    for root, dirs, files in os.walk(path, followlinks=False):
        for name in dirs:
            _chmod(Path(root) / name, DIR_MODE)
        for name in files:
            _chmod(Path(root) / name, FILE_MODE)


def _chmod(path: Path, mode: int) -> None:
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
        return  # not ours to change (a link, or a file another user put there)
    if stat.S_IMODE(info.st_mode) != mode:
        os.chmod(path, mode)


class OwnerOnlyRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """The log file in the data directory, created 0600 — also each new file after a rotation (the log names mints,
    amounts and operations, which other local users have no business reading)."""

    def _open(self) -> io.TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
        return open(fd, "a", encoding=self.encoding, errors=self.errors)  # the handler closes it
