""""Test on a contact": run a scenario for one contact with a simulated clock and simulated events.

The same node semantics as the engine (`app.journeys.nodes.Walker`) and the same rendering
(`app.journeys.actions`) run against in-memory effects: nothing is written and nothing leaves
the machine. The send engine's gates (suppression, consent, quiet hours, caps) are evaluated
read-only and reported in each sending step's detail.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import consents, contacts, settings, suppressions
from app.engine.gates import load_policy, next_window_opening, recipient_zones
from app.errors import NotFoundError, TemplateError, UserInputError
from app.journeys.actions import Draft, MessageRenderer, Resolver, describe_change
from app.journeys.effects import frequency_query, round_robin_key
from app.journeys.nodes import END_STATES, Journey, Result, Walk, Walker, event_matches
from app.outbox.tables import outbox
from app.scenarios.graph import Node, Scenario
from app.scenarios.readwrite import scenario_from_dict
from app.scenarios.registry import NodeType, Registry, default_registry
from app.segments.service import contact_matches

__all__ = ["SimEvent", "SimMessage", "SimStep", "Simulation", "load_sim_events", "parse_after", "simulate"]

_CAPPED = ("sending", "sent", "delivered", "read", "unknown")


@dataclass(frozen=True)
class SimEvent:
    """A simulated event `after` the start of the simulation."""

    after: timedelta
    type: str
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SimStep:
    """One step of the simulated path (`port`: the output left by, if any)."""

    at: datetime
    node_id: str
    outcome: str
    port: str | None
    detail: str


@dataclass(frozen=True)
class SimMessage:
    """A message the scenario would queue, with its rendered text."""

    at: datetime
    node_id: str
    channel: str
    address: str
    subject: str
    text: str
    html: str


@dataclass
class Simulation:
    """The simulated run: path, edges followed (ids, in order), messages and how it ended
    ("done", "exited", "failed", "converted", or "waiting" when the horizon came first)."""

    path: list[SimStep]
    edges: list[str]
    messages: list[SimMessage]
    outcome: str


_AFTER = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_after(value: Any) -> timedelta:
    """"2h", "3d", "90m", "45s" or a number of seconds → timedelta; ValueError otherwise."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a delay")
    if isinstance(value, int | float):
        if value < 0:
            raise ValueError("a delay cannot be negative")
        return timedelta(seconds=value)
    match = _AFTER.match(str(value).lower())
    if not match:
        raise ValueError(f"{value!r} is not a delay like \"2h\", \"3d\", \"90m\" or a number of seconds")
    return timedelta(seconds=float(match.group(1)) * _UNITS[match.group(2)])


def load_sim_events(path: str | Path) -> list[SimEvent]:
    """Read `[{"after": "2h" | "3d" | seconds, "type": "...", "properties": {...}}]` from a JSON
    file; UserInputError names the file and the item when something is wrong."""
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UserInputError(f"{file}: cannot read the events file: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UserInputError(f"{file}: not valid JSON: {exc}") from exc
    if not isinstance(data, list):
        raise UserInputError(f"{file}: the events file must hold a JSON list of events")
    out = []
    for i, item in enumerate(data, 1):
        where = f"{file}: event {i}"
        if not isinstance(item, dict):
            raise UserInputError(f"{where}: must be an object with after, type and properties")
        unknown = sorted(set(item) - {"after", "type", "properties"})
        if unknown:
            raise UserInputError(f"{where}: unknown keys {', '.join(unknown)}")
        try:
            after = parse_after(item.get("after", 0))
        except ValueError as exc:
            raise UserInputError(f"{where}: after: {exc}") from exc
        kind = item.get("type")
        if not isinstance(kind, str) or not kind.strip():
            raise UserInputError(f"{where}: type must be a non-empty text (e.g. \"page_view\")")
        properties = item.get("properties", {})
        if not isinstance(properties, dict):
            raise UserInputError(f"{where}: properties must be an object")
        out.append(SimEvent(after, kind.strip(), properties))
    return out


class _SimEffects:
    """In-memory effects: reads the database, writes nothing, records messages."""

    def __init__(self, engine: Engine, contact: Mapping[str, Any], events: Sequence[tuple[datetime, SimEvent]],
                 walker: Walker, pinned_at: datetime | None, name: str) -> None:
        self.engine = engine
        self.person = contact
        self.events = events
        self.walker = walker
        self.pinned_at = pinned_at
        self.name = name
        self.renderer = MessageRenderer(engine, read_only=True)
        self.resolver = Resolver(engine)
        self.messages: list[SimMessage] = []
        self._sent: list[tuple[datetime, Draft]] = []
        self._counters: dict[str, int] = {}
        with engine.connect() as conn:
            self.policy = load_policy(conn)

    def contact(self, journey: Journey) -> Mapping[str, Any]:
        return self.person

    def zones(self, journey: Journey) -> Sequence[tzinfo]:
        return recipient_zones(self.person, self.policy.default_zone)

    def find_event(self, journey: Journey, event_type: str, filters: list[dict[str, Any]], since: datetime,
                   until: datetime) -> tuple[datetime, dict[str, Any]] | None:
        for at, event in self.events:
            if since <= at <= until and event.type == event_type and event_matches(filters, event.properties):
                return at, dict(event.properties)
        return None

    def matches_rule(self, journey: Journey, rule: dict[str, Any], now: datetime) -> bool:
        return contact_matches(self.engine, rule, journey.contact_id, today=now.date())

    def message_count(self, journey: Journey, since: datetime, now: datetime) -> int:
        with self.engine.connect() as conn:
            stored = int(conn.execute(frequency_query(journey.contact_id, since)).scalar() or 0)
        return stored + sum(1 for at, d in self._sent if at >= since and not d.manager and d.channel != "webhook")

    def send(self, journey: Journey, node: Node, node_type: NodeType, now: datetime) -> Result:
        setup = self.resolver.setup(node, node_type, self.pinned_at, read_only=True)
        try:
            drafts = self.renderer.drafts(journey, node, node_type, setup, self.person,
                                          lambda n: self._pick(journey, node, n), self.name)
        except TemplateError as exc:
            return Result("failed", state="failed", detail=f"the message cannot be prepared: {exc}"[:500])
        notes = []
        for draft in drafts:
            verdict, passes = self._gates(draft, now)
            notes.append(f"{draft.address or 'no address'}: {verdict}")
            if passes:
                payload = draft.payload
                text = str(payload.get("text") or payload.get("body") or "")
                if draft.channel == "webhook":
                    text = json.dumps(payload, ensure_ascii=False, default=str)
                self.messages.append(SimMessage(now, node.id, draft.channel, draft.address or "",
                                                str(payload.get("subject") or ""), text, str(payload.get("html") or "")))
            self._sent.append((now, draft))
        return Result("sent", "next", detail="; ".join(notes) or "nobody to send to", messages=tuple(drafts))

    def apply(self, journey: Journey, node: Node, now: datetime) -> Result:
        return Result("passed", "next", detail=f"would {describe_change(node)}")

    def _pick(self, journey: Journey, node: Node, count: int) -> int:
        key = round_robin_key(journey.scenario_id, node.id)
        if key not in self._counters:
            with self.engine.connect() as conn:
                value = conn.execute(sa.select(settings.c.value).where(settings.c.key == key)).scalar()
            self._counters[key] = int(value) if isinstance(value, int) else 0
        position = self._counters[key]
        self._counters[key] += 1
        return position % max(count, 1)

    def _gates(self, draft: Draft, now: datetime) -> tuple[str, bool]:
        """The engine's gates for one message, read-only: (verdict, whether it would go out)."""
        if not draft.address:
            return "no address: skipped", False
        with self.engine.connect() as conn:
            if conn.execute(sa.select(suppressions.c.id).where(suppressions.c.channel == draft.channel,
                                                               suppressions.c.address == draft.address)).first():
                return "address suppressed (unsubscribed or bounced): skipped", False
            if draft.transactional:
                return "would be sent (service message: no consent or quiet-hours gate)", True
            if not conn.execute(sa.select(consents.c.contact_id).where(
                    consents.c.contact_id == draft.contact_id, consents.c.channel == draft.channel,
                    consents.c.status == "granted")).first():
                return "no consent: skipped", False
            per_day, per_week = self.policy.cap_for(draft.channel)
            counts = []
            for days in (1, 7):
                since = now - timedelta(days=days)
                stored = conn.execute(sa.select(sa.func.count()).select_from(outbox).where(
                    outbox.c.contact_id == draft.contact_id, outbox.c.channel == draft.channel,
                    outbox.c.transactional.is_(False), outbox.c.state.in_(_CAPPED),
                    outbox.c.sent_at >= since)).scalar() or 0
                counts.append(stored + sum(1 for at, d in self._sent if at >= since and d.channel == draft.channel
                                           and not d.transactional and d.address))
        if (per_day is not None and counts[0] >= per_day) or (per_week is not None and counts[1] >= per_week):
            return "frequency cap reached: skipped", False
        if draft.channel in self.policy.quiet_channels:
            zones = recipient_zones(self.person or {"phone": draft.address}, self.policy.default_zone)
            opening = next_window_opening(now, zones, self.policy.quiet_start, self.policy.quiet_end)
            if opening is not None:
                local = opening.astimezone(zones[0])
                return f"would be held until {local:%H:%M} ({local:%d.%m}, quiet hours)", True
        return "would be sent", True


def _load(engine: Engine, scenario: Scenario | int | str,
          registry: Registry) -> tuple[Scenario, int, int, datetime | None, str]:
    if isinstance(scenario, Scenario):
        return scenario, 0, 0, None, scenario.name
    from app.outbox.schedule import utc
    from app.scenarios.store import get_scenario, get_version

    info = get_scenario(engine, scenario)
    stored = get_version(engine, info.id, info.live_version or info.latest_version)
    graph = scenario_from_dict(stored.document, registry=registry, error_handler=lambda _problem: None)
    return graph, info.id, stored.version, utc(stored.published_at), info.name


def simulate(engine: Engine, scenario: Scenario | int | str, *, contact_id: int, events: Iterable[SimEvent] = (),
             start: datetime | None = None, horizon: timedelta = timedelta(days=90), registry: Registry | None = None,
             context: Mapping[str, Any] | None = None, journey_id: int | None = None) -> Simulation:
    """Run `scenario` (a live graph, or a stored one by id or name: its live version) for one
    contact from `start` (now) until it ends or `horizon` passes.

    `context`: the triggering event's properties (templates' `event.*`); `journey_id` picks the
    A/B branch a real journey with that id would take (default: the contact id).
    """
    registry = registry or default_registry()
    graph, scenario_id, version, pinned_at, name = _load(engine, scenario, registry)
    with engine.connect() as conn:
        row = conn.execute(sa.select(contacts).where(contacts.c.id == contact_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"no contact with id {contact_id}")
    walker = Walker(graph, registry)
    if not walker.triggers:
        raise UserInputError("the scenario has no trigger to start from")
    now = (start or datetime.now(UTC)).astimezone(UTC)
    timeline = sorted(((now + e.after, e) for e in events), key=lambda pair: pair[0])
    effects = _SimEffects(engine, dict(row), timeline, walker, pinned_at, name)
    trigger = walker.triggers[0]
    journey = Journey(id=journey_id if journey_id is not None else contact_id, scenario_id=scenario_id,
                      version=version, contact_id=contact_id, node_id=trigger.id, state="active", wake_at=now, step=0,
                      entered_at=now, context=dict(context or {}))
    path = [SimStep(now, trigger.id, "entered", None, "")]
    edges: list[str] = []
    end = now + horizon

    def take(walk: Walk) -> None:
        path.extend(SimStep(s.at, s.node_id, s.outcome, s.port, s.detail) for s in walk.steps)
        edges.extend(walk.edges)

    take(walker.advance(journey, now, effects))
    while journey.state not in END_STATES:
        wake = journey.wake_at or end
        upcoming = next((at for at, _e in timeline if now < at < wake), None)
        if upcoming is not None and upcoming <= end:
            now = upcoming
            if journey.state == "waiting":  # woken by an event, like the trigger side does
                take(walker.advance(journey, now, effects))
            else:  # a timer wait: only a goal can end it early
                walk = Walk()
                walker.check_goal(journey, now, effects, walk)
                take(walk)
            continue
        if wake > end:
            break
        now = wake
        take(walker.advance(journey, now, effects))
    if journey.state not in END_STATES:
        outcome = "waiting"
    else:
        outcome = "converted" if journey.converted_at is not None else journey.state
    return Simulation(path, edges, effects.messages, outcome)
