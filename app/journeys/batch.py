"""Writing walked journeys: their step rows, their outbox rows and the journey rows, in the caller's transaction.

Shared by the runner's batches and the trigger ticker's immediate first steps, so both write
exactly the same rows (and the same idempotency keys) for the same walk.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from app.journeys.nodes import Journey, StepRecord
from app.journeys.tables import journey_of, journey_steps, journeys
from app.outbox.payload import encode_payload
from app.outbox.schedule import utc
from app.outbox.tables import outbox

__all__ = ["end_journey", "insert_outbox", "journey_from_row", "write_walked"]


def end_journey(journey: Journey, state: str, reason: str, now: datetime) -> list[StepRecord]:
    """End a journey without walking it (archived scenario, missing version or contact)."""
    journey.step += 1
    journey.state, journey.wake_at, journey.finished_at, journey.outcome = state, None, now, reason
    return [StepRecord(journey.step, journey.node_id, state, None, reason, now)]


def journey_from_row(row: Any) -> Journey:
    """The walker's view of a `journeys` row (a mapping)."""
    return Journey(id=row["id"], scenario_id=row["scenario_id"], version=row["version"], contact_id=row["contact_id"],
                   node_id=row["node_id"], state=row["state"], wake_at=utc(row["wake_at"]), step=row["step"],
                   entered_at=utc(row["entered_at"]), context=dict(row["context"] or {}),  # type: ignore[arg-type]
                   branch=row["branch"], outcome=row["outcome"], converted_at=utc(row["converted_at"]),
                   event_id=row["event_id"])


def write_walked(conn: Connection, walked: Sequence[tuple[Journey, list[StepRecord]]], drafts: list[Any],
                 now: datetime) -> int:
    """Write the outbox rows, step rows and journey rows of walked journeys; returns steps written."""
    ids_by_draft = insert_outbox(conn, drafts, now)
    steps = [{"journey_id": j.id, "scenario_id": j.scenario_id, "version": j.version, "node_id": s.node_id,
              "step": s.step, "outcome": s.outcome, "port": s.port, "detail": s.detail or None, "at": s.at,
              "outbox_id": next((ids_by_draft[d.message_id] for d in s.messages), None)}
             for j, records in walked for s in records]
    if steps:
        conn.execute(journey_steps.insert(), steps)
    if walked:
        conn.execute(journeys.update().where(journeys.c.id == sa.bindparam("b_id")), [
            {"b_id": j.id, "node_id": j.node_id, "state": j.state, "wake_at": j.wake_at, "step": j.step,
             "branch": j.branch, "context": j.context, "outcome": j.outcome, "converted_at": j.converted_at,
             "finished_at": j.finished_at, "updated_at": now} for j, _r in walked])
    return len(steps)


def insert_outbox(conn: Connection, drafts: list[Any], now: datetime) -> dict[str, int]:
    """Insert the batch's messages; a step already queued (same step_ref, contact, channel) keeps
    its existing row. Returns outbox ids by draft message id."""
    if not drafts:
        return {}
    existing: dict[tuple[str, int, str], int] = {}
    refs = sorted({d.step_ref for d in drafts})
    for start in range(0, len(refs), 900):
        for oid, ref, cid, channel in conn.execute(sa.select(
                outbox.c.id, outbox.c.step_ref, outbox.c.contact_id, outbox.c.channel)
                .where(outbox.c.step_ref.in_(refs[start:start + 900]))):
            existing[(ref, cid, channel)] = oid
    ids: dict[str, int] = {}
    rows = []
    for d in drafts:
        key = (d.step_ref, d.contact_id, d.channel)
        if key in existing:
            ids[d.message_id] = existing[key]
            continue
        existing[key] = -1
        data, zipped = encode_payload(d.channel, d.payload)
        rows.append({"message_id": d.message_id, "step_ref": d.step_ref, "journey_id": journey_of(d.step_ref),
                     "contact_id": d.contact_id,
                     "channel": d.channel, "provider": d.provider, "address": d.address, "state": "queued",
                     "transactional": d.transactional, "attempts": 0, "next_attempt_at": now, "payload": data,
                     "payload_zip": zipped, "created_at": now, "updated_at": now})
    if rows:
        result = conn.execute(outbox.insert().returning(outbox.c.id, outbox.c.message_id,
                                                        sort_by_parameter_order=True), rows)
        ids.update({message_id: oid for oid, message_id in result})
    return ids
