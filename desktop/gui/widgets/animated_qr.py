"""An animated QR code (NUT-16): a long token or request shown as a loop of ``ur:bytes`` fountain frames.

A drop-in for :class:`~desktop.gui.widgets.qr.QrWidget` (``set_text``/``text``/``too_large``): text that a
static code holds comfortably is drawn as one code; longer text animates, with the frame rate and the
fragment length adjustable, a pause button, and a "Show as one QR" fallback for readers that cannot
assemble frames. Frames are upper-cased so the QR uses its denser alphanumeric mode (readers lower-case them).
Making a frame is an XOR of a few hundred bytes: cheap enough for the event loop at a few frames a second.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from core.api.ur import encode_ur_parts, plan_parts
from desktop.gui.i18n import tr
from desktop.gui.widgets.qr import QrWidget

__all__ = ["ANIMATE_ABOVE", "AnimatedQrWidget"]

# Above this many characters a single code gets too dense to read from a laptop screen with a phone
# (cashu.me and Minibits switch to frames at a similar size).
ANIMATE_ABOVE = 600
DEFAULT_FRAGMENT_LENGTH = 150
DEFAULT_FPS = 4


class AnimatedQrWidget(QWidget):
    """Shows ``text`` as one QR code or, when long, as an endless loop of fountain-coded frames."""

    frame_shown = Signal(int)  # the 1-based number of the frame now on screen

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        minimum: int = 220,
        animate_above: int = ANIMATE_ABOVE,
        fragment_length: int = DEFAULT_FRAGMENT_LENGTH,
        fps: int = DEFAULT_FPS,
    ) -> None:
        super().__init__(parent)
        self._text = ""
        self._animate_above = animate_above
        self._frames: Iterator[str] | None = None
        self._frame_number = 0
        self._parts = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.code = QrWidget(minimum=minimum)
        self.code.setObjectName("animatedQrCode")
        layout.addWidget(self.code, 1)

        self.controls = QWidget()
        row = QHBoxLayout(self.controls)
        row.setContentsMargins(0, 0, 0, 0)
        self.pause_button = QPushButton(tr("Pause"))
        self.pause_button.setObjectName("qrPause")
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._pause_toggled)
        self.fps = QSpinBox()
        self.fps.setObjectName("qrFps")
        self.fps.setAccessibleName(tr("Animated QR: frames per second"))
        self.fps.setRange(1, 12)
        self.fps.setValue(fps)
        self.fps.setSuffix(tr(" frames/s"))
        self.fps.setToolTip(tr("Slower helps older phones; faster finishes sooner"))
        self.fps.valueChanged.connect(self._restart_timer)
        self.fragment = QSpinBox()
        self.fragment.setObjectName("qrFragment")
        self.fragment.setAccessibleName(tr("Animated QR: bytes per frame"))
        self.fragment.setRange(30, 500)
        self.fragment.setSingleStep(10)
        self.fragment.setValue(fragment_length)
        self.fragment.setSuffix(tr(" bytes/frame"))
        self.fragment.setToolTip(tr("Smaller frames are easier to scan; larger ones need fewer frames"))
        self.fragment.valueChanged.connect(lambda _v: self._restart_frames())
        self.single = QCheckBox(tr("Show as one QR"))
        self.single.setObjectName("qrSingle")
        self.single.setToolTip(tr("For readers that cannot assemble animated codes (the code may be too dense)"))
        self.single.toggled.connect(lambda _on: self._restart_frames())
        self.status = QLabel()
        self.status.setObjectName("qrFrameStatus")
        for w in (self.pause_button, self.fps, self.fragment, self.single):
            row.addWidget(w)
        row.addStretch(1)
        layout.addWidget(self.controls)
        layout.addWidget(self.status, 0, Qt.AlignmentFlag.AlignHCenter)

        self.timer = QTimer(self)
        self.timer.timeout.connect(self.next_frame)
        self._restart_frames()

    # --- the QrWidget interface ----------------------------------------------------------------

    def set_text(self, text: str) -> None:
        self._text = text.strip()
        self._restart_frames()

    def text(self) -> str:
        return self._text

    @property
    def too_large(self) -> bool:
        """True only when the text is shown as one code that cannot hold it."""
        return not self.animated and self.code.too_large

    # --- state the tests and the views read ----------------------------------------------------

    @property
    def animated(self) -> bool:
        return self._frames is not None

    @property
    def long_text(self) -> bool:
        return len(self._text) > self._animate_above

    @property
    def parts(self) -> int:
        """Fragments in the current animation (0 when static)."""
        return self._parts

    def current_frame(self) -> str:
        return self.code.text()

    def set_paused(self, paused: bool) -> None:
        self.pause_button.setChecked(paused)

    def next_frame(self) -> None:
        if self._frames is None:
            return
        self._frame_number += 1
        self.code.set_text(next(self._frames).upper())
        cycle = (self._frame_number - 1) % self._parts + 1
        self.status.setText(
            tr("Animated QR: frame {0} · {1} parts ({2}/{3})").format(
                self._frame_number, self._parts, cycle, self._parts
            )
        )
        self.frame_shown.emit(self._frame_number)

    # --- internals -----------------------------------------------------------------------------

    def _restart_frames(self) -> None:
        self.timer.stop()
        self._frames, self._frame_number, self._parts = None, 0, 0
        long_text = self.long_text
        self.controls.setVisible(long_text)
        if not long_text or self.single.isChecked():
            self.code.set_text(self._text)
            self.status.setText(tr("One QR code: it may be too dense for some phones.") if long_text else "")
            self.status.setVisible(long_text)
            return
        self.status.setVisible(True)
        self._parts = plan_parts(self._text, self.fragment.value())[0]
        self._frames = encode_ur_parts(self._text, self.fragment.value())
        self.next_frame()
        self._restart_timer()

    def _restart_timer(self) -> None:
        self.timer.setInterval(1000 // max(1, self.fps.value()))
        if self._frames is not None and not self.pause_button.isChecked():
            self.timer.start()

    def _pause_toggled(self, paused: bool) -> None:
        self.pause_button.setText(tr("Resume") if paused else tr("Pause"))
        if paused:
            self.timer.stop()
        else:
            self._restart_timer()
