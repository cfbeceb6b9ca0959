"""Starter scenarios validate cleanly once the workspace has the templates they name."""

from __future__ import annotations

import pytest

from app.errors import NotFoundError
from app.scenarios.errors import MissingTemplate
from app.scenarios.starters import STARTER_KEYS, list_starters, load_starter, map_templates, template_needs
from app.scenarios.validate import validate
from app.workspace import Workspace
from tests.app.scenarios.helpers import add_template


def test_gallery_lists_the_seed_cases() -> None:
    titles = {s.key: s.title for s in list_starters()}
    assert titles == {"abandoned_visit": "Брошенный визит", "new_lead": "Новая заявка: каскад",
                      "birthday": "День рождения", "win_back": "Возврат ушедших",
                      "service_reminder": "Напоминание о сервисе"}
    assert all(s.description for s in list_starters())
    with pytest.raises(NotFoundError, match="starters: abandoned_visit"):
        load_starter("black_friday")


@pytest.mark.parametrize("key", STARTER_KEYS)
def test_starter_is_valid_with_its_templates_and_names_the_missing_ones(key: str, workspace: Workspace) -> None:
    scenario = load_starter(key)
    assert validate(scenario) == []
    needs = template_needs(scenario)
    assert needs, "every starter sends something"
    missing = validate(scenario, engine=workspace.engine)
    assert all(isinstance(p, MissingTemplate) for p in missing)
    assert sorted(p.node_ids[0] for p in missing) == sorted(n.node_id for n in needs)
    assert all(f"no template named {n.name!r}" in str(p) for n, p in zip(needs, missing, strict=True))
    for need in {(n.name, n.kind) for n in needs}:
        add_template(workspace.engine, *need)
    assert validate(scenario, engine=workspace.engine) == []


def test_user_maps_starter_template_names_to_their_library(workspace: Workspace) -> None:
    scenario = load_starter("new_lead")
    add_template(workspace.engine, "Моё приветствие", "email")
    add_template(workspace.engine, "Лид менеджеру", "manager")
    add_template(workspace.engine, "Напоминание — WhatsApp", "whatsapp")
    changed = map_templates(scenario, {"Приветственное письмо": "Моё приветствие",
                                       "Новая заявка — менеджеру": "Лид менеджеру"})
    assert changed == 2
    assert validate(scenario, engine=workspace.engine) == []
