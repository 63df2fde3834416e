"""NUT-16 in the GUI: a large token animates in the Send view (frame rate, fragment length, pause, "show as one
QR"), and the Receive view of another wallet reassembles it from scanned frames with a progress bar, then
receives it from the real nutshell mint. Frames travel as pictures: each is rendered as the widget draws it
and read back with the QR scanner, as a phone (or the screen scan) would."""

from __future__ import annotations

from itertools import islice
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication

from core.api.service import WalletService
from core.api.ur import encode_ur_parts, plan_parts
from core.config import Config
from desktop.gui.views.receive.view import ReceiveView
from desktop.gui.views.send.view import SendView
from desktop.gui.widgets.animated_qr import ANIMATE_ABOVE, AnimatedQrWidget
from desktop.gui.widgets.qr import qr_image
from desktop.gui.widgets.scan import decode_qr
from desktop.gui.widgets.ur_reader import UrReader
from tests.gui.conftest import GuiHarness, make_funded_wallet, until
from tests.peers.nutshell import NutshellMint

LONG = "cashuB" + "Ab0_-" * 300


def test_short_text_is_one_static_code_without_controls(qapp: QApplication) -> None:
    widget = AnimatedQrWidget()
    widget.set_text("cashuBshort")
    assert not widget.animated and widget.current_frame() == "cashuBshort" and widget.text() == "cashuBshort"
    assert not widget.controls.isVisibleTo(widget) and not widget.too_large


def test_long_text_animates_with_adjustable_rate_fragment_and_pause(qapp: QApplication) -> None:
    widget = AnimatedQrWidget()
    widget.set_text(LONG)
    assert len(LONG) > ANIMATE_ABOVE and widget.animated and widget.controls.isVisibleTo(widget)
    assert widget.parts == plan_parts(LONG, 150)[0]
    assert widget.timer.isActive() and widget.timer.interval() == 250  # 4 frames a second
    first = widget.current_frame()
    assert first.startswith("UR:BYTES/1-")  # upper case: the QR's alphanumeric mode
    widget.next_frame()
    assert widget.current_frame().startswith("UR:BYTES/2-")

    widget.fps.setValue(2)  # slower
    assert widget.timer.interval() == 500
    widget.set_paused(True)
    assert not widget.timer.isActive() and widget.pause_button.text() == "Resume"
    widget.set_paused(False)
    assert widget.timer.isActive()

    widget.fragment.setValue(60)  # smaller frames, more of them, starting again at frame 1
    assert widget.parts == plan_parts(LONG, 60)[0] > plan_parts(LONG, 150)[0]
    assert widget.current_frame().startswith(f"UR:BYTES/1-{widget.parts}/")

    widget.single.setChecked(True)  # the fallback for readers without animated-QR support
    assert not widget.animated and not widget.timer.isActive() and widget.current_frame() == LONG
    assert not widget.too_large
    widget.single.setChecked(False)
    assert widget.animated


def test_ur_reader_shows_progress_and_ignores_plain_text(qapp: QApplication) -> None:
    reader = UrReader()
    frames = list(islice(encode_ur_parts(LONG, 100), 40))
    assert reader.take("cashuBplain") == "cashuBplain" and not reader.isVisibleTo(None)
    assert reader.take(frames[0]) == ""
    assert reader.isVisibleTo(None) and 0 < reader.bar.value() < 100 and "1 of" in reader.label.text()
    completed: list[str] = []
    reader.completed.connect(completed.append)
    # The rest pasted at once (one frame a line), some lost: the fountain frames fill in.
    assert reader.take("\n".join(frames[2:])) == LONG
    assert completed == [LONG] and not reader.isVisibleTo(None) and reader.progress == 0.0


def test_send_a_large_token_as_animated_qr_and_receive_it_by_scanning_frames(
    gui: GuiHarness, gui_mint: NutshellMint, tmp_path: Path, run: Any
) -> None:
    run(make_funded_wallet(tmp_path / "sender", gui_mint.url, 1100))
    receiver = WalletService.open(Config(data_dir=tmp_path / "receiver"))
    receiver.create_wallet()
    run(receiver.close())
    sender = gui.open(tmp_path / "sender")
    send = sender.view(SendView)
    sender.window.show_view(send)

    async def make_token() -> None:
        send.amount.setValue(1023)  # ten proofs: a token well beyond a comfortable single code
        send.send_button.click()
        await sender.tasks.wait_idle()

    run(make_token())
    token = send.token_text.toPlainText()
    assert len(token) > ANIMATE_ABOVE and send.qr.text() == token and send.qr.animated
    send.qr.set_paused(True)  # step by hand: the test decides when the next frame shows
    pictures = []
    for _ in range(send.qr.parts * 3):  # fountain frames after the pure ones: enough to make up for a lost one
        pictures.append(qr_image(send.qr.current_frame(), scale=4))
        send.qr.next_frame()

    session = gui.open(tmp_path / "receiver")
    view = session.view(ReceiveView)
    session.window.show_view(view)

    async def scan() -> None:
        for index, picture in enumerate(pictures):
            if index == 1:
                continue  # a frame the camera missed: a fountain frame makes up for it
            assert picture is not None
            await view.scan_image(picture)
            await until(lambda: not view._preview_timer.isActive(), what="the preview timer")
            await session.tasks.wait_idle()
            if view.state.preview is not None:
                break
            assert view.ur_reader.isVisibleTo(view) and view.ur_reader.bar.value() < 100
        assert view.input.toPlainText() == token
        assert view.state.preview is not None and view.state.preview.amount == 1023

    run(scan())
    assert decode_qr(pictures[0])[0].lower().startswith("ur:bytes/1-")
