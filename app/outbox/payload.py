"""Message payloads as stored in the outbox, and queueing a rendered message outside a campaign."""

from __future__ import annotations

import json
import uuid
import zlib
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.outbox.tables import outbox

__all__ = ["decode_payload", "encode_payload", "enqueue"]


def encode_payload(channel: str, payload: Mapping[str, Any]) -> tuple[bytes, bool]:
    data = json.dumps(payload, ensure_ascii=False, default=str).encode()
    if channel == "email":  # letters are large and repetitive: compress them
        return zlib.compress(data, 1), True
    return data, False


def decode_payload(data: bytes | None, zipped: bool) -> dict[str, Any]:
    if not data:
        return {}
    return json.loads(zlib.decompress(data) if zipped else data)


def enqueue(engine: Engine, *, step_ref: str, contact_id: int | None, channel: str, provider: str, address: str,
            payload: Mapping[str, Any], transactional: bool = False, not_before: datetime | None = None) -> int | None:
    """Queue one already-rendered message outside a campaign (a scenario step); returns its id.

    `step_ref` identifies the step run ("scenario:3:step:7:run:12"); together with the contact
    and channel it is unique, so enqueueing the same step twice returns None instead of a
    second message. The engine applies the same gates and sends it like any other row.
    """
    now = datetime.now(UTC)
    data, zipped = encode_payload(channel, payload)
    with engine.begin() as conn:
        exists = conn.execute(sa.select(outbox.c.id).where(outbox.c.step_ref == step_ref,
                                                           outbox.c.contact_id == contact_id,
                                                           outbox.c.channel == channel)).first()
        if exists:
            return None
        return conn.execute(outbox.insert().values(
            message_id=uuid.uuid4().hex, step_ref=step_ref, contact_id=contact_id, channel=channel,
            provider=provider, address=address, state="queued", transactional=transactional, attempts=0,
            next_attempt_at=not_before or now, payload=data, payload_zip=zipped, created_at=now, updated_at=now,
        )).inserted_primary_key[0]
