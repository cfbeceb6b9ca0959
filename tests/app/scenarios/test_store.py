"""Versioned storage: drafts, publishing freezes a version, edits open the next one, pause/archive."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.db import migrate
from app.db.engine import create_db_engine
from app.errors import NotFoundError, UserInputError
from app.scenarios import store
from app.scenarios.errors import ScenarioInvalid
from app.scenarios.readwrite import to_dict
from app.scenarios.tables import scenario_versions
from app.workspace import Workspace
from tests.app.scenarios.helpers import add_template, linear


def lifecycle(engine: sa.Engine) -> None:
    """The whole life of a scenario; run on SQLite and PostgreSQL."""
    info = store.create_scenario(engine, linear(), name="  Брошенная   корзина ")
    assert (info.name, info.status, info.latest_version, info.draft_version, info.live_version) == (
        "Брошенная корзина", "draft", 1, 1, None)
    with pytest.raises(UserInputError, match="already exists"):
        store.create_scenario(engine, linear(), name="брошенная КОРЗИНА")

    # Publishing checks the workspace: the SMS template is missing, nothing changes.
    with pytest.raises(ScenarioInvalid, match="no template named 'SMS привет'") as failed:
        store.publish_scenario(engine, info.id)
    assert [p.node_ids for p in failed.value.problems] == [("a",)]
    assert store.get_scenario(engine, info.id).status == "draft"

    # Saving a draft edits it in place (still version 1).
    edited = linear()
    edited.move_node("w", 321, 5)
    assert store.save_scenario(engine, "брошенная корзина", edited).version == 1
    add_template(engine, "SMS привет", "sms")
    published = store.publish_scenario(engine, info.id)
    assert (published.status, published.live_version, published.draft_version) == ("published", 1, None)
    v1 = store.get_version(engine, info.id, 1)
    assert v1.published_at is not None and v1.document["nodes"][1]["position"] == {"x": 321, "y": 5}

    # Editing a published scenario opens version 2; version 1 stays exactly as published.
    edited.set_props("w", {"duration": {"amount": 3, "unit": "hours"}})
    saved = store.save_scenario(engine, info.id, edited)
    assert saved.version == 2 and saved.published_at is None
    assert store.get_version(engine, info.id, 1).document == v1.document
    again = store.save_scenario(engine, info.id, edited)  # further edits stay in the v2 draft
    assert again.version == 2
    current = store.get_scenario(engine, info.id)
    assert (current.status, current.live_version, current.latest_version, current.draft_version) == (
        "published", 1, 2, 2)
    assert store.load_scenario(engine, info.id, 1).nodes["w"].props == {"duration": {"amount": 1, "unit": "days"}}
    assert store.load_scenario(engine, info.id).nodes["w"].props == {"duration": {"amount": 3, "unit": "hours"}}

    # Pause, resume, publish v2, archive, restore.
    assert store.pause_scenario(engine, info.id).status == "paused"
    with pytest.raises(UserInputError, match="only a published scenario can be paused"):
        store.pause_scenario(engine, info.id)
    assert store.resume_scenario(engine, info.id).live_version == 1
    assert store.publish_scenario(engine, info.id).live_version == 2
    assert [(v.version, v.published_at is not None) for v in store.list_versions(engine, info.id)] == [
        (1, True), (2, True)]
    assert store.archive_scenario(engine, info.id).status == "archived"
    with pytest.raises(UserInputError, match="archived; restore it"):
        store.save_scenario(engine, info.id, edited)
    with pytest.raises(UserInputError, match="archived; restore it"):
        store.publish_scenario(engine, info.id)
    assert [s.name for s in store.list_scenarios(engine, include_archived=False)] == []
    assert store.restore_scenario(engine, info.id).status == "paused"
    assert store.save_scenario(engine, info.id, linear()).version == 3

    # Published rows are never rewritten, even by a direct attempt through the store's own filter.
    with engine.begin() as conn:
        hit = conn.execute(scenario_versions.update().where(scenario_versions.c.version == 1,
                                                            scenario_versions.c.published_at.is_(None))
                           .values(document={})).rowcount
    assert hit == 0 and store.get_version(engine, info.id, 1).document == v1.document


def test_lifecycle_on_sqlite(workspace: Workspace) -> None:
    lifecycle(workspace.engine)


@pytest.mark.postgres
def test_lifecycle_on_postgresql(pg_url: str) -> None:
    engine = create_db_engine(pg_url)
    try:
        migrate.upgrade(engine)
        lifecycle(engine)
    finally:
        engine.dispose()


def test_lookup_errors_and_the_stored_document(workspace: Workspace) -> None:
    engine = workspace.engine
    with pytest.raises(NotFoundError, match="scenario list"):
        store.get_scenario(engine, "нет такого")
    info = store.create_scenario(engine, linear(), name="2026")
    assert store.get_scenario(engine, "2026").id == info.id  # a numeric name still resolves
    assert store.get_scenario(engine, info.id).name == "2026"
    with pytest.raises(NotFoundError, match="no version 7"):
        store.get_version(engine, info.id, 7)
    stored = store.get_version(engine, info.id).document
    expected = to_dict(linear())
    expected["name"] = "2026"
    assert stored == expected
    with pytest.raises(UserInputError, match="needs a name"):
        store.create_scenario(engine, linear(), name="  ")
    with pytest.raises(UserInputError, match="only a published"):
        store.pause_scenario(engine, info.id)
    with pytest.raises(UserInputError, match="not archived"):
        store.restore_scenario(engine, info.id)


def test_rename_keeps_versions_and_refuses_a_taken_name(workspace: Workspace) -> None:
    engine = workspace.engine
    first = store.create_scenario(engine, linear(), name="Брошенный визит")
    store.create_scenario(engine, linear(), name="День рождения")
    renamed = store.rename_scenario(engine, first.id, "  Брошенная   корзина ")
    assert renamed.name == "Брошенная корзина" and renamed.latest_version == first.latest_version
    assert store.get_scenario(engine, "брошенная корзина").id == first.id
    with pytest.raises(UserInputError, match="already exists"):
        store.rename_scenario(engine, first.id, "ДЕНЬ РОЖДЕНИЯ")
    with pytest.raises(NotFoundError):
        store.rename_scenario(engine, "нет такого", "Новое")
