"""The Templates screen: library actions, saving new versions, the unsaved-changes guard, HTML import."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt

from app.db.schema import metadata
from app.errors import TemplateError
from app.templates.document import new_document
from app.templates.library import create_template, get_version, list_templates
from app.workspace import Workspace
from tests.ui.templates.helpers import count_versions, page_html, wait_preview
from ui.templates import dialogs
from ui.templates.email_editor import EmailEditor
from ui.templates.screen import TemplatesScreen
from ui.widgets import dialogs as common_dialogs


class Answers:
    """Scripted answers to the screen's questions."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.texts: list[str | None] = []
        self.unsaved: list[str] = []
        self.confirm = True
        self.informed: list[str] = []
        self.errors: list[BaseException] = []
        monkeypatch.setattr(dialogs.AskText, "ask", classmethod(lambda cls, *a, **k: self.texts.pop(0)))
        monkeypatch.setattr(dialogs.UnsavedChanges, "ask", classmethod(lambda cls, *a: self.unsaved.pop(0)))
        monkeypatch.setattr(dialogs.Inform, "ask", classmethod(lambda cls, parent, title, text: self.informed.append(text)))
        monkeypatch.setattr(common_dialogs.Confirm, "ask", classmethod(lambda cls, *a: self.confirm))
        monkeypatch.setattr(common_dialogs.ErrorDialog, "ask", classmethod(lambda cls, parent, exc: self.errors.append(exc)))


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    return Answers(monkeypatch)


@pytest.fixture
def screen(qtbot, seeded: Workspace) -> TemplatesScreen:
    widget = TemplatesScreen(seeded)
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    widget.show()
    return widget


def test_new_email_template_edit_and_save_makes_a_new_version(qtbot, screen: TemplatesScreen, answers: Answers) -> None:
    assert screen.library.stack.currentWidget() is screen.library.empty
    answers.texts.append("Весенняя распродажа")
    template_id = screen.new_template("email")
    assert template_id is not None
    assert screen.stack.currentWidget() is screen.editor_page
    editor = screen.editor_page.editor
    assert isinstance(editor, EmailEditor)
    editor.designer.canvas.setCurrentRow(0)
    editor.designer.properties.form.editors["text"].setPlainText("Весна, {{ first_name }}!")
    assert screen.editor_page.dirty and screen.has_unsaved_changes()
    screen.editor_page.note.setText("весенний заголовок")
    qtbot.mouseClick(screen.editor_page.save_button, Qt.MouseButton.LeftButton)
    assert not answers.errors
    assert count_versions(screen.engine, template_id) == 2
    stored = get_version(screen.engine, template_id)
    assert stored.version == 2 and stored.document["blocks"][0]["text"] == "Весна, {{ first_name }}!"
    assert stored.document["version_note"] == "весенний заголовок"
    assert get_version(screen.engine, template_id, 1).document["blocks"][0]["text"] != stored.document["blocks"][0]["text"]
    assert not screen.editor_page.dirty
    assert "весенний заголовок" in screen.editor_page.version_combo.itemText(0)
    assert screen.editor_page.save_button.text().endswith("3")
    # The preview renders the saved letter for the first contact.
    wait_preview(qtbot, editor.preview)
    assert "Весна, Иван!" in page_html(qtbot, editor.preview.view)
    assert screen.back_to_library()
    assert screen.library.names() == ["Весенняя распродажа"]
    assert screen.library.tree.topLevelItem(0).text(3) == "2"


def test_unsaved_changes_guard(qtbot, screen: TemplatesScreen, answers: Answers) -> None:
    created = create_template(screen.engine, "Письмо", "email", new_document("designer"))
    screen.library.reload()
    screen.open_template(created.template_id)
    screen.editor_page.editor.designer.subject.setText("Новая тема")
    answers.unsaved.append("cancel")
    assert not screen.back_to_library()
    assert screen.stack.currentWidget() is screen.editor_page
    answers.unsaved.append("save")
    assert screen.back_to_library()
    assert get_version(screen.engine, created.template_id).document["subject"] == "Новая тема"
    screen.open_template(created.template_id)
    screen.editor_page.editor.designer.subject.setText("Ещё одна тема")
    answers.unsaved.append("discard")
    assert screen.back_to_library()
    assert count_versions(screen.engine, created.template_id) == 2
    # Opening version 1 from the chooser, then saving it, makes it the newest (version 3).
    screen.open_template(created.template_id)
    page = screen.editor_page
    page.version_combo.setCurrentIndex(page.version_combo.findData(1))
    page.version_combo.activated.emit(page.version_combo.currentIndex())
    assert page.version.version == 1 and page.editor.designer.subject.text() == "Новости магазина"
    assert page.save() is not None
    assert get_version(screen.engine, created.template_id).document["subject"] == "Новости магазина"


def test_a_template_error_is_not_saved_and_names_the_place(qtbot, screen: TemplatesScreen, answers: Answers) -> None:
    created = create_template(screen.engine, "Письмо", "email", new_document("designer"))
    screen.open_template(created.template_id)
    designer = screen.editor_page.editor.designer
    designer.canvas.setCurrentRow(0)
    designer.properties.form.editors["text"].setPlainText("Привет,\n{{ first_name ")
    assert screen.editor_page.save() is None
    error = answers.errors[-1]
    assert isinstance(error, TemplateError) and error.line == 2
    assert count_versions(screen.engine, created.template_id) == 1
    assert screen.editor_page.dirty


def test_search_filter_duplicate_rename_delete(qtbot, screen: TemplatesScreen, answers: Answers) -> None:
    engine = screen.engine
    create_template(engine, "Весенняя распродажа", "email", new_document("designer"))
    create_template(engine, "Напоминание о записи", "sms", new_document("sms") | {"text": "Ждём вас завтра"})
    screen.library.reload()
    assert screen.library.names() == ["Весенняя распродажа", "Напоминание о записи"]
    screen.library.search.setText("РАСПРОД")
    screen.library.search.returnPressed.emit()
    assert screen.library.names() == ["Весенняя распродажа"]
    screen.library.search.clear()
    screen.library.search.returnPressed.emit()
    kind_index = screen.library.kind_combo.findData("sms")
    screen.library.kind_combo.setCurrentIndex(kind_index)
    screen.library.kind_combo.activated.emit(kind_index)
    assert screen.library.names() == ["Напоминание о записи"]
    screen.library.kind_combo.setCurrentIndex(0)
    screen.library.kind_combo.activated.emit(0)

    first = list_templates(engine)[0]
    screen.library.select(first.id)
    qtbot.mouseClick(screen.library.duplicate_button, Qt.MouseButton.LeftButton)
    assert "Весенняя распродажа (копия)" in screen.library.names()
    # The copy is selected after duplicating: renaming applies to it.
    answers.texts.append("Летняя распродажа")
    qtbot.mouseClick(screen.library.rename_button, Qt.MouseButton.LeftButton)
    assert screen.library.names() == ["Весенняя распродажа", "Летняя распродажа", "Напоминание о записи"]
    # A name already taken is refused with a clear message.
    answers.texts.append("напоминание о записи")
    assert not screen.rename(first.id)
    assert "already exists" in str(answers.errors[-1])
    screen.library.select(first.id)
    answers.confirm = False
    qtbot.mouseClick(screen.library.delete_button, Qt.MouseButton.LeftButton)
    assert "Весенняя распродажа" in screen.library.names()
    answers.confirm = True
    qtbot.mouseClick(screen.library.delete_button, Qt.MouseButton.LeftButton)
    assert screen.library.names() == ["Летняя распродажа", "Напоминание о записи"]
    assert [t.name for t in list_templates(engine)] == ["Летняя распродажа", "Напоминание о записи"]


def test_delete_of_a_pinned_template_archives_and_explains(qtbot, screen: TemplatesScreen, answers: Answers) -> None:
    pins = sa.Table("test_pins", metadata, sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("template_id", sa.Integer, sa.ForeignKey("templates.id")), extend_existing=True)
    try:
        pins.create(screen.engine)
        created = create_template(screen.engine, "Рассылка к 8 марта", "email", new_document("designer"))
        with screen.engine.begin() as conn:
            conn.execute(pins.insert().values(template_id=created.template_id))
        screen.library.reload()
        assert screen.delete(created.template_id) == "archived"
        assert "archived" in answers.informed[0] or "архив" in answers.informed[0]
        assert "Рассылка к 8 марта" not in screen.library.names()
    finally:
        metadata.remove(pins)


def test_other_kinds_open_in_their_editors(qtbot, screen: TemplatesScreen, answers: Answers) -> None:
    for kind, name in (("sms", "СМС"), ("whatsapp", "Ватсап"), ("manager", "Менеджеру")):
        answers.texts.append(name)
        template_id = screen.new_template(kind)
        assert template_id is not None, answers.errors
        editor = screen.editor_page.editor
        assert hasattr(editor, "document") and hasattr(editor, "changed")
        assert screen.editor_page.save() is not None
        assert count_versions(screen.engine, template_id) == 2
        assert screen.back_to_library()


def test_html_mode_imports_a_sanitised_letter(qtbot, screen: TemplatesScreen, answers: Answers, tmp_path: Path) -> None:
    letter = tmp_path / "letter.html"
    letter.write_text(
        "<html><head><style>.title{color:#cc0000;font-size:22px}</style></head><body>"
        "<h1 class='title' onclick='steal()'>Здравствуйте, {{ first_name }}!</h1>"
        "<script>alert(1)</script><a href='javascript:alert(2)'>плохая ссылка</a>"
        "<a href='{{ unsubscribe_url }}'>Отписаться</a></body></html>", encoding="cp1251")
    created = create_template(screen.engine, "Импорт", "email", new_document("designer"))
    screen.open_template(created.template_id)
    editor = screen.editor_page.editor
    from ui.templates.email_designer import OpenHtml

    OpenHtml.ask = classmethod(lambda cls, *a: str(letter))  # type: ignore[method-assign]
    try:
        qtbot.mouseClick(editor.designer.import_button, Qt.MouseButton.LeftButton)
    finally:
        del OpenHtml.ask
    source = editor.designer.source.toPlainText()
    assert editor.designer.tabs.currentIndex() == editor.designer.HTML_TAB
    assert "<script" not in source and "onclick" not in source and "javascript:" not in source
    assert "color:#cc0000" in source.replace(" ", "") and "{{ first_name }}" in source
    assert editor.designer.source.font().fixedPitch() or editor.designer.source.font().styleHint() != 0
    assert screen.editor_page.save() is not None
    stored = get_version(screen.engine, created.template_id)
    assert stored.document["type"] == "html" and "Здравствуйте" in stored.document["html"]
    wait_preview(qtbot, editor.preview)
    assert "Здравствуйте, Иван!" in page_html(qtbot, editor.preview.view)
    # A file that is not HTML is refused with the file's name.
    bad = tmp_path / "notes.html"
    bad.write_bytes(b"just words")
    assert not editor.designer.import_html(str(bad))
    assert "notes.html" in str(answers.errors[-1])


def test_closing_the_window_asks_about_unsaved_changes(qtbot, seeded: Workspace, answers: Answers) -> None:
    from ui.main_window import MainWindow
    from ui.sections import SECTIONS

    window = MainWindow(seeded)
    qtbot.addWidget(window)
    window.show()
    created = create_template(seeded.engine, "Письмо", "email", new_document("designer"))
    window.nav.setCurrentRow([s.id for s in SECTIONS].index("templates"))
    screen = window.pages.currentWidget()
    assert isinstance(screen, TemplatesScreen)
    screen.open_template(created.template_id)
    screen.editor_page.editor.designer.subject.setText("Не потерять")
    answers.unsaved.append("cancel")
    assert not window.close()
    assert window.isVisible()
    answers.unsaved.append("save")
    assert window.close()
    assert get_version(seeded.engine, created.template_id).document["subject"] == "Не потерять"


def test_the_screen_speaks_russian(qtbot, seeded: Workspace, russian_ui, answers: Answers) -> None:
    screen = TemplatesScreen(seeded)
    qtbot.addWidget(screen)
    library = screen.library
    assert library.new_button.text() == "Новый шаблон"
    assert library.tree.headerItem().text(0) == "Название" and library.kind_combo.itemText(1) == "Email-письмо"
    assert "Шаблонов пока нет" in library.empty.text()
    created = create_template(seeded.engine, "Письмо", "email", new_document("designer"))
    screen.open_template(created.template_id)
    page = screen.editor_page
    assert page.save_button.text() == "Сохранить как версию 2"
    designer = page.editor.designer
    assert designer.tabs.tabText(0) == "Конструктор" and designer.tabs.tabText(1) == "HTML-код"
    assert designer.palette.item(0).text() == "Логотип / шапка"
    designer.canvas.setCurrentRow(0)
    assert designer.properties.title() == "Блок: Заголовок"
    assert page.editor.preview.desktop_button.text() == "Компьютер"
