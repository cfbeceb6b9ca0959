# ruff: noqa: F811 - the shared fixtures are imported from screen_helpers
"""The Scenarios screen in Russian: statuses, node and field titles, problems and the publish question."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tests.ui.scenarios.screen_helpers import Answers, answers, screen, settle  # noqa: F401
from ui.i18n import I18N_DIR, install_translators, remove_translators
from ui.scenarios import backend
from ui.scenarios.screen import ScenariosScreen


def test_the_russian_catalogue_is_complete() -> None:
    root = ET.parse(I18N_DIR / "scenarios_ru.ts").getroot()
    untranslated = [m.findtext("source") for m in root.iter("message")
                    if m.find("translation").get("type") in ("unfinished", "obsolete")]
    assert untranslated == []


def test_the_editor_speaks_russian(workspace, qtbot, qapp, answers: Answers) -> None:
    translators = install_translators(qapp, "ru")
    try:
        scenario_id = backend.create(workspace.engine, "Именинники", "birthday")
        page = ScenariosScreen(workspace)
        qtbot.addWidget(page)
        page.resize(1400, 860)
        page.show()
        assert page.list_page.table.item(0, 1).text() == "Черновик"
        page.open_scenario(scenario_id)
        editor = page.editor
        settle(qtbot, editor)
        assert editor.toolbar.publish.text() == "Опубликовать"
        assert editor.title.text() == "Именинники — Черновик"
        assert any("нет в библиотеке" in text for text in editor.problems.texts())
        trigger = next(n for n in editor.scenario.nodes.values() if n.type == "trigger.date")
        editor.canvas.select_node(trigger.id)
        panel = editor.properties
        assert panel.node_form.heading.text() == "Годовщина даты"
        assert panel.widgets["field"].combo.currentText() == "День рождения"
        assert editor.properties.node_form.form.labelForField(panel.widgets["at"]).text() == "Время (местное) *:"
        editor.counters.stop()
    finally:
        remove_translators(qapp, translators)
