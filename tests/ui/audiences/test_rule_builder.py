"""The rule builder driven through its widgets: live count, AND/OR, removing rows, inline errors."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt

from tests.ui.audiences.conftest import Base, settle, type_text
from ui.audiences.condition_row import ConditionRow
from ui.audiences.group import GroupWidget
from ui.audiences.live_count import read_lane
from ui.audiences.screen import AudiencesScreen


def choose(combo, data) -> None:
    """Pick the combo item carrying `data`, as a user would from the list."""
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def build_kazan_vip_or_birthday(screen: AudiencesScreen, qtbot) -> tuple[GroupWidget, ConditionRow]:
    """city = Казань AND (tag VIP OR birthday in the next 7 days), clicked and typed in."""
    qtbot.mouseClick(screen.welcome.new_segment_button, Qt.MouseButton.LeftButton)
    root = screen.editor.builder
    city = root.rows()[0]
    city.pick_field("city")
    choose(city.part.op, "eq")
    type_text(city.part.editor.edit, "Казань")
    qtbot.mouseClick(root.add_group_button, Qt.MouseButton.LeftButton)
    group = root.children_[1]
    assert isinstance(group, GroupWidget) and group.op_combo.currentData() == "or"
    tag = group.children_[0]
    tag.pick_kind("tag")
    choose(tag.part.op, "has")
    choose(tag.part.target, "VIP")
    qtbot.mouseClick(group.add_condition_button, Qt.MouseButton.LeftButton)
    birthday = group.children_[1]
    birthday.pick_field("birthday")
    choose(birthday.part.op, "birthday_in_next_days")
    birthday.part.editor.spin.setValue(7)
    return group, birthday


def test_built_rule_counts_live_and_follows_and_or_and_removal(screen: AudiencesScreen, base: Base, qtbot) -> None:
    group, birthday = build_kazan_vip_or_birthday(screen, qtbot)
    editor = screen.editor
    assert editor.rule() == {"type": "group", "op": "and", "children": [
        {"type": "field", "field": "city", "op": "eq", "value": "Казань"},
        {"type": "group", "op": "or", "children": [
            {"type": "tag", "op": "has", "value": "VIP"},
            {"type": "field", "field": "birthday", "op": "birthday_in_next_days", "value": 7}]}]}
    settle(qtbot, screen)
    expected = base.phones(lambda p: p.city == "Казань" and (p.vip or p.birthday_within_week))
    assert len(expected) == 3
    assert editor.last_count == 3
    assert "3" in editor.count_label.text()
    assert {editor.preview.preview.rows[i]["phone"] for i in range(3)} == expected
    assert editor.preview.preview.rowCount() == 3

    # И → ИЛИ on the outer group widens the audience.
    editor.builder.set_op("or")
    settle(qtbot, screen)
    assert editor.last_count == len(base.phones(lambda p: p.city == "Казань" or p.vip or p.birthday_within_week)) == 7

    # Back to И, then remove the birthday row: Kazan AND VIP.
    editor.builder.set_op("and")
    qtbot.mouseClick(birthday.remove, Qt.MouseButton.LeftButton)
    assert len(group.children_) == 1
    settle(qtbot, screen)
    assert editor.last_count == len(base.phones(lambda p: p.city == "Казань" and p.vip)) == 2

    # НЕ on the nested group: Kazan and not VIP.
    group.negate.setChecked(True)
    settle(qtbot, screen)
    assert editor.last_count == len(base.phones(lambda p: p.city == "Казань" and not p.vip)) == 3


def test_invalid_value_is_shown_next_to_its_row_and_nothing_is_counted(screen: AudiencesScreen, qtbot) -> None:
    group, _birthday = build_kazan_vip_or_birthday(screen, qtbot)
    settle(qtbot, screen)
    tag = group.children_[0]
    tag.part.target.setEditText("  ")
    settle(qtbot, screen)
    assert tag.error.isVisibleTo(screen) and tag.error.text() == "Pick or type a tag."
    assert screen.editor.last_count is None
    assert screen.editor.count_label.text() == "fix the condition marked in red"
    assert screen.editor.preview.preview.rowCount() == 0
    assert not screen.editor.builder.rows()[0].error.isVisibleTo(screen)  # only the offending row

    city = screen.editor.builder.rows()[0]
    choose(city.part.op, "contains")
    city.part.editor.edit.clear()
    tag.part.target.setEditText("VIP")
    settle(qtbot, screen)
    assert city.error.isVisibleTo(screen) and city.error.text() == "Type some text."
    assert not tag.error.isVisibleTo(screen)

    type_text(city.part.editor.edit, "Каз")
    settle(qtbot, screen)
    assert not city.error.isVisibleTo(screen) and screen.editor.last_count == 3


def test_typing_is_debounced_and_stale_counts_are_dropped(screen: AudiencesScreen, base: Base, qtbot) -> None:
    qtbot.mouseClick(screen.welcome.new_segment_button, Qt.MouseButton.LeftButton)
    counter = screen.editor.counter
    started: list[bool] = []
    shown: list[int] = []
    counter.started.connect(lambda: started.append(True))
    counter.counted.connect(lambda count, _rows: shown.append(count))
    settle(qtbot, screen)
    started.clear()
    shown.clear()
    city = screen.editor.builder.rows()[0]
    type_text(city.part.editor.edit, "Москва")  # six edits in well under 300 ms
    settle(qtbot, screen)
    assert len(started) == 1 and shown == [2]

    # A count in flight when the rule changes is never shown: hold the count lane busy meanwhile.
    shown.clear()
    release = threading.Event()
    read_lane().submit(release.wait, 10)
    counter.request({"type": "group", "op": "and", "children": [{"type": "tag", "op": "has", "value": "VIP"}]})
    qtbot.wait_until(lambda: counter._running is not None, timeout=3000)
    counter.request({"type": "group", "op": "and", "children": [
        {"type": "field", "field": "city", "op": "eq", "value": "Пермь"}]})
    qtbot.wait_until(lambda: counter._queued is not None, timeout=3000)
    release.set()
    qtbot.wait_until(lambda: not counter.busy, timeout=5000)
    assert shown == [len(base.phones(lambda p: p.city == "Пермь"))] == [1]
