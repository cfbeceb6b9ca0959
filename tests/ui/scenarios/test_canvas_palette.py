"""Palette, words on the cards (Russian and English), auto-layout with loops, unknown node types."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication

from app.scenarios.graph import Node, Scenario
from app.scenarios.registry import default_registry
from app.scenarios.validate import can_connect
from tests.ui.scenarios.canvas_helpers import make_canvas, small_scenario
from ui.i18n import install_translators, remove_translators
from ui.scenarios.canvas import NodePalette
from ui.scenarios.canvas.clipboard import FRAGMENT_MIME
from ui.scenarios.canvas.layout import layered_layout
from ui.scenarios.canvas.texts import counter_label, refusal, summary


@pytest.fixture
def russian(qapp) -> Iterator[None]:
    translators = install_translators(qapp, "ru")
    yield
    remove_translators(qapp, translators)


def test_palette_groups_types_and_search_filters(qtbot) -> None:
    palette = NodePalette()
    qtbot.addWidget(palette)
    assert palette.tree.topLevelItemCount() == 3
    assert len(palette.visible_type_ids()) == len(default_registry().types())
    palette.search.setText("sms")
    assert palette.visible_type_ids() == ["action.sms"]
    palette.search.setText("ждать")  # Russian titles are searched too, whatever the UI language
    assert palette.visible_type_ids() == ["flow.wait_window", "flow.wait_event"]
    assert palette.tree.topLevelItem(0).isHidden() and not palette.tree.topLevelItem(1).isHidden()
    palette.search.clear()
    data = palette.mime_for("action.email")
    assert bytes(data.data("application/x-kaskad-node-type").data()).decode() == "action.email"


def test_double_click_in_the_palette_adds_at_the_view_centre_clear_of_other_cards(qtbot) -> None:
    canvas = make_canvas(qtbot)
    palette = NodePalette()
    qtbot.addWidget(palette)
    palette.resize(260, 700)
    palette.show()
    qtbot.waitExposed(palette)
    palette.type_activated.connect(canvas.add_node_of_type)
    item = palette.type_item("flow.goal")
    rect = palette.tree.visualItemRect(item)
    qtbot.mouseClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(palette.type_activated, timeout=1000) as blocker:
        qtbot.mouseDClick(palette.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["flow.goal"]
    (new_id,) = canvas.selected_node_ids()
    node_item = canvas.scene().node_items[new_id]
    centre = canvas.mapToScene(canvas.viewport().rect().center())
    rect = node_item.sceneBoundingRect()
    assert rect.left() < centre.x() < rect.right() and rect.top() >= centre.y() - rect.height()
    # A card already at the centre pushes new ones below it; they never land on one another.
    for _ in range(3):
        canvas.add_node_of_type("flow.exit")
    rects = [item.sceneBoundingRect() for item in canvas.scene().node_items.values()]
    assert len(rects) == len(canvas.scenario.nodes) and all(not a.intersects(b) for a, b in combinations(rects, 2))


def test_cards_speak_russian(qtbot, russian) -> None:
    canvas = make_canvas(qtbot)
    items = canvas.scene().node_items
    assert items["w"].title == "Пауза" and items["w"].summary == "3 дня"
    assert items["c"].port_labels[0][0] == "Да" and items["c"].port_labels[1][0] == "Нет"
    assert items["x"].summary == "конец сценария"
    label = canvas.scene().edge_items[canvas.scenario.edges_from("c", "no")[0].id].label
    assert label == "Нет"
    canvas.set_node_props("w", {"duration": {"amount": 5, "unit": "hours"}})
    assert items["w"].summary == "5 часов"
    canvas.set_node_props("w", {"duration": {"amount": 21, "unit": "minutes"}})
    assert items["w"].summary == "21 минуту"
    palette = NodePalette()
    qtbot.addWidget(palette)
    assert palette.tree.topLevelItem(0).text(0) == "Триггеры"
    assert palette.type_item("flow.wait").text(0) == "Пауза"
    assert palette.search.placeholderText() == "Найти шаг…"
    problem = can_connect(canvas.scenario, "s", "next", "t")
    assert refusal(problem, canvas.scenario, default_registry(), "s", "next", "t") == \
        "«Событие на сайте» запускается сам: к нему нельзя провести стрелку."
    assert items["t"].title == "Событие на сайте"
    canvas.set_counters({"t": {"entered": 1204}})
    assert counter_label("entered") == "вошли"


def test_english_plurals(qtbot, english) -> None:
    canvas = make_canvas(qtbot)
    assert canvas.scene().node_items["w"].summary == "3 days"
    canvas.set_node_props("w", {"duration": {"amount": 1, "unit": "days"}})
    assert canvas.scene().node_items["w"].summary == "1 day"


@pytest.fixture
def english(qapp) -> Iterator[None]:
    translators = install_translators(qapp, "en")
    yield
    remove_translators(qapp, translators)


def test_summaries_of_key_settings(english) -> None:
    registry = default_registry()

    def text(type_id: str, props: dict) -> str:
        return summary(Node("n", type_id, props), registry.get(type_id))

    assert text("flow.split", {"branches": [{"key": "A", "percent": 70}, {"key": "B", "percent": 30}]}) == \
        "A 70 % / B 30 %"
    assert text("action.email", {"template": "Приветствие"}) == "Приветствие"
    assert text("action.email", {}) == "not set up yet"
    assert text("flow.wait_window", {"weekdays": [1, 2, 3, 4, 5], "from": "10:00", "to": "20:00"}) == \
        "Mon–Fri, 10:00–20:00"
    assert text("action.tag", {"op": "remove", "tag": "VIP"}) == "− VIP"
    assert text("trigger.inactivity", {"what": "purchase", "days": 30}) == "no purchase for 30 days"
    assert text("trigger.date", {"field": "birthday", "offset_days": -3, "at": "10:00"}) == \
        "3 days before, 10:00 · Birthday"
    # Known events by name; a custom event type as the owner typed it.
    assert text("flow.goal", {"event_type": "form_submitted"}) == "Form submitted"
    assert text("trigger.event", {"event_type": "deal_won", "filters": []}) == "deal_won"


def test_layout_of_a_loop_with_a_wait_has_no_overlaps() -> None:
    scenario = Scenario()
    for node_id, type_id in (("t", "trigger.event"), ("w", "flow.wait"), ("c", "flow.condition"),
                             ("s", "action.sms"), ("x", "flow.exit")):
        scenario.add_node(Node(node_id, type_id))
    scenario.connect("t", "next", "w")
    scenario.connect("w", "next", "c")
    scenario.connect("c", "no", "s")
    scenario.connect("s", "next", "w")  # back to the wait: a loop with a pause
    scenario.connect("c", "yes", "x")
    sizes = {n: (200.0, 72.0 if n != "c" else 120.0) for n in scenario.nodes}
    ports = {"yes": 78.0, "no": 102.0}
    positions = layered_layout(scenario, sizes.__getitem__, port_y=lambda n, p: ports.get(p, 36.0))
    assert positions["t"][0] < positions["w"][0] < positions["c"][0] < positions["s"][0]
    assert positions["x"][1] < positions["s"][1]  # "yes" above "no"
    rects = {n: (x, y, x + sizes[n][0], y + sizes[n][1]) for n, (x, y) in positions.items()}
    for a, b in combinations(rects.values(), 2):
        assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]


def test_unknown_node_types_are_shown_and_survive_copy_paste(qtbot) -> None:
    scenario = small_scenario()
    scenario.add_node(Node("u", "action.callback", {"script": "hello"}, 0, 300))
    canvas = make_canvas(qtbot, scenario)
    item = canvas.scene().node_items["u"]
    assert item.title == "Unknown step" and item.summary == "action.callback"
    assert item.input_port is not None and item.output_ports == {}
    canvas.select_node("u")
    canvas.copy_selected()
    canvas.paste()
    pasted = [n for n in canvas.scenario.nodes.values() if n.type == "action.callback"]
    assert len(pasted) == 2 and pasted[1].props == {"script": "hello"}


def test_paste_ignores_foreign_or_broken_clipboard_content(qtbot) -> None:
    canvas = make_canvas(qtbot)
    QApplication.clipboard().setText("just text")
    canvas.paste()
    broken = QMimeData()
    broken.setData(FRAGMENT_MIME, b'{"schema_version": 1, "nodes": [{"id": 5}]}')
    QApplication.clipboard().setMimeData(broken)
    messages = []
    canvas.message.connect(messages.append)
    canvas.paste()
    assert len(canvas.scenario.nodes) == 5 and canvas.undo_stack.count() == 0
    assert messages and "id" in messages[-1]


def test_the_russian_catalogue_of_the_canvas_is_complete() -> None:
    import xml.etree.ElementTree as ET

    from ui.i18n import I18N_DIR

    root = ET.parse(I18N_DIR / "scenarios_canvas_ru.ts").getroot()
    untranslated = [m.findtext("source") for m in root.iter("message")
                    if m.find("translation").get("type") in ("unfinished", "obsolete")]
    assert untranslated == []
    assert (I18N_DIR / "scenarios_canvas_ru.qm").is_file()
