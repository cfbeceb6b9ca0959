"""The template library: versions, duplicate, rename, search, delete vs archive when pinned."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.errors import NotFoundError, UserInputError
from app.templates import library
from app.templates.document import DocumentError, new_document
from app.workspace import Workspace
from tests.app.templates.sample_docs import designer


def _sms(text: str) -> dict[str, object]:
    return {"schema_version": 1, "type": "sms", "text": text, "sender": ""}


def test_every_save_is_a_new_version_and_old_ones_stay_readable(workspace: Workspace) -> None:
    engine = workspace.engine
    first = library.create_template(engine, "Бонусы", "sms", _sms("v1"))
    second = library.save_version(engine, first.template_id, _sms("v2"))
    third = library.save_version(engine, first.template_id, _sms("v3"))
    assert (first.version, second.version, third.version) == (1, 2, 3)
    assert library.get_version(engine, first.template_id, 1).document["text"] == "v1"
    assert library.get_version(engine, first.template_id, 2).document["text"] == "v2"
    assert library.latest_version(engine, first.template_id).document["text"] == "v3"
    assert [v for v, _ in library.list_versions(engine, first.template_id)] == [1, 2, 3]
    info = library.get_template(engine, first.template_id)
    assert info.latest_version == 3 and info.updated_at >= info.created_at
    with pytest.raises(NotFoundError):
        library.get_version(engine, first.template_id, 9)


def test_invalid_documents_are_refused_and_nothing_is_stored(workspace: Workspace) -> None:
    engine = workspace.engine
    with pytest.raises(DocumentError):
        library.create_template(engine, "Плохой", "sms", designer())
    with pytest.raises(UserInputError, match="kind"):
        library.create_template(engine, "Плохой", "fax", _sms("x"))
    with pytest.raises(UserInputError, match="name"):
        library.create_template(engine, "   ", "sms", _sms("x"))
    assert library.list_templates(engine) == []
    created = library.create_template(engine, "Хороший", "sms", _sms("x"))
    with pytest.raises(DocumentError):
        library.save_version(engine, created.template_id, {"schema_version": 1, "type": "sms"})
    assert [v for v, _ in library.list_versions(engine, created.template_id)] == [1]


def test_names_are_unique_case_insensitively_in_cyrillic(workspace: Workspace) -> None:
    engine = workspace.engine
    library.create_template(engine, "Весенняя Акция", "email", designer())
    with pytest.raises(UserInputError, match="already exists"):
        library.create_template(engine, "весенняя  акция", "email", designer())
    assert library.find_template(engine, "ВЕСЕННЯЯ акция").name == "Весенняя Акция"
    with pytest.raises(NotFoundError):
        library.find_template(engine, "Осенняя")


def test_duplicate_rename_search_list(workspace: Workspace) -> None:
    engine = workspace.engine
    source = library.create_template(engine, "Welcome", "email", designer())
    library.save_version(engine, source.template_id, new_document("designer"))
    copy1 = library.duplicate_template(engine, source.template_id)
    copy2 = library.duplicate_template(engine, source.template_id)
    assert (copy1.name, copy2.name) == ("Welcome (копия)", "Welcome (копия 2)")
    latest = library.latest_version(engine, source.template_id)
    assert copy1.version == 1 and copy1.document == latest.document and latest.version == 2
    renamed = library.rename_template(engine, copy2.template_id, "Приветствие")
    assert renamed.name == "Приветствие"
    with pytest.raises(UserInputError, match="already exists"):
        library.rename_template(engine, copy1.template_id, "приветствие")
    library.create_template(engine, "SMS день рождения", "sms", _sms("x"))
    assert [t.name for t in library.list_templates(engine)] == [
        "SMS день рождения", "Welcome", "Welcome (копия)", "Приветствие"]
    assert [t.name for t in library.list_templates(engine, search="копия")] == ["Welcome (копия)"]
    assert [t.name for t in library.list_templates(engine, search="ДЕНЬ")] == ["SMS день рождения"]
    assert [t.kind for t in library.list_templates(engine, kind="sms")] == ["sms"]


def test_delete_unpinned_removes_everything(workspace: Workspace) -> None:
    engine = workspace.engine
    created = library.create_template(engine, "Черновик", "sms", _sms("x"))
    library.save_version(engine, created.template_id, _sms("y"))
    assert library.delete_template(engine, created.template_id) == "deleted"
    with pytest.raises(NotFoundError):
        library.get_template(engine, created.template_id)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM template_versions").scalar() == 0


def test_delete_pinned_archives_and_keeps_versions(workspace: Workspace) -> None:
    engine = workspace.engine
    created = library.create_template(engine, "Рассылка", "sms", _sms("x"))
    # A table from another module pinning a version through a foreign key, as campaigns do.
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "CREATE TABLE pins_probe (id INTEGER PRIMARY KEY, "
            "template_version_id INTEGER REFERENCES template_versions(id))")
        version_id = conn.execute(sa.text("SELECT id FROM template_versions")).scalar()
        conn.execute(sa.text("INSERT INTO pins_probe (template_version_id) VALUES (:v)"), {"v": version_id})
    assert library.delete_template(engine, created.template_id) == "archived"
    assert library.list_templates(engine) == []
    assert [t.archived for t in library.list_templates(engine, include_archived=True)] == [True]
    assert library.get_version(engine, created.template_id, 1).document["text"] == "x"
    assert library.restore_template(engine, created.template_id).archived is False
    assert [t.name for t in library.list_templates(engine)] == ["Рассылка"]


@pytest.mark.postgres
def test_library_on_postgres(pg_url: str, tmp_path: object) -> None:
    from pathlib import Path

    with Workspace.open(Path(str(tmp_path)) / "pgws", pg_url) as ws:
        engine = ws.engine
        created = library.create_template(engine, "Письмо Ёлка", "email", designer())
        library.save_version(engine, created.template_id, designer() | {"subject": "v2"})
        assert library.find_template(engine, "письмо ёлка").latest_version == 2
        assert library.get_version(engine, created.template_id, 1).document == designer()
        assert [t.name for t in library.list_templates(engine, search="ЁЛКА")] == ["Письмо Ёлка"]
        with pytest.raises(UserInputError, match="already exists"):
            library.create_template(engine, "ПИСЬМО ЁЛКА", "email", designer())
        assert library.delete_template(engine, created.template_id) == "deleted"


def test_delete_a_template_a_scenario_names_archives_it_until_the_scenario_is_archived(workspace: Workspace) -> None:
    from app.scenarios import store
    from tests.app.scenarios.helpers import linear

    engine = workspace.engine
    used = library.create_template(engine, "SMS привет", "sms", _sms("Привет!"))
    scenario = store.create_scenario(engine, linear())  # its SMS step names this template
    assert library.delete_template(engine, used.template_id) == "archived"
    assert library.get_version(engine, used.template_id, 1).document["text"] == "Привет!"
    store.archive_scenario(engine, scenario.id)
    library.restore_template(engine, used.template_id)
    assert library.delete_template(engine, used.template_id) == "deleted"
