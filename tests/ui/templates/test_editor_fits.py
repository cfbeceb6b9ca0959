"""Switching editors leaves one editor on the page, and the letter editor fits a 1280-pixel-wide window."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.templates.document import new_document
from app.templates.library import create_template
from app.workspace import Workspace
from ui.templates.email_editor import EmailEditor
from ui.templates.screen import TemplatesScreen

#: A long template name and a long list name: neither may widen the window.
LONG_NAME = "Весенняя распродажа для постоянных покупателей магазина на Ленина — вторая волна"


def editors_on_page(screen: TemplatesScreen) -> list[QWidget]:
    body = screen.editor_page.body
    return [body.itemAt(i).widget() for i in range(body.count()) if body.itemAt(i).widget() is not None]


def test_opening_another_kind_replaces_the_editor_at_once(qtbot, seeded: Workspace, russian_ui) -> None:
    sms = create_template(seeded.engine, "Скидка", "sms", new_document("sms") | {"text": "Привет"})
    letter = create_template(seeded.engine, "Письмо", "email", new_document("designer"))
    screen = TemplatesScreen(seeded)
    qtbot.add_widget(screen)
    screen.show()
    screen.open_template(sms.template_id)
    old = screen.editor_page.editor
    screen.back_to_library()
    screen.open_template(letter.template_id)
    # Before any event is processed (the old editor is only scheduled for deletion), it is already gone.
    assert editors_on_page(screen) == [screen.editor_page.editor]
    assert isinstance(screen.editor_page.editor, EmailEditor) and not old.isVisible()


def test_letter_editor_fits_a_1280_window(qtbot, seeded: Workspace, russian_ui) -> None:
    letter = create_template(seeded.engine, LONG_NAME, "email", new_document("designer"))
    screen = TemplatesScreen(seeded)
    qtbot.add_widget(screen)
    screen.resize(1080, 680)  # what a 1280×720 window leaves beside the navigation
    screen.show()
    screen.open_template(letter.template_id)
    qtbot.wait(50)
    assert screen.minimumSizeHint().width() <= 1080
    assert screen.width() == 1080
