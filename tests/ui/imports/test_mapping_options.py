"""The mapping and options pages: validation, saved mappings, consent source, list choice."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from app.db.schema import lists
from app.importer.mapping import load_mappings
from tests.ui.imports.conftest import HEADER, ROWS, click_next, write_csv
from ui.imports import ImportWizard


def _to_mapping(qtbot, open_wizard, tmp_path: Path) -> ImportWizard:
    wizard = open_wizard(write_csv(tmp_path / "база.csv", [HEADER, *ROWS]))
    click_next(qtbot, wizard)
    assert wizard.currentId() == ImportWizard.MAPPING
    return wizard


def _pick(page, header: str, target: str) -> None:
    combo = page.target_combo(header)
    combo.setCurrentIndex(combo.findData(target))


def test_mapping_offers_every_target(qtbot, open_wizard, tmp_path: Path) -> None:
    wizard = _to_mapping(qtbot, open_wizard, tmp_path)
    combo = wizard.mapping_page.target_combo("Город")
    labels = [combo.itemText(i) for i in range(combo.count())]
    data = [combo.itemData(i) for i in range(combo.count())]
    for label in ("Телефон", "E-mail", "ФИО (разделить на части)", "Город", "Дата рождения",
                  "Согласие: SMS", "Согласие: Звонки", "Доп. поле", "Не загружать"):
        assert label in labels
    assert "custom:Город" in data and "skip" in data and "consent:whatsapp" in data


def test_mapping_needs_a_phone_or_email(qtbot, open_wizard, tmp_path: Path) -> None:
    wizard = _to_mapping(qtbot, open_wizard, tmp_path)
    page = wizard.mapping_page
    assert page.isComplete() and page.problem_label.text() == ""
    _pick(page, "Телефон", "skip")
    assert page.isComplete()  # the e-mail column is enough
    _pick(page, "E-mail", "custom:E-mail")
    assert not page.isComplete()
    assert "телефонами или e-mail" in page.problem_label.text()
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    _pick(page, "Телефон", "phone")
    assert page.isComplete()


def test_column_mapped_twice_is_flagged(qtbot, open_wizard, tmp_path: Path) -> None:
    wizard = _to_mapping(qtbot, open_wizard, tmp_path)
    page = wizard.mapping_page
    _pick(page, "Город", "phone")
    assert not page.isComplete()
    assert "«Телефон», «Город»" in page.problem_label.text()
    flagged = page.table.item(3, 0).background().color()
    assert flagged.name() == "#ffd6d6"
    assert page.table.item(1, 0).background().color().alpha() == 0
    _pick(page, "Город", "city")
    assert page.isComplete()


def test_saved_mapping_is_offered_next_time(qtbot, open_wizard, workspace, tmp_path: Path) -> None:
    wizard = _to_mapping(qtbot, open_wizard, tmp_path)
    page = wizard.mapping_page
    _pick(page, "Город", "skip")
    _pick(page, "Дата рождения", "consent:email")
    page.save_as("Выгрузка 1С")
    assert load_mappings(workspace.engine)["Выгрузка 1С"]["Город"] == "skip"
    wizard.close()

    again = _to_mapping(qtbot, open_wizard, tmp_path)
    page = again.mapping_page
    assert page.target_combo("Город").currentData() == "city"
    index = page.saved_combo.findData("Выгрузка 1С")
    assert index > 0
    page.saved_combo.setCurrentIndex(index)
    page.saved_combo.activated.emit(index)
    assert page.target_combo("Город").currentData() == "skip"
    assert page.target_combo("Дата рождения").currentData() == "consent:email"
    assert page.target_combo("Телефон").currentData() == "phone"


def test_options_build_what_the_user_chose(qtbot, open_wizard, workspace, tmp_path: Path) -> None:
    with workspace.engine.begin() as conn:
        conn.execute(sa.insert(lists).values(name="Постоянные", created_at=datetime.now(UTC)))
    wizard = _to_mapping(qtbot, open_wizard, tmp_path)
    click_next(qtbot, wizard)
    page = wizard.options_page
    assert [page.list_combo.itemText(i) for i in range(page.list_combo.count())] == ["Постоянные"]
    assert page.list_combo.currentText() == ""
    assert "оставьте пустым" in page.list_hint.text()
    page.list_combo.setCurrentIndex(0)
    assert page.list_hint.text() == "Контакты будут добавлены в существующий список."
    assert page.policy() == "fill"
    assert page.region_combo.currentData() == "RU"
    assert not page.consent_source.isEnabled()
    page.consent_boxes["email"].setChecked(True)
    page.consent_boxes["calls"].setChecked(True)
    assert page.consent_source.isEnabled() and not page.isComplete()
    page.consent_source.setText("  форма на сайте, версия 3  ")
    page.duplicate_buttons["overwrite"].setChecked(True)
    page.tags_edit.setText(" опт ,, розница ")
    options = page.build_options()
    assert options.list_name == "Постоянные"
    assert options.tags == ["опт", "розница"]
    assert options.on_duplicate == "overwrite"
    assert options.consent_channels == ["email", "calls"]
    assert options.consent_source == "форма на сайте, версия 3"
    assert options.mapping["Телефон"] == "phone"
    assert options.source.encoding == "cp1251" and options.source.delimiter == ";"
    assert options.errors_path.parent == workspace.reports_dir
