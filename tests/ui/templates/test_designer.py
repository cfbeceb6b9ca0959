"""The email designer driven like a user: palette, drop, reorder, properties, styles."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QDropEvent

from app.templates.document import new_document
from app.templates.render import compile_document
from ui.templates.canvas import BLOCK_MIME
from ui.templates.email_designer import EmailDesigner
from ui.templates.fields import ColorField, TextField


def _designer(qtbot, blocks=("heading", "text", "footer")) -> EmailDesigner:
    designer = EmailDesigner()
    qtbot.addWidget(designer)
    doc = new_document("designer")
    from app.templates.document import new_block

    doc["blocks"] = [new_block(kind) for kind in blocks]
    designer.set_template(1, doc)
    designer.resize(1000, 700)
    designer.show()
    return designer


def _kinds(designer: EmailDesigner) -> list[str]:
    return [b["kind"] for b in designer.document()["blocks"]]


def _palette_item(designer: EmailDesigner, kind: str):
    palette = designer.palette
    for row in range(palette.count()):
        if palette.item(row).data(Qt.ItemDataRole.UserRole + 2) == kind:
            return palette.item(row)
    raise AssertionError(kind)


def test_drop_from_palette_inserts_the_kind_where_it_falls(qtbot) -> None:
    designer = _designer(qtbot)
    canvas = designer.canvas
    data = designer.palette.mimeData([_palette_item(designer, "image")])
    assert data.hasFormat(BLOCK_MIME)
    # Drop on the upper half of the second card: the image goes before it.
    rect = canvas.visualItemRect(canvas.item(1))
    point = QPointF(rect.center().x(), rect.top() + 3)
    with qtbot.waitSignal(designer.changed, timeout=2000):
        event = QDropEvent(point, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
        canvas.dropEvent(event)
    assert _kinds(designer) == ["heading", "image", "text", "footer"]
    # Dropped below every card: appended at the end.
    divider = designer.palette.mimeData([_palette_item(designer, "divider")])  # the event does not own it
    event = QDropEvent(QPointF(20, canvas.viewport().height() - 2), Qt.DropAction.CopyAction, divider,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    canvas.dropEvent(event)
    assert _kinds(designer)[-1] == "divider"
    assert canvas.currentRow() == canvas.count() - 1


def test_double_click_on_palette_adds_after_the_selection(qtbot) -> None:
    designer = _designer(qtbot)
    designer.canvas.setCurrentRow(0)
    item = _palette_item(designer, "button")
    rect = designer.palette.visualItemRect(item)
    # A real double-click: press/release, then the second press arrives as a double-click.
    qtbot.mouseClick(designer.palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(designer.palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _kinds(designer) == ["heading", "button", "text", "footer"]
    # Six and more blocks still make a valid, compilable letter.
    for kind in ("product", "columns", "social", "spacer"):
        designer.add_block(kind)
    doc = designer.document()
    assert len(doc["blocks"]) == 8
    assert "<table" in compile_document(doc, "email").html_source


def test_reorder_by_drag_move_and_by_buttons(qtbot) -> None:
    designer = _designer(qtbot)
    with qtbot.waitSignal(designer.changed, timeout=2000):
        # What an internal drag does to the list model: move row 0 below row 1.
        assert designer.canvas.model().moveRow(QModelIndex(), 0, QModelIndex(), 2)
    assert _kinds(designer) == ["text", "heading", "footer"]
    designer.canvas.setCurrentRow(2)
    qtbot.mouseClick(designer.up_button, Qt.MouseButton.LeftButton)
    assert _kinds(designer) == ["text", "footer", "heading"]


def test_duplicate_and_delete_blocks(qtbot) -> None:
    designer = _designer(qtbot)
    designer.canvas.setCurrentRow(1)
    qtbot.mouseClick(designer.duplicate_button, Qt.MouseButton.LeftButton)
    blocks = designer.document()["blocks"]
    assert [b["kind"] for b in blocks] == ["heading", "text", "text", "footer"]
    assert blocks[1]["id"] != blocks[2]["id"] and blocks[1]["text"] == blocks[2]["text"]
    qtbot.mouseClick(designer.delete_button, Qt.MouseButton.LeftButton)
    assert _kinds(designer) == ["heading", "text", "footer"]


def test_editing_heading_text_changes_the_document(qtbot) -> None:
    designer = _designer(qtbot)
    designer.canvas.setCurrentRow(0)
    form = designer.properties.form
    assert form is not None
    editor = form.editors["text"]
    assert isinstance(editor, TextField)
    with qtbot.waitSignal(designer.changed, timeout=2000):
        editor.setPlainText("Весенняя распродажа для {{ first_name }}")
    assert designer.document()["blocks"][0]["text"] == "Весенняя распродажа для {{ first_name }}"
    # The card on the canvas shows the new text too.
    assert "Весенняя распродажа" in str(designer.canvas.block_at(0)["text"])
    level = form.editors["level"]
    level.setCurrentIndex(level.findData(2))
    level.activated.emit(level.currentIndex())
    assert designer.document()["blocks"][0]["level"] == 2


def test_button_colour_and_global_styles(qtbot) -> None:
    designer = _designer(qtbot, ("button", "footer"))
    designer.canvas.setCurrentRow(0)
    colour = designer.properties.form.editors["color"]
    assert isinstance(colour, ColorField)
    colour.code.setText("#ff6600")
    colour.code.editingFinished.emit()
    assert designer.document()["blocks"][0]["color"] == "#ff6600"
    styles = designer.styles
    styles.width.setValue(480)
    styles.brand.code.setText("#008000")
    styles.brand.code.editingFinished.emit()
    doc = designer.document()
    assert doc["styles"]["width"] == 480 and doc["styles"]["brand_color"] == "#008000"
    assert 'width="480"' in compile_document(doc, "email").html_source or "480px" in compile_document(
        doc, "email").html_source


def test_columns_block_edits_inner_blocks(qtbot) -> None:
    designer = _designer(qtbot, ("columns",))
    designer.canvas.setCurrentRow(0)
    editor = designer.properties.form
    editor.add_inner(0, "text")
    editor.add_inner(1, "button")
    editor.count.setCurrentIndex(editor.count.findData(3))
    editor.count.changed.emit()
    columns = designer.document()["blocks"][0]["columns"]
    assert [[b["kind"] for b in c] for c in columns] == [["text"], ["button"], []]
    editor.count.setCurrentIndex(editor.count.findData(2))
    editor.count.changed.emit()
    columns = designer.document()["blocks"][0]["columns"]
    assert len(columns) == 2 and [b["kind"] for b in columns[1]] == ["button"]


def test_subject_and_preheader(qtbot) -> None:
    designer = _designer(qtbot)
    designer.subject.clear()
    qtbot.keyClicks(designer.subject, "Sale for {{ first_name }}")  # QTest types Latin keys only
    designer.preheader.setText("Только до воскресенья")
    doc = designer.document()
    assert doc["subject"] == "Sale for {{ first_name }}"
    assert doc["preheader"] == "Только до воскресенья"
    assert doc["type"] == "designer"


def test_html_tab_starts_from_the_designer_letter(qtbot) -> None:
    designer = _designer(qtbot)
    designer.preheader.setText("Скрытая строка")
    designer.tabs.setCurrentIndex(designer.HTML_TAB)
    doc = designer.document()
    assert doc["type"] == "html" and "<table" in doc["html"] and "blocks" not in doc
    html = compile_document(doc, "email").html_source
    assert html.count('class="preheader"') == 1 and "Скрытая строка" in html
    designer.tabs.setCurrentIndex(designer.DESIGNER_TAB)
    assert designer.document()["type"] == "designer" and len(designer.document()["blocks"]) == 3
