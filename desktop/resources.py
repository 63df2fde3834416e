"""The app's icons as one Qt resource (``:/nutdesk/…``), found the same way installed, frozen or from source.

``resources/nutdesk.qrc`` is compiled by Qt's rcc into a binary resource: at build time into ``desktop/nutdesk.rcc``
(setup.py for the wheel, build.spec for the frozen app), or, in a source checkout where no build ran, at start-up
into memory (rcc ships with PySide6; ≈ 50 ms). Generated files are never committed.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.identity import APP_ID  # re-exported (build.spec, tests): the one place is desktop/identity.py

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

__all__ = ["APP_ID", "app_icon", "compile_rcc", "icon", "load_resources", "rcc_executable"]

log = logging.getLogger("nutdesk.resources")

PACKAGED_RCC = Path(__file__).resolve().parent / "nutdesk.rcc"
SOURCE_QRC = Path(__file__).resolve().parent.parent / "resources" / "nutdesk.qrc"
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

_state: dict[str, object] = {}  # the registered data must outlive every QIcon made from it


def rcc_executable() -> Path:
    """Qt's resource compiler inside the PySide6 wheel (what ``pyside6-rcc`` runs)."""
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    if sys.platform == "win32":
        return base / "rcc.exe"
    return base / "Qt" / "libexec" / "rcc"


def compile_rcc(qrc: Path = SOURCE_QRC) -> bytes:
    """The binary resource of a .qrc file (paths inside resolve from the file's folder)."""
    done = subprocess.run(
        [os.fspath(rcc_executable()), "--binary", os.fspath(qrc), "-o", "-"],
        capture_output=True,
        check=True,
        cwd=qrc.parent,
    )
    return done.stdout


def load_resources() -> bool:
    """Register the icons once; False (logged) when neither a built resource nor the sources are there."""
    if "loaded" in _state:
        return True
    from PySide6.QtCore import QResource

    if PACKAGED_RCC.exists():
        ok = QResource.registerResource(os.fspath(PACKAGED_RCC))
    elif SOURCE_QRC.exists():
        try:
            data = compile_rcc(SOURCE_QRC)
        except (OSError, subprocess.CalledProcessError):
            log.warning("could not compile %s: the app runs without its icons", SOURCE_QRC, exc_info=True)
            return False
        _state["data"] = data
        ok = QResource.registerResourceData(data)
    else:
        log.warning("no icon resource at %s or %s", PACKAGED_RCC, SOURCE_QRC)
        return False
    if ok:
        _state["loaded"] = True
    return bool(ok)


def app_icon() -> QIcon:
    """The application icon at every rendered size (the window, the taskbar, the About dialog)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    load_resources()
    result = QIcon()
    for size in APP_ICON_SIZES:
        result.addFile(f":/nutdesk/icons/app/nutdesk-{size}.png", QSize(size, size))
    return result


def icon(name: str, *, dark: bool) -> QIcon:
    """A navigation or action glyph, drawn for a dark or a light palette. A selected row is orange with dark text
    in both palettes (desktop/gui/palette.py), so its glyph is always the dark-stroked one."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    load_resources()
    result = QIcon()
    result.addFile(f":/nutdesk/icons/{'dark' if dark else 'light'}/{name}.svg", QSize(), QIcon.Mode.Normal)
    result.addFile(f":/nutdesk/icons/light/{name}.svg", QSize(), QIcon.Mode.Selected)
    return result
