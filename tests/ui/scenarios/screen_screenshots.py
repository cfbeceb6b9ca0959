"""Screenshots of the Scenarios screen for a visual check: `python tests/ui/scenarios/screen_screenshots.py ru|en [DIR]`.

Shows the empty list, the new-scenario dialog, the list, the editor with a starter and the
properties of the main node kinds, the simulation dialog and the report tab.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def add_journeys(engine, scenario_id: int, contact_id: int, now: dt.datetime) -> None:
    """Forty journeys of one contact: some still waiting, some sent an SMS, a few converted (for the report)."""
    from app.journeys.tables import journey_steps, journeys
    from app.outbox.tables import outbox

    with engine.begin() as conn:
        for n in range(40):
            at_sms = n >= 12
            journey_id = conn.execute(journeys.insert().values(
                scenario_id=scenario_id, version=1, contact_id=contact_id, node_id="done" if at_sms else "wait",
                state="done" if at_sms else "active", step=4, entered_at=now, updated_at=now,
                converted_at=now if n % 5 == 0 and at_sms else None)).inserted_primary_key[0]
            steps = [("trigger", 0, "entered", None), ("wait", 1, "passed", None)]
            if at_sms:
                state = "delivered" if n % 4 else "failed"
                outbox_id = conn.execute(outbox.insert().values(
                    message_id=f"shot{n}", channel="sms", provider="sandbox-sms", state=state, next_attempt_at=now,
                    created_at=now, updated_at=now, contact_id=contact_id)).inserted_primary_key[0]
                steps += [("lead", 2, "no", None), ("sms", 3, "sent", outbox_id), ("done", 4, "exited", None)]
            for node_id, step, outcome, outbox_id in steps:
                conn.execute(journey_steps.insert().values(
                    journey_id=journey_id, scenario_id=scenario_id, version=1, node_id=node_id, step=step,
                    outcome=outcome, outbox_id=outbox_id, at=now))


def main(language: str, out: Path) -> int:
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="kaskad-shots-"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    QCoreApplication.setOrganizationName("KaskadShots")
    from app.db.schema import consents, contacts
    from app.scenarios import store
    from app.templates.document import new_document
    from app.templates.library import create_template
    from app.workspace import Workspace
    from ui.i18n import install_translators
    from ui.scenarios import backend
    from ui.scenarios.dialogs import NewScenarioDialog
    from ui.scenarios.screen import ScenariosScreen
    from ui.scenarios.simulate_dialog import SimulateDialog

    install_translators(app, language)
    out.mkdir(parents=True, exist_ok=True)

    def settle(ms: int = 600) -> None:
        for _ in range(ms // 20):
            app.processEvents()
            QApplication.instance().thread().msleep(20)

    def shot(widget, name: str) -> None:
        settle(200)
        widget.grab().save(str(out / f"scenarios_{name}_{language}.png"))

    workspace = Workspace.open(tmp / "shop")
    engine = workspace.engine
    screen = ScenariosScreen(workspace)
    screen.resize(1440, 880)
    screen.show()
    shot(screen, "empty")
    dialog = NewScenarioDialog(screen)
    dialog.show()
    shot(dialog, "new_dialog")
    dialog.close()

    now = dt.datetime.now(dt.UTC)
    for name, kind in (("Брошенный визит — SMS", "sms"), ("С днём рождения", "sms")):
        document = new_document(kind)
        document["text"] = "{{ contact.first_name | default('Здравствуйте') }}, для вас скидка 10% до пятницы! Ждём вас."
        create_template(engine, name, kind, document)
    with engine.begin() as conn:
        contact_id = conn.execute(contacts.insert().values(
            phone="+79161234567", first_name="Ольга", last_name="Смирнова", email="olga@example.ru",
            city="Казань", timezone="Europe/Moscow", custom={}, source="demo", search_text="ольга смирнова",
            created_at=now, updated_at=now)).inserted_primary_key[0]
        conn.execute(consents.insert().values(contact_id=contact_id, channel="sms", status="granted", source="form",
                                              recorded_at=now))
    visit = backend.create(engine, "Брошенный визит", "abandoned_visit")
    backend.create(engine, "Новая заявка: каскад", "new_lead")
    birthday = backend.create(engine, "День рождения", "birthday")
    backend.create(engine, "Возврат ушедших", "win_back")
    store.publish_scenario(engine, visit)
    del birthday
    add_journeys(engine, visit, int(contact_id), now)
    screen.refresh()
    shot(screen, "list")

    screen.open_scenario(visit)
    settle(1200)
    shot(screen, "editor")
    editor = screen.editor
    for node_id in ("trigger", "wait", "lead", "sms"):
        editor.canvas.select_node(node_id)
        shot(screen, f"node_{node_id}")
    lead = backend.create(engine, "Заявка с формы", "new_lead")
    screen.open_scenario(lead)
    settle(800)
    for node_id in list(editor.scenario.nodes):
        node = editor.scenario.nodes[node_id]
        if node.type in ("action.email_manager", "flow.wait_event", "flow.split", "flow.wait_window"):
            editor.canvas.select_node(node_id)
            shot(screen, f"lead_{node.type.split('.')[1]}")
    split = editor.canvas.add_node_of_type("flow.split")
    editor.canvas.select_node(split)
    shot(screen, "node_split")
    window = editor.canvas.add_node_of_type("flow.wait_window")
    editor.canvas.select_node(window)
    shot(screen, "node_window")
    manager = editor.canvas.add_node_of_type("action.email_manager")
    editor.canvas.select_node(manager)
    shot(screen, "node_manager")
    editor.canvas.scene().clearSelection()
    shot(screen, "settings")

    screen.open_scenario(visit)
    settle(800)
    sim = SimulateDialog(engine, editor.scenario, editor.canvas, parent=editor)
    sim.show()
    settle(600)
    sim.choose_contact(int(contact_id))
    sim.run()
    for _ in range(200):
        settle(40)
        if sim.result is not None:
            break
    shot(sim, "simulation")
    shot(screen, "editor_path")
    sim.close()
    editor.tabs.setCurrentIndex(1)
    settle(800)
    shot(screen, "report")
    editor.counters.stop()
    return 0


if __name__ == "__main__":
    lang = sys.argv[1] if len(sys.argv) > 1 else "ru"
    sys.exit(main(lang, Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/kaskad-shots")))
