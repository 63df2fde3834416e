"""NUT-27 in the app, against the real nutshell mint and a local relay (nostr-sdk's LocalRelay on 127.0.0.1):
the open wallet backs its mint list up when the list changes, and the first-run wizard restores from the words
and the relay alone — no mint typed in — finding the ecash at every backed-up mint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWizard

from core.api.mint_backup import backup_settings, fetch_mint_list
from core.api.payments import nostr_relays, set_nostr_relays
from core.api.service import WalletService
from core.config import Config
from desktop.gui.context import MINTS
from desktop.gui.wizard.wizard import FirstRunWizard
from tests.fakes.nwc_service import LocalNostrRelay
from tests.gui.conftest import GuiHarness, make_funded_wallet, until
from tests.peers.nutshell import NutshellMint


def test_the_app_backs_the_mint_list_up_and_the_wizard_restores_from_it(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    relay = LocalNostrRelay()
    run(relay.__aenter__())
    try:
        words = run(make_funded_wallet(tmp_path / "old", gui_mint.url, 300))
        service = WalletService.open(Config(data_dir=tmp_path / "old"))
        set_nostr_relays(service, [relay.url])
        run(service.close())

        old = gui.open(tmp_path / "old")
        run(old.tasks.wait_idle())  # the watcher's first look: the list was never backed up
        assert backup_settings(old.service).published == (gui_mint.url,)
        old.ctx.changed(MINTS)  # nothing changed: nothing is published again
        run(old.tasks.wait_idle())
        assert old.mint_backup.last_report is not None and old.mint_backup.last_report.accepted == (relay.url,)
        found = run(fetch_mint_list(old.service.seed, [relay.url]))
        assert found is not None and found.mints == (gui_mint.url,)

        session = gui.session(tmp_path / "restored")

        async def scenario() -> None:
            started = session.tasks.start(session.start())
            await until(lambda: session.wizard is not None and session.wizard.isVisible(), what="the wizard")
            wizard = session.wizard
            assert wizard is not None
            wizard.choice.restore_choice.setChecked(True)
            wizard.next()
            assert wizard.currentId() == FirstRunWizard.RESTORE
            wizard.restore.words.setPlainText(words)
            wizard.restore.relay.setText(relay.url)
            wizard.next()
            wizard.next()  # no password; no mint typed in on the next page
            wizard.button(QWizard.WizardButton.FinishButton).click()
            assert await started is True

        run(scenario(), timeout=120)
        assert sum(b.balance for b in session.service.balances()) == 300
        assert [m.url for m in session.service.list_mints()] == [gui_mint.url]
        assert nostr_relays(session.service) == [relay.url]
    finally:
        run(relay.__aexit__())
