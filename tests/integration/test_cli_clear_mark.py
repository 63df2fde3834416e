"""``nutdesk mint clear-mark URL``: the user clears the "misbehaved" mark of a mint whose fault was a one-off.

The wallet is a real one on a real nutshell mint; the mark is the one the wallet writes when a mint's answer breaks
the protocol (``core.wallet.misbehaviour.mark_misbehaved``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from core.api.service import WalletService
from core.config import Config
from core.wallet.misbehaviour import mark_misbehaved
from tests.integration.wallet_helpers import nutdesk
from tests.peers.nutshell import NutshellMint

REASON = "a signature for an output of 4 signed as 4096"


def _marked_wallet(data: Path, url: str) -> None:
    nutdesk(data, "init")
    nutdesk(data, "mint", "add", url, "--trust")
    service = WalletService.open(Config(data_dir=data))
    try:
        mark_misbehaved(service.store, url, REASON)
    finally:
        service.store.close()


def _text(data: Path, *args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    """The command as a person runs it: no --json, the words of ``lang``."""
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "NUTDESK_LANG": lang},
        timeout=120,
    )


def test_clear_mark_removes_the_misbehaved_warning_from_balance(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    data = tmp_path / "w"
    _marked_wallet(data, url)
    before = nutdesk(data, "balance")
    assert REASON in before["misbehaved_mints"][url]
    assert REASON in _text(data, "balance").stdout

    # The URL as the user types it (a trailing slash) names the same mint; --json prints exactly one object.
    assert nutdesk(data, "mint", "clear-mark", url + "/") == {"url": url, "cleared": True}

    after = nutdesk(data, "balance")
    assert "misbehaved_mints" not in after
    assert all("misbehaved" not in row for row in after["mints"])
    assert "misbehaved" not in _text(data, "balance").stdout


def test_clear_mark_says_what_it_cleared_in_the_users_words(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    data = tmp_path / "w"
    _marked_wallet(data, nutshell_mint.url)
    said = _text(data, "mint", "clear-mark", nutshell_mint.url, lang="de")
    assert said.returncode == 0, said.stderr
    assert "Markierung" in said.stdout and REASON in said.stdout


def test_clearing_a_mint_without_a_mark_says_there_was_none(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    url = nutshell_mint.url
    data = tmp_path / "w"
    nutdesk(data, "init")
    nutdesk(data, "mint", "add", url, "--trust")
    assert nutdesk(data, "mint", "clear-mark", url) == {"url": url, "cleared": False}
    said = _text(data, "mint", "clear-mark", url)
    assert said.returncode == 0, said.stderr
    assert "has no misbehaved mark: nothing to clear" in said.stdout


def test_clear_mark_refuses_a_mint_not_in_the_wallet(tmp_path: Path, nutshell_mint: NutshellMint) -> None:
    data = tmp_path / "w"
    nutdesk(data, "init")
    nutdesk(data, "mint", "add", nutshell_mint.url, "--trust")
    unknown = "http://127.0.0.1:9"
    refused = nutdesk(data, "mint", "clear-mark", unknown, check=False)
    assert refused["error"]["code"] == "unknown-mint"
    assert refused["error"]["message"] == f"no mint {unknown} in this wallet: add it first (nutdesk mint add URL)"
    said = _text(data, "mint", "clear-mark", unknown)
    assert said.returncode != 0 and "Traceback" not in said.stdout + said.stderr
    assert f"No mint {unknown} in this wallet: add it first" in said.stderr
