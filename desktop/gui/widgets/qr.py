"""A QR code widget: the code drawn crisp at any size, or a clear fallback when the data is too large."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.gui.i18n import QT_TR_NOOP, tr

__all__ = ["MAX_QR_CHARS", "QrWidget", "qr_image", "qr_matrix"]

# A version-40 code holds 2,953 bytes at the lowest error correction (177 modules: still scannable from a
# screen at ≥ 2 px per module). Beyond that a token is offered as copy / file instead of an unscannable code.
MAX_QR_CHARS = 2950


def qr_matrix(text: str) -> list[list[bool]] | None:
    """The modules (with a 2-module quiet zone), or None when ``text`` does not fit a scannable code."""
    if len(text) > MAX_QR_CHARS:
        return None
    import qrcode  # ≈ 30 ms with the Pillow it loads: when the first code is drawn, not at start-up
    import qrcode.exceptions

    # Upper-case bech32 (invoices) fits the denser alphanumeric mode; tokens are base64 and stay as they are.
    data = text.upper() if text.lower().startswith(("lnbc", "lntb", "lnbcrt", "lightning:lnbc")) else text
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_L, border=2)
    try:
        code.add_data(data)
        code.make(fit=True)
    except (qrcode.exceptions.DataOverflowError, ValueError):
        return None
    return [list(row) for row in code.get_matrix()]


def qr_image(text: str, scale: int = 8) -> QImage | None:
    matrix = qr_matrix(text)
    if matrix is None:
        return None
    n = len(matrix)
    image = QImage(n * scale, n * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, QColor("black"))
    painter.end()
    return image


class QrWidget(QWidget):
    """Shows ``text`` as a QR code, square, always black on white (readable in dark mode too)."""

    TOO_LARGE = QT_TR_NOOP("Too large for one QR code:\nuse Copy or Save to file.")

    def __init__(self, parent: QWidget | None = None, *, minimum: int = 220) -> None:
        super().__init__(parent)
        self._text = ""
        self._matrix: list[list[bool]] | None = None
        self.setMinimumSize(minimum, minimum)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_text(self, text: str) -> None:
        self._text = text
        self._matrix = qr_matrix(text) if text else None
        self.setToolTip("" if self._matrix is not None or not text else tr(self.TOO_LARGE).replace("\n", " "))
        self.update()

    def text(self) -> str:
        return self._text

    @property
    def too_large(self) -> bool:
        return bool(self._text) and self._matrix is None

    def sizeHint(self) -> QSize:
        return QSize(280, 280)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        side = min(self.width(), self.height())
        area = QRect((self.width() - side) // 2, (self.height() - side) // 2, side, side)
        if self._matrix is None:
            if self._text:
                painter.setPen(self.palette().color(self.foregroundRole()))
                painter.drawRect(area.adjusted(0, 0, -1, -1))
                painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, tr(self.TOO_LARGE))
            painter.end()
            return
        n = len(self._matrix)
        module = max(1, side // n)
        size = module * n
        left = (self.width() - size) // 2
        top = (self.height() - size) // 2
        painter.fillRect(left, top, size, size, QColor("white"))
        black = QColor("black")
        for y, row in enumerate(self._matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(left + x * module, top + y * module, module, module, black)
        painter.end()
