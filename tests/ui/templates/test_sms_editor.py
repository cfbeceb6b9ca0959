"""The SMS editor: live counter and encoding, costly characters marked and replaced, audience cost, preview."""

from __future__ import annotations

import datetime as dt
import statistics
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCursor

from app.db.schema import contacts
from app.settings import set_setting
from tests.ui.templates.editors_support import add_contacts, editors_ru, type_text  # noqa: F401 - fixture
from ui.templates._sms_highlight import SmsHighlighter
from ui.templates.sms_editor import SmsEditor

pytestmark = pytest.mark.usefixtures("editors_ru")


@pytest.fixture
def editor(qtbot, workspace) -> SmsEditor:
    widget = SmsEditor(workspace.engine)
    qtbot.add_widget(widget)
    widget.resize(1100, 720)
    widget.show()
    return widget


def marked(editor: SmsEditor) -> dict[str, str]:
    """Character → background colour of every highlighted character of the first line."""
    block = editor.text_edit.document().firstBlock()
    text = block.text()
    out = {}
    for rng in block.layout().formats():
        colour = rng.format.background().color().name()
        for ch in text[rng.start:rng.start + rng.length]:
            out[ch] = colour
    return out


def test_typing_cyrillic_switches_to_ucs2_and_splits_at_71(qtbot, editor: SmsEditor) -> None:
    qtbot.keyClicks(editor.text_edit, "Sale 20%")
    assert editor.counter.text() == "8 символов · GSM-7 · 1 SMS · осталось 152"
    type_text(editor.text_edit, " Привет")
    assert "UCS-2" in editor.counter.text()
    assert editor.counter.text().startswith("15 символов · UCS-2 · 1 SMS")
    assert "Русские буквы" in editor.flagged.text()

    editor.text_edit.setPlainText("я" * 69)
    type_text(editor.text_edit, "ю")
    assert editor.counter.text() == "70 символов · UCS-2 · 1 SMS · осталось 0"
    qtbot.keyClicks(editor.text_edit, "!")
    assert editor.counter.text() == "71 символ · UCS-2 · 2 SMS · осталось 63"
    editor.text_edit.setPlainText("a" * 160)
    assert editor.counter.text() == "160 символов · GSM-7 · 1 SMS · осталось 0"
    editor.text_edit.setPlainText("a" * 161)
    assert editor.counter.text() == "161 символ · GSM-7 · 2 SMS · осталось 145"


def test_guillemets_are_highlighted_and_replaced(qtbot, editor: SmsEditor) -> None:
    editor.text_edit.setPlainText("Sale «20%» — today")
    colours = marked(editor)
    replaceable = SmsHighlighter.FORMATS["replaceable"].background().color().name()
    assert colours["«"] == colours["»"] == colours["—"] == replaceable
    assert "S" not in colours and "%" not in colours
    assert "« » —" in editor.flagged.text()
    assert editor.counter.text().startswith("18 символов · UCS-2")
    assert editor.replace_button.isEnabled()

    qtbot.mouseClick(editor.replace_button, Qt.MouseButton.LeftButton)
    assert editor.text_edit.toPlainText() == 'Sale "20%" - today'
    assert editor.counter.text().startswith("18 символов · GSM-7 · 1 SMS")
    assert marked(editor) == {}
    assert not editor.replace_button.isEnabled()
    # One undo step brings the original back.
    editor.text_edit.undo()
    assert editor.text_edit.toPlainText() == "Sale «20%» — today"


def test_extension_characters_and_variables_are_told_apart(editor: SmsEditor) -> None:
    editor.text_edit.setPlainText("Цена 10€ для {{ first_name }}")
    colours = marked(editor)
    assert colours["€"] == SmsHighlighter.FORMATS["ext"].background().color().name()
    # The braces of a variable are not sent, so they are not flagged.
    assert "{" not in colours
    assert "Считаются за два символа: €" in editor.flagged.text()


def test_transliteration_gives_gsm7(qtbot, editor: SmsEditor) -> None:
    editor.text_edit.setPlainText("Привет, Щукин! Скидка «20%» до пятницы")
    assert "UCS-2" in editor.counter.text()
    qtbot.mouseClick(editor.translit_button, Qt.MouseButton.LeftButton)
    assert editor.text_edit.toPlainText() == 'Privet, Shchukin! Skidka "20%" do pyatnitsy'
    assert " · GSM-7 · 1 SMS" in editor.counter.text()
    assert editor.flagged.text() == ""


def test_sender_name_is_checked(qtbot, editor: SmsEditor) -> None:
    qtbot.keyClicks(editor.sender_edit, "Romashka")
    assert editor.sender_valid()
    assert "подходит" in editor.sender_status.text()
    editor.sender_edit.setText("Ромашка")
    assert not editor.sender_valid()
    assert editor.sender_status.text().endswith("нельзя: Р а к м о ш")
    editor.sender_edit.setText("RomashkaShop1")
    assert editor.sender_status.text() == "Не больше 11 символов, а здесь 13."
    editor.sender_edit.setText("")
    assert editor.sender_valid()


def test_cost_comes_from_the_price_setting(qtbot, workspace, editor: SmsEditor) -> None:
    add_contacts(workspace.engine, [
        {"phone": "+79120000001", "first_name": "Ян"},
        {"phone": "+79120000002", "first_name": "Александра-Виктория"},
        {"phone": "+79120000003", "first_name": "Иван"},
    ], list_name="VIP")
    add_contacts(workspace.engine, [{"phone": "+79120000004", "first_name": "Ольга"}])
    set_setting(workspace.engine, "sms.price_per_segment", "2.45")
    editor.hide()
    editor.show()  # back on the screen: the new price, lists and contacts are read again
    assert editor.audience.price_label.text() == "Цена одной SMS: 2,45 ₽"
    # 59 characters + the name: "Ян" fits one UCS-2 SMS (≤ 70), the 19-letter name needs two.
    assert editor.contact_chooser.currentText() == "Ян (+7 912 000-00-01)"  # phones read as in the Contacts table
    editor.text_edit.setPlainText("Здравствуйте, {{ first_name }}! Ваша скидка 10% ждёт вас в магазине сегодня")
    editor.update_preview()

    qtbot.mouseClick(editor.audience.compute_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: editor.audience.stats is not None, timeout=10_000)
    stats = editor.audience.stats
    assert (stats.messages, stats.min_segments, stats.max_segments) == (4, 1, 2)
    assert str(stats.cost) == f"{stats.total_segments * 2.45:.2f}"
    shown = f"{stats.total_segments * 2.45:.2f}".replace(".", ",")
    assert f"≈ {shown} ₽" in editor.audience.result.text()
    assert "Сообщений: 4" in editor.audience.result.text()

    editor.audience.stats = None
    editor.audience.list_combo.setCurrentIndex(editor.audience.list_combo.findText("VIP (3)"))
    qtbot.mouseClick(editor.audience.compute_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: editor.audience.stats is not None, timeout=10_000)
    assert editor.audience.stats.messages == 3


def test_without_a_price_no_cost_is_claimed(qtbot, workspace, editor: SmsEditor) -> None:
    add_contacts(workspace.engine, [{"phone": "+79120000001", "first_name": "Ян"}])
    editor.text_edit.setPlainText("Привет, {{ first_name }}")
    editor.update_preview()
    qtbot.mouseClick(editor.audience.compute_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: editor.audience.stats is not None, timeout=10_000)
    assert "не задана" in editor.audience.price_label.text()
    assert "₽" not in editor.audience.result.text()


def test_bubble_shows_the_chosen_contacts_text(qtbot, workspace) -> None:
    add_contacts(workspace.engine, [{"phone": "+79120000001", "first_name": "Мария", "custom": {"bonus": 350}},
                                    {"phone": "+79120000002", "first_name": "Пётр", "custom": {"bonus": 20}}])
    editor = SmsEditor(workspace.engine)
    qtbot.add_widget(editor)
    editor.set_template(7, {"schema_version": 1, "type": "sms", "sender": "Romashka",
                            "text": "{{ first_name }}, у вас {{ bonus }} бонусов"})
    assert editor.phone.bubble.text() == "Мария, у вас 350 бонусов"
    assert editor.phone.sender_label.text() == "Romashka"
    assert editor.phone.note.text() == "24 символа · UCS-2 · 1 SMS"
    editor.contact_chooser.setCurrentIndex(1)
    assert editor.phone.bubble.text() == "Пётр, у вас 20 бонусов"

    editor.text_edit.setPlainText("{{ first_name }} {{ bonuss }}")
    editor.update_preview()
    assert editor.phone.error.isVisibleTo(editor)
    assert "неизвестная переменная «bonuss»" in editor.phone.error.text()
    assert "Строка 1" in editor.phone.error.text()


def test_editor_contract(qtbot, editor: SmsEditor) -> None:
    with qtbot.assert_not_emitted(editor.changed):
        editor.set_template(3, {"schema_version": 1, "type": "sms", "text": "Hi", "sender": "Shop",
                                "extra_key": 1})
    assert editor.template_id == 3
    with qtbot.wait_signal(editor.changed, timeout=1000):
        editor.text_edit.moveCursor(QTextCursor.MoveOperation.End)
        qtbot.keyClicks(editor.text_edit, "!")
    assert editor.document() == {"schema_version": 1, "type": "sms", "text": "Hi!", "sender": "Shop",
                                 "extra_key": 1}


def test_counter_keeps_up_with_typing_a_long_text(editor: SmsEditor) -> None:
    editor.text_edit.setPlainText("Привет «мир» — " * 66 + "0123456789")  # 1,000 characters
    cursor = editor.text_edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    timings = []
    for _ in range(30):
        started = time.perf_counter()
        cursor.insertText("ы")  # one keystroke: counter, flag list and highlighter all run
        timings.append(time.perf_counter() - started)
    assert editor.counter.text().startswith("1030 символов · UCS-2 · 16 SMS")
    # Target is < 5 ms; the bound is generous for a loaded 2-core test machine.
    assert statistics.median(timings) < 0.025, f"median {statistics.median(timings) * 1000:.1f} ms"


def test_highlight_colours_are_distinct() -> None:
    colours = {fmt.background().color().name() for fmt in SmsHighlighter.FORMATS.values()}
    assert len(colours) == 3 and QColor("#ffffff").name() not in colours


def test_a_count_can_be_cancelled(qtbot, workspace, editor: SmsEditor) -> None:
    now = dt.datetime.now(dt.UTC)
    with workspace.engine.begin() as conn:
        conn.execute(contacts.insert(), [{"phone": f"+7912{i:07d}", "first_name": "Иван", "created_at": now,
                                          "updated_at": now} for i in range(3000)])
    editor.text_edit.setPlainText("Привет, {{ first_name }}")
    editor.update_preview()
    qtbot.mouseClick(editor.audience.compute_button, Qt.MouseButton.LeftButton)
    assert editor.audience.cancel_button.isVisibleTo(editor)
    assert not editor.audience.compute_button.isEnabled()
    qtbot.mouseClick(editor.audience.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: editor.audience.handle.done, timeout=10_000)
    assert editor.audience.result.text() == "Расчёт отменён."
    assert editor.audience.stats is None and editor.audience.compute_button.isEnabled()
