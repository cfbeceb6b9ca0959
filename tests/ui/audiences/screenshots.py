"""Screenshots of the Audiences screen for a visual check: `python tests/ui/audiences/screenshots.py ru|en [DIR]`.

Shows the empty screen, a five-condition segment with a nested group and an event condition,
its preview, and a static list.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

SEGMENT = {"type": "group", "op": "and", "children": [
    {"type": "field", "field": "gender", "op": "eq", "value": "f"},
    {"type": "field", "field": "city", "op": "eq", "value": "Казань"},
    {"type": "group", "op": "or", "children": [
        {"type": "tag", "op": "has", "value": "VIP"},
        {"type": "field", "field": "birthday", "op": "birthday_in_next_days", "value": 7}]},
    {"type": "event", "event_type": "purchase", "op": "has", "count_gte": 1, "within_days": 90,
     "sum_property": "amount", "sum_gte": 5000},
    {"type": "engagement", "action": "opened", "op": "did_not", "campaign": None, "within_days": 7}]}


def main(language: str, out: Path) -> int:
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="kaskad-shots-"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    QCoreApplication.setOrganizationName("KaskadShots")
    from app.segments.service import create_segment
    from app.workspace import Workspace
    from tests.ui.demo import add_contacts
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    install_translators(app, language)
    out.mkdir(parents=True, exist_ok=True)

    def settle(window) -> None:
        screen = window.page("lists")
        for _ in range(200):
            app.processEvents()
            if not screen.editor.counter.busy and (screen.last_operation is None or screen.last_operation.done):
                break
            QApplication.instance().thread().msleep(20)
        app.processEvents()

    def shot(widget, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(out / f"audiences_{name}_{language}.png"))

    window = MainWindow(Workspace.open(tmp / "empty"))
    window.resize(1280, 820)
    window.show()
    window.show_section("lists")
    settle(window)
    shot(window, "empty")
    window.close()

    workspace = Workspace.open(tmp / "demo")
    add_contacts(workspace.engine, 120)
    create_segment(workspace.engine, "Казань: VIP и именинницы", SEGMENT)
    create_segment(workspace.engine, "Москва", {"type": "group", "op": "and", "children": [
        {"type": "field", "field": "city", "op": "eq", "value": "Москва"}]})
    window = MainWindow(workspace)
    window.resize(1280, 820)
    window.show()
    screen = window.show_section("lists")
    settle(window)
    screen.sidebar.segments_view.setCurrentRow(0)
    settle(window)
    shot(window, "segment")
    screen.editor.splitter.setSizes([200, 520])
    screen.editor.builder.set_rule({"type": "group", "op": "and", "children": [
        {"type": "field", "field": "city", "op": "eq", "value": "Казань"}]})
    settle(window)
    shot(window, "preview")
    screen.editor.builder.rows()[0].part.editor.edit.setText("")
    screen.editor.builder.rows()[0].part.op.setCurrentIndex(screen.editor.builder.rows()[0].part.op.findData("contains"))
    settle(window)
    shot(window, "invalid")
    screen.editor.load(*[(s.id, s.name, s.rule) for s in __import__("app.segments.service", fromlist=["x"])
                         .list_segments(workspace.engine)][1])
    screen.sidebar.lists_view.setCurrentRow(0)
    settle(window)
    shot(window, "list")
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "ru", Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/kaskad-shots")))
