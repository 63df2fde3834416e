"""``nutdesk --smoke-test SECONDS``: open the real window, check what packaging can break (the icon resource, the
navigation's glyphs, the About dialog's version), close after SECONDS and exit 0 only when all is there.

The packaging tests run it on the installed Debian package and the wheel, offscreen; it needs an initialised wallet
(``nutdesk init`` first), else it closes the first-run wizard and exits 1.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.gui.shell import MainWindow

__all__ = ["SmokeTest"]


class SmokeTest:
    def __init__(self, session: Any, seconds: float) -> None:
        self.session = session
        self.report: dict[str, Any] = {"window": False}
        QTimer.singleShot(int(seconds * 1000), self._finish)

    def _finish(self) -> None:
        window = self.session.window
        if isinstance(window, MainWindow):
            self.report = self.check(window)
            window.close()
        elif self.session.wizard is not None:
            self.session.wizard.reject()
        elif self.session.unlock_dialog is not None:
            self.session.unlock_dialog.reject()

    @staticmethod
    def check(window: MainWindow) -> dict[str, Any]:
        app = QApplication.instance()
        window.show_about()
        assert window.about is not None
        about_version = window.about.version
        window.about.close()
        nav = [window.nav.item(row) for row in range(window.nav.count())]
        return {
            "window": window.isVisible(),
            # Rendered, not just named: a build without Qt's SVG plugins gives icons that draw nothing.
            "app_icon": isinstance(app, QApplication) and not app.windowIcon().pixmap(32, 32).isNull(),
            "window_icon": not window.windowIcon().pixmap(32, 32).isNull(),
            "nav_icons": sum(not item.icon().pixmap(20, 20).isNull() for item in nav),
            "nav_items": len(nav),
            "about_version": about_version,
        }

    @property
    def passed(self) -> bool:
        r = self.report
        return bool(
            r.get("window") and r.get("app_icon") and r.get("window_icon") and r.get("nav_icons") == r.get("nav_items")
        )

    def print_report(self) -> None:
        print(json.dumps({"smoke_test": self.report, "passed": self.passed}), flush=True)
