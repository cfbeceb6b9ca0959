"""The Audiences screen: save, freeze into a list, export, list actions, unsaved-changes guard, round trips."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from app.db.schema import list_members, lists
from app.segments.service import create_segment, get_segment, list_segments
from tests.ui.audiences.conftest import Answers, Base, settle
from tests.ui.audiences.test_rule_builder import build_kazan_vip_or_birthday
from ui.audiences.screen import AudiencesScreen

KAZAN = {"type": "group", "op": "and", "children": [{"type": "field", "field": "city", "op": "eq", "value": "Казань"}]}


def xlsx_phones(path: Path) -> set[str]:
    sheet = load_workbook(path, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    column = next(i for i, title in enumerate(rows[0]) if title in ("Телефон", "Phone"))
    return {row[column] for row in rows[1:]}


def members(screen: AudiencesScreen, list_id: int) -> set[int]:
    with screen.engine.connect() as conn:
        return set(conn.execute(sa.select(list_members.c.contact_id).where(list_members.c.list_id == list_id)).scalars())


def list_id_named(screen: AudiencesScreen, name: str) -> int:
    with screen.engine.connect() as conn:
        return int(conn.execute(sa.select(lists.c.id).where(lists.c.name == name)).scalar_one())


def test_save_freeze_and_export_a_built_segment(screen: AudiencesScreen, base: Base, answers: Answers,
                                               qtbot, tmp_path: Path) -> None:
    build_kazan_vip_or_birthday(screen, qtbot)
    settle(qtbot, screen)
    expected = base.ids(lambda p: p.city == "Казань" and (p.vip or p.birthday_within_week))
    answers.names.append("Казань: VIP и именинники")
    qtbot.mouseClick(screen.editor.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot, screen)
    [saved] = list_segments(screen.engine)
    assert saved.name == "Казань: VIP и именинники" and saved.rule == screen.editor.rule()
    assert screen.sidebar.current(screen.sidebar.segments_view) == (saved.id, saved.name)
    assert screen.sidebar.shown_count(screen.sidebar.segments_view, saved.id) == str(len(expected))
    assert not screen.editor.dirty and not screen.editor.title.text().endswith("*")
    answers.names.append("Казань: VIP и именинники")  # "Save as" under a taken name is refused
    qtbot.mouseClick(screen.editor.save_as_button, Qt.MouseButton.LeftButton)
    assert [str(e) for e in answers.errors] == ["A segment called “Казань: VIP и именинники” already exists."]
    answers.errors.clear()
    assert len(list_segments(screen.engine)) == 1 and screen.editor.segment_id == saved.id

    answers.names.append("Заморожено 5 января")
    screen.sidebar.segment_actions["freeze"].trigger()
    settle(qtbot, screen)
    list_id = list_id_named(screen, "Заморожено 5 января")
    assert members(screen, list_id) == expected
    assert screen.sidebar.shown_count(screen.sidebar.lists_view, list_id) == str(len(expected))
    assert "Заморожено 5 января" in screen.notice.text() and str(len(expected)) in screen.notice.text()

    target = tmp_path / "сегмент.xlsx"
    answers.paths.append(str(target))
    screen.sidebar.segment_actions["export"].trigger()
    settle(qtbot, screen)
    assert xlsx_phones(target) == {p.phone for p in base.people if p.id in expected}
    assert answers.errors == []


def test_static_lists_new_duplicate_rename_export_delete(screen: AudiencesScreen, base: Base, answers: Answers,
                                                         qtbot, tmp_path: Path) -> None:
    answers.names.append("Новый список")
    qtbot.mouseClick(screen.sidebar.new_list_button, Qt.MouseButton.LeftButton)
    new_id = list_id_named(screen, "Новый список")
    assert members(screen, new_id) == set()
    assert screen.stack.currentWidget() is screen.list_page and screen.list_page.title.text() == "Новый список"

    screen.sidebar.select(screen.sidebar.lists_view, base.list_id)
    assert screen.list_page.preview.preview.rowCount() == 2
    answers.names.append("Постоянные 2")
    screen.sidebar.list_actions["duplicate"].trigger()
    settle(qtbot, screen)
    copy_id = list_id_named(screen, "Постоянные 2")
    assert members(screen, copy_id) == members(screen, base.list_id) == {base.people[0].id, base.people[3].id}

    answers.names.append("Постоянные (копия)")
    screen.sidebar.list_actions["rename"].trigger()
    assert list_id_named(screen, "Постоянные (копия)") == copy_id

    # A name already taken is refused with a clear message and nothing changes.
    answers.names.append("Новый список")
    screen.sidebar.list_actions["rename"].trigger()
    assert str(answers.errors.pop()) == "A list called “Новый список” already exists."
    assert list_id_named(screen, "Постоянные (копия)") == copy_id

    target = tmp_path / "список.xlsx"
    answers.paths.append(str(target))
    screen.sidebar.list_actions["export"].trigger()
    settle(qtbot, screen)
    assert xlsx_phones(target) == {base.people[0].phone, base.people[3].phone}

    answers.confirm = False
    screen.sidebar.list_actions["delete"].trigger()
    assert members(screen, copy_id)  # not confirmed: still there
    answers.confirm = True
    screen.sidebar.list_actions["delete"].trigger()
    assert screen.sidebar.names(screen.sidebar.lists_view) == ["Новый список", "Постоянные"]
    assert screen.stack.currentWidget() is screen.welcome


def test_unsaved_changes_guard_and_segment_actions(screen: AudiencesScreen, base: Base, answers: Answers, qtbot) -> None:
    kazan = create_segment(screen.engine, "Казань", KAZAN)
    vip = create_segment(screen.engine, "VIP", {"type": "group", "op": "and", "children": [
        {"type": "tag", "op": "has", "value": "VIP"}]})
    screen.refresh()
    settle(qtbot, screen)
    assert screen.sidebar.shown_count(screen.sidebar.segments_view, vip) == "3"
    screen.sidebar.select(screen.sidebar.segments_view, kazan)
    settle(qtbot, screen)
    assert screen.editor.segment_id == kazan and screen.editor.last_count == 5
    screen.editor.builder.set_op("or")
    screen.editor.builder.add_condition({"type": "tag", "op": "has", "value": "VIP"})
    assert screen.editor.dirty and screen.editor.title.text() == "Казань *"

    answers.unsaved.append("cancel")
    screen.sidebar.select(screen.sidebar.segments_view, vip)
    assert screen.editor.segment_id == kazan and screen.editor.dirty
    assert screen.sidebar.current(screen.sidebar.segments_view)[0] == kazan  # the selection went back

    answers.unsaved.append("save")
    screen.sidebar.select(screen.sidebar.segments_view, vip)
    assert screen.editor.segment_id == vip
    assert get_segment(screen.engine, kazan).rule["op"] == "or"

    screen.editor.builder.negate.setChecked(True)
    answers.unsaved.append("discard")
    screen.sidebar.select(screen.sidebar.segments_view, kazan)
    assert "negate" not in get_segment(screen.engine, vip).rule

    answers.names.append("Казань и VIP")
    screen.sidebar.segment_actions["duplicate"].trigger()
    settle(qtbot, screen)
    copy = get_segment(screen.engine, "Казань и VIP")
    assert copy.rule == get_segment(screen.engine, kazan).rule
    answers.names.append("Казань или VIP")
    screen.sidebar.segment_actions["rename"].trigger()
    assert get_segment(screen.engine, copy.id).name == "Казань или VIP"
    screen.sidebar.segment_actions["delete"].trigger()
    assert [s.name for s in list_segments(screen.engine)] == ["VIP", "Казань"]


def test_a_saved_rule_reads_back_into_the_same_widgets(screen: AudiencesScreen, base: Base, qtbot) -> None:
    rule = {"type": "group", "op": "and", "children": [
        {"type": "field", "field": "gender", "op": "eq", "value": "f"},
        {"type": "field", "field": "birthday", "op": "between", "value": ["2000-01-01", "2001-12-31"]},
        {"type": "group", "op": "or", "negate": True, "children": [
            {"type": "list", "op": "in", "value": base.list_id},
            {"type": "consent", "channel": "sms", "op": "granted"},
            {"type": "suppressed", "channel": "email", "op": "is_not"}]},
        {"type": "event", "event_type": "purchase", "op": "has", "count_gte": 2, "within_days": 30,
         "filters": [{"property": "shop", "op": "eq", "value": "Казань"}, {"property": "amount", "op": "gte", "value": 100}],
         "sum_property": "amount", "sum_gte": 5000},
        {"type": "engagement", "action": "opened", "op": "did_not", "campaign": None, "within_days": 7},
        {"type": "field", "field": "city", "op": "in", "value": ["Казань", "Пермь"]}]}
    segment_id = create_segment(screen.engine, "Всё сразу", rule)
    screen.refresh()
    screen.open_segment(segment_id)
    assert screen.editor.rule() == rule
    assert not screen.editor.dirty
    settle(qtbot, screen)
    assert screen.editor.last_count == 0  # nobody bought anything in the test base


def test_a_rule_naming_things_that_are_gone_is_kept_and_explained(screen: AudiencesScreen, base: Base, qtbot) -> None:
    rule = {"type": "group", "op": "and", "children": [
        {"type": "field", "field": "custom:Бонусы", "op": "gte", "value": 100},
        {"type": "list", "op": "in", "value": base.list_id},
        {"type": "engagement", "action": "clicked", "op": "did", "campaign": 77, "within_days": None}]}
    segment_id = create_segment(screen.engine, "Старое правило", rule)
    with screen.engine.begin() as conn:  # the list is deleted after the segment was saved
        conn.execute(sa.delete(list_members))
        conn.execute(sa.delete(lists))
    screen.refresh()
    screen.open_segment(segment_id)
    assert screen.editor.rule() == rule and not screen.editor.dirty  # nothing silently replaced
    bonus, gone, campaign = screen.editor.builder.rows()
    assert bonus.picker.currentText() == "Custom: Бонусы" and bonus.part.editor.spin.value() == 100
    assert campaign.part.target.currentText() == "campaign #77"
    settle(qtbot, screen)
    assert gone.error.text() == "This list no longer exists." and screen.editor.last_count is None
    assert not bonus.error.isVisibleTo(screen)


def test_a_segment_cannot_include_itself(screen: AudiencesScreen, base: Base, answers: Answers, qtbot) -> None:
    kazan = create_segment(screen.engine, "Казань", KAZAN)
    screen.refresh()
    screen.open_segment(kazan)
    row = screen.editor.builder.add_condition({"type": "segment", "op": "in", "value": kazan})
    assert screen.editor.save() is False
    assert row.error.text() == "A segment cannot include itself."
    assert answers.errors == [] and get_segment(screen.engine, kazan).rule == KAZAN
