"""Everything about the package is declared in pyproject.toml; this file adds one build step: Qt's rcc compiles
resources/nutdesk.qrc (the icons) into desktop/nutdesk.rcc inside the wheel, so an installed Nutdesk finds its
icons without the source tree and no generated file is committed; lrelease likewise compiles the Qt Linguist
sources resources/translations/*.ts into desktop/translations/*.qm. PySide6 (a build requirement) provides rcc."""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # a source checkout compiles the resource at start-up instead
            return
        sys.path.insert(0, str(HERE))
        from desktop.resources import compile_rcc

        target = Path(self.build_lib) / "desktop" / "nutdesk.rcc"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(compile_rcc(HERE / "resources" / "nutdesk.qrc"))
        from desktop.gui.i18n import compile_translations

        compile_translations(Path(self.build_lib) / "desktop" / "translations", HERE / "resources" / "translations")


sys.path.insert(0, str(HERE))
from desktop.identity import project_urls  # noqa: E402 - the app id and home page live in one place

setup(cmdclass={"build_py": BuildPyWithResources}, project_urls=project_urls())
