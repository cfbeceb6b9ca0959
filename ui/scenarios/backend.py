"""What the Scenarios screen asks of app/: listing, storing, lifecycle, validation, counters, pick lists.

Plain functions (no Qt), so the screen can run the slow ones on a worker thread. Publishing,
pausing, resuming and archiving go through `app.journeys.lifecycle` (triggers get their
starting points there), storage through `app.scenarios.store`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.engine import is_sqlite
from app.db.schema import contacts, lists, tags
from app.errors import NotFoundError
from app.journeys import lifecycle
from app.journeys.tables import journeys
from app.scenarios import store
from app.scenarios.errors import ScenarioError
from app.scenarios.graph import Scenario
from app.scenarios.readwrite import read_file, write_file
from app.scenarios.starters import load_starter
from app.scenarios.validate import validate

__all__ = ["Choices", "ScenarioRow", "archive", "create", "duplicate", "export_json", "find_contacts",
           "import_json", "list_rows", "load_choices", "node_counters", "pause", "publish", "rename",
           "resume", "run_validation", "template_preview", "who_enters"]

_INSIDE = ("active", "waiting")


@dataclass(frozen=True)
class ScenarioRow:
    """One line of the scenarios table.

    Attributes:
        inside: contacts currently in the scenario (active or waiting journeys).
    """

    id: int
    name: str
    status: str
    live_version: int | None
    draft_version: int | None
    latest_version: int
    inside: int
    updated_at: dt.datetime


def list_rows(engine: Engine, *, include_archived: bool = False) -> list[ScenarioRow]:
    """Scenarios by name with the number of contacts inside each."""
    infos = store.list_scenarios(engine, include_archived=include_archived)
    with engine.connect() as conn:
        counts = dict(conn.execute(
            sa.select(journeys.c.scenario_id, sa.func.count())
            .where(journeys.c.state.in_(_INSIDE)).group_by(journeys.c.scenario_id)).all())
    return [ScenarioRow(i.id, i.name, i.status, i.live_version, i.draft_version, i.latest_version,
                        int(counts.get(i.id, 0)), i.updated_at) for i in infos]


def _free_name(engine: Engine, wanted: str) -> str:
    taken = {s.name.casefold() for s in store.list_scenarios(engine)}
    if wanted.casefold() not in taken:
        return wanted
    number = 2
    while f"{wanted} ({number})".casefold() in taken:
        number += 1
    return f"{wanted} ({number})"


def create(engine: Engine, name: str, starter: str | None = None) -> int:
    """A new draft scenario, blank or from a starter; returns its id."""
    scenario = load_starter(starter) if starter else Scenario(name)
    return store.create_scenario(engine, scenario, name=name).id


def rename(engine: Engine, scenario_id: int, new_name: str) -> None:
    """Give a scenario another name (free among all scenarios, case-insensitively)."""
    store.rename_scenario(engine, scenario_id, new_name)


def duplicate(engine: Engine, scenario_id: int) -> int:
    """A draft copy of the newest version, named "<name> (2)" or the next free number."""
    info = store.get_scenario(engine, scenario_id)
    scenario = store.load_scenario(engine, scenario_id)
    return store.create_scenario(engine, scenario, name=_free_name(engine, info.name)).id


def import_json(engine: Engine, path: str | Path) -> int:
    """Store a scenario file as a new draft (a taken name gets a number); returns its id."""
    scenario = read_file(path)
    name = scenario.name.strip() or Path(path).stem
    return store.create_scenario(engine, scenario, name=_free_name(engine, name)).id


def export_json(engine: Engine, scenario_id: int, path: str | Path, version: int | None = None) -> Path:
    """Write a stored version (the newest by default) as a scenario JSON file."""
    return write_file(store.load_scenario(engine, scenario_id, version), path)


def archive(engine: Engine, scenario_id: int) -> None:
    """Retire a scenario (journeys inside end)."""
    lifecycle.archive(engine, scenario_id)


def publish(engine: Engine, scenario_id: int) -> store.ScenarioInfo:
    """Validate against the workspace and make the newest version live (ScenarioInvalid lists problems)."""
    return lifecycle.publish(engine, scenario_id)


def pause(engine: Engine, scenario_id: int) -> store.ScenarioInfo:
    """Stop new entries; journeys inside hold where they are."""
    return lifecycle.pause(engine, scenario_id)


def resume(engine: Engine, scenario_id: int) -> store.ScenarioInfo:
    """Run a paused scenario again."""
    return lifecycle.resume(engine, scenario_id)


def run_validation(engine: Engine | None, scenario: Scenario) -> list[ScenarioError]:
    """Every problem of `scenario` (references checked against the workspace when `engine` is given)."""
    return validate(scenario, engine=engine)


def node_counters(engine: Engine, scenario_id: int) -> dict[str, dict[str, int]]:
    """Per node: entered, waiting, sent, converted (the canvas chips)."""
    from app.journeys.report import node_counters as counters

    return counters(engine, scenario_id)


def who_enters(engine: Engine, scenario: Scenario) -> list[tuple[str, str]]:
    """Who the triggers let in, as (kind, value) pairs the publish confirmation puts in words.

    Kinds: segment, list, all (value: the number of contacts), event, list_added,
    segment_entered, date, inactivity.
    """
    facts: list[tuple[str, str]] = []
    for node in scenario.nodes.values():
        props = node.props
        if node.type == "trigger.audience":
            if props.get("audience") == "all":
                with engine.connect() as conn:
                    facts.append(("all", str(conn.execute(sa.select(sa.func.count()).select_from(contacts)).scalar_one())))
            else:
                kind = str(props.get("audience") or "")
                facts.append((kind, str(props.get(kind, ""))))
        elif node.type == "trigger.event":
            facts.append(("event", str(props.get('event_type', ''))))
        elif node.type == "trigger.list_added":
            facts.append(("list_added", str(props.get('list', ''))))
        elif node.type == "trigger.segment_entered":
            facts.append(("segment_entered", str(props.get('segment', ''))))
        elif node.type == "trigger.date":
            facts.append(("date", str(props.get('field', ''))))
        elif node.type == "trigger.inactivity":
            facts.append(("inactivity", str(props.get('days', ''))))
    return facts


@dataclass
class Choices:
    """What the properties panel offers in its pickers.

    Attributes:
        templates: kind → template names; providers: channel → account names (default first).
        segments, lists, tags: names; custom_fields: custom contact field names.
    """

    templates: dict[str, list[str]] = field(default_factory=dict)
    providers: dict[str, list[str]] = field(default_factory=dict)
    segments: list[str] = field(default_factory=list)
    lists: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    custom_fields: list[str] = field(default_factory=list)


def load_choices(engine: Engine) -> Choices:
    """Read the pick lists (small queries)."""
    from app.providers.store import list_providers
    from app.segments.catalog import custom_field_types
    from app.segments.service import list_segments
    from app.templates.library import list_templates

    choices = Choices()
    for info in list_templates(engine):
        choices.templates.setdefault(info.kind, []).append(info.name)
    for account in sorted(list_providers(engine), key=lambda p: (not p.is_default, p.name.lower())):
        choices.providers.setdefault(account.channel, []).append(account.name)
    choices.segments = sorted((s.name for s in list_segments(engine)), key=str.lower)
    with engine.connect() as conn:
        choices.lists = list(conn.execute(sa.select(lists.c.name).order_by(lists.c.name)).scalars())
        choices.tags = list(conn.execute(sa.select(tags.c.name).order_by(tags.c.name)).scalars())
    choices.custom_fields = sorted(custom_field_types(engine))
    return choices


def find_contacts(engine: Engine, text: str, limit: int = 30) -> list[dict[str, Any]]:
    """Contacts matching a quick search by phone, email or name (the first `limit`)."""
    from app.contacts.query import search_condition

    query = sa.select(contacts.c.id, contacts.c.phone, contacts.c.email, contacts.c.first_name,
                      contacts.c.last_name).order_by(contacts.c.id).limit(limit)
    condition = search_condition(text, sqlite=is_sqlite(engine))
    if condition is not None:
        query = query.where(condition)
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


@dataclass(frozen=True)
class TemplatePreview:
    """A template filled for one contact: subject (email), text, SMS parts, or why it cannot be filled.

    Attributes:
        missing: the library has no template of that name.
    """

    subject: str = ""
    text: str = ""
    sms_parts: int | None = None
    problem: str = ""
    missing: bool = False


_SAMPLE = {"id": None, "first_name": "Иван", "last_name": "Петров", "email": "ivan.petrov@example.ru",
           "phone": "+79161234567", "city": "Москва", "gender": "m", "birthday": None, "custom": {}}


def template_preview(engine: Engine, name: str, contact: dict[str, Any] | None = None) -> TemplatePreview:
    """The newest version of the template `name` filled for `contact` (else the first contact, else a sample)."""
    from app.errors import KaskadError
    from app.templates import render
    from app.templates.library import find_template, get_version

    try:
        info = find_template(engine, name)
    except NotFoundError:
        return TemplatePreview(missing=True)
    try:
        version = get_version(engine, info.id)
        if contact is None:
            with engine.connect() as conn:
                row = conn.execute(sa.select(contacts).order_by(contacts.c.id).limit(1)).mappings().first()
            contact = dict(row) if row else dict(_SAMPLE)
        if version.kind in ("email", "manager"):
            email = render.render_message(version, contact, unsubscribe_url="https://…", lead=contact, event={})
            return TemplatePreview(subject=email.subject, text=email.text.strip())
        if version.kind == "sms":
            sms = render.render_sms(version, contact)
            return TemplatePreview(text=sms.text, sms_parts=sms.count.segments)
        filled = render.render_whatsapp(version, contact)
        return TemplatePreview(text=str(getattr(filled, "text", "") or getattr(filled, "preview", "") or filled))
    except KaskadError as exc:
        return TemplatePreview(problem=str(exc))

