"""The GUI speaks German when asked: every string the sources mark for translation has a German version in
resources/translations/nutdesk_de.ts (pyside6-lupdate re-extracts them), and walking in German the main window's
views (the point of sale's settings among them), the till's pages, the first-run wizard's pages and the dialogs
finds no English left in a label, a button, a title, a tooltip, a placeholder, a tab, a combo item or a table
header. Not walked: texts shown only after an action (results, errors), and the printed receipt and Z-report.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
    QWizard,
)

from core.api.service import WalletService
from core.config import Config
from desktop.gui.about import AboutDialog
from desktop.gui.dialogs import PasswordDialog
from desktop.gui.i18n import LANGUAGE_KEY, SOURCE_TS, install_translator, resolve_language, tr
from desktop.gui.pos.view import PosLauncherView
from desktop.gui.tasks import TaskRunner
from desktop.gui.views.balances.view import TransferDialog
from desktop.gui.views.send.view import ExportDialog
from desktop.gui.views.settings.view import AddBackendDialog, WordsDialog
from desktop.gui.widgets.mint_probe import AddMintDialog
from desktop.gui.wizard.wizard import FirstRunWizard
from tests.gui.conftest import GuiHarness

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = Path(__import__("sys").executable).parent / "pyside6-lupdate"

# Words that are English and not German: a visible text containing one is still in English.
_WORDS = """the and of to your you is are not yet with from this that what which add remove send receive check save
    show copy paste choose select create print write amount fee fees balance balances history settings password
    words none nothing every here there it for or no new file search pay paid sent received scan camera back
    after before until cancel continue confirm reclaim restore recovery language system trust analytics period
    loading export unit pending transfer time kind memo state reason retries next apply security storage display
    label test open writes cheque cheques expired only can cannot"""
ENGLISH = frozenset(_WORDS.split())
# Texts that are the same in both languages though they contain such a word (none yet: keep it short).
ALLOWED: set[str] = set()


def _messages(ts: Path) -> list[tuple[str, str, str]]:
    """(source, translation, type) of every current message."""
    found = []
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        assert translation is not None
        found.append((message.findtext("source") or "", translation.text or "", translation.get("type", "")))
    return found


def test_every_string_marked_in_the_sources_has_a_german_translation(tmp_path: Path) -> None:
    ts = tmp_path / "nutdesk_de.ts"
    shutil.copy(SOURCE_TS / "nutdesk_de.ts", ts)
    sources = sorted(str(p) for p in (ROOT / "desktop" / "gui").rglob("*.py"))
    subprocess.run([str(LUPDATE), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts)], check=True)
    messages = _messages(ts)
    assert len(messages) > 400
    untranslated = [source for source, text, kind in messages if kind in ("unfinished", "vanished") or not text]
    assert untranslated == [], "no German for:\n" + "\n".join(untranslated)
    # A translation that loses or invents a placeholder would break .format() or show a wrong value.
    placeholders = re.compile(r"\{[^{}]*\}")
    wrong = [s for s, t, _ in messages if sorted(placeholders.findall(s)) != sorted(placeholders.findall(t))]
    assert wrong == [], "placeholders differ:\n" + "\n".join(wrong)
    # The committed file is what lupdate makes of today's sources: nothing stale, nothing missing.
    assert _messages(SOURCE_TS / "nutdesk_de.ts") == messages, "run `make translations` and translate the news"


def test_the_language_is_the_settings_choice_else_the_systems_else_english() -> None:
    assert resolve_language("de", QLocale("en_US")) == "de"
    assert resolve_language("en", QLocale("de_DE")) == "en"
    assert resolve_language("", QLocale("de_AT")) == "de"
    assert resolve_language("", QLocale("fr_FR")) == "en"
    assert resolve_language("xx", QLocale("fr_FR")) == "en"


def test_a_german_translator_translates_and_english_needs_none(qapp: QApplication, tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(LANGUAGE_KEY, "de")
    try:
        assert install_translator(qapp, settings) == "de"
        assert tr("Balances") == "Guthaben"
        assert tr("{0} of {1} operations").format(2, 5) == "2 von 5 Vorgängen"
        assert QApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"  # Qt's own buttons too
        settings.setValue(LANGUAGE_KEY, "en")
        assert install_translator(qapp, settings) == "en"
        assert tr("Balances") == "Balances"
    finally:
        install_translator(qapp, language="en")


def english_in(text: str) -> bool:
    plain = re.sub(r"<[^>]+>", " ", text)  # rich text: the words, not the tags
    plain = re.sub(r"\S*[/\\]\S*|\S*@\S*", " ", plain)  # paths, URLs, addresses
    plain = re.sub(r"'[^']*'|`[^`]*`", " ", plain)  # quoted commands ('nutdesk pos item add')
    if plain.strip() in ALLOWED:
        return False
    return any(word.lower() in ENGLISH for word in re.findall(r"[A-Za-z]+", plain.replace("&", "")))


def visible_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.windowTitle() if widget.isWindow() else ""]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QTableView) and widget.model() is not None:
        model = widget.model()
        texts += [
            str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            for c in range(widget.horizontalHeader().count())
        ]
    return [t for t in texts if t]


@pytest.fixture
def german(qapp: QApplication) -> Any:
    assert install_translator(qapp, language="de") == "de"
    yield
    install_translator(qapp, language="en")


def test_every_view_of_the_main_window_shows_german(german: None, gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    service.create_wallet()
    run(service.close())
    session = gui.open(tmp_path / "w")
    window = session.window
    assert window is not None
    english: list[str] = []
    for action in window.menuBar().actions():
        english += [f"menu: {a.text()}" for a in [action, *action.menu().actions()] if english_in(a.text())]
    english += [f"navigation: {window.nav.item(i).text()}" for i in range(window.nav.count())]
    english = [e for e in english if english_in(e.split(": ", 1)[1])]
    walked = 0
    for view in window.views:
        for widget in [view, *view.findChildren(QWidget)]:
            walked += 1
            english += [
                f"{view.objectName()} {type(widget).__name__}: {t}" for t in visible_texts(widget) if english_in(t)
            ]
    assert walked > 300
    assert english == [], "still in English:\n" + "\n".join(english)
    assert window.nav.item(0).text() == "Guthaben"


def test_the_first_run_wizard_shows_german(german: None, tmp_path: Path, run: Any) -> None:
    service = WalletService.open(Config(data_dir=tmp_path / "new"))
    wizard = FirstRunWizard(service, TaskRunner(lambda exc: None))
    try:
        english = [f"window title: {wizard.windowTitle()}"] if english_in(wizard.windowTitle()) else []
        for page_id in wizard.pageIds():
            page = wizard.page(page_id)
            english += [f"page {page_id}: {t}" for t in (page.title(), page.subTitle()) if english_in(t)]
            for widget in page.findChildren(QWidget):
                english += [
                    f"page {page_id} {type(widget).__name__}: {t}" for t in visible_texts(widget) if english_in(t)
                ]
        buttons = [QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton]
        english += [f"button: {wizard.buttonText(b)}" for b in buttons if english_in(wizard.buttonText(b))]
        assert english == [], "still in English:\n" + "\n".join(english)
        assert wizard.page(FirstRunWizard.CHOICE).title() == "Willkommen bei Nutdesk"
    finally:
        wizard.deleteLater()
        run(service.close())


def test_the_dialogs_show_german(german: None, gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    service.create_wallet()
    run(service.close())
    session = gui.open(tmp_path / "w")
    dialogs: list[QWidget] = [
        AboutDialog(),
        AddMintDialog(session.ctx.service, session.tasks),
        TransferDialog(session.ctx.service),
        ExportDialog(tmp_path / "token.cashu"),
        WordsDialog(["abandon"] * 12),
        AddBackendDialog([]),
        PasswordDialog(None, tr("Change password"), tr("Enter the current password."), repeat=True),
    ]
    english: list[str] = []
    try:
        for dialog in dialogs:
            for widget in [dialog, *dialog.findChildren(QWidget)]:
                where = f"{type(dialog).__name__} {type(widget).__name__}"
                english += [f"{where}: {t}" for t in visible_texts(widget) if english_in(t)]
    finally:
        for dialog in dialogs:
            dialog.deleteLater()
    assert english == [], "still in English:\n" + "\n".join(english)


def test_the_till_shows_german(german: None, gui: GuiHarness, tmp_path: Path, run: Any) -> None:
    service = WalletService.open(Config(data_dir=tmp_path / "w"))
    service.create_wallet()
    run(service.close())
    session = gui.open(tmp_path / "w")
    till = session.view(PosLauncherView).enter(full_screen=False)
    english: list[str] = []
    walked = 0
    for widget in [till, *till.findChildren(QWidget)]:
        walked += 1
        english += [f"till {type(widget).__name__}: {t}" for t in visible_texts(widget) if english_in(t)]
    till.close()
    assert walked > 100
    assert english == [], "still in English:\n" + "\n".join(english)


def test_the_printed_receipt_and_zreport_words_are_german(german: None) -> None:
    """The receipt and Z-report are HTML (on screen, on paper, in the PDF): their words go through the translator too,
    including the labels the core writes; amounts, names and times pass through as they are."""
    from desktop.gui.pos.printing import receipt_html

    printed = receipt_html(
        [("Shop", "Corner Café"), ("Total", "100 sat"), ("Paid by", "Ecash (forwarded over Lightning)")]
    )
    assert "Beleg" in printed and "Summe" in printed and "über Lightning weitergeleitet" in printed
    assert "Corner Café" in printed and "100 sat" in printed
    assert not any(word in printed for word in (">Receipt<", ">Total<", "forwarded over"))
