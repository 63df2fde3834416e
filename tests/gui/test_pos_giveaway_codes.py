"""The giveaways box in the POS settings, against the real nutshell mint: the codes page of a giveaway saved as HTML
(one QR per one-time code, the QR a claim link) and as PDF, both owner-only; a flyer's scanned link claimed at the
till like its code; the page then shows that code claimed; a giveaway without codes has no page."""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path
from typing import Any

import zxingcpp
from PIL import Image

from core.api.giveaway_page import parse_claim_link
from desktop.gui.pos.view import PosLauncherView
from tests.gui.conftest import GuiHarness, make_funded_wallet
from tests.peers.nutshell import NutshellMint


def test_the_codes_page_is_saved_as_html_and_pdf_and_a_scanned_flyer_is_claimed(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "shop", gui_mint.url, 200))
    session = gui.open(tmp_path / "shop")
    launcher = session.view(PosLauncherView)
    box = launcher.giveaways
    box.name.setText("Flyers")
    box.amount.setValue(10)
    box.budget.setValue(50)
    box.codes.setValue(2)
    run(box.create_giveaway())
    box.list.setCurrentRow(0)

    html_page = run(box.save_codes_page(str(tmp_path / "codes.html")))
    assert html_page is not None and html_page.stat().st_mode & 0o077 == 0
    assert box.message.text().startswith("The codes page is in")
    pictures = re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", html_page.read_text(encoding="utf-8"))
    links = [zxingcpp.read_barcodes(Image.open(io.BytesIO(base64.b64decode(p))))[0].text for p in pictures]
    assert len(links) == 2 and all(parse_claim_link(link)[0] for link in links)
    pdf = run(box.save_codes_page(str(tmp_path / "codes.pdf")))
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_mode & 0o077 == 0

    async def claim() -> None:
        box.code.setText(links[0])  # the cashier scans the flyer's QR
        await box.claim_code()

    run(claim())
    assert box.message.text() == "Claimed 10: let the customer scan the token."
    run(box.save_codes_page(str(tmp_path / "codes.html")))
    assert "(claimed)" in (tmp_path / "codes.html").read_text(encoding="utf-8")

    box.name.setText("No flyers")
    box.codes.setValue(0)
    run(box.create_giveaway())
    box.list.setCurrentRow(1)
    assert run(box.save_codes_page(str(tmp_path / "none.html"))) is None
    assert box.message.text() == "the giveaway No flyers has no one-time codes"
