"""NIP-87 in "Add mint", against a local relay (nostr-sdk's LocalRelay on 127.0.0.1) and the real nutshell mint:
the mints recommended on the user's relays are listed with ratings and reviews, choosing one fills in its URL,
and the user's own review is published and counted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import nostr_sdk as ns

from core.api.payments import set_nostr_relays
from core.api.service import WalletService
from core.config import Config
from core.nostr.relay import publish
from desktop.gui.widgets.mint_discovery import ReviewDialog
from desktop.gui.widgets.mint_probe import AddMintDialog
from tests.fakes.nwc_service import LocalNostrRelay
from tests.gui.conftest import GuiHarness, make_funded_wallet
from tests.peers.nutshell import NutshellMint


def signed(keys: ns.Keys, kind: int, content: str, tags: list[list[str]]) -> dict[str, Any]:
    builder = ns.EventBuilder(ns.Kind(kind), content).tags([ns.Tag.parse(t) for t in tags])
    event: dict[str, Any] = json.loads(keys.sign_event(builder.finalize_unsigned(keys.public_key())).as_json())
    return event


def test_add_mint_lists_recommended_mints_and_publishes_a_review(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    relay = LocalNostrRelay()
    run(relay.__aenter__())
    try:
        operator, ann = ns.Keys.generate(), ns.Keys.generate()
        d = "02" + "cd" * 32
        for event in (
            signed(operator, 38172, "", [["d", d], ["u", gui_mint.url], ["nuts", "1,2,3"], ["n", "mainnet"]]),
            signed(ann, 38000, "[4/5] Quick swaps", [["k", "38172"], ["d", d], ["u", gui_mint.url]]),
        ):
            assert run(publish(event, [relay.url]))[0].accepted
        run(make_funded_wallet(tmp_path / "w", gui_mint.url, 0))
        service = WalletService.open(Config(data_dir=tmp_path / "w"))
        set_nostr_relays(service, [relay.url])
        run(service.close())
        session = gui.open(tmp_path / "w")
        dialog = AddMintDialog(session.service, session.tasks)
        panel = dialog.discovery

        run(panel.load())
        assert panel.list.count() == 1 and panel.list.isVisibleTo(dialog)
        assert panel.list.item(0).text() == f"{gui_mint.url} — 1 recommendation(s), 4.0/5, announced"
        panel.list.setCurrentRow(0)
        assert dialog.probe.url.text() == gui_mint.url and "Quick swaps" in panel.reviews.text()
        assert panel.review_button.isEnabled()

        review = ReviewDialog(gui_mint.url)
        review.rating.setValue(5)
        review.text.setPlainText("Never lost a sat")
        run(panel.review(review))
        assert panel.list.item(0).text().startswith(f"{gui_mint.url} — 2 recommendation(s), 4.5/5")
        dialog.deleteLater()
    finally:
        run(relay.__aexit__())
