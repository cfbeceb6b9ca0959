"""Russian texts of the Audiences screen: the catalogue is complete and compiled, the screen shows no English."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QSpinBox, QWidget

from app.segments.service import create_segment
from app.workspace import Workspace
from tests.ui.audiences.conftest import Answers, Base, settle
from ui.audiences.screen import AudiencesScreen
from ui.i18n import I18N_DIR, install_translators, remove_translators
from ui.sections import section, title_of

TS = I18N_DIR / "audiences_ru.ts"
QM = I18N_DIR / "audiences_ru.qm"
#: Names written in Latin letters in Russian too, and the property key the sum uses.
LATIN = {"SMS", "WhatsApp", "CRM", "VIP", "Excel", "amount", "url", "mail"}
EVERYTHING = {"type": "group", "op": "and", "children": [
    {"type": "field", "field": "gender", "op": "eq", "value": "f"},
    {"type": "field", "field": "birthday", "op": "between", "value": ["2000-01-01", "2001-12-31"]},
    {"type": "group", "op": "or", "negate": True, "children": [
        {"type": "list", "op": "in", "value": "Постоянные"},
        {"type": "consent", "channel": "sms", "op": "granted"},
        {"type": "suppressed", "channel": "email", "op": "is_not"},
        {"type": "tag", "op": "has_not", "value": "VIP"}]},
    {"type": "event", "event_type": "purchase", "op": "has", "count_gte": 2, "within_days": 30,
     "filters": [{"property": "url", "op": "contains", "value": "/sale"}], "sum_property": "amount", "sum_gte": 5000},
    {"type": "engagement", "action": "opened", "op": "did_not", "campaign": None, "within_days": 7},
    {"type": "field", "field": "city", "op": "in", "value": ["Казань", "Пермь"]}]}


@pytest.fixture
def russian(qapp) -> Iterator[None]:
    translators = install_translators(qapp, "ru")
    yield
    remove_translators(qapp, translators)


def test_every_string_has_a_russian_translation_and_the_qm_is_current() -> None:
    root = ET.parse(TS).getroot()
    untranslated = [m.findtext("source") for m in root.iter("message")
                    if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                    or not ("".join(m.find("translation").itertext())).strip()]
    assert untranslated == []
    translator = QTranslator()
    assert translator.load(str(QM))
    stale = [m.findtext("source") for c in root.iter("context") for m in c.iter("message")
             if m.get("numerus") != "yes"
             and translator.translate(c.findtext("name"), m.findtext("source"), m.findtext("comment")) != m.findtext("translation")]
    assert stale == [], "audiences_ru.qm is out of date: run pyside6-lrelease"


def _english_words(widget: QWidget) -> set[str]:
    texts: list[str] = []
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        if isinstance(child, QLabel | QAbstractButton):
            texts.append(re.sub(r"<[^>]+>", " ", child.text()))
        elif isinstance(child, QGroupBox):
            texts.append(child.title())
        elif isinstance(child, QComboBox):
            texts += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QLineEdit):
            texts.append(child.placeholderText())
        elif isinstance(child, QSpinBox):
            texts += [child.prefix(), child.suffix(), child.specialValueText()]
    return set(re.findall(r"[A-Za-z]{3,}", " ".join(texts))) - LATIN


def test_the_screen_speaks_russian(workspace: Workspace, base: Base, answers: Answers, qtbot, russian) -> None:
    assert title_of(section("lists")) == "Аудитории"
    segment_id = create_segment(workspace.engine, "Всё сразу", EVERYTHING)
    screen = AudiencesScreen(workspace)
    qtbot.add_widget(screen)
    screen.resize(1280, 800)
    screen.show()
    settle(qtbot, screen)
    assert _english_words(screen) == set()
    screen.open_segment(segment_id)
    screen.editor.builder.rows()[-1].part.editor.edit.clear()  # "one of" with nothing listed: an inline error
    settle(qtbot, screen)
    assert screen.editor.builder.rows()[-1].error.text() == "Перечислите значения через запятую."
    assert screen.editor.count_label.text() == "исправьте условие, отмеченное красным"
    assert _english_words(screen) == set()
    screen.editor.builder.rows()[-1].part.editor.edit.setText("Казань")
    settle(qtbot, screen)
    assert screen.editor.count_label.text() == "Подходят: 0 контактов"
    assert screen.editor.preview.preview.headerData(0, Qt.Orientation.Horizontal) == "Имя"
    answers.unsaved.append("discard")
    screen.open_list(base.list_id)
    assert screen.list_page.count_label.text() == "2 контакта"
    assert _english_words(screen) == set()
