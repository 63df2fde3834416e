"""Regenerates the icons in resources/icons from their sources (run after changing either; the outputs are committed
so a build needs neither this script nor a display):

- icons/app/nutdesk.svg (the master, drawn by hand) → nutdesk-{16…512}.png, nutdesk.ico (Windows), nutdesk.icns (macOS);
- the table GLYPHS below → icons/light/NAME.svg (dark strokes, for a light palette) and icons/dark/NAME.svg.

    .venv/bin/python resources/render_icons.py
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
APP_DIR = HERE / "icons" / "app"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
STROKE = {"light": "#2b2d31", "dark": "#e6e6e6"}  # the palettes' text colours (desktop/gui/palette.py)

# 24×24 line glyphs (stroke only, round caps): the navigation's views and the main menu actions.
GLYPHS: dict[str, str] = {
    "balances": '<rect x="3" y="7" width="18" height="13" rx="2"/><path d="M5 7 15 3.5 16.5 7"/>'
    '<path d="M21 11.5h-4.5a2 2 0 0 0 0 4H21"/>',
    "receive": '<path d="M12 3v12M7 10l5 5 5-5"/><path d="M4 16v4h16v-4"/>',
    "send": '<path d="M12 15V3M7 8l5-5 5 5"/><path d="M4 16v4h16v-4"/>',
    "pay": '<path d="M13 2 4 14h7l-1 8 9-12h-7z"/>',
    "history": '<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3.5 3"/>',
    "analytics": '<path d="M3 20h18M7 20v-6M12 20V8M17 20v-9"/>',
    "recovery": '<path d="M3.5 12a8.5 8.5 0 1 0 2.6-6.1"/><path d="M3 3.5V9h5.5"/>',
    "settings": '<path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1"/>'
    '<circle cx="15" cy="6" r="2"/><circle cx="9" cy="12" r="2"/><circle cx="17" cy="18" r="2"/>',
    "pos": '<path d="M3 10h18v10H3zM3 10l2-6h14l2 6"/><path d="M9.5 20v-5h5v5"/>',
    "vault": '<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M3 7l9 6 9-6"/>'
    '<circle cx="17" cy="16" r="2.2"/>',
    "refresh": '<path d="M20 12a8 8 0 1 1-2.4-5.7"/><path d="M20.5 3.5V9H15"/>',
    "quit": '<path d="M14 4h5v16h-5"/><path d="M9 8l-4 4 4 4M5 12h10"/>',
    "about": '<circle cx="12" cy="12" r="9"/><path d="M12 11v6"/><circle cx="12" cy="7.5" r="0.6"/>',
}


def glyph_svg(body: str, colour: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none" '
        f'stroke="{colour}" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round">{body}</svg>\n'
    )


def write_glyphs() -> None:
    for scheme, colour in STROKE.items():
        folder = HERE / "icons" / scheme
        folder.mkdir(parents=True, exist_ok=True)
        for name, body in GLYPHS.items():
            (folder / f"{name}.svg").write_text(glyph_svg(body, colour), encoding="utf-8")


def render_app_icon() -> None:
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(APP_DIR / "nutdesk.svg"))
    images: dict[int, Image.Image] = {}
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = APP_DIR / f"nutdesk-{size}.png"
        image.save(str(path))
        images[size] = Image.open(path).convert("RGBA")
    # Windows wants 16…256 in one .ico; macOS's .icns takes 16…512 (Pillow writes both).
    images[256].save(APP_DIR / "nutdesk.ico", sizes=[(s, s) for s in PNG_SIZES if s <= 256])
    images[512].save(APP_DIR / "nutdesk.icns", append_images=[images[s] for s in (16, 32, 64, 128, 256)])


if __name__ == "__main__":
    write_glyphs()
    render_app_icon()
