"""Compiling a validated rule into ONE SQLAlchemy condition on `contacts` (EXISTS subqueries, bound values).

The condition is two-valued at every node (NULLs are handled explicitly), so a negated
group or "not in segment" selects exactly the complement. Lists and nested segments are
looked up by id or name while compiling; a saved segment that includes itself is refused.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from app.db.schema import consents, contact_tags, contacts, list_members, lists, suppressions, tags
from app.events.tables import events
from app.outbox.tables import delivery_events, outbox
from app.segments.rules import CONTACT_FIELDS, RuleError, parse_day
from app.segments.sqlparts import (
    birthday_days,
    day_range,
    json_date,
    json_number,
    json_text,
    month_day,
    text_contains,
    text_starts,
)
from app.segments.tables import segments

__all__ = ["Compiler"]

Cond = sa.ColumnElement[bool]
_NUMBER_OPS = ("gt", "gte", "lt", "lte")
_DATE_OPS = ("before", "after", "within_last_days", "within_next_days", "birthday_in_next_days")
#: Outbox states that mean "the message left us" / "reached the person" / "was read".
_SENT_STATES = ("sent", "delivered", "read")
_DELIVERED_STATES = ("delivered", "read")
#: delivery_events.status values written by open/click/reply tracking (and "read" from providers).
ENGAGEMENT_EVENT_STATUSES = {"opened": ("opened", "read"), "clicked": ("clicked",), "replied": ("replied",)}


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _compare(expr: Any, op: str, value: Any) -> Cond:
    if op == "eq":
        return sa.and_(expr.is_not(None), expr == value)
    if op == "ne":
        return sa.or_(expr.is_(None), expr != value)
    compare = {"gt": expr > value, "gte": expr >= value, "lt": expr < value, "lte": expr <= value}[op]
    return sa.and_(expr.is_not(None), compare)


class Compiler:
    """Turns rule nodes into conditions; one instance per compilation (it reads lists and segments)."""

    def __init__(self, conn: sa.Connection, *, today: dt.date, sqlite: bool, inside: int | None = None) -> None:
        """`inside`: the id of the saved segment being edited, so a rule that includes it is refused."""
        self.conn = conn
        self.today = today
        self.sqlite = sqlite
        self._stack: list[int] = [] if inside is None else [inside]

    def compile(self, node: dict[str, Any], path: str = "") -> Cond:
        """The condition for `node` (already validated) found at `path`."""
        kind = node["type"]
        return getattr(self, f"_{kind}")(node, path)

    def _since(self, days: int | None) -> dt.datetime | None:
        if days is None:
            return None
        return dt.datetime.combine(self.today - dt.timedelta(days=days), dt.time(), dt.UTC)

    # -- groups and fields -------------------------------------------------------------------
    def _group(self, node: dict[str, Any], path: str) -> Cond:
        prefix = f"{path}." if path else ""
        parts = [self.compile(child, f"{prefix}children[{i}]") for i, child in enumerate(node["children"])]
        if node["op"] == "and":
            cond = sa.and_(sa.true(), *parts)
        else:
            cond = sa.or_(sa.false(), *parts)
        return sa.not_(cond) if node.get("negate") else cond

    def _field(self, node: dict[str, Any], path: str) -> Cond:
        key, op, value = node["field"], node["op"], node.get("value")
        if key.startswith("custom:"):
            return self._custom(key[7:], op, value, path)
        column = contacts.c[key]
        if CONTACT_FIELDS[key] == "date":
            return self._date(column, "date" if key == "birthday" else "timestamp", op, value, path)
        return self._text(column, op, value)

    def _text(self, expr: Any, op: str, value: Any) -> Cond:
        if op in ("eq", "ne"):
            return _compare(expr, op, value)
        if op == "contains":
            return text_contains(expr, value, self.sqlite)
        if op == "not_contains":
            return sa.not_(text_contains(expr, value, self.sqlite))
        if op == "starts_with":
            return text_starts(expr, value, self.sqlite)
        if op == "in":
            return sa.and_(expr.is_not(None), expr.in_(value))
        empty = sa.or_(expr.is_(None), expr == "")
        return empty if op == "empty" else sa.not_(empty)

    def _date(self, expr: Any, kind: str, op: str, value: Any, path: str) -> Cond:
        where = f"{path}.value" if path else "value"
        today = self.today
        if op == "empty":
            return expr.is_(None)
        if op == "not_empty":
            return expr.is_not(None)
        if op == "birthday_in_next_days":
            keys = birthday_days(today, value)
            if keys is None:
                return expr.is_not(None)
            return sa.and_(expr.is_not(None), month_day(expr, self.sqlite, is_text=kind == "text").in_(keys))
        one = dt.timedelta(days=1)
        if op == "before":
            return day_range(expr, None, parse_day(value, where) - one, kind)
        if op == "after":
            return day_range(expr, parse_day(value, where) + one, None, kind)
        if op == "within_last_days":
            return day_range(expr, today - dt.timedelta(days=value), today, kind)
        if op == "within_next_days":
            return day_range(expr, today, today + dt.timedelta(days=value), kind)
        lo, hi = (None if v is None else parse_day(v, f"{where}[{i}]") for i, v in enumerate(value))
        return day_range(expr, lo, hi, kind)

    def _custom(self, name: str, op: str, value: Any, path: str) -> Cond:
        column = contacts.c.custom
        numeric = op in _NUMBER_OPS or (op in ("eq", "ne") and _is_number(value)) or (
            op == "between" and all(v is None or _is_number(v) for v in value))
        if numeric:
            number = json_number(column, name, self.sqlite)
            if op == "between":
                lo, hi = value
                parts = [number.is_not(None)]
                if lo is not None:
                    parts.append(number >= lo)
                if hi is not None:
                    parts.append(number <= hi)
                return sa.and_(*parts)
            return _compare(number, op, value)
        if op in _DATE_OPS or op == "between":
            return self._date(json_date(column, name, self.sqlite), "text", op, value, path)
        return self._text(json_text(column, name, self.sqlite), op, value)

    # -- membership ---------------------------------------------------------------------------
    def _tag(self, node: dict[str, Any], path: str) -> Cond:
        has = sa.exists(sa.select(sa.literal(1)).select_from(contact_tags.join(tags, tags.c.id == contact_tags.c.tag_id))
                        .where(contact_tags.c.contact_id == contacts.c.id, tags.c.name == node["value"].strip()))
        return has if node["op"] == "has" else sa.not_(has)

    def _list(self, node: dict[str, Any], path: str) -> Cond:
        value = node["value"]
        column = lists.c.id if isinstance(value, int) else lists.c.name
        list_id = self.conn.execute(sa.select(lists.c.id).where(column == value)).scalar()
        if list_id is None:
            raise RuleError(f"{path}.value" if path else "value", f"there is no list {value!r}")
        member = sa.exists(sa.select(sa.literal(1)).where(list_members.c.contact_id == contacts.c.id,
                                                           list_members.c.list_id == list_id))
        return member if node["op"] == "in" else sa.not_(member)

    def _consent(self, node: dict[str, Any], path: str) -> Cond:
        granted = sa.exists(sa.select(sa.literal(1)).where(
            consents.c.contact_id == contacts.c.id, consents.c.channel == node["channel"], consents.c.status == "granted"))
        return granted if node["op"] == "granted" else sa.not_(granted)

    def _suppressed(self, node: dict[str, Any], path: str) -> Cond:
        channel = node["channel"]
        address = contacts.c.email if channel == "email" else contacts.c.phone
        hit = sa.exists(sa.select(sa.literal(1)).where(suppressions.c.channel == channel,
                                                        suppressions.c.address == address))
        return hit if node["op"] == "is" else sa.not_(hit)

    def _segment(self, node: dict[str, Any], path: str) -> Cond:
        value = node["value"]
        column = segments.c.id if isinstance(value, int) else segments.c.name
        row = self.conn.execute(sa.select(segments.c.id, segments.c.name, segments.c.rule).where(column == value)).first()
        where = f"{path}.value" if path else "value"
        if row is None:
            raise RuleError(where, f"there is no saved segment {value!r}")
        if row.id in self._stack:
            raise RuleError(where, f"segment {row.name!r} includes itself (directly or through other segments)")
        self._stack.append(row.id)
        try:
            inner = self.compile(row.rule, "")
        except RuleError as exc:
            raise RuleError(where, f"in segment {row.name!r}: {exc.path or 'rule'}: {exc.reason}") from None
        finally:
            self._stack.pop()
        return inner if node["op"] == "in" else sa.not_(inner)

    # -- behaviour ----------------------------------------------------------------------------
    def _engagement(self, node: dict[str, Any], path: str) -> Cond:
        action = node["action"]
        where: list[Any] = [outbox.c.contact_id == contacts.c.id]
        if node.get("campaign") is not None:
            where.append(outbox.c.campaign_id == node["campaign"])
        since = self._since(node.get("within_days"))
        if since is not None:
            where.append(outbox.c.sent_at >= since)
        if action == "sent":
            where.append(outbox.c.state.in_(_SENT_STATES))
        elif action == "delivered":
            where.append(outbox.c.state.in_(_DELIVERED_STATES))
        else:
            tracked = sa.exists(sa.select(sa.literal(1)).where(
                delivery_events.c.outbox_id == outbox.c.id,
                delivery_events.c.status.in_(ENGAGEMENT_EVENT_STATUSES[action])))
            where.append(sa.or_(outbox.c.state == "read", tracked) if action == "opened" else tracked)
        did = sa.exists(sa.select(sa.literal(1)).where(*where))
        return did if node["op"] == "did" else sa.not_(did)

    def _event(self, node: dict[str, Any], path: str) -> Cond:
        where: list[Any] = [events.c.contact_id == contacts.c.id, events.c.type == node["event_type"]]
        since = self._since(node.get("within_days"))
        if since is not None:
            where.append(events.c.occurred_at >= since)
        for flt in node.get("filters") or []:
            where.append(self._property(flt))
        count, prop = node.get("count_gte", 1), node.get("sum_property")
        if count > 1:
            parts: list[Any] = [sa.select(sa.func.count()).where(*where).scalar_subquery() >= count]
        else:
            parts = [sa.exists(sa.select(sa.literal(1)).where(*where))]
        if prop is not None:
            # With at least one event required above, "sum ≥ 0" never matches people without any.
            total = sa.func.coalesce(sa.func.sum(json_number(events.c.properties, prop, self.sqlite)), 0)
            parts.append(sa.select(total).where(*where).scalar_subquery() >= node["sum_gte"])
        cond: Cond = sa.and_(*parts)
        return cond if node["op"] == "has" else sa.not_(cond)

    def _property(self, flt: dict[str, Any]) -> Cond:
        op, value, name = flt["op"], flt["value"], flt["property"]
        if op in _NUMBER_OPS or _is_number(value):
            return _compare(json_number(events.c.properties, name, self.sqlite), op, value)
        return self._text(json_text(events.c.properties, name, self.sqlite), op, value)
