"""The runner's `Effects`: node questions answered and actions done inside one batch transaction.

Messages are collected as drafts and written by the runner together with the journey rows and
steps; tag / list / field changes go straight into the same transaction; the round-robin
counters of manager emails live in `settings` and are written with the batch, so they are
durable and never advance for a batch that was rolled back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, tzinfo
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.db.schema import contacts, settings
from app.engine.gates import GatePolicy, recipient_zones
from app.errors import TemplateError
from app.events.tables import events
from app.journeys.actions import ActionSetup, Draft, MessageRenderer, apply_change
from app.journeys.nodes import Journey, Result, event_matches
from app.outbox.schedule import utc
from app.outbox.tables import outbox
from app.scenarios.graph import Node
from app.scenarios.registry import NodeType
from app.segments.compiler import Compiler
from app.segments.rules import validate_rule

__all__ = ["COUNTED_STATES", "DbEffects", "round_robin_key"]

#: Outbox states that count as "a message to the contact" for the frequency gate.
COUNTED_STATES = ("queued", "held", "sending", "sent", "delivered", "read", "unknown")


def round_robin_key(scenario_id: int, node_id: str) -> str:
    """The settings key holding a manager-email node's round-robin position."""
    return f"journeys.round_robin.{scenario_id}.{node_id}"


def frequency_query(contact_id: int, since: datetime) -> sa.Select:
    """Messages to one contact since `since` (manager emails and webhooks are not to the contact)."""
    return sa.select(sa.func.count()).select_from(outbox).where(
        outbox.c.contact_id == contact_id, outbox.c.channel != "webhook", outbox.c.state.in_(COUNTED_STATES),
        sa.func.coalesce(outbox.c.sent_at, outbox.c.created_at) >= since,
        sa.or_(outbox.c.step_ref.is_(None), ~outbox.c.step_ref.like("%:manager:%")))


class DbEffects:
    """Effects for one batch, bound to its write connection.

    Args:
        conn: the batch's connection (inside BEGIN IMMEDIATE).
        people: contacts rows by id for the batch's journeys.
        setups: resolves an action node of a journey's scenario version to its ActionSetup.
        names: scenario names by id (webhook payloads).
    """

    def __init__(self, conn: Connection, people: Mapping[int, Mapping[str, Any]], policy: GatePolicy,
                 renderer: MessageRenderer, setups: Callable[[Journey, Node, NodeType], ActionSetup],
                 names: Mapping[int, str]) -> None:
        self.conn = conn
        self.people = people
        self.policy = policy
        self.renderer = renderer
        self.setups = setups
        self.names = names
        self.drafts: list[Draft] = []
        self._pending: dict[int, int] = defaultdict(int)
        self._counters: dict[str, int] = {}
        self._sqlite = conn.dialect.name == "sqlite"

    def contact(self, journey: Journey) -> Mapping[str, Any]:
        return self.people.get(journey.contact_id) or {}

    def zones(self, journey: Journey) -> Sequence[tzinfo]:
        return recipient_zones(self.contact(journey), self.policy.default_zone)

    def find_event(self, journey: Journey, event_type: str, filters: list[dict[str, Any]], since: datetime,
                   until: datetime) -> tuple[datetime, dict[str, Any]] | None:
        query = (sa.select(events.c.occurred_at, events.c.properties)
                 .where(events.c.contact_id == journey.contact_id, events.c.type == event_type,
                        events.c.occurred_at >= since, events.c.occurred_at <= until)
                 .order_by(events.c.occurred_at, events.c.id).limit(1000))
        if journey.event_id is not None:
            query = query.where(events.c.id != journey.event_id)
        rows = self.conn.execute(query)
        for at, properties in rows:
            if event_matches(filters, properties):
                return utc(at), dict(properties or {})  # type: ignore[return-value]
        return None

    def matches_rule(self, journey: Journey, rule: dict[str, Any], now: datetime) -> bool:
        validate_rule(rule)
        # The batch's own connection: changes made earlier in this batch (a tag) are visible.
        condition = Compiler(self.conn, today=now.date(), sqlite=self._sqlite).compile(rule)
        return self.conn.execute(sa.select(contacts.c.id).where(contacts.c.id == journey.contact_id,
                                                                condition)).first() is not None

    def message_count(self, journey: Journey, since: datetime, now: datetime) -> int:
        stored = int(self.conn.execute(frequency_query(journey.contact_id, since)).scalar() or 0)
        return stored + self._pending[journey.contact_id]

    def send(self, journey: Journey, node: Node, node_type: NodeType, now: datetime) -> Result:
        setup = self.setups(journey, node, node_type)
        try:
            drafts = self.renderer.drafts(journey, node, node_type, setup, self.contact(journey),
                                          lambda n: self._pick(journey, node, n), self.names.get(journey.scenario_id, ""))
        except TemplateError as exc:
            return Result("failed", state="failed", detail=f"the message cannot be prepared: {exc}"[:500])
        self.drafts.extend(drafts)
        self._pending[journey.contact_id] += sum(1 for d in drafts if not d.manager and d.channel != "webhook")
        where = ", ".join(sorted({d.address or "no address" for d in drafts})) or "nobody"
        return Result("sent", "next", detail=f"queued via {setup.provider} to {where}", messages=tuple(drafts))

    def apply(self, journey: Journey, node: Node, now: datetime) -> Result:
        done, detail = apply_change(self.conn, node, journey.contact_id, now)
        return Result("passed" if done else "skipped", "next", detail=detail)

    # -- round robin -----------------------------------------------------------------------
    def _pick(self, journey: Journey, node: Node, count: int) -> int:
        key = round_robin_key(journey.scenario_id, node.id)
        if key not in self._counters:
            value = self.conn.execute(sa.select(settings.c.value).where(settings.c.key == key)).scalar()
            self._counters[key] = int(value) if isinstance(value, int) else 0
        position = self._counters[key]
        self._counters[key] = position + 1
        return position % max(count, 1)

    def save_counters(self) -> None:
        """Write the round-robin positions advanced in this batch (same transaction)."""
        for key, value in self._counters.items():
            if not self.conn.execute(settings.update().where(settings.c.key == key).values(value=value)).rowcount:
                self.conn.execute(settings.insert().values(key=key, value=value))
