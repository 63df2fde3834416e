"""Mint health against a real nutshell mint of its own (its keysets are rotated here): answer times, a fee change
at a keyset rotation, and the self-check swap of a few sat of own ecash, from the command line.

nutshell 0.20.2 sets no ``final_expiry`` on its keysets, so the expiry warning is shown in
tests/unit/test_mint_health.py from keysets built with one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.wallet_helpers import nutdesk
from tests.peers.nutshell import NutshellMint


@pytest.fixture(scope="module")
def own_mint() -> Iterator[NutshellMint]:
    with NutshellMint(name="health mint") as mint:
        yield mint


def test_health_times_answers_notes_a_fee_change_and_self_checks(tmp_path: Path, own_mint: NutshellMint) -> None:
    data = tmp_path / "w"
    url = own_mint.url
    nutdesk(data, "init")
    nutdesk(data, "mint", "add", url, "--trust")
    nutdesk(data, "invoice", "100", "--mint", url, "--wait")

    [first] = nutdesk(data, "health")["mints"]
    assert first["reachable"] is True and first["answer_ms"] >= 0 and first["warnings"] == []
    assert first["self_check_ok"] is None

    own_mint.next_keyset("sat", 200)  # the mint rotates its keyset with a higher input fee
    [second] = nutdesk(data, "health", url)["mints"]
    assert "changed from 100 to 200 ppk" in second["fee_change"] and second["warnings"] == [second["fee_change"]]
    assert second["median_answer_ms"] is not None

    [checked] = nutdesk(data, "health", "--self-check")["mints"]
    assert checked["self_check_ok"] is True, checked["self_check_detail"]
    assert "took it back" in checked["self_check_detail"]
    balance = nutdesk(data, "balance")["total"]["sat"]
    assert 100 - 4 <= balance < 100  # only the mint's fees were spent (two swaps)
    offline = nutdesk(data, "health", "--offline")["mints"][0]
    assert offline["reachable"] is None and offline["self_check_ok"] is True
