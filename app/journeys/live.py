"""The scenarios the trigger ticker serves: published or paused, with their parsed live version.

Published versions never change, so parsed documents are cached by (scenario id, version);
only the small `scenarios` table is read on every turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.scenarios.graph import EntryRule, Node
from app.scenarios.readwrite import scenario_from_dict
from app.scenarios.registry import Registry, default_registry
from app.scenarios.tables import scenario_versions, scenarios

__all__ = ["LiveScenario", "VersionCache"]


@dataclass(frozen=True)
class LiveScenario:
    """A scenario that may start journeys (published) or holds them (paused).

    Attributes:
        triggers: trigger nodes of the live version by type id ("trigger.event" → [nodes]).
        goals: the version's goal nodes.
    """

    id: int
    name: str
    status: str
    version: int
    entry: EntryRule
    triggers: dict[str, list[Node]] = field(default_factory=dict)
    goals: tuple[Node, ...] = ()

    @property
    def published(self) -> bool:
        """Whether new contacts may enter."""
        return self.status == "published"

    def nodes_of(self, type_id: str) -> list[Node]:
        """Trigger nodes of one type (empty when the version has none)."""
        return self.triggers.get(type_id, [])


class VersionCache:
    """Parsed scenario versions by (scenario id, version)."""

    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry or default_registry()
        self._cache: dict[tuple[int, int], tuple[EntryRule, dict[str, list[Node]], tuple[Node, ...]]] = {}

    def _parse(self, conn: Connection, scenario_id: int, version: int) -> tuple[
            EntryRule, dict[str, list[Node]], tuple[Node, ...]]:
        key = (scenario_id, version)
        if key not in self._cache:
            document: Any = conn.execute(sa.select(scenario_versions.c.document).where(
                scenario_versions.c.scenario_id == scenario_id, scenario_versions.c.version == version)).scalar()
            scenario = scenario_from_dict(document or {}, registry=self.registry, error_handler=lambda _e: None)
            triggers: dict[str, list[Node]] = {}
            goals = []
            for node in scenario.nodes.values():
                type_id = self.registry.resolve(node.type) or node.type
                if type_id.startswith("trigger."):
                    triggers.setdefault(type_id, []).append(node)
                elif type_id == "flow.goal":
                    goals.append(node)
            self._cache[key] = (scenario.entry, triggers, tuple(goals))
        return self._cache[key]

    def goals(self, conn: Connection, scenario_id: int, version: int) -> tuple[Node, ...]:
        """The goal nodes of one stored version (journeys finish on the version they entered)."""
        return self._parse(conn, scenario_id, version)[2]

    def live(self, conn: Connection) -> list[LiveScenario]:
        """Published and paused scenarios with their live version, by id."""
        rows = conn.execute(sa.select(scenarios.c.id, scenarios.c.name, scenarios.c.status, scenarios.c.live_version)
                            .where(scenarios.c.status.in_(("published", "paused")),
                                   scenarios.c.live_version.is_not(None))
                            .order_by(scenarios.c.id)).all()
        found = []
        for row in rows:
            entry, triggers, goals = self._parse(conn, row.id, row.live_version)
            found.append(LiveScenario(row.id, row.name, row.status, row.live_version, entry, triggers, goals))
        return found
