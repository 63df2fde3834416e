"""Reading an animated QR (NUT-16): ``ur:`` frames collected from pastes and scans, with a progress bar.

Frames arrive one scan at a time (screen, image, camera) or many at once (pasted text, one a line); the
decoder keeps what it learnt between calls, so scanning a moving code again and again fills the bar.
Frames of another message are ignored; the decoder starts afresh once a message is complete or on Reset.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from core.api.ur import UrDecodeError, UrDecoder, is_ur
from desktop.gui.i18n import tr

__all__ = ["UrReader", "ur_frames_in"]


def ur_frames_in(text: str) -> list[str]:
    """The ``ur:`` words in ``text`` (a paste may hold many frames, separated by new lines or spaces)."""
    return [word for word in text.split() if is_ur(word)]


class UrReader(QWidget):
    """Hidden until a frame arrives; then shows how much of the message has been recovered."""

    completed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urReader")
        self.decoder = UrDecoder()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("urReaderLabel")
        self.bar = QProgressBar()
        self.bar.setObjectName("urReaderProgress")
        self.bar.setRange(0, 100)
        self.reset_button = QPushButton(tr("Reset"))
        self.reset_button.setToolTip(tr("Forget the frames read so far"))
        self.reset_button.clicked.connect(self.reset)
        row.addWidget(self.label)
        row.addWidget(self.bar, 1)
        row.addWidget(self.reset_button)
        self.setVisible(False)

    @property
    def progress(self) -> float:
        return self.decoder.progress

    def reset(self) -> None:
        self.decoder = UrDecoder()
        self.setVisible(False)

    def take(self, text: str) -> str:
        """What to use of ``text``: itself when it holds no frames; the message once the frames complete it;
        else "" (and the bar shows how far the frames got)."""
        frames = ur_frames_in(text)
        if not frames:
            return text
        error = ""
        for frame in frames:
            try:
                self.decoder.receive(frame)
            except UrDecodeError as exc:
                error = str(exc)
            if self.decoder.result is not None:
                result = self.decoder.result
                self.reset()
                self.completed.emit(result)
                return result
        self.setVisible(True)
        self.bar.setValue(round(self.decoder.progress * 100))
        parts = self.decoder.expected_parts
        got = round(self.decoder.progress * parts)
        self.label.setText(
            tr("Animated QR: {0} of {1} parts after {2} frames — keep scanning").format(
                got, parts, self.decoder.frames_seen
            )
            + (tr(" (a frame was unreadable: {0})").format(error) if error else "")
        )
        return ""
