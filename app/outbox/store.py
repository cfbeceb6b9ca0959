"""The outbox store: claims with the compliance gates, result writes, crash recovery, counts.

Sending a message takes three transactions, each shared by many messages:

1. `claim` (BEGIN IMMEDIATE, relaxed sync) reads due rows, applies suppression / consent /
   quiet hours / frequency caps, renders and stores the payloads and records a durable claim
   in `outbox_claims` tagged with the engine epoch. The rows stay `queued`: nothing has
   touched the network, so after a crash the claims are dropped and the rows are simply due
   again (a lost commit only un-claims them).
2. `mark_sending` commits `sending` (synchronous=FULL) right before the requests, for the
   sends that are about to start together (R3: intent before the network call).
3. `finish` writes the results right after the answers arrive.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.db.bulk import Bulk
from app.db.schema import consents, contacts, suppressions
from app.engine.gates import GatePolicy, load_policy, next_window_opening, recipient_zones
from app.errors import TemplateError
from app.outbox.payload import decode_payload, encode_payload
from app.outbox.schedule import OutboxQueries, scenario_running, utc
from app.outbox.tables import campaigns, delivery_events, outbox, outbox_attempts, outbox_claims
from app.outbox.writes import bulk_update, relaxed_sync

__all__ = ["Claimed", "Finish", "OutboxStore", "RenderInput", "Renderer", "decode_payload", "utc"]

#: States that count against a frequency cap (the message left or may have left); claimed
#: rows count too (they are about to leave), so caps hold across concurrent campaigns.
_CAPPED_STATES = ("sending", "sent", "delivered", "read", "unknown")

# The claim's read, built once: due rows of one provider in one state with their contact,
# whether the address is suppressed and whether consent for the channel is granted (one
# round trip). One state per query so the (state, provider, next_attempt_at, id) index gives
# the order: with `state IN (...)` SQLite sorts every due row on each claim.
def _due(state: str) -> sa.Select:
    return (
        sa.select(
            outbox.c.id, outbox.c.state, outbox.c.message_id, outbox.c.campaign_id, outbox.c.contact_id,
            outbox.c.channel,
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
               sa.or_(outbox.c.campaign_id.is_(None), campaigns.c.status == "running"), scenario_running(),
               ~sa.exists().where(outbox_claims.c.outbox_id == outbox.c.id))
        .order_by(outbox.c.next_attempt_at, outbox.c.id)
        .limit(sa.bindparam("limit"))
    )


_DUE_QUEUED, _DUE_HELD = _due("queued"), _due("held")
# The contact's columns close each due row: slicing them into a dict is the cheap path.
_CONTACT_NAMES = tuple(col.name for col in contacts.c)
_CONTACT_START = len(_DUE_QUEUED.selected_columns) - len(_CONTACT_NAMES)

# `mark_sending`'s statements, built once (only rows still queued in a running campaign or
# scenario are marked; a campaign paused or cancelled since the claim keeps its rows).
# The state test is wrapped in coalesce (a no-op: state is NOT NULL) so SQLite looks the rows
# up by id: given a bare `state = 'queued'` its planner walked the (state, ...) index over
# every queued row instead, about 1 ms per mark on a 20,000-message campaign.
_MARK_SENDING = outbox.update().where(
    outbox.c.id.in_(sa.bindparam("ids", expanding=True)), sa.func.coalesce(outbox.c.state, "") == "queued",
    scenario_running(),
    sa.or_(outbox.c.campaign_id.is_(None),
           outbox.c.campaign_id.in_(sa.select(campaigns.c.id).where(campaigns.c.status == "running"))),
).values(state="sending", attempts=outbox.c.attempts + 1, sent_at=sa.bindparam("now"),
         updated_at=sa.bindparam("now"), claim_epoch=sa.bindparam("epoch"))
_START_ATTEMPTS = outbox_attempts.insert().from_select(
    ["outbox_id", "attempt_no", "provider", "epoch", "started_at"],
    sa.select(outbox.c.id, outbox.c.attempts, outbox.c.provider, sa.bindparam("epoch", type_=sa.Integer),
              sa.bindparam("now", type_=outbox.c.sent_at.type))
    .where(outbox.c.id.in_(sa.bindparam("ids", expanding=True))))


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
    """A claimed message: gated and rendered, to be committed as `sending` right before its request."""

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
        """Leftover `sending` rows (a crash mid-send) become `unknown`, never resent (R3).

        Leftover claims are dropped: those rows never reached `sending`, so they are certainly
        unsent and simply due again."""
        with self._write() as conn, conn.begin():
            conn.execute(outbox_claims.delete())
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
        """Claim ahead up to `limit` due messages of `provider`, applying the gates and rendering.

        The rows stay `queued` with a durable claim (see the module doc); `mark_sending` turns
        them into `sending` just before their requests. Returns the claimed messages and how many
        due rows were examined (rows the gates skipped or held are examined but not claimed)."""
        with self._write() as conn, relaxed_sync(conn), conn.begin():
            policy = policy or self._policy(conn)
            params = {"provider": provider, "now": now, "limit": limit}
            rows = conn.execute(_DUE_QUEUED, params).all() + conn.execute(_DUE_HELD, params).all()
            rows = sorted(rows, key=lambda r: (r.next_attempt_at, r.id))[:limit]
            if not rows:
                return [], 0
            return self._gate_and_claim(conn, rows, provider, now, epoch, render, policy), len(rows)

    def _policy(self, conn: Connection) -> GatePolicy:
        # Settings change rarely; re-read them every few seconds, not on every claim.
        stamp = time.monotonic()
        if self._policy_cache is None or stamp - self._policy_cache[0] > 5.0:
            self._policy_cache = (stamp, load_policy(conn))
        return self._policy_cache[1]

    def _gate_and_claim(self, conn: Connection, rows: list[Any], provider: str, now: datetime, epoch: int,
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
            for cid, claimed_n in conn.execute(
                sa.select(outbox.c.contact_id, sa.func.count())
                .select_from(outbox_claims.join(outbox, outbox.c.id == outbox_claims.c.outbox_id))
                .where(outbox.c.contact_id.in_(ids), outbox.c.channel == channel, outbox.c.transactional.is_(False),
                       outbox.c.state == "queued")  # a `sending` row keeps its claim until `finish`
                .group_by(outbox.c.contact_id)):
                counts = sent_counts.setdefault((channel, cid), [0, 0])
                counts[0] += int(claimed_n)
                counts[1] += int(claimed_n)

        updates: list[dict[str, Any]] = []
        claims: list[int] = []
        claimed: list[Claimed] = []
        payloads: list[tuple[bytes, bool, int]] = []
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
                if r.campaign_id is None and r.payload:  # scenario journeys queue rendered payloads
                    payload = decode_payload(r.payload, r.payload_zip)
                else:
                    payload = render(RenderInput(r.campaign_id, r.channel, r.message_id, person, r.transactional))
                    data, zipped = encode_payload(r.channel, payload)
                    payloads.append((data, zipped, r.id))
            except TemplateError as exc:
                updates.append({**base, "state": "failed", "error": f"the template cannot be rendered: {exc}"})
                continue
            if r.state == "held":  # its window opened: an ordinary queued message again
                updates.append({**base, "state": "queued"})
            claims.append(r.id)
            claimed.append(Claimed(r.id, r.message_id, r.campaign_id, r.channel, provider, r.address,
                                   r.contact_id, bool(r.transactional), r.attempts + 1, payload, r.sender or "",
                                   r.fallback_provider))
        bulk_update(conn, updates)
        # Hundreds of rows per claim: straight to the driver on SQLite (Core's per-row
        # parameter processing was a tenth of a batched SMS's cost).
        bulk = Bulk(conn)
        bulk.update(outbox, ("payload", "payload_zip"), payloads)
        stamp = bulk.ts(now)
        bulk.insert(outbox_claims, ("outbox_id", "provider", "epoch", "claimed_at"),
                    [(outbox_id, provider, epoch, stamp) for outbox_id in claims])
        return claimed

    def mark_sending(self, claimed: Iterable[Claimed], now: datetime, epoch: int) -> set[int]:
        """Commit `sending` for claimed messages about to be sent (one durable transaction, R3).

        Only rows still `queued` in a running campaign (or outside campaigns) are marked:
        a campaign paused or cancelled since the claim keeps its rows (their claims are
        released here; `finish` drops the others). Returns the ids marked `sending`: only
        those may be sent."""
        claimed = list(claimed)
        if not claimed:
            return set()
        ids = [c.outbox_id for c in claimed]
        kept: set[int] = set()
        # Few statements, each one step: the commit runs beside a busy event loop. The claims
        # of these rows are dropped by `finish` (a `sending` row cannot be claimed anyway).
        with self._write() as conn, conn.begin():
            for start in range(0, len(ids), 900):  # under old SQLite's 999-variable limit
                part = ids[start:start + 900]
                done = conn.execute(_MARK_SENDING, {"ids": part, "now": now, "epoch": epoch}).rowcount
                if done < len(part):  # rare: a campaign paused or cancelled since the claim
                    left = list(conn.execute(sa.select(outbox.c.id).where(
                        outbox.c.id.in_(part), sa.or_(outbox.c.state != "sending", outbox.c.sent_at != now,
                                                      outbox.c.claim_epoch.is_distinct_from(epoch)))).scalars())
                    conn.execute(outbox_claims.delete().where(outbox_claims.c.outbox_id.in_(left)))
                    kept.update(left)
                mark = [i for i in part if i not in kept]
                if mark:
                    conn.execute(_START_ATTEMPTS, {"ids": mark, "epoch": epoch, "now": now})
        return set(ids) - kept

    def release(self, outbox_ids: Iterable[int]) -> None:
        """Drop claims that will not be sent now (engine stopping, breaker open): plain `queued` again."""
        ids = list(outbox_ids)
        if not ids:
            return
        with self._write() as conn, relaxed_sync(conn), conn.begin():
            for start in range(0, len(ids), 900):
                conn.execute(outbox_claims.delete().where(outbox_claims.c.outbox_id.in_(ids[start:start + 900])))

    # -- results ----------------------------------------------------------------------
    def finish(self, results: Iterable[Finish], now: datetime) -> None:
        """Write the outcome of finished attempts in one transaction (only rows still `sending`)."""
        results = list(results)
        if not results:
            return
        with self._write() as conn, relaxed_sync(conn), conn.begin():
            ids = [f.outbox_id for f in results]
            for start in range(0, len(ids), 900):
                conn.execute(outbox_claims.delete().where(outbox_claims.c.outbox_id.in_(ids[start:start + 900])))
            # Straight to the driver on SQLite (see `Bulk`); one executemany per set of columns.
            bulk = Bulk(conn)
            stamp = bulk.ts(now)
            groups: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
            attempt_rows, events, suppress = [], [], set()
            for f in results:
                columns, values = ["state", "updated_at", "error", "error_code"], [f.state, stamp, f.error, f.code]
                if f.next_attempt_at is not None:
                    columns.append("next_attempt_at")
                    values.append(bulk.ts(f.next_attempt_at))
                if f.provider:
                    columns.append("provider")
                    values.append(f.provider)
                if f.state == "sent":
                    columns += ["provider_message_id", "cost", "segments"]
                    values += [f.provider_message_id, f.cost, f.segments]
                    events.append((f.outbox_id, "sent", stamp, "send"))
                groups.setdefault(tuple(columns), []).append((*values, f.outbox_id, f.attempt_no))
                attempt_rows.append((stamp, f.outcome, f.code, f.error, f.provider_message_id, f.outbox_id,
                                     f.attempt_no))
                if f.suppress:
                    suppress.add(f.suppress)
            for columns, rows in groups.items():
                bulk.update(outbox, columns, rows, keys=("id", "attempts"), also=outbox.c.state == "sending")
            bulk.update(outbox_attempts, ("finished_at", "outcome", "code", "error", "provider_message_id"),
                        attempt_rows, keys=("outbox_id", "attempt_no"))
            bulk.insert(delivery_events, ("outbox_id", "status", "at", "source"), events)
            for channel, address in suppress:
                exists = conn.execute(sa.select(suppressions.c.id).where(
                    suppressions.c.channel == channel, suppressions.c.address == address)).first()
                if not exists:
                    conn.execute(suppressions.insert().values(channel=channel, address=address, reason="bounced",
                                                              source="provider", created_at=now))
