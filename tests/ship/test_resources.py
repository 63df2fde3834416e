"""The app's resources: every icon in the Qt resource and rendering in light and dark, the app icon at every size
and as .ico/.icns, the desktop entry and the AppStream metainfo valid, and the window showing them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QFile, QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop.gui.about import AboutDialog
from desktop.resources import APP_ID, SOURCE_QRC, app_icon, icon, load_resources
from desktop.version import HOMEPAGE, app_version

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "resources"
GLYPHS = ("balances", "receive", "send", "pay", "history", "analytics", "recovery", "settings", "pos", "vault")
ACTIONS = ("refresh", "quit", "about")
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def pyproject_version() -> str:
    version: str = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    return version


def test_every_icon_file_is_listed_in_the_qt_resource() -> None:
    listed = {f.text for f in ET.parse(SOURCE_QRC).getroot().iter("file")}
    on_disk = {
        p.relative_to(RESOURCES).as_posix() for p in (RESOURCES / "icons").rglob("*") if p.suffix in (".svg", ".png")
    }
    assert listed == on_disk


def test_the_resource_loads_and_every_glyph_renders_in_light_and_dark(qtbot: QtBot) -> None:
    assert load_resources()
    for name in GLYPHS + ACTIONS:
        for dark in (False, True):
            assert QFile.exists(f":/nutdesk/icons/{'dark' if dark else 'light'}/{name}.svg"), name
            pixmap = icon(name, dark=dark).pixmap(24, 24)
            assert not pixmap.isNull(), name
    light = icon("pay", dark=False).pixmap(24, 24).toImage()
    dark = icon("pay", dark=True).pixmap(24, 24).toImage()
    assert light != dark  # drawn for each palette
    selected = icon("pay", dark=True).pixmap(QSize(24, 24), QIcon.Mode.Selected).toImage()
    assert selected == light  # a selected row is orange with dark text in both palettes


def test_the_app_icon_comes_in_every_size_and_as_ico_and_icns(qtbot: QtBot) -> None:
    app_dir = RESOURCES / "icons" / "app"
    for size in SIZES:
        with Image.open(app_dir / f"nutdesk-{size}.png") as png:
            assert png.size == (size, size)
            assert png.mode == "RGBA"
    with Image.open(app_dir / "nutdesk.ico") as ico:
        assert (256, 256) in ico.info["sizes"] and (16, 16) in ico.info["sizes"]
    with Image.open(app_dir / "nutdesk.icns") as icns:
        assert icns.size[0] >= 512  # Pillow adds the 512@2x (1024) slot
    qicon = app_icon()
    assert {s.width() for s in qicon.availableSizes()} == set(SIZES)


def rendered(tmp_path: Path) -> Path:
    """The desktop entry and metainfo as a package installs them: their templates with the app id filled in."""
    subprocess.run([sys.executable, "-m", "desktop.identity", "render", str(tmp_path / "r")], cwd=ROOT, check=True)
    return tmp_path / "r"


def test_the_desktop_entry_is_valid_and_names_the_icon(tmp_path: Path) -> None:
    entry = rendered(tmp_path) / f"{APP_ID}.desktop"
    result = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr
    text = entry.read_text()
    assert f"Icon={APP_ID}\n" in text
    assert "Exec=nutdesk-gui\n" in text and "Terminal=false\n" in text


def test_the_metainfo_is_valid_with_screenshots_and_the_current_release(tmp_path: Path) -> None:
    metainfo = rendered(tmp_path) / f"{APP_ID}.metainfo.xml"
    # --no-net: the test suite reaches no outside server (the URLs are checked by hand before a release).
    result = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(metainfo).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == "MIT"
    assert root.find("launchable").text == f"{APP_ID}.desktop"  # type: ignore[union-attr]
    assert root.findtext("url[@type='homepage']") == HOMEPAGE
    releases = root.findall("releases/release")
    assert releases[0].get("version") == pyproject_version()
    images = [i.text or "" for i in root.iter("image")]
    assert len(images) >= 3
    for url in images:  # each screenshot is one of docs/screenshots
        assert (ROOT / "docs" / "screenshots" / url.rsplit("/", 1)[-1]).exists(), url


def test_the_about_dialog_shows_the_icon_version_licence_and_links(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.version == pyproject_version()
    assert not dialog.windowIcon().isNull()
    labels = {w.objectName(): w for w in dialog.findChildren(QLabel)}
    assert f"Version {pyproject_version()}" in labels["aboutVersion"].text()
    text = labels["aboutText"].text()
    assert "MIT" in text and HOMEPAGE in text and "https://cashu.space" in text
    assert not labels["aboutIcon"].pixmap().isNull()


def test_the_window_opens_with_its_icon_navigation_glyphs_and_about_from_source(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config")}
    data = str(tmp_path / "data")
    run = [sys.executable, "-m", "desktop", "--data-dir", data]
    subprocess.run([*run, "init"], env=env, cwd=ROOT, check=True, capture_output=True, stdin=subprocess.DEVNULL)
    result = subprocess.run([*run, "--smoke-test", "1"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["passed"]
    assert report["smoke_test"]["nav_icons"] == len(GLYPHS)
    assert report["smoke_test"]["about_version"] == pyproject_version()


def test_the_version_is_pyprojects_everywhere() -> None:
    assert app_version() == pyproject_version()
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"nutdesk {pyproject_version()}"


def test_the_changelog_has_this_version_and_the_licence_file_is_the_declared_mit() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert f"## [{project['version']}]" in (ROOT / "CHANGELOG.md").read_text()
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    licence = (ROOT / "LICENSE").read_text()
    assert licence.startswith("MIT License") and "Permission is hereby granted, free of charge" in licence


def test_the_placeholder_app_id_and_home_page_are_written_in_one_place() -> None:
    """desktop/identity.py alone names them (changing them is one edit); the package's URLs, the desktop entry,
    the metainfo, the Debian package, the macOS bundle and the About dialog derive from it."""
    from desktop import identity

    placeholders = (identity.APP_ID.rsplit(".", 1)[0], identity.HOMEPAGE.removeprefix("https://"))
    written = []
    skipped = {".venv", ".peers", ".git", "build", "dist", "tests", "docs", "node_modules", ".mypy_cache"}
    for path in ROOT.rglob("*"):
        if skipped & set(path.relative_to(ROOT).parts) or not path.is_file():
            continue
        if path.suffix not in (".py", ".sh", ".in", ".toml", ".spec", ".qrc", ".xml", ".desktop", ".cfg", ".ts"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        written += [f"{path.relative_to(ROOT)}: {p}" for p in placeholders if p in text]
    assert sorted(written) == [f"desktop/identity.py: {p}" for p in sorted(placeholders)]
    assert identity.project_urls()["Homepage"] == identity.HOMEPAGE == HOMEPAGE
    assert "urls" in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dynamic"]
