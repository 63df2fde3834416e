"""Token files: a token written to disk for cold storage, gifts, cheques, or moving value between machines.

Two formats (shared/reference/cli-contract.md, "Token files"):

- plain ``.cashu``: the token string (``cashuB…``) and a newline, so any Cashu wallet can read it;
- encrypted ``.cashu.age``: the same bytes in the **age** format with a passphrase (scrypt), so the standard
  ``age``/``rage`` tools can open it too.

Writes are atomic (temp file in the same directory, owner-only permissions, fsync, ``os.replace``, then fsync of
the directory), the way Electrum writes its wallet files: a crash leaves either the old file or the new one,
never half a token. Pure I/O helpers: no wallet, no Qt. Encryption costs ≈0.5 s (scrypt), so a GUI calls these
in an executor.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from core.errors import InvalidPassword, TokenDecodeError, UserFacingError
from core.i18n import t

__all__ = [
    "AGE_MAGIC",
    "ENCRYPTED_SUFFIX",
    "PLAIN_SUFFIX",
    "export_token_file",
    "is_encrypted_file",
    "read_token_file",
    "suggested_file_name",
]

PLAIN_SUFFIX = ".cashu"
ENCRYPTED_SUFFIX = ".cashu.age"
AGE_MAGIC = b"age-encryption.org/v1\n"
# A token file is small; anything bigger is not one (and must not be read into memory whole).
MAX_FILE_BYTES = 8 * 1024 * 1024


def suggested_file_name(amount: int, unit: str, *, encrypted: bool = False, stamp: str = "") -> str:
    """``nutdesk-21sat-20260101-1200.cashu`` (or ``.cashu.age``)."""
    middle = f"-{stamp}" if stamp else ""
    return f"nutdesk-{amount}{unit}{middle}" + (ENCRYPTED_SUFFIX if encrypted else PLAIN_SUFFIX)


def _atomic_write(path: Path, data: bytes) -> None:
    directory = path.parent
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        # mkstemp already creates the file 0600; chmod again in case of an unusual umask/filesystem.
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if hasattr(os, "O_DIRECTORY"):
        # Make the rename itself durable.
        dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        except OSError:
            pass
        finally:
            os.close(dir_fd)


def export_token_file(path: str | os.PathLike[str], token: str, passphrase: str | None = None) -> Path:
    """Write ``token`` to ``path`` atomically, owner-only; age-encrypted with ``passphrase`` when one is given.

    Returns the path written. The token is not checked here beyond being a ``cashu…`` string.
    """
    text = token.strip()
    if not text.startswith("cashu"):
        raise TokenDecodeError(t("only a cashu token can be written to a token file"))
    data = (text + "\n").encode()
    if passphrase:
        import pyrage

        data = pyrage.passphrase.encrypt(data, passphrase)
    target = Path(path)
    try:
        _atomic_write(target, data)
    except OSError as exc:
        raise UserFacingError(t("cannot write the token file {0}: {1}").format(target, exc.strerror or exc)) from exc
    return target


def is_encrypted_file(path: str | os.PathLike[str]) -> bool:
    """True when the file starts with the age header (whatever its name)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(AGE_MAGIC)) == AGE_MAGIC
    except OSError:
        return False


# age's own default is 18; 2^20 already costs 1 GB and seconds. A file asking for more is refused before deriving.
MAX_AGE_WORK_FACTOR = 20


def check_age_work_factor(data: bytes, name: str = "the file") -> None:
    """Refuse an age file whose scrypt stanza asks for a work factor above ``MAX_AGE_WORK_FACTOR`` (or none)."""
    header = data[len(AGE_MAGIC) : len(AGE_MAGIC) + 4096].split(b"\n---", 1)[0]
    for line in header.split(b"\n"):
        if not line.startswith(b"-> scrypt"):
            continue
        args = line.split()
        factor = args[3] if len(args) == 4 else b""
        if not factor.isdigit() or (len(factor) > 1 and factor.startswith(b"0")) or len(factor) > 2:
            raise TokenDecodeError(t("{0} has a malformed age scrypt stanza").format(name))
        if int(factor) > MAX_AGE_WORK_FACTOR:
            raise TokenDecodeError(
                t(
                    "{0} asks for an scrypt work factor of {1} (at most {2} is allowed): refused "
                    "before deriving, it would cost gigabytes of memory"
                ).format(name, int(factor), MAX_AGE_WORK_FACTOR)
            )


def read_token_file(path: str | os.PathLike[str], passphrase: str | None = None) -> str:
    """The token string in a plain or age-encrypted token file.

    An encrypted file without a passphrase raises ``InvalidPassword`` (so a caller can ask for one and retry);
    a wrong passphrase raises ``InvalidPassword`` too.
    """
    source = Path(path)
    try:
        if source.stat().st_size > MAX_FILE_BYTES:
            raise TokenDecodeError(t("{0} is too large to be a token file").format(source))
        data = source.read_bytes()
    except OSError as exc:
        raise UserFacingError(t("cannot read the token file {0}: {1}").format(source, exc.strerror or exc)) from exc
    if data.startswith(AGE_MAGIC):
        if not passphrase:
            raise InvalidPassword(t("{0} is encrypted: a passphrase is needed").format(source.name))
        check_age_work_factor(data, source.name)
        import pyrage

        try:
            data = pyrage.passphrase.decrypt(data, passphrase)
        except pyrage.DecryptError as exc:
            raise InvalidPassword(
                t("cannot decrypt {0}: wrong passphrase (or not a token file)").format(source.name)
            ) from exc
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError as exc:
        raise TokenDecodeError(t("{0} is not a token file").format(source.name)) from exc
    # Tolerate a file that holds a token with surrounding words (copied from a chat): take the cashu word.
    for word in text.split():
        if word.startswith("cashu"):
            return word
    raise TokenDecodeError(t("{0} holds no cashu token").format(source.name))
