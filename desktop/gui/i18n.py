"""The GUI's language: every user-visible string goes through ``tr()`` (Qt's translator, one flat context), and
one QTranslator is installed at start-up for the language chosen in Settings or, by default, the system's.

The Qt Linguist sources live in ``resources/translations/nutdesk_<lang>.ts`` (``make translations`` re-extracts
them with pyside6-lupdate). lrelease compiles them at build time into ``desktop/translations/*.qm`` (setup.py for
the wheel, build.spec for the frozen app); a source checkout where no build ran compiles them at start-up (in a
temporary folder removed at once). Generated files are never committed. English is the source language: it needs
no translator.

The core's words (the ``t("…")`` templates of core/ and backends/: the texts of the errors it raises) are not GUI
strings: their German is the one catalogue both front ends share, desktop/core_messages_de/. ``core_tr`` is the
translator the GUI installs in the core: that catalogue for the language installed here, then Qt's ``tr`` (the
error explanations of core.api.messages are in the .ts, next to the dialog that shows them).
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

__all__ = [
    "LANGUAGES",
    "LANGUAGE_KEY",
    "QT_TR_NOOP",
    "compile_translations",
    "core_tr",
    "current_language",
    "install_translator",
    "lrelease_executable",
    "resolve_language",
    "tr",
]

log = logging.getLogger("nutdesk.i18n")

LANGUAGE_KEY = "language"  # QSettings key; "" (or absent) means the system language
# code → the language's own name (shown untranslated in Settings, so a user can always find theirs)
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch"}
PACKAGED_QM = Path(__file__).resolve().parent.parent / "translations"
SOURCE_TS = Path(__file__).resolve().parent.parent.parent / "resources" / "translations"

_installed: list[QTranslator] = []  # a QTranslator must outlive its installation
_data: list[bytes] = []
_language: list[str] = ["en"]  # the language install_translator installed


def tr(text: str) -> str:
    """The current language's version of ``text`` (the English source text when there is none)."""
    return QCoreApplication.translate("", text)


def current_language() -> str:
    return _language[0]


def core_tr(text: str) -> str:
    """The core's translator in the GUI: the core's shared catalogue for its raised texts, else ``tr`` (the error
    explanations of core.api.messages are in the .ts, next to the dialog that shows them). The catalogue comes
    first so that a short core text ("pay") never takes the German of a GUI label with the same English."""
    if _language[0] == "de":
        from desktop.core_messages_de import CORE_MESSAGES

        if text in CORE_MESSAGES:
            return CORE_MESSAGES[text]
    return tr(text)


def QT_TR_NOOP(text: str) -> str:
    """Marks a string for extraction where it is defined (a class title, a label table); ``tr()`` at use."""
    return text


def lrelease_executable() -> Path:
    """Qt's translation compiler inside the PySide6 wheel (what ``pyside6-lrelease`` runs)."""
    import PySide6

    base = Path(PySide6.__file__).resolve().parent
    if sys.platform == "win32":
        return base / "lrelease.exe"
    return base / "lrelease"


def compile_translations(target: Path, sources: Path = SOURCE_TS) -> list[Path]:
    """Every ``nutdesk_*.ts`` in ``sources`` compiled to ``target/nutdesk_*.qm``."""
    target.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(sources.glob("nutdesk_*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run(
            [os.fspath(lrelease_executable()), "-silent", os.fspath(ts), "-qm", os.fspath(qm)],
            check=True,
            capture_output=True,
        )
        built.append(qm)
    return built


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the Settings choice, else the system's when we have it, else English."""
    if setting in LANGUAGES:
        return setting
    locale = system if system is not None else QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def _qm_data(language: str) -> bytes | None:
    """The compiled translation: built with the package, else compiled now from the source checkout's .ts
    (in a temporary folder that is removed at once: the translator keeps the bytes)."""
    packaged = PACKAGED_QM / f"nutdesk_{language}.qm"
    if packaged.is_file():
        return packaged.read_bytes()
    source = SOURCE_TS / f"nutdesk_{language}.ts"
    if not source.is_file():
        return None
    with tempfile.TemporaryDirectory(prefix="nutdesk-qm-") as folder:
        try:
            compile_translations(Path(folder), SOURCE_TS)
        except (OSError, subprocess.CalledProcessError):
            log.warning("could not compile %s: the app runs in English", source, exc_info=True)
            return None
        return (Path(folder) / f"nutdesk_{language}.qm").read_bytes()


def install_translator(app: QCoreApplication, settings: QSettings | None = None, language: str | None = None) -> str:
    """Install the translators for ``language`` (default: the Settings choice or the system's); the code used."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _data.clear()
    _language[0] = "en"
    if language is None:
        stored = settings.value(LANGUAGE_KEY, "") if settings is not None else ""
        language = resolve_language(str(stored or ""))
    if language == "en":
        return "en"
    data = _qm_data(language)
    ours = QTranslator(app)
    if data is None or not ours.load(data):
        log.warning("no %s translation found: the app runs in English", language)
        return "en"
    _data.append(data)  # QTranslator reads the bytes in place: they must outlive it
    app.installTranslator(ours)
    _installed.append(ours)
    qt = QTranslator(app)  # Qt's own strings: the standard buttons (OK, Cancel), context menus
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    _language[0] = language
    return language
