"""Cancelling a running import: nothing imported, the wizard says so and stays responsive."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer

from app.importer.job import run_import
from app.importer.model import ImportOptions
from tests.ui.imports.conftest import HEADER, ROWS, click, click_next, contacts_count, write_csv
from ui.imports import ImportWizard
from ui.imports.run_page import CANCELLED, RUNNING


def _big_file(path: Path, count: int) -> Path:
    rows = [HEADER] + [[f"+7 900 {i // 10000:03d}-{i % 10000 // 100:02d}-{i % 100:02d}",
                        f"client{i}@example.ru", f"Клиент Номер {i}", "Самара", ""] for i in range(count)]
    return write_csv(path, rows)


def _start(qtbot, open_wizard, path: Path) -> ImportWizard:
    wizard = open_wizard(path)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    seen: list[int] = []
    click_next(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.RUN
    page = wizard.run_page
    assert page.state == RUNNING
    page.handle.progressed.connect(lambda done, total, stage: seen.append(done))
    # Going back mid-import is not offered.
    qtbot.wait_until(lambda: not wizard.button(wizard.WizardButton.BackButton).isEnabled(), timeout=1000)
    # Cancel only once the engine is busy with the rows.
    qtbot.wait_until(lambda: bool(seen) or page.state != RUNNING, timeout=20_000)
    return wizard


def test_cancel_during_import_leaves_the_base_unchanged(qtbot, open_wizard, workspace, tmp_path: Path) -> None:
    run_import(workspace, write_csv(tmp_path / "старые.csv", [HEADER, *ROWS[:3]]), ImportOptions())
    before = contacts_count(workspace)
    assert before == 3

    wizard = _start(qtbot, open_wizard, _big_file(tmp_path / "большой.csv", 200_000))
    page = wizard.run_page
    # The GUI thread keeps running its timers while the import works.
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(page.state == RUNNING))
    timer.start(20)
    qtbot.wait_until(lambda: len(ticks) >= 5, timeout=5000)
    timer.stop()
    assert all(ticks) and page.state == RUNNING, "the import finished before it could be cancelled"
    click(qtbot, wizard, wizard.WizardButton.CancelButton)  # the wizard's Cancel stops the import first
    assert wizard.isVisible()
    assert page.stage_label.text() == "Отмена…"
    qtbot.wait_until(lambda: page.state == CANCELLED, timeout=30_000)

    assert contacts_count(workspace) == before
    assert page.message_label.text() == "Импорт отменён. Ничего не загружено: база осталась точно такой, как была."
    assert wizard.result is None
    assert page.retry_button.isVisible() and not page.cancel_button.isVisible()
    assert wizard.button(wizard.WizardButton.BackButton).isEnabled()
    click(qtbot, wizard, wizard.WizardButton.BackButton)
    assert wizard.currentId() == ImportWizard.OPTIONS


def test_cancel_button_on_the_page(qtbot, open_wizard, workspace, tmp_path: Path) -> None:
    wizard = _start(qtbot, open_wizard, _big_file(tmp_path / "большой.csv", 200_000))
    page = wizard.run_page
    assert page.state == RUNNING, "the import finished before it could be cancelled"
    with qtbot.assert_not_emitted(wizard.import_finished):
        page.cancel_button.click()
        qtbot.wait_until(lambda: page.state == CANCELLED, timeout=30_000)
        assert contacts_count(workspace) == 0
        wizard.close()
