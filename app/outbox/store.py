"""The outbox store: claims with the compliance gates, result writes, crash recovery, counts.

Every transition is one transaction. A claim (BEGIN IMMEDIATE on SQLite) reads due rows,
applies suppression / consent / quiet hours / frequency caps, renders the payload and
commits `sending` before the engine touches the network (R2, R3, R7 of the reliability
notes). Results are written by `finish` right after the provider answers.
"""

from __future__ import annotations

import json
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.db.schema import consents, contacts, suppressions
from app.engine.gates import GatePolicy, load_policy, next_window_opening, recipient_zones
from app.errors import TemplateError
from app.outbox.tables import campaigns, delivery_events, outbox, outbox_attempts

__all__ = ["Claimed", "Finish", "OutboxStore", "RenderInput", "Renderer", "decode_payload", "utc"]

#: States that count against a frequency cap (the message left or may have left).
_CAPPED_STATES = ("sending", "sent", "delivered", "read", "unknown")


def utc(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes; every stored time is UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


@dataclass(frozen=True)
class RenderInput:
    """What a renderer gets for one message."""

    campaign_id: int | None
    channel: str
    message_id: str
    contact: Mapping[str, Any]
    transactional: bool


Renderer = Callable[[RenderInput], dict[str, Any]]


@dataclass(frozen=True)
class Claimed:
    """A message committed as `sending`, ready for the provider."""

    outbox_id: int
    message_id: str
    campaign_id: int | None
    channel: str
    provider: str
    address: str
    contact_id: int | None
    transactional: bool
    attempt_no: int
    payload: dict[str, Any]
    sender: str
    fallback_provider: str | None


@dataclass
class Finish:
    """The engine's decision for one attempt, written by `OutboxStore.finish`."""

    outbox_id: int
    attempt_no: int
    state: str
    outcome: str
    next_attempt_at: datetime | None = None
    provider: str | None = None
    provider_message_id: str | None = None
    error: str | None = None
    code: str | None = None
    cost: float | None = None
    segments: int | None = None
    suppress: tuple[str, str] | None = None  # (channel, address) to add as "bounced"


def encode_payload(channel: str, payload: Mapping[str, Any]) -> tuple[bytes, bool]:
    data = json.dumps(payload, ensure_ascii=False, default=str).encode()
    if channel == "email":  # letters are large and repetitive: compress them
        return zlib.compress(data, 6), True
    return data, False


def decode_payload(data: bytes | None, zipped: bool) -> dict[str, Any]:
    if not data:
        return {}
    return json.loads(zlib.decompress(data) if zipped else data)


class OutboxStore:
    """Database side of the engine; every method is one short transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _write(self) -> Connection:
        conn = self.engine.connect()
        return conn.execution_options(**BEGIN_IMMEDIATE) if is_sqlite(self.engine) else conn

    # -- start-up ---------------------------------------------------------------------
    def recover_interrupted(self, now: datetime) -> int:
        """Leftover `sending` rows (a crash mid-send) become `unknown`, never resent (R3)."""
        with self._write() as conn, conn.begin():
            count = conn.execute(
                outbox.update().where(outbox.c.state == "sending").values(
                    state="unknown", updated_at=now,
                    error="the program stopped while this message was being sent; it may have been delivered")
            ).rowcount
            conn.execute(outbox_attempts.update().where(outbox_attempts.c.finished_at.is_(None))
                         .values(finished_at=now, outcome="interrupted"))
        return count

    # -- claim ------------------------------------------------------------------------
    def claim(self, provider: str, limit: int, *, now: datetime, epoch: int, render: Renderer,
              policy: GatePolicy | None = None) -> tuple[list[Claimed], int]:
        """Claim up to `limit` due messages of `provider`, applying the gates; commits `sending`.

        Returns the claimed messages and how many due rows were examined (rows the gates
        skipped or held are examined but not claimed)."""
        with self._write() as conn, conn.begin():
            policy = policy or load_policy(conn)
            rows = conn.execute(
                sa.select(outbox.c.id, outbox.c.message_id, outbox.c.campaign_id, outbox.c.contact_id,
                          outbox.c.channel, outbox.c.address, outbox.c.transactional, outbox.c.attempts,
                          outbox.c.payload, outbox.c.payload_zip, campaigns.c.sender, campaigns.c.fallback_provider)
                .select_from(outbox.outerjoin(campaigns, campaigns.c.id == outbox.c.campaign_id))
                .where(outbox.c.state.in_(("queued", "held")), outbox.c.provider == provider,
                       outbox.c.next_attempt_at <= now,
                       sa.or_(outbox.c.campaign_id.is_(None), campaigns.c.status == "running"))
                .order_by(outbox.c.next_attempt_at, outbox.c.id).limit(limit)
            ).all()
            if not rows:
                return [], 0
            return self._gate_and_mark(conn, rows, provider, now, epoch, render, policy), len(rows)

    def _gate_and_mark(self, conn: Connection, rows: list[Any], provider: str, now: datetime, epoch: int,
                       render: Renderer, policy: GatePolicy) -> list[Claimed]:
        contact_ids = {r.contact_id for r in rows if r.contact_id is not None}
        people = {c["id"]: dict(c) for c in conn.execute(
            sa.select(contacts).where(contacts.c.id.in_(contact_ids))).mappings()} if contact_ids else {}
        by_channel: dict[str, list[Any]] = defaultdict(list)
        for r in rows:
            by_channel[r.channel].append(r)
        suppressed: set[tuple[str, str]] = set()
        consented: set[tuple[str, int]] = set()
        sent_counts: dict[tuple[str, int], list[int]] = {}
        week_ago, day_ago = now - timedelta(days=7), now - timedelta(days=1)
        for channel, group in by_channel.items():
            addresses = {r.address for r in group if r.address}
            suppressed |= {(channel, a) for (a,) in conn.execute(
                sa.select(suppressions.c.address).where(suppressions.c.channel == channel,
                                                        suppressions.c.address.in_(addresses)))}
            ids = {r.contact_id for r in group if r.contact_id is not None}
            consented |= {(channel, i) for (i,) in conn.execute(
                sa.select(consents.c.contact_id).where(consents.c.channel == channel,
                                                       consents.c.status == "granted",
                                                       consents.c.contact_id.in_(ids)))}
            for cid, day, week in conn.execute(
                sa.select(outbox.c.contact_id,
                          sa.func.sum(sa.case((outbox.c.sent_at >= day_ago, 1), else_=0)),
                          sa.func.count())
                .where(outbox.c.contact_id.in_(ids), outbox.c.channel == channel,
                       outbox.c.transactional.is_(False), outbox.c.state.in_(_CAPPED_STATES),
                       outbox.c.sent_at >= week_ago)
                .group_by(outbox.c.contact_id)):
                sent_counts[(channel, cid)] = [int(day or 0), int(week)]

        updates: list[dict[str, Any]] = []
        attempts: list[dict[str, Any]] = []
        claimed: list[Claimed] = []
        for r in rows:
            person = people.get(r.contact_id, {})
            base = {"b_id": r.id, "updated_at": now}
            if not r.address:
                updates.append({**base, "state": "skipped", "skip_reason": "no_address"})
                continue
            if (r.channel, r.address) in suppressed:
                updates.append({**base, "state": "skipped", "skip_reason": "suppressed"})
                continue
            if not r.transactional:
                if (r.channel, r.contact_id) not in consented:
                    updates.append({**base, "state": "skipped", "skip_reason": "no_consent"})
                    continue
                if r.channel in policy.quiet_channels:
                    zones = recipient_zones(person or {"phone": r.address}, policy.default_zone)
                    opening = next_window_opening(now, zones, policy.quiet_start, policy.quiet_end)
                    if opening is not None:
                        updates.append({**base, "state": "held", "next_attempt_at": opening})
                        continue
                per_day, per_week = policy.cap_for(r.channel)
                counts = sent_counts.setdefault((r.channel, r.contact_id), [0, 0])
                if (per_day is not None and counts[0] >= per_day) or (per_week is not None and counts[1] >= per_week):
                    updates.append({**base, "state": "skipped", "skip_reason": "capped"})
                    continue
                counts[0] += 1
                counts[1] += 1
            try:
                if r.campaign_id is None and r.payload:  # scenario steps enqueue rendered payloads
                    payload = decode_payload(r.payload, r.payload_zip)
                else:
                    payload = render(RenderInput(r.campaign_id, r.channel, r.message_id, person, r.transactional))
            except TemplateError as exc:
                updates.append({**base, "state": "failed", "error": f"the template cannot be rendered: {exc}"})
                continue
            data, zipped = encode_payload(r.channel, payload)
            attempt_no = r.attempts + 1
            updates.append({**base, "state": "sending", "attempts": attempt_no, "sent_at": now,
                            "claim_epoch": epoch, "payload": data, "payload_zip": zipped})
            attempts.append({"outbox_id": r.id, "attempt_no": attempt_no, "provider": provider,
                             "epoch": epoch, "started_at": now})
            claimed.append(Claimed(r.id, r.message_id, r.campaign_id, r.channel, provider, r.address,
                                   r.contact_id, bool(r.transactional), attempt_no, payload, r.sender or "",
                                   r.fallback_provider))
        _bulk_update(conn, updates)
        if attempts:
            conn.execute(outbox_attempts.insert(), attempts)
        return claimed

    # -- results ----------------------------------------------------------------------
    def finish(self, results: Iterable[Finish], now: datetime) -> None:
        """Write the outcome of finished attempts in one transaction (only rows still `sending`)."""
        results = list(results)
        if not results:
            return
        with self._write() as conn, conn.begin():
            rows, attempt_rows, events, suppress = [], [], [], set()
            for f in results:
                row = {"b_id": f.outbox_id, "b_attempt": f.attempt_no, "state": f.state, "updated_at": now,
                       "error": f.error, "error_code": f.code}
                if f.next_attempt_at is not None:
                    row["next_attempt_at"] = f.next_attempt_at
                if f.provider:
                    row["provider"] = f.provider
                if f.state == "sent":
                    row.update(provider_message_id=f.provider_message_id, cost=f.cost, segments=f.segments)
                    events.append({"outbox_id": f.outbox_id, "status": "sent", "at": now, "source": "send"})
                rows.append(row)
                attempt_rows.append({"b_id": f.outbox_id, "b_attempt": f.attempt_no, "finished_at": now,
                                     "outcome": f.outcome, "code": f.code, "error": f.error,
                                     "provider_message_id": f.provider_message_id})
                if f.suppress:
                    suppress.add(f.suppress)
            # Executemany: the SET clause comes from each group's parameter keys.
            for group in _group_by_keys(rows):
                conn.execute(outbox.update().where(outbox.c.id == sa.bindparam("b_id"), outbox.c.state == "sending",
                                                   outbox.c.attempts == sa.bindparam("b_attempt")), group)
            conn.execute(outbox_attempts.update().where(outbox_attempts.c.outbox_id == sa.bindparam("b_id"),
                                                        outbox_attempts.c.attempt_no == sa.bindparam("b_attempt")),
                         attempt_rows)
            if events:
                conn.execute(delivery_events.insert(), events)
            for channel, address in suppress:
                exists = conn.execute(sa.select(suppressions.c.id).where(
                    suppressions.c.channel == channel, suppressions.c.address == address)).first()
                if not exists:
                    conn.execute(suppressions.insert().values(channel=channel, address=address, reason="bounced",
                                                              source="provider", created_at=now))

    # -- scheduling and progress ------------------------------------------------------
    def due_providers(self, now: datetime) -> list[str]:
        """Providers with a message due now (in running campaigns or outside campaigns)."""
        with self.engine.connect() as conn:
            return [p for (p,) in conn.execute(
                sa.select(outbox.c.provider).distinct()
                .select_from(outbox.outerjoin(campaigns, campaigns.c.id == outbox.c.campaign_id))
                .where(outbox.c.state.in_(("queued", "held")), outbox.c.next_attempt_at <= now,
                       sa.or_(outbox.c.campaign_id.is_(None), campaigns.c.status == "running")))]

    def next_due(self, states: tuple[str, ...] = ("queued",)) -> datetime | None:
        """The earliest next_attempt_at among runnable rows in `states`."""
        with self.engine.connect() as conn:
            return utc(conn.execute(
                sa.select(sa.func.min(outbox.c.next_attempt_at))
                .select_from(outbox.outerjoin(campaigns, campaigns.c.id == outbox.c.campaign_id))
                .where(outbox.c.state.in_(states),
                       sa.or_(outbox.c.campaign_id.is_(None), campaigns.c.status == "running"))).scalar())

    def finish_campaigns(self, now: datetime) -> list[int]:
        """Mark running campaigns with no active rows left as finished (R6: from row counts)."""
        active = sa.select(outbox.c.id).where(outbox.c.campaign_id == campaigns.c.id,
                                              outbox.c.state.in_(("queued", "sending", "held")))
        with self._write() as conn, conn.begin():
            done = [i for (i,) in conn.execute(sa.select(campaigns.c.id).where(
                campaigns.c.status == "running", campaigns.c.materialised.is_(True), ~sa.exists(active)))]
            if done:
                conn.execute(campaigns.update().where(campaigns.c.id.in_(done))
                             .values(status="finished", finished_at=now))
        return done

    def pause_campaigns_of(self, provider: str, reason: str) -> list[int]:
        """Pause every running campaign with messages waiting on `provider`."""
        with self._write() as conn, conn.begin():
            ids = [i for (i,) in conn.execute(sa.select(outbox.c.campaign_id).distinct().where(
                outbox.c.provider == provider, outbox.c.state.in_(("queued", "held", "sending")),
                outbox.c.campaign_id.is_not(None)))]
            if ids:
                conn.execute(campaigns.update().where(campaigns.c.id.in_(ids), campaigns.c.status == "running")
                             .values(status="paused", pause_reason=reason))
        return ids

    def sent_in_last(self, provider: str, seconds: float, now: datetime) -> int:
        """Messages handed to `provider` in the last `seconds` (seeds the rate limiter, R9)."""
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(outbox_attempts).where(
                outbox_attempts.c.provider == provider,
                outbox_attempts.c.started_at >= now - timedelta(seconds=seconds))).scalar() or 0)

    def has_due(self, provider: str, now: datetime) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(
                sa.select(outbox.c.id).select_from(outbox.outerjoin(campaigns, campaigns.c.id == outbox.c.campaign_id))
                .where(outbox.c.provider == provider, outbox.c.state.in_(("queued", "held")),
                       outbox.c.next_attempt_at <= now,
                       sa.or_(outbox.c.campaign_id.is_(None), campaigns.c.status == "running")).limit(1)).first() is not None

    def pause_all(self, reason: str) -> None:
        """Pause every running campaign (a restored database must be checked by a person)."""
        with self._write() as conn, conn.begin():
            conn.execute(campaigns.update().where(campaigns.c.status == "running")
                         .values(status="paused", pause_reason=reason))

    def counts(self, campaign_id: int | None = None) -> dict[str, int]:
        """Messages per state (of one campaign, or of the whole outbox)."""
        query = sa.select(outbox.c.state, sa.func.count()).group_by(outbox.c.state)
        if campaign_id is not None:
            query = query.where(outbox.c.campaign_id == campaign_id)
        with self.engine.connect() as conn:
            return {state: int(n) for state, n in conn.execute(query)}

    def providers_with_sent(self) -> list[str]:
        with self.engine.connect() as conn:
            return [p for (p,) in conn.execute(sa.select(outbox.c.provider).distinct()
                                               .where(outbox.c.state == "sent"))]


def _group_by_keys(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(sorted(row))].append(row)
    return list(groups.values())


def _bulk_update(conn: Connection, updates: list[dict[str, Any]]) -> None:
    for group in _group_by_keys(updates):
        conn.execute(outbox.update().where(outbox.c.id == sa.bindparam("b_id")), group)
