"""Russian texts: the catalogue is complete and used; garbled-text detection and stage labels."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import ImportFileError
from tests.ui.imports.conftest import HEADER, QM, ROWS, click_next, write_csv
from ui.imports.labels import describe_file_error, stage_label, target_label, ui_lang
from ui.imports.mojibake import looks_garbled

TS = QM.with_suffix(".ts")
#: product and format names that are written in Latin letters in Russian too.
LATIN_NAMES = {"SMS", "WhatsApp", "mail", "UTF", "BOM", "Windows", "KOI", "CSV", "TSV", "TXT", "XLSX", "XLS",
               "ODS", "VIP", "CRM", "Excel"}
SAMPLE = ["Телефон", "Имя", "Фамилия", "Город", "Москва", "Иван Петров", "ООО «Ромашка»", "ivan@mail.ru"]


def test_every_string_has_a_russian_translation() -> None:
    root = ET.parse(TS).getroot()
    untranslated = [
        message.findtext("source")
        for message in root.iter("message")
        if not (message.findtext("translation") or "").strip()
        or message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert untranslated == []
    # The compiled catalogue the app loads says the same as the .ts file.
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = [
        message.findtext("source")
        for context in root.iter("context")
        for message in context.iter("message")
        if translator.translate(context.findtext("name"), message.findtext("source"), message.findtext("comment"))
        != message.findtext("translation")
    ]
    assert stale == [], "import_ru.qm is out of date: run pyside6-lrelease"


def _english_words(widget: QWidget) -> set[str]:
    """ASCII words of 3+ letters in what a page shows, minus names that stay in Latin script."""
    texts = [widget.title(), widget.subTitle()] if isinstance(widget, QWizardPage) else []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(child.text())
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QTableWidget):
            texts += [child.horizontalHeaderItem(c).text() for c in range(child.columnCount())]
    words = set(re.findall(r"[A-Za-z]{3,}", " ".join(texts)))
    return words - LATIN_NAMES


def test_every_page_speaks_russian(qtbot, open_wizard, run_to_summary, tmp_path: Path) -> None:
    wizard = open_wizard()
    assert wizard.windowTitle() == "Импорт контактов"
    seen = {wizard.currentId(): _english_words(wizard.currentPage())}
    wizard.file_page.set_path(str(write_csv(tmp_path / "база.csv", [HEADER, *ROWS])))
    for _ in range(3):
        click_next(qtbot, wizard)
        seen[wizard.currentId()] = _english_words(wizard.currentPage())
    buttons = {wizard.button(b).text() for b in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                                                  QWizard.WizardButton.CancelButton)}
    assert buttons == {"< Назад", "Импортировать", "Отмена"}
    run_to_summary(wizard)
    seen[wizard.currentId()] = _english_words(wizard.currentPage())
    assert wizard.button(QWizard.WizardButton.FinishButton).text() == "Готово"
    assert sorted(seen) == [0, 1, 2, 3, 5]
    assert seen == dict.fromkeys(seen, set())


def test_labels_in_russian(qtbot) -> None:
    assert ui_lang() == "ru"
    assert target_label("phone") == "Телефон"
    assert target_label("consent:calls") == "Согласие: Звонки"
    assert target_label("skip") == "Не загружать"
    assert stage_label("writing") == "Сохранение контактов…"
    assert stage_label("something new") == "something new"
    error = ImportFileError("/tmp/база.csv", "the value is not a date", row=12, column="Дата рождения")
    assert describe_file_error(error) == "Файл «база.csv», строка 12, столбец «Дата рождения»: the value is not a date"


def test_garbled_text_is_recognised() -> None:
    assert not looks_garbled(SAMPLE)
    joined = "\n".join(SAMPLE)
    for written, read in (("utf-8", "cp1251"), ("cp1251", "koi8-r"), ("cp1251", "cp866"), ("koi8-r", "cp1251"),
                          ("cp866", "cp1251"), ("cp1251", "utf-8")):
        garbled = joined.encode(written, errors="replace").decode(read, errors="replace").split("\n")
        assert looks_garbled(garbled), (written, read, garbled)
