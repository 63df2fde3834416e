"""A transfer between mints is one saga, one journal entry (issue 13): quote at the target, melt at the source, mint
at the target. A target that goes down after the source paid leaves the entry in flight (never "done", never lost)
until recovery mints it; recovery asks the mint about a quote whatever the local state says."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

import pytest

from core.api.recovery import RecoveryService
from core.errors import OutcomeUnknown
from core.wallet.issue import wait_for_payment
from desktop.cli.commands import cmd_history
from desktop.cli.runner import Output
from tests.integration.conftest import FAST_FAKEWALLET
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint


async def test_a_transfer_whose_target_is_down_stays_in_flight_until_recovery_mints_it(
    tmp_path: Path, nutshell_mint_factory: Callable[..., NutshellMint], capsys: pytest.CaptureFixture[str]
) -> None:
    source = nutshell_mint_factory(name="source", extra_env=FAST_FAKEWALLET)
    target = nutshell_mint_factory(name="target", extra_env=FAST_FAKEWALLET)
    async with open_wallet(tmp_path / "w") as wallet:
        await fund(wallet, source.url, 500)
        await wallet.add_mint(target.url, trusted=True)
        quote = await wallet.create_invoice(300, target.url)
        dst = await wallet.wallet_for(target.url)
        await wait_for_payment(dst, quote.quote, timeout=30)  # FakeWallet settles the target's invoice itself
        prepared = await wallet.prepare_melt(quote.request, source.url)
        target.stop()
        with pytest.raises(OutcomeUnknown):
            await wallet.transfer_prepared(prepared, target.url, quote.quote)
        (entry,) = [op for op in wallet.history() if op.kind == "transfer"]
        assert entry.state == "sent" and entry.data["step"] == "mint", "paid at the source, not yet minted"
        assert [op.kind for op in wallet.history()].count("transfer") == 1
        assert balance(wallet, target.url) == (0, 0)
        (moving,) = wallet.in_flight()  # `balance` shows it: the value is in no proof right now
        assert (moving.amount, moving.from_mint, moving.to_mint) == (300, source.url, target.url)
        assert moving.describe() == f"in flight: 300 sat, from {source.url} to {target.url}"
        assert [f.operation_id for f in RecoveryService(wallet).failed()] == [entry.id]  # and `failed list`
        history = Output(as_json=False)  # and `history`: whom it waits for, not a bare "sent"
        await cmd_history(wallet, argparse.Namespace(limit=None, csv=False), history)
        (shown,) = [e for e in history.data["entries"] if e["kind"] == "transfer"]
        assert shown["state"] == "sent" and shown["waiting_for"] == target.url
        assert f"waiting for {target.url}" in capsys.readouterr().out
        print(f"\ntransfer in flight: source {sum(balance(wallet, source.url))}, target 0, entry {entry.state}")

        target.start()
        await dst.client.aclose()
        wallet._mints.pop(target.url, None)  # reconnect to the restarted target
        reports = await RecoveryService(wallet).recover()
        assert any(r.kind == "transfer" and r.result == "finished" for r in reports), reports
        entry = next(op for op in wallet.history() if op.id == entry.id)
        assert entry.state == "done"
        assert wallet.in_flight() == []
        assert balance(wallet, target.url) == (300, 0)
        assert sum(balance(wallet, source.url)) == source.owed()
        assert sum(balance(wallet, target.url)) == target.owed()


async def test_recovery_asks_the_mint_about_a_quote_recorded_unpaid_and_expired(
    tmp_path: Path, nutshell_mint_factory: Callable[..., NutshellMint]
) -> None:
    mint = nutshell_mint_factory(name="late payer", extra_env=FAST_FAKEWALLET)
    async with open_wallet(tmp_path / "w") as wallet:
        await wallet.add_mint(mint.url, trusted=True)
        quote = await wallet.create_invoice(64, mint.url)
        mw = await wallet.wallet_for(mint.url)
        await mw.client.wait_for_mint_quote(quote.quote, timeout=30)  # paid at the mint; the wallet did not look
        record = wallet.store.mint_quote(quote.quote)
        assert record is not None and record.state == "UNPAID"
        wallet.store.save_mint_quote(**{**record.__dict__, "expiry": 1})  # and its expiry has long passed
        reports = await RecoveryService(wallet).recover()
        assert any(r.result == "minted" for r in reports), reports
        assert balance(wallet, mint.url) == (64, 0) and mint.owed() == 64
