"""Storing callback statuses: one transaction per callback, deduplicated on the provider's event id.

Each status is matched to an outbox row by our message id first (echoed back by SendGrid,
Mailgun, Unisender Go and Meta), then by the provider's message id. The status is stored as a
delivery event with its own time; the row's state only moves forward (sent → delivered →
read, sent → failed; `unknown` is resolved by any news), never back. Hard bounces,
complaints and unsubscribes add the address to the channel's suppression list; soft
bounces are counted, once per letter, until enough of them suppress it (app.suppression.soft).
The outbox package has no function for this (its `apply_statuses` matches provider ids only
and has no event ids), so it is written here against the outbox tables.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from app.db.engine import BEGIN_IMMEDIATE, is_sqlite
from app.errors import UserInputError
from app.outbox.tables import delivery_events, outbox
from app.providers.base import DeliveryStatus
from app.providers.webhook.inbound import CallbackStatus
from app.receiver.tables import callback_events
from app.suppression.soft import SoftBounce, is_soft_bounce, load_policy_in, record_soft_bounces_in
from app.suppression.store import insert_missing, normalise_address

__all__ = ["RecordResult", "prune_events", "record_statuses", "suppression_reason"]

#: new state → the states a row may leave for it (forward only).
_FORWARD = {
    "sent": ("unknown",),
    "delivered": ("sent", "unknown"),
    "read": ("sent", "delivered", "unknown"),
    "failed": ("sent", "unknown"),
}
_STATE = {DeliveryStatus.SENT: "sent", DeliveryStatus.DELIVERED: "delivered", DeliveryStatus.READ: "read",
          DeliveryStatus.FAILED: "failed"}
#: provider codes meaning "the recipient asked to stop" (Twilio STOP, Meta "stopped marketing").
_UNSUBSCRIBE_CODES = {"21610", "131050"}
KEEP_EVENT_IDS = timedelta(days=30)


@dataclass
class RecordResult:
    """What one callback changed.

    Attributes:
        stored: delivery events written.
        duplicates: statuses skipped because their event id was already processed.
        unmatched: statuses for messages this workspace does not know.
        changed: outbox rows whose state moved.
        suppressed: new suppression entries.
        deferred: statuses to try again shortly (only with `defer=True`).
    """

    stored: int = 0
    duplicates: int = 0
    unmatched: int = 0
    changed: int = 0
    suppressed: int = 0
    unmatched_ids: list[str] = field(default_factory=list)
    deferred: list[CallbackStatus] = field(default_factory=list)


def suppression_reason(status: CallbackStatus) -> str:
    """Our suppression reason for a status the adapter flagged with `suppress`."""
    code = status.code.lower()
    if "spam" in code or "complain" in code:
        return "complained"
    if "unsub" in code or status.code in _UNSUBSCRIBE_CODES:
        return "unsubscribed"
    return "bounced"


def _write(engine: Engine) -> Connection:
    conn = engine.connect()
    return conn.execution_options(**BEGIN_IMMEDIATE) if is_sqlite(engine) else conn


def _find_row(conn: Connection, account: str, status: CallbackStatus) -> sa.Row | None:
    columns = (outbox.c.id, outbox.c.state, outbox.c.channel, outbox.c.address, outbox.c.provider_message_id)
    if status.message_id:
        row = conn.execute(sa.select(*columns).where(outbox.c.message_id == status.message_id)).first()
        if row is not None:
            return row
    if not status.provider_message_id:
        return None
    rows = conn.execute(sa.select(*columns, outbox.c.provider)
                        .where(outbox.c.provider_message_id == status.provider_message_id)
                        .order_by(outbox.c.id)).all()
    # SMS ids may be per phone (several recipients share a request id): prefer the account, then the phone.
    mine = [r for r in rows if r.provider == account] or rows
    if status.address and len(mine) > 1:
        wanted = status.address.lstrip("+").lower()
        mine = [r for r in mine if (r.address or "").lstrip("+").lower() == wanted] or mine
    return mine[0] if mine else None


def record_statuses(engine: Engine, account: str, statuses: Sequence[CallbackStatus], *,
                    channel: str | None = None, source: str = "callback", defer: bool = False,
                    now: datetime | None = None) -> RecordResult:
    """Store the statuses of one callback to `account` (of `channel`) in one transaction (see module doc).

    With `defer`, statuses for a row still `sending` (or not yet carrying the provider's id)
    come back in `RecordResult.deferred` instead of being stored, for a later retry."""
    now = now or datetime.now(UTC)
    result = RecordResult()
    with _write(engine) as conn, conn.begin():
        suppress: list[tuple[str, str, str, str]] = []
        soft: list[SoftBounce] = []
        for status in statuses:
            event_id = status.event_id[:200]
            if event_id and conn.execute(sa.select(callback_events.c.id).where(
                    callback_events.c.account == account, callback_events.c.event_id == event_id)).first():
                result.duplicates += 1
                continue
            row = _find_row(conn, account, status)
            if row is None:
                if status.suppress and channel and status.address:
                    # The provider signed it, so the address asked to stop even if the message is not ours.
                    with contextlib.suppress(UserInputError):
                        suppress.append((channel, normalise_address(channel, status.address),
                                         suppression_reason(status), f"{account}: {status.code}"))
                if defer and not status.message_id:
                    # Matched by the provider's id, which is stored right after the provider answers:
                    # the callback may have overtaken that write. Try again shortly.
                    result.deferred.append(status)
                    continue
                # Not remembered as processed: a redelivery may still find the row.
                result.unmatched += 1
                result.unmatched_ids.append(status.message_id or status.provider_message_id)
                continue
            if defer and row.state == "sending":
                # The send result is being written; storing now would be overwritten by it.
                result.deferred.append(status)
                continue
            if event_id:
                conn.execute(callback_events.insert().values(account=account, event_id=event_id, received_at=now))
            conn.execute(delivery_events.insert().values(
                outbox_id=row.id, status=status.status.value, at=status.at, code=(status.code or None) and status.code[:50],
                detail=status.detail or None, source=source))
            result.stored += 1
            if row.provider_message_id is None and status.provider_message_id and row.state != "sending":
                # A send whose answer was lost (`unknown`): the provider's id makes it traceable again.
                conn.execute(outbox.update().where(outbox.c.id == row.id)
                             .values(provider_message_id=status.provider_message_id[:200]))
            new = _STATE.get(status.status)
            if new and row.state in _FORWARD[new]:
                values: dict = {"state": new, "updated_at": now}
                if new == "failed":
                    values["error"] = ("not delivered: " + (status.detail or status.code or "the provider gave no reason")
                                       + (f" (code {status.code})" if status.detail and status.code else ""))
                    values["error_code"] = (status.code or None) and status.code[:50]
                elif row.state == "unknown":
                    values["error"] = None  # the provider confirmed it has the message
                conn.execute(outbox.update().where(outbox.c.id == row.id, outbox.c.state == row.state).values(values))
                result.changed += 1
            if status.suppress:
                address = row.address or status.address
                if address:
                    with contextlib.suppress(UserInputError):  # keep the stored form: lower-case email, E.164
                        address = normalise_address(row.channel, address)
                    suppress.append((row.channel, address, suppression_reason(status), f"{account}: {status.code}"))
            elif is_soft_bounce(status) and (row.address or status.address):
                # Counted once per letter (keyed by the row); enough of them suppress the address.
                with contextlib.suppress(UserInputError):
                    soft.append(SoftBounce(row.channel, normalise_address(row.channel, row.address or status.address),
                                           status.at, f"{account}: {status.code}", f"outbox:{row.id}",
                                           status.detail or ""))
        if suppress:
            result.suppressed = insert_missing(conn, suppress, now)
        if soft:
            result.suppressed += record_soft_bounces_in(conn, soft, load_policy_in(conn), now)
    return result


def prune_events(engine: Engine, *, now: datetime | None = None, keep: timedelta = KEEP_EVENT_IDS) -> int:
    """Forget event ids older than `keep` (providers stop redelivering long before)."""
    cutoff = (now or datetime.now(UTC)) - keep
    with _write(engine) as conn, conn.begin():
        return conn.execute(callback_events.delete().where(callback_events.c.received_at < cutoff)).rowcount
