"""The outbox store: claims with the compliance gates, result writes, crash recovery, counts.

Every transition is one transaction. A claim (BEGIN IMMEDIATE on SQLite) reads due rows,
applies suppression / consent / quiet hours / frequency caps, renders the payload and
commits `sending` before the engine touches the network (R2, R3, R7 of the reliability
notes). Results are written by `finish` right after the provider answers.
"""

from __future__ import annotations

import contextlib
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.db.engine import is_sqlite
from app.db.schema import consents, contacts, suppressions
from app.engine.gates import GatePolicy, load_policy, next_window_opening, recipient_zones
from app.errors import TemplateError
from app.outbox.payload import decode_payload, encode_payload, enqueue
from app.outbox.schedule import OutboxQueries, utc
from app.outbox.tables import campaigns, delivery_events, outbox, outbox_attempts

__all__ = ["Claimed", "Finish", "OutboxStore", "RenderInput", "Renderer", "decode_payload", "enqueue", "utc"]

#: States that count against a frequency cap (the message left or may have left).
_CAPPED_STATES = ("sending", "sent", "delivered", "read", "unknown")

# The claim's read, built once: due rows of one provider in one state with their contact,
# whether the address is suppressed and whether consent for the channel is granted (one
# round trip). One state per query so the (state, provider, next_attempt_at, id) index gives
# the order: with `state IN (...)` SQLite sorts every due row on each claim.
def _due(state: str) -> sa.Select:
    return (
        sa.select(
            outbox.c.id, outbox.c.message_id, outbox.c.campaign_id, outbox.c.contact_id, outbox.c.channel,
            outbox.c.address, outbox.c.transactional, outbox.c.attempts, outbox.c.payload, outbox.c.payload_zip,
            outbox.c.next_attempt_at, campaigns.c.sender, campaigns.c.fallback_provider,
            sa.exists().where(suppressions.c.channel == outbox.c.channel,
                              suppressions.c.address == outbox.c.address).label("suppressed"),
            sa.exists().where(consents.c.contact_id == outbox.c.contact_id, consents.c.channel == outbox.c.channel,
                              consents.c.status == "granted").label("consented"),
            *[col.label(f"c_{col.name}") for col in contacts.c],
        )
        .select_from(outbox.outerjoin(campaigns, campaigns.c.id == outbox.c.campaign_id)
                     .outerjoin(contacts, contacts.c.id == outbox.c.contact_id))
        .where(outbox.c.state == state, outbox.c.provider == sa.bindparam("provider"),
               outbox.c.next_attempt_at <= sa.bindparam("now"),
               sa.or_(outbox.c.campaign_id.is_(None), campaigns.c.status == "running"))
        .order_by(outbox.c.next_attempt_at, outbox.c.id)
        .limit(sa.bindparam("limit"))
    )


_DUE_QUEUED, _DUE_HELD = _due("queued"), _due("held")
# The contact's columns close each due row: slicing them into a dict is the cheap path.
_CONTACT_NAMES = tuple(col.name for col in contacts.c)
_CONTACT_START = len(_DUE_QUEUED.selected_columns) - len(_CONTACT_NAMES)




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




class OutboxStore(OutboxQueries):
    """Database side of the engine; every method is one short transaction."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._policy_cache: tuple[float, GatePolicy] | None = None

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
            policy = policy or self._policy(conn)
            params = {"provider": provider, "now": now, "limit": limit}
            rows = conn.execute(_DUE_QUEUED, params).all() + conn.execute(_DUE_HELD, params).all()
            rows = sorted(rows, key=lambda r: (r.next_attempt_at, r.id))[:limit]
            if not rows:
                return [], 0
            return self._gate_and_mark(conn, rows, provider, now, epoch, render, policy), len(rows)

    def _policy(self, conn: Connection) -> GatePolicy:
        # Settings change rarely; re-read them every few seconds, not on every claim.
        stamp = time.monotonic()
        if self._policy_cache is None or stamp - self._policy_cache[0] > 5.0:
            self._policy_cache = (stamp, load_policy(conn))
        return self._policy_cache[1]

    def _gate_and_mark(self, conn: Connection, rows: list[Any], provider: str, now: datetime, epoch: int,
                       render: Renderer, policy: GatePolicy) -> list[Claimed]:
        people = {r.id: dict(zip(_CONTACT_NAMES, r[_CONTACT_START:], strict=True)) for r in rows}
        suppressed = {(r.channel, r.address) for r in rows if r.suppressed}
        consented = {(r.channel, r.contact_id) for r in rows if r.consented}
        sent_counts: dict[tuple[str, int], list[int]] = {}
        week_ago, day_ago = now - timedelta(days=7), now - timedelta(days=1)
        for channel in {r.channel for r in rows}:
            if policy.cap_for(channel) == (None, None):
                continue
            ids = {r.contact_id for r in rows if r.channel == channel and r.contact_id is not None}
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
        sending: list[int] = []
        payloads: list[dict[str, Any]] = []
        for r in rows:
            person = people[r.id] if r.c_id is not None else {}
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
            sending.append(r.id)
            payloads.append({"b_id": r.id, "payload": data, "payload_zip": zipped})
            attempts.append({"outbox_id": r.id, "attempt_no": attempt_no, "provider": provider,
                             "epoch": epoch, "started_at": now})
            claimed.append(Claimed(r.id, r.message_id, r.campaign_id, r.channel, provider, r.address,
                                   r.contact_id, bool(r.transactional), attempt_no, payload, r.sender or "",
                                   r.fallback_provider))
        _bulk_update(conn, updates)
        if sending:
            # The values shared by the whole claim in one statement; only payloads go per row.
            # `attempts + 1` equals each row's attempt_no: the rows were read in this transaction.
            for start in range(0, len(sending), 900):  # under old SQLite's 999-variable limit
                conn.execute(outbox.update().where(outbox.c.id.in_(sending[start:start + 900])).values(
                    state="sending", attempts=outbox.c.attempts + 1, sent_at=now, updated_at=now,
                    claim_epoch=epoch))
            conn.execute(outbox.update().where(outbox.c.id == sa.bindparam("b_id")), payloads)
        if attempts:
            conn.execute(outbox_attempts.insert(), attempts)
        return claimed

    # -- results ----------------------------------------------------------------------
    def finish(self, results: Iterable[Finish], now: datetime) -> None:
        """Write the outcome of finished attempts in one transaction (only rows still `sending`)."""
        results = list(results)
        if not results:
            return
        with self._write() as conn, _relaxed_sync(conn), conn.begin():
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


@contextlib.contextmanager
def _relaxed_sync(conn: Connection) -> Iterator[None]:
    """Commit results without their own fsync (SQLite `synchronous=NORMAL` for this write).

    Safe by construction: in WAL mode the next FULL commit (the next claim) syncs the log
    with these results in it; a power cut before that can only roll a result back to
    `sending`, which the next start turns into `unknown` — never into a resend. The claims,
    whose loss could cause a resend, stay FULL (reliability notes R8).
    """
    raw = conn.connection.dbapi_connection if is_sqlite(conn.engine) else None
    if raw is None:
        yield
        return
    raw.execute("PRAGMA synchronous=NORMAL")
    try:
        yield
    finally:
        raw.execute("PRAGMA synchronous=FULL")


def _group_by_keys(rows: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[tuple(sorted(row))].append(row)
    return list(groups.values())


def _bulk_update(conn: Connection, updates: list[dict[str, Any]]) -> None:
    for group in _group_by_keys(updates):
        conn.execute(outbox.update().where(outbox.c.id == sa.bindparam("b_id")), group)

