"""The vault at scale: every token still out, a page of the newest settled ones, and no token opened when the
wallet has written no cheque (a wallet that sent tens of thousands of tokens opens its Vault as fast as a new one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.api.cheques import SETTLED_SHOWN, ChequeService, VaultState
from core.api.service import WalletService
from core.config import Config

MINT = "http://127.0.0.1:1"


def _wallet(tmp_path: Path, pending: int, settled: int) -> WalletService:
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    service.create_wallet()
    store = service.store
    for n in range(pending + settled):
        op_id = store.create_operation(kind="send", mint_url=MINT, unit="sat", amount=1, state="done")
        token_id = store.add_exported_token(operation_id=op_id, mint_url=MINT, unit="sat", amount=1, token=f"t{n}")
        if n >= pending:  # the oldest are still out, the rest settled
            store.set_exported_token_state(token_id, "claimed" if n % 2 else "reclaimed")
    return service


def test_the_vault_lists_every_token_out_and_the_newest_settled_ones(tmp_path: Path) -> None:
    service = _wallet(tmp_path, pending=3, settled=SETTLED_SHOWN + 40)
    cheques = ChequeService(service)
    entries = cheques.entries()
    out = [e for e in entries if e.state is VaultState.UNCLAIMED]
    settled = [e for e in entries if e.state in (VaultState.CLAIMED, VaultState.RECLAIMED)]
    assert len(out) == 3 and len(settled) == SETTLED_SHOWN
    assert [e.id for e in entries] == sorted((e.id for e in entries), reverse=True)  # newest first
    newest_settled = max(e.id for e in settled)
    assert min(e.id for e in settled) == newest_settled - SETTLED_SHOWN + 1  # the newest ones, none skipped
    assert len(cheques.entries(settled=None)) == 3 + SETTLED_SHOWN + 40  # the CLI's `vault list`: every one
    oldest = min(e.id for e in cheques.entries(settled=None))
    assert cheques.entry(oldest).id == oldest  # an old settled token is still found by its number


def test_the_vault_opens_no_token_when_the_wallet_wrote_no_cheque(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = _wallet(tmp_path, pending=5, settled=20)
    opened: list[str] = []
    monkeypatch.setattr(ChequeService, "_refund_pubkey", staticmethod(lambda token: opened.append(token)))
    assert len(ChequeService(service).entries()) == 25
    assert opened == []
    service.store.set_setting("cheque:02" + "ab" * 32, '{"recipient": "x", "locktime": 1}')
    ChequeService(service).entries()
    assert len(opened) == 25  # with cheques written, each token is looked into for its refund key
