"""Versioned scenario storage and the lifecycle draft → published ⇄ paused → archived.

Each scenario has numbered versions. The newest one is an editable draft until it is
published; a published version is never changed again (every update filters on
`published_at IS NULL`), so saving a published scenario opens the next version as a draft
while the published one keeps running. `live_version` is what new journeys enter; the
journey engine keeps each journey on the version it entered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.errors import NotFoundError, UserInputError
from app.scenarios.errors import ScenarioInvalid
from app.scenarios.graph import Scenario
from app.scenarios.readwrite import ErrorHandler, scenario_from_dict, to_dict
from app.scenarios.registry import Registry
from app.scenarios.tables import scenario_versions, scenarios
from app.scenarios.validate import validate

__all__ = [
    "ScenarioInfo",
    "ScenarioVersion",
    "archive_scenario",
    "create_scenario",
    "get_scenario",
    "get_version",
    "list_scenarios",
    "list_versions",
    "load_scenario",
    "pause_scenario",
    "publish_scenario",
    "rename_scenario",
    "restore_scenario",
    "resume_scenario",
    "save_scenario",
]


@dataclass(frozen=True)
class ScenarioInfo:
    """A scenario as listed: status, the live version and the newest version.

    Attributes:
        draft_version: the newest version when it is still unpublished (editable), else None.
    """

    id: int
    name: str
    status: str
    live_version: int | None
    latest_version: int
    draft_version: int | None
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class ScenarioVersion:
    """One stored version; `document` is the JSON document (treat as read-only)."""

    scenario_id: int
    name: str
    version: int
    document: dict[str, Any]
    created_at: dt.datetime
    published_at: dt.datetime | None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _write(engine: Engine) -> Connection:
    conn = engine.connect()
    return conn.execution_options(**BEGIN_IMMEDIATE) if is_sqlite(engine) else conn


def _clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise UserInputError("a scenario needs a name")
    if len(cleaned) > 200:
        raise UserInputError("a scenario name is at most 200 characters")
    return cleaned


def _row(conn: Connection, id_or_name: int | str) -> Any:
    """The scenarios row by id or by name (case-insensitive in Python: SQLite folds ASCII only)."""
    if isinstance(id_or_name, int) or str(id_or_name).isdigit():
        row = conn.execute(sa.select(scenarios).where(scenarios.c.id == int(id_or_name))).first()
        if row is not None:
            return row
    wanted = " ".join(str(id_or_name).split()).casefold()
    for row in conn.execute(sa.select(scenarios)):
        if row.name.casefold() == wanted:
            return row
    raise NotFoundError(f"no scenario named {id_or_name!r} (main.py scenario list shows them)")


def _latest(conn: Connection, scenario_id: int) -> Any:
    return conn.execute(sa.select(scenario_versions).where(scenario_versions.c.scenario_id == scenario_id)
                        .order_by(scenario_versions.c.version.desc()).limit(1)).first()


def _info(conn: Connection, row: Any) -> ScenarioInfo:
    latest = _latest(conn, row.id)
    draft = latest.version if latest.published_at is None else None
    return ScenarioInfo(row.id, row.name, row.status, row.live_version, latest.version, draft,
                        row.created_at, row.updated_at)


def _document(scenario: Scenario, name: str) -> dict[str, Any]:
    doc = to_dict(scenario)
    doc["name"] = name
    return doc


def create_scenario(engine: Engine, scenario: Scenario, *, name: str | None = None) -> ScenarioInfo:
    """Store a new scenario as a draft (version 1); the name must be free (case-insensitive)."""
    name = _clean_name(name if name is not None else scenario.name)
    now = _now()
    with _write(engine) as conn, conn.begin():
        try:
            _row(conn, name)
        except NotFoundError:
            pass
        else:
            raise UserInputError(f"a scenario named {name!r} already exists")
        scenario_id = conn.execute(scenarios.insert().values(
            name=name, status="draft", live_version=None, created_at=now, updated_at=now)).inserted_primary_key[0]
        conn.execute(scenario_versions.insert().values(
            scenario_id=scenario_id, version=1, document=_document(scenario, name), created_at=now,
            updated_at=now, published_at=None))
        return _info(conn, _row(conn, scenario_id))


def rename_scenario(engine: Engine, id_or_name: int | str, new_name: str) -> ScenarioInfo:
    """Give a scenario another name, free among all scenarios (case-insensitive); versions keep theirs."""
    name = _clean_name(new_name)
    with _write(engine) as conn, conn.begin():
        row = _row(conn, id_or_name)
        for other_id, other in conn.execute(sa.select(scenarios.c.id, scenarios.c.name)):
            if other_id != row.id and other.casefold() == name.casefold():
                raise UserInputError(f"a scenario named {name!r} already exists")
        conn.execute(scenarios.update().where(scenarios.c.id == row.id).values(name=name, updated_at=_now()))
        return _info(conn, _row(conn, row.id))


def save_scenario(engine: Engine, id_or_name: int | str, scenario: Scenario) -> ScenarioVersion:
    """Save edits: into the open draft, or as a new draft version when the newest is published."""
    now = _now()
    with _write(engine) as conn, conn.begin():
        row = _row(conn, id_or_name)
        if row.status == "archived":
            raise UserInputError(f"scenario {row.name!r} is archived; restore it before editing")
        latest = _latest(conn, row.id)
        document = _document(scenario, row.name)
        if latest.published_at is None:
            conn.execute(scenario_versions.update()
                         .where(scenario_versions.c.id == latest.id, scenario_versions.c.published_at.is_(None))
                         .values(document=document, updated_at=now))
            version, created = latest.version, latest.created_at
        else:
            version, created = latest.version + 1, now
            conn.execute(scenario_versions.insert().values(
                scenario_id=row.id, version=version, document=document, created_at=now, updated_at=now,
                published_at=None))
        conn.execute(scenarios.update().where(scenarios.c.id == row.id).values(updated_at=now))
    return ScenarioVersion(row.id, row.name, version, document, created, None)


def get_scenario(engine: Engine, id_or_name: int | str) -> ScenarioInfo:
    """A scenario by id or name; NotFoundError if missing."""
    with engine.connect() as conn:
        return _info(conn, _row(conn, id_or_name))


def list_scenarios(engine: Engine, *, include_archived: bool = True) -> list[ScenarioInfo]:
    """Scenarios by name."""
    with engine.connect() as conn:
        query = sa.select(scenarios).order_by(scenarios.c.name)
        if not include_archived:
            query = query.where(scenarios.c.status != "archived")
        return [_info(conn, row) for row in conn.execute(query).all()]


def _version(row: Any, name: str) -> ScenarioVersion:
    return ScenarioVersion(row.scenario_id, name, row.version, row.document, row.created_at, row.published_at)


def get_version(engine: Engine, id_or_name: int | str, version: int | None = None) -> ScenarioVersion:
    """A stored version (the newest when `version` is None)."""
    with engine.connect() as conn:
        row = _row(conn, id_or_name)
        if version is None:
            found = _latest(conn, row.id)
        else:
            found = conn.execute(sa.select(scenario_versions).where(
                scenario_versions.c.scenario_id == row.id, scenario_versions.c.version == version)).first()
        if found is None:
            raise NotFoundError(f"scenario {row.name!r} has no version {version}")
        return _version(found, row.name)


def list_versions(engine: Engine, id_or_name: int | str) -> list[ScenarioVersion]:
    """Every stored version, oldest first."""
    with engine.connect() as conn:
        row = _row(conn, id_or_name)
        return [_version(v, row.name) for v in conn.execute(
            sa.select(scenario_versions).where(scenario_versions.c.scenario_id == row.id)
            .order_by(scenario_versions.c.version))]


def load_scenario(engine: Engine, id_or_name: int | str, version: int | None = None, *,
                  registry: Registry | None = None, error_handler: ErrorHandler | None = None) -> Scenario:
    """A live Scenario of a stored version (the newest when `version` is None)."""
    stored = get_version(engine, id_or_name, version)
    scenario = scenario_from_dict(stored.document, registry=registry, error_handler=error_handler)
    scenario.name = stored.name
    return scenario


def publish_scenario(engine: Engine, id_or_name: int | str, *, registry: Registry | None = None) -> ScenarioInfo:
    """Validate the newest version against the workspace and make it live (immutable from now on).

    Raises ScenarioInvalid listing every problem; nothing changes then.
    """
    info = get_scenario(engine, id_or_name)
    if info.status == "archived":
        raise UserInputError(f"scenario {info.name!r} is archived; restore it before publishing")
    scenario = load_scenario(engine, info.id, info.latest_version, registry=registry)
    problems = validate(scenario, registry=registry, engine=engine)
    if problems:
        raise ScenarioInvalid(info.name, problems)
    now = _now()
    with _write(engine) as conn, conn.begin():
        row = _row(conn, info.id)
        latest = _latest(conn, row.id)
        if latest.version != info.latest_version:
            raise UserInputError(f"scenario {row.name!r} changed while it was being published; try again")
        if latest.published_at is None:
            conn.execute(scenario_versions.update().where(scenario_versions.c.id == latest.id)
                         .values(published_at=now))
        conn.execute(scenarios.update().where(scenarios.c.id == row.id)
                     .values(status="published", live_version=latest.version, updated_at=now))
        return _info(conn, _row(conn, row.id))


def _set_status(engine: Engine, id_or_name: int | str, new: str, allowed: tuple[str, ...], verb: str) -> ScenarioInfo:
    with _write(engine) as conn, conn.begin():
        row = _row(conn, id_or_name)
        if row.status not in allowed:
            raise UserInputError(f"scenario {row.name!r} is {row.status}; only a {' or '.join(allowed)} "
                                 f"scenario can be {verb}")
        conn.execute(scenarios.update().where(scenarios.c.id == row.id).values(status=new, updated_at=_now()))
        return _info(conn, _row(conn, row.id))


def pause_scenario(engine: Engine, id_or_name: int | str) -> ScenarioInfo:
    """Stop new entries and steps; journeys inside wait where they are."""
    return _set_status(engine, id_or_name, "paused", ("published",), "paused")


def resume_scenario(engine: Engine, id_or_name: int | str) -> ScenarioInfo:
    """Run a paused scenario again on its live version (an unpublished draft stays a draft)."""
    return _set_status(engine, id_or_name, "published", ("paused",), "resumed")


def archive_scenario(engine: Engine, id_or_name: int | str) -> ScenarioInfo:
    """Retire a scenario: it stops, is hidden from active lists and cannot be edited until restored."""
    return _set_status(engine, id_or_name, "archived", ("draft", "published", "paused"), "archived")


def restore_scenario(engine: Engine, id_or_name: int | str) -> ScenarioInfo:
    """Bring an archived scenario back: paused if it was ever published, else a draft."""
    with _write(engine) as conn, conn.begin():
        row = _row(conn, id_or_name)
        if row.status != "archived":
            raise UserInputError(f"scenario {row.name!r} is not archived")
        status = "paused" if row.live_version is not None else "draft"
        conn.execute(scenarios.update().where(scenarios.c.id == row.id).values(status=status, updated_at=_now()))
        return _info(conn, _row(conn, row.id))
