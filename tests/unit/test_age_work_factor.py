"""An age token file asking for a huge scrypt work factor is refused before any key is derived."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.errors import TokenDecodeError
from core.wallet.token_files import export_token_file, read_token_file

TOKEN = "cashuBexampletoken"


def forged(tmp_path: Path, factor: bytes) -> Path:
    path = export_token_file(tmp_path / "t.cashu.age", TOKEN, "correct horse")
    data = re.sub(rb"(-> scrypt \S+) \d+", rb"\1 " + factor, path.read_bytes(), count=1)
    path.write_bytes(data)
    return path


def test_an_honest_age_file_opens(tmp_path: Path) -> None:
    path = export_token_file(tmp_path / "t.cashu.age", TOKEN, "correct horse")
    assert read_token_file(path, "correct horse") == TOKEN


@pytest.mark.parametrize("factor", [b"21", b"40", b"99"])
def test_a_work_factor_above_20_is_refused_before_deriving(tmp_path: Path, factor: bytes) -> None:
    with pytest.raises(TokenDecodeError, match="work factor"):
        read_token_file(forged(tmp_path, factor), "correct horse")


@pytest.mark.parametrize("factor", [b"x", b"018", b"123"])
def test_a_malformed_work_factor_is_refused(tmp_path: Path, factor: bytes) -> None:
    with pytest.raises(TokenDecodeError, match="scrypt"):
        read_token_file(forged(tmp_path, factor), "correct horse")
