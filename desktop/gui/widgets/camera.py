"""Scanning a QR code with a camera (QtMultimedia), offered only when ``camera_available()``."""

from __future__ import annotations

import time

from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QMediaDevices, QVideoFrame, QVideoSink
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.gui.i18n import tr
from desktop.gui.widgets.scan import decode_qr
from desktop.gui.widgets.ur_reader import UrReader

__all__ = ["CameraScanDialog"]


class CameraScanDialog(QDialog):
    """Shows the camera; closes itself with ``result_text`` set once a code is read."""

    # Decoding every frame is wasteful: a few times a second is plenty for a hand-held code.
    DECODE_INTERVAL = 0.25

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Scan a QR code"))
        self.result_text = ""
        self._last = 0.0
        layout = QVBoxLayout(self)
        self.video = QVideoWidget()
        self.video.setMinimumSize(480, 360)
        layout.addWidget(self.video)
        self.status = QLabel(tr("Hold the QR code in front of the camera."))
        layout.addWidget(self.status)
        self.ur_reader = UrReader()  # an animated QR (NUT-16) keeps the dialog open until every part is read
        layout.addWidget(self.ur_reader)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.camera = QCamera(QMediaDevices.defaultVideoInput())
        self.session = QMediaCaptureSession()
        self.session.setCamera(self.camera)
        self.session.setVideoOutput(self.video)
        sink: QVideoSink = self.video.videoSink()
        sink.videoFrameChanged.connect(self._frame)
        self.camera.errorOccurred.connect(lambda _e, text: self.status.setText(tr("Camera error: {0}").format(text)))
        self.finished.connect(lambda _r: self.camera.stop())
        self.camera.start()

    def _frame(self, frame: QVideoFrame) -> None:
        now = time.monotonic()
        if self.result_text or now - self._last < self.DECODE_INTERVAL:
            return
        self._last = now
        texts = decode_qr(frame.toImage())
        text = self.ur_reader.take(texts[0]) if texts else ""
        if text:
            self.result_text = text
            self.accept()
