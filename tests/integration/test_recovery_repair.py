"""Counter repair after 11003, and reconcile: differences shown first, applied on request."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import update

from core.api.recovery import RecoveryService
from core.storage.models import KeysetRow
from tests.integration.wallet_helpers import balance, fund, open_wallet
from tests.peers.nutshell import NutshellMint


async def test_counter_behind_the_mint_is_repaired_and_the_send_goes_through(
    tmp_path: Path, nutshell_mint: NutshellMint
) -> None:
    url = nutshell_mint.url
    async with open_wallet(tmp_path / "w") as wallet:
        await fund(wallet, url, 100)
        # An old backup of the database: the counters fall back to zero, the mint has signed them already.
        with wallet.store.db.session() as session:
            session.execute(update(KeysetRow).values(counter=0))
        sent = await wallet.send(50, url)
        assert sent.amount == 50
        assert balance(wallet, url) == (100 - 50 - sent.fee, 50)
        active = next(k for k in wallet.store.keysets(url) if k.active)
        assert active.counter > 3, "the counter moved past the outputs the mint had already signed"
        assert [h.state for h in wallet.history()] == ["done", "failed", "done"]


async def test_reconcile_shows_spent_proofs_then_removes_them_and_reports_offline_mints(
    tmp_path: Path, nutshell_mint: NutshellMint, nutshell_mint_factory: Callable[..., NutshellMint]
) -> None:
    url = nutshell_mint.url
    offline = nutshell_mint_factory(name="soon offline")
    async with open_wallet(tmp_path / "alice") as alice:
        await fund(alice, url, 100)  # 64 + 32 + 4
        await fund(alice, offline.url, 8)
        words = alice.mnemonic()
    # The same seed on another device spends the 64 proof behind our back.
    async with open_wallet(tmp_path / "twin", mnemonic=words) as twin:
        await twin.restore([url])
        await twin.send(64, url, offline=True)
        token = next(t.token for t in twin.store.exported_tokens())
    async with open_wallet(tmp_path / "bob") as bob:
        await bob.receive(token, trust=True)
    offline.stop()
    async with open_wallet(tmp_path / "alice") as alice:
        recovery = RecoveryService(alice)
        preview = {r.mint_url: r for r in await recovery.reconcile()}
        assert preview[url].spent_amount == 64 and len(preview[url].spent_secrets) == 1
        assert balance(alice, url) == (100, 0), "a preview changes nothing"
        assert not preview[offline.url].reachable, "an unreachable mint is reported and left alone"
        assert balance(alice, offline.url) == (8, 0)
        applied = {r.mint_url: r for r in await recovery.reconcile(apply=True)}
        assert applied[url].spent_amount == 64
        assert balance(alice, url) == (36, 0)
        assert (await recovery.reconcile())[0].differences == 0
