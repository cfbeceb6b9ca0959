"""What the rule builder offers in its pickers: catalogue fields, operators, tags, lists, segments, campaigns."""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import lists, tags
from app.outbox.tables import campaigns
from app.segments.catalog import (
    ENGAGEMENT_ACTIONS,
    EVENT_TYPES,
    FieldInfo,
    OpInfo,
    condition_catalog,
    operators_for,
)
from app.segments.service import list_segments
from ui.audiences.labels import pick

__all__ = ["BuilderContext"]


@dataclass
class BuilderContext:
    """Everything condition rows pick from, loaded once per screen refresh (small queries).

    Attributes:
        fields: contact and custom fields from `condition_catalog`.
        tags: tag names; lists, segments, campaigns: (id, name) pairs; all by name.
        event_types, actions: (key, label) pairs in the interface language.
    """

    fields: list[FieldInfo] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    lists: list[tuple[int, str]] = field(default_factory=list)
    segments: list[tuple[int, str]] = field(default_factory=list)
    campaigns: list[tuple[int, str]] = field(default_factory=list)
    event_types: list[tuple[str, str]] = field(default_factory=list)
    actions: list[tuple[str, str]] = field(default_factory=list)
    _ops: dict[str, list[OpInfo]] = field(default_factory=dict)

    @classmethod
    def load(cls, engine: Engine) -> BuilderContext:
        """Read the catalogue and the pick lists from the base."""
        with engine.connect() as conn:
            tag_names = list(conn.execute(sa.select(tags.c.name).order_by(tags.c.name)).scalars())
            list_rows = [(int(i), str(n)) for i, n in conn.execute(sa.select(lists.c.id, lists.c.name).order_by(lists.c.name))]
            campaign_rows = [(int(i), str(n)) for i, n in
                             conn.execute(sa.select(campaigns.c.id, campaigns.c.name).order_by(campaigns.c.id.desc()))]
        return cls(
            fields=list(condition_catalog(engine)),
            tags=tag_names,
            lists=list_rows,
            segments=[(s.id, s.name) for s in sorted(list_segments(engine), key=lambda s: s.name.lower())],
            campaigns=campaign_rows,
            event_types=[(key, pick(ru, en)) for key, ru, en in EVENT_TYPES],
            actions=[(key, pick(ru, en)) for key, ru, en in ENGAGEMENT_ACTIONS],
        )

    def reload(self, engine: Engine) -> None:
        """Re-read everything in place, so rows built earlier see new tags, lists and segments."""
        fresh = BuilderContext.load(engine)
        for name in ("fields", "tags", "lists", "segments", "campaigns", "event_types", "actions"):
            setattr(self, name, getattr(fresh, name))

    def field_info(self, key: str) -> FieldInfo | None:
        """The catalogue entry of a field key, or None when the base no longer has it."""
        return next((f for f in self.fields if f.key == key), None)

    def ops_for(self, field_type: str) -> list[OpInfo]:
        """Operators of a field type (cached)."""
        if field_type not in self._ops:
            self._ops[field_type] = list(operators_for(field_type))
        return self._ops[field_type]
