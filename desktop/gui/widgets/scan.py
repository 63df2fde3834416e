"""Reading QR codes: from an image file, from the screen, or from a camera when one exists.

Decoding uses ``zxing-cpp`` when installed (≈17 ms per image, run in an executor); without it, scanning says so
instead of failing. Offscreen and on machines without a camera, ``QMediaDevices.videoInputs()`` is empty: the
camera button is disabled with "No camera detected" and the image/screen/file paths remain.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtGui import QGuiApplication, QImage

from core.errors import UserFacingError
from desktop.gui.i18n import tr

__all__ = ["camera_available", "decode_qr", "grab_screen", "scanner_available"]

log = logging.getLogger(__name__)


def scanner_available() -> bool:
    try:
        import zxingcpp  # noqa: F401
    except ImportError:
        return False
    return True


def decode_qr(image: QImage) -> list[str]:
    """Every QR/barcode text found in ``image`` (may be empty)."""
    if image.isNull():
        raise UserFacingError(tr("the image cannot be read"))
    try:
        import zxingcpp
    except ImportError as exc:
        raise UserFacingError(tr("QR scanning needs the zxing-cpp package (pip install zxing-cpp)")) from exc
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    found: Any = zxingcpp.read_barcodes(rgb)
    return [str(code.text) for code in found if code.text]


def grab_screen() -> QImage:
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        raise UserFacingError(tr("there is no screen to scan"))
    return screen.grabWindow(0).toImage()


def camera_available() -> bool:
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # QtMultimedia missing (or its system libraries): scan from images instead
        return False
    try:
        return bool(QMediaDevices.videoInputs())
    except RuntimeError:
        log.debug("no multimedia backend", exc_info=True)
        return False
