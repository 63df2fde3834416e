"""The application object and its event loop."""

from __future__ import annotations

import argparse
import asyncio

import qasync
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from desktop.cli.parser import package_version

__all__ = ["run_app"]


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(f"Nutdesk {package_version()}")
        self.resize(1000, 700)
        self.setCentralWidget(QLabel("Nutdesk"))


def run_app(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication([])
    app.setApplicationName("Nutdesk")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    window = MainWindow()
    window.show()
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    with loop:
        loop.run_until_complete(closed.wait())
    return 0
