"""Guessing the mapping from headers and saving mappings by name."""

from __future__ import annotations

import pytest

from app.errors import UserInputError
from app.importer.mapping import guess_field, guess_mapping, load_mappings, mapping_targets, save_mapping
from app.workspace import Workspace


@pytest.mark.parametrize(("header", "target"), [
    ("Телефон", "phone"), ("Тел.", "phone"), ("Мобильный", "phone"), ("Моб. телефон", "phone"),
    ("ТЕЛЕФОН МОБИЛЬНЫЙ", "phone"), ("Phone", "phone"), ("Mobile", "phone"), ("Телефон 2", "phone"),
    ("E-mail", "email"), ("Email", "email"), ("e_mail", "email"), ("Почта", "email"), ("Эл. почта", "email"),
    ("ФИО", "full_name"), ("Ф.И.О.", "full_name"), ("Name", "full_name"), ("Имя", "first_name"),
    ("First name", "first_name"), ("Фамилия", "last_name"), ("Last name", "last_name"), ("Отчество", "middle_name"),
    ("Город", "city"), ("City", "city"), ("Дата рождения", "birthday"), ("ДР", "birthday"), ("Birthday", "birthday"),
    ("Пол", "gender"), ("Теги", "tags"), ("Tags", "tags"), ("Согласие на SMS", "consent:sms"),
    ("Согласие на рассылку", "consent:email"), ("Сумма покупок", None), ("", None),
])
def test_guess_field(header: str, target: str | None) -> None:
    assert guess_field(header) == target


def test_guess_mapping_keeps_every_column() -> None:
    mapping = guess_mapping(["ФИО", "Телефон", "Мобильный", "Почта", "Карта"])
    assert mapping == {"ФИО": "full_name", "Телефон": "phone", "Мобильный": "custom:Мобильный", "Почта": "email",
                       "Карта": "custom:Карта"}


def test_separate_name_columns_win_over_a_full_name_column() -> None:
    mapping = guess_mapping(["Name", "First name", "Last name", "Email"])
    assert mapping["Name"] == "custom:Name" and mapping["First name"] == "first_name"


def test_targets() -> None:
    targets = mapping_targets()
    assert {"phone", "email", "full_name", "birthday", "tags", "skip"} <= set(targets)
    assert not any(t.startswith(("custom:", "consent:")) for t in targets)


def test_save_and_load_mappings(workspace: Workspace) -> None:
    save_mapping(workspace.engine, "1С", {"Телефон": "phone", "Код": "external_id"})
    save_mapping(workspace.engine, "1С", {"Телефон": "phone", "Код": "skip"})
    save_mapping(workspace.engine, "CRM", {"Email": "email"})
    assert load_mappings(workspace.engine) == {"CRM": {"Email": "email"}, "1С": {"Телефон": "phone", "Код": "skip"}}
    with pytest.raises(UserInputError, match="unknown field"):
        save_mapping(workspace.engine, "x", {"A": "телефон"})
    with pytest.raises(UserInputError, match="both mapped"):
        save_mapping(workspace.engine, "x", {"A": "phone", "B": "phone"})
