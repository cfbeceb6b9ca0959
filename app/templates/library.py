"""The template library: create, version, duplicate, rename, delete/archive, list and search.

Every save appends a new immutable row to `template_versions`; a campaign pins
`(template_id, version)` so what it sends never changes under it.

Delete policy: a template none of whose versions is referenced by another table is deleted
for good (with its versions); one that is referenced (a campaign pinned it) is **archived**
instead — hidden from `list_templates` by default, still readable by id and version, and
restorable with `restore_template`. References are found through the database's foreign keys
that point at `templates.id` or `template_versions.id`, so a campaigns table declaring such a
foreign key is honoured without this module knowing it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.errors import NotFoundError, UserInputError
from app.templates.document import validate_document
from app.templates.tables import TEMPLATE_KINDS, template_versions, templates

__all__ = [
    "TemplateInfo",
    "TemplateVersion",
    "create_template",
    "delete_template",
    "duplicate_template",
    "find_template",
    "get_template",
    "get_version",
    "latest_version",
    "list_templates",
    "list_versions",
    "rename_template",
    "restore_template",
    "save_version",
]


@dataclass(frozen=True)
class TemplateInfo:
    """A library entry: its latest version number and when it last changed."""

    id: int
    name: str
    kind: str
    created_at: dt.datetime
    updated_at: dt.datetime
    archived: bool
    latest_version: int


@dataclass(frozen=True)
class TemplateVersion:
    """One immutable saved version: what renderers and campaigns use.

    `document` must be treated as read-only: compiled renderers are cached per
    `(template_id, version)`.
    """

    template_id: int
    name: str
    kind: str
    version: int
    document: dict[str, Any]
    created_at: dt.datetime


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _clean_name(name: str) -> str:
    cleaned = " ".join(str(name).split())
    if not cleaned:
        raise UserInputError("a template needs a name")
    if len(cleaned) > 200:
        raise UserInputError("a template name is at most 200 characters")
    return cleaned


def _id_by_name(conn: Connection, name: str) -> int | None:
    """Case-insensitive lookup in Python: SQLite's lower() folds ASCII only, and names are few."""
    wanted = " ".join(name.split()).casefold()
    for row in conn.execute(sa.select(templates.c.id, templates.c.name)):
        if row.name.casefold() == wanted:
            return row.id
    return None


def _name_taken(conn: Connection, name: str, exclude: int | None = None) -> bool:
    found = _id_by_name(conn, name)
    return found is not None and found != exclude


_INFO_COLS = (templates.c.id, templates.c.name, templates.c.kind, templates.c.created_at,
              templates.c.updated_at, templates.c.archived)


def _latest_subquery() -> Any:
    return (sa.select(template_versions.c.template_id, sa.func.max(template_versions.c.version).label("v"))
            .group_by(template_versions.c.template_id).subquery())


def _info_query() -> sa.Select:
    latest = _latest_subquery()
    return sa.select(*_INFO_COLS, latest.c.v).join(latest, latest.c.template_id == templates.c.id)


def _info(row: Any) -> TemplateInfo:
    return TemplateInfo(row.id, row.name, row.kind, row.created_at, row.updated_at, bool(row.archived), row.v)


def create_template(engine: Engine, name: str, kind: str, document: dict[str, Any]) -> TemplateVersion:
    """Create a template with `document` as version 1; the name is unique (case-insensitive)."""
    if kind not in TEMPLATE_KINDS:
        raise UserInputError(f"unknown template kind {kind!r}; use one of {', '.join(TEMPLATE_KINDS)}")
    name = _clean_name(name)
    validate_document(document, kind)
    now = _now()
    with engine.begin() as conn:
        if _name_taken(conn, name):
            raise UserInputError(f"a template named {name!r} already exists")
        template_id = conn.execute(templates.insert().values(
            name=name, kind=kind, created_at=now, updated_at=now, archived=False)).inserted_primary_key[0]
        conn.execute(template_versions.insert().values(
            template_id=template_id, version=1, document=document, created_at=now))
    return TemplateVersion(template_id, name, kind, 1, document, now)


def save_version(engine: Engine, template_id: int, document: dict[str, Any]) -> TemplateVersion:
    """Append `document` as the next version; earlier versions stay readable unchanged."""
    now = _now()
    with engine.begin() as conn:
        row = conn.execute(sa.select(templates.c.name, templates.c.kind)
                           .where(templates.c.id == template_id)).first()
        if row is None:
            raise NotFoundError(f"no template with id {template_id}")
        validate_document(document, row.kind)
        last = conn.execute(sa.select(sa.func.max(template_versions.c.version))
                            .where(template_versions.c.template_id == template_id)).scalar() or 0
        conn.execute(template_versions.insert().values(
            template_id=template_id, version=last + 1, document=document, created_at=now))
        conn.execute(templates.update().where(templates.c.id == template_id).values(updated_at=now))
    return TemplateVersion(template_id, row.name, row.kind, last + 1, document, now)


def get_template(engine: Engine, template_id: int) -> TemplateInfo:
    """The library entry with `template_id` (archived ones included)."""
    with engine.connect() as conn:
        row = conn.execute(_info_query().where(templates.c.id == template_id)).first()
    if row is None:
        raise NotFoundError(f"no template with id {template_id}")
    return _info(row)


def find_template(engine: Engine, name: str) -> TemplateInfo:
    """The template named `name` (case-insensitive, spaces collapsed); NotFoundError otherwise."""
    cleaned = " ".join(str(name).split())
    with engine.connect() as conn:
        found = _id_by_name(conn, cleaned)
        row = conn.execute(_info_query().where(templates.c.id == found)).first() if found is not None else None
    if row is None:
        raise NotFoundError(f"no template named {cleaned!r}")
    return _info(row)


def list_templates(engine: Engine, *, kind: str | None = None, search: str | None = None,
                   include_archived: bool = False) -> list[TemplateInfo]:
    """Templates by name; `search` matches any part of the name (case-insensitive, Cyrillic too)."""
    query = _info_query().order_by(templates.c.name)
    if kind:
        query = query.where(templates.c.kind == kind)
    if not include_archived:
        query = query.where(templates.c.archived == sa.false())
    with engine.connect() as conn:
        rows = [_info(r) for r in conn.execute(query)]
    if search:
        # In Python: SQLite's lower() only folds ASCII, and names are few.
        needle = search.casefold().strip()
        rows = [r for r in rows if needle in r.name.casefold()]
    return rows


def list_versions(engine: Engine, template_id: int) -> list[tuple[int, dt.datetime]]:
    """(version, created_at) of every saved version, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(sa.select(template_versions.c.version, template_versions.c.created_at)
                            .where(template_versions.c.template_id == template_id)
                            .order_by(template_versions.c.version)).all()
    if not rows:
        raise NotFoundError(f"no template with id {template_id}")
    return [(r.version, r.created_at) for r in rows]


def get_version(engine: Engine, template_id: int, version: int | None = None) -> TemplateVersion:
    """A saved version (the latest when `version` is None)."""
    query = (sa.select(templates.c.name, templates.c.kind, template_versions.c.version,
                       template_versions.c.document, template_versions.c.created_at)
             .join(templates, templates.c.id == template_versions.c.template_id)
             .where(template_versions.c.template_id == template_id))
    if version is None:
        query = query.order_by(template_versions.c.version.desc()).limit(1)
    else:
        query = query.where(template_versions.c.version == version)
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        what = f"version {version} of template {template_id}" if version else f"template {template_id}"
        raise NotFoundError(f"no {what}")
    return TemplateVersion(template_id, row.name, row.kind, row.version, row.document, row.created_at)


def latest_version(engine: Engine, template_id: int) -> TemplateVersion:
    """The newest saved version of a template."""
    return get_version(engine, template_id, None)


def rename_template(engine: Engine, template_id: int, new_name: str) -> TemplateInfo:
    """Rename; the new name must be free. Versions (and campaign pins) are untouched."""
    name = _clean_name(new_name)
    with engine.begin() as conn:
        if _name_taken(conn, name, exclude=template_id):
            raise UserInputError(f"a template named {name!r} already exists")
        if conn.execute(templates.update().where(templates.c.id == template_id)
                        .values(name=name, updated_at=_now())).rowcount == 0:
            raise NotFoundError(f"no template with id {template_id}")
    return get_template(engine, template_id)


def duplicate_template(engine: Engine, template_id: int, new_name: str | None = None) -> TemplateVersion:
    """A new template whose version 1 is a copy of the source's latest version.

    Without `new_name` it is called "<name> (копия)", "<name> (копия 2)", ...
    """
    source = latest_version(engine, template_id)
    if new_name is None:
        with engine.connect() as conn:
            candidate, n = f"{source.name} (копия)", 1
            while _name_taken(conn, candidate):
                n += 1
                candidate = f"{source.name} (копия {n})"
        new_name = candidate
    return create_template(engine, new_name, source.kind, source.document)


def _named_by_scenarios(conn: Connection, name: str) -> bool:
    """Whether a version of a scenario that is not archived names this template in an action."""
    from app.scenarios.tables import scenario_versions, scenarios  # scenarios build on templates

    wanted = " ".join(name.split()).casefold()
    documents = conn.execute(sa.select(scenario_versions.c.document)
                             .join(scenarios, scenarios.c.id == scenario_versions.c.scenario_id)
                             .where(scenarios.c.status != "archived"))
    for (document,) in documents:
        for node in (document or {}).get("nodes") or []:
            named = (node.get("props") or {}).get("template") if isinstance(node, dict) else None
            if isinstance(named, str) and " ".join(named.split()).casefold() == wanted:
                return True
    return False


def _pin_count(conn: Connection, template_id: int) -> int:
    """Rows in other tables whose foreign keys reference this template or one of its versions.

    Read from the database itself, so any table that pins a version (campaigns, scenarios)
    is honoured whichever module defines it.
    """
    total = 0
    inspector = sa.inspect(conn)
    version_ids = [r[0] for r in conn.execute(
        sa.select(template_versions.c.id).where(template_versions.c.template_id == template_id))]
    for table_name in inspector.get_table_names():
        if table_name in ("templates", "template_versions"):
            continue
        for fk in inspector.get_foreign_keys(table_name):
            target, columns = fk["referred_table"], fk["constrained_columns"]
            if len(columns) != 1 or target not in ("templates", "template_versions"):
                continue
            if target == "template_versions" and fk["referred_columns"] != ["id"]:
                continue
            keys = [template_id] if target == "templates" else version_ids
            if not keys:
                continue
            table = sa.table(table_name, sa.column(columns[0]))
            total += conn.execute(sa.select(sa.func.count()).select_from(table)
                                  .where(table.c[columns[0]].in_(keys))).scalar() or 0
    return total


def delete_template(engine: Engine, template_id: int) -> str:
    """Delete a template, or archive it when a campaign pins one of its versions or a scenario
    that is not archived names it (journeys would otherwise fail at that step).

    Returns "deleted" or "archived" so the UI can tell the user which happened.
    """
    with engine.begin() as conn:
        row = conn.execute(sa.select(templates.c.id, templates.c.name).where(templates.c.id == template_id)).first()
        if row is None:
            raise NotFoundError(f"no template with id {template_id}")
        if _pin_count(conn, template_id) or _named_by_scenarios(conn, row.name):
            conn.execute(templates.update().where(templates.c.id == template_id)
                         .values(archived=True, updated_at=_now()))
            return "archived"
        conn.execute(template_versions.delete().where(template_versions.c.template_id == template_id))
        conn.execute(templates.delete().where(templates.c.id == template_id))
    return "deleted"


def restore_template(engine: Engine, template_id: int) -> TemplateInfo:
    """Bring an archived template back into the list."""
    with engine.begin() as conn:
        if conn.execute(templates.update().where(templates.c.id == template_id)
                        .values(archived=False, updated_at=_now())).rowcount == 0:
            raise NotFoundError(f"no template with id {template_id}")
    return get_template(engine, template_id)
