"""Fixtures for the import wizard tests: Russian UI, files the tests write, wizard driving."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QWizard

from app.db.schema import contacts
from app.workspace import Workspace
from ui.imports import ImportWizard, open_import_wizard

QM = Path(__file__).resolve().parents[3] / "resources" / "i18n" / "import_ru.qm"

HEADER = ["Телефон", "E-mail", "ФИО", "Город", "Дата рождения"]
ROWS = [
    ["8 (912) 345-67-89", "Ivan@Mail.ru ", "Иванов Иван Иванович", "Москва", "01.02.1990"],
    ["+7 912 345 67 80", "petr@example.com", "Петров Пётр", "Казань", ""],
    ["9123456781", "", "Сидорова Анна", "Пермь", ""],
    ["12345", "bad@@mail", "Плохой Ряд", "Омск", ""],
    ["8 912 345-67-89", "", "Иванов Иван", "Москва", ""],
]


@pytest.fixture(autouse=True)
def russian_ui(qapp) -> Iterator[None]:
    """The wizard in Russian, as most of its users see it."""
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "cp1251", delimiter: str = ";") -> Path:
    """Write `rows` as a CSV the way Russian Excel saves it (cp1251, `;`) unless told otherwise."""
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def contacts_count(workspace: Workspace) -> int:
    """Contacts in the workspace's base."""
    with workspace.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(contacts)).scalar_one()


def wait_read(qtbot, wizard: ImportWizard) -> None:
    """Wait until the preview page has read the file (it reads off the GUI thread)."""
    page = wizard.preview_page
    qtbot.wait_until(lambda: not page.loading, timeout=20_000)


def choose(qtbot, wizard: ImportWizard, combo, data) -> None:
    """Pick a preview combo item the way a click does (the `activated` signal) and wait for the re-read."""
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())
    wait_read(qtbot, wizard)


def click(qtbot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    """Press a wizard button as the user would (it must be enabled)."""
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{button.text()!r} is not clickable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_next(qtbot, wizard: QWizard) -> None:
    """Press "Next" (or "Import" on the options page); wait for a preview to be read."""
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    if wizard.currentId() == ImportWizard.PREVIEW:
        wait_read(qtbot, wizard)


@pytest.fixture
def open_wizard(qtbot, workspace: Workspace) -> Callable[..., ImportWizard]:
    """Open the wizard on the test workspace, optionally already on a file."""

    def opener(path: Path | None = None) -> ImportWizard:
        wizard = open_import_wizard(None, workspace, str(path) if path else None)
        qtbot.add_widget(wizard)
        if path:
            wait_read(qtbot, wizard)
        return wizard

    return opener


@pytest.fixture
def run_to_summary(qtbot) -> Callable[[ImportWizard], None]:
    """From the options page: press Import and wait for the summary page."""

    def run(wizard: ImportWizard) -> None:
        assert wizard.currentId() == ImportWizard.OPTIONS
        click_next(qtbot, wizard)
        qtbot.wait_until(lambda: wizard.currentId() == ImportWizard.SUMMARY, timeout=30_000)

    return run
