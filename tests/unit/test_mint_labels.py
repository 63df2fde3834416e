"""Mints with the same name: every place shows the host beside the name (or the user's label), and the label is
set with ``nutdesk mint label URL TEXT`` (an empty text clears it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.api.mint_labels import mint_title, mint_titles, set_mint_label
from core.api.service import WalletService
from core.config import Config
from core.errors import UserFacingError
from desktop.gui.views.balances.state import BalancesState

A, B = "http://127.0.0.1:3338", "https://mint.example.com"


def nutdesk(data: Path, *args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--json", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data_out: dict[str, object] = json.loads(result.stdout)
    return data_out


@pytest.mark.parametrize(
    ("url", "name", "label", "title"),
    [
        (A, "Cashu mint", "", "Cashu mint (127.0.0.1:3338)"),
        (B, "Cashu mint", "", "Cashu mint (mint.example.com)"),
        (B, "Cashu mint", "Savings", "Savings (mint.example.com)"),
        (B, "", "", "mint.example.com"),
        (B, "mint.example.com", "", "mint.example.com"),
    ],
)
def test_a_title_always_carries_the_host(url: str, name: str, label: str, title: str) -> None:
    assert mint_title(url, name, label) == title


def test_two_mints_with_one_name_are_two_rows_and_a_label_names_one(tmp_path: Path) -> None:
    service = WalletService.open(Config(data_dir=tmp_path))
    service.create_wallet()
    for url in (A, B):
        service.store.upsert_mint(url, name="Cashu mint", info={}, trusted=True)
    names = [e.mint_name for e in BalancesState(service).load()]
    assert sorted(names) == ["Cashu mint (127.0.0.1:3338)", "Cashu mint (mint.example.com)"]
    with pytest.raises(UserFacingError):
        set_mint_label(service, "http://unknown.example", "x")
    service.store.close()

    labelled = nutdesk(tmp_path, "mint", "label", B + "/", "Shop", "float")
    assert labelled == {"url": B, "label": "Shop float", "title": "Shop float (mint.example.com)"}
    listed = nutdesk(tmp_path, "mint", "list")["mints"]
    assert isinstance(listed, list) and {m["url"]: m["label"] for m in listed} == {A: "", B: "Shop float"}
    nutdesk(tmp_path, "mint", "label", B)  # no text: back to the mint's own name
    service = WalletService.open(Config(data_dir=tmp_path))
    assert mint_titles(service)[B] == "Cashu mint (mint.example.com)"
    service.store.close()
