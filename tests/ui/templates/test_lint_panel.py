"""The lint panel: problems in the user's language, click to the block, the audience check."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.templates.document import new_block, new_document
from app.workspace import Workspace
from tests.ui.templates.helpers import wait_preview
from ui.templates.email_editor import EmailEditor


@pytest.fixture
def editor(qtbot, seeded: Workspace) -> EmailEditor:
    widget = EmailEditor(seeded.engine)
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    widget.show()
    doc = new_document("designer")
    doc["blocks"] = [new_block("heading"), new_block("text"), new_block("footer")]
    widget.set_template(1, doc)
    wait_preview(qtbot, widget.preview)
    return widget


def _texts(editor: EmailEditor) -> list[str]:
    return [editor.lint.issues.item(row).text() for row in range(editor.lint.issues.count())]


def test_removing_the_footer_is_reported_as_missing_unsubscribe(qtbot, russian_ui, editor: EmailEditor) -> None:
    assert "no_unsubscribe" not in editor.lint.codes()
    editor.designer.canvas.setCurrentRow(2)
    qtbot.mouseClick(editor.designer.delete_button, Qt.MouseButton.LeftButton)
    wait_preview(qtbot, editor.preview)
    assert "no_unsubscribe" in editor.lint.codes()
    assert any("нет ссылки отписки" in text for text in _texts(editor))
    assert "ошибок: 1" in editor.lint.title.text()
    # Not advertising: no unsubscribe link needed.
    editor.designer.marketing.setChecked(False)
    wait_preview(qtbot, editor.preview)
    assert "no_unsubscribe" not in editor.lint.codes()


def test_clicking_a_problem_selects_its_block(qtbot, editor: EmailEditor) -> None:
    image = editor.designer.add_block("image")  # no picture chosen yet
    wait_preview(qtbot, editor.preview)
    editor.designer.canvas.setCurrentRow(0)
    lint = editor.lint
    row = next(r for r in range(lint.issues.count()) if lint.issues.item(r).data(Qt.ItemDataRole.UserRole + 1))
    item = lint.issues.item(row)
    assert item.data(Qt.ItemDataRole.UserRole + 1) == image["id"]
    qtbot.mouseClick(lint.issues.viewport(), Qt.MouseButton.LeftButton, pos=lint.issues.visualItemRect(item).center())
    assert editor.designer.canvas.current_block()["id"] == image["id"]
    assert editor.designer.properties.form.block["id"] == image["id"]  # its properties are open


def test_audience_check_lists_the_contacts_that_fall_back(qtbot, russian_ui, editor: EmailEditor) -> None:
    with qtbot.waitSignal(editor.lint.check_finished, timeout=15000) as finished:
        qtbot.mouseClick(editor.lint.check_button, Qt.MouseButton.LeftButton)
    report = finished.args[0]
    assert report.total == 3 and len(report.fallbacks) == 1 and not report.errors
    assert "Проверено контактов: 3" in editor.lint.summary.text()
    problems = [editor.lint.problems.item(r).text() for r in range(editor.lint.problems.count())]
    assert len(problems) == 1 and "Сидоров" in problems[0]
    assert editor.lint.check_button.isEnabled()


def test_audience_check_reports_a_failing_render(qtbot, editor: EmailEditor) -> None:
    editor.designer.canvas.setCurrentRow(0)
    # Dividing by a text field fails for every contact at render time.
    editor.designer.properties.form.editors["text"].setPlainText("{{ 10 / city }}")
    with qtbot.waitSignal(editor.lint.check_finished, timeout=15000) as finished:
        editor.check_audience()
    assert len(finished.args[0].errors) == 3
    assert editor.lint.problems.count() == 3
