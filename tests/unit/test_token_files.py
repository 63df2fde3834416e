"""Token files: plain and age-encrypted, written atomically with owner-only permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from core.errors import InvalidPassword, TokenDecodeError, UserFacingError
from core.wallet.token_files import (
    AGE_MAGIC,
    export_token_file,
    is_encrypted_file,
    read_token_file,
    suggested_file_name,
)

TOKEN = "cashuBo2FteBtodHRwOi8vMTI3LjAuMC4xOjMzMzhhdWNzYXRhdIGiYWlIAJzyTZ7ZVnVhcIGjYWEBYXNkc2VjcmFjWCEC"


def test_a_plain_file_is_the_token_and_a_newline(tmp_path: Path) -> None:
    path = export_token_file(tmp_path / "gift.cashu", TOKEN)
    assert path.read_bytes() == (TOKEN + "\n").encode()
    assert read_token_file(path) == TOKEN


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_the_file_is_owner_only(tmp_path: Path) -> None:
    path = export_token_file(tmp_path / "gift.cashu", TOKEN)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_an_encrypted_file_is_age_and_needs_the_passphrase(tmp_path: Path) -> None:
    path = export_token_file(tmp_path / "gift.cashu.age", TOKEN, passphrase="correct horse")
    data = path.read_bytes()
    assert data.startswith(AGE_MAGIC)
    assert TOKEN.encode() not in data
    assert is_encrypted_file(path)
    with pytest.raises(InvalidPassword):
        read_token_file(path)
    with pytest.raises(InvalidPassword):
        read_token_file(path, passphrase="wrong")
    assert read_token_file(path, passphrase="correct horse") == TOKEN


def test_overwriting_leaves_no_temp_files_behind(tmp_path: Path) -> None:
    export_token_file(tmp_path / "t.cashu", TOKEN)
    export_token_file(tmp_path / "t.cashu", TOKEN + "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.cashu"]
    assert read_token_file(tmp_path / "t.cashu") == TOKEN + "x"


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = export_token_file(tmp_path / "t.cashu", TOKEN)

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(UserFacingError, match="No space left"):
        export_token_file(path, TOKEN + "new")
    assert read_token_file(path) == TOKEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.cashu"]


def test_only_tokens_are_written(tmp_path: Path) -> None:
    with pytest.raises(TokenDecodeError):
        export_token_file(tmp_path / "x.cashu", "lnbc1...")


def test_a_token_among_words_is_found(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(f"here you go: {TOKEN} enjoy\n")
    assert read_token_file(path) == TOKEN


def test_a_file_without_a_token_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(b"\xff\xfe not text")
    with pytest.raises(TokenDecodeError):
        read_token_file(path)
    path.write_text("no token here")
    with pytest.raises(TokenDecodeError):
        read_token_file(path)


def test_a_missing_file_is_a_user_facing_error(tmp_path: Path) -> None:
    with pytest.raises(UserFacingError, match="cannot read"):
        read_token_file(tmp_path / "absent.cashu")


def test_suggested_names() -> None:
    assert suggested_file_name(21, "sat") == "nutdesk-21sat.cashu"
    assert suggested_file_name(5, "usd", encrypted=True, stamp="20260101") == "nutdesk-5usd-20260101.cashu.age"
