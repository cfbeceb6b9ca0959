"""Property test: the SQL count of a random rule equals a plain Python evaluation on a random small base."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

from app.db.schema import contact_tags, contacts, tags
from app.events.tables import events
from app.segments.service import count_segment
from app.workspace import Workspace

TODAY = dt.date(2026, 12, 29)
TEXTS = st.one_of(st.none(), st.text(alphabet="a%_бБ\\", max_size=3))
VALUES = st.text(alphabet="a%_бБ\\", min_size=1, max_size=2)
NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
TAGS = ("vip", "new", "old")

contact_st = st.fixed_dictionaries({
    "city": TEXTS,
    "gender": st.sampled_from([None, "f", "m"]),
    "birthday": st.one_of(st.none(), st.dates(dt.date(1960, 1, 1), dt.date(2008, 12, 31))),
    "n": st.one_of(st.none(), st.integers(-5, 5), st.sampled_from([" 3 ", "2.5", "x", "", "-1", "1.", "+4"])),
    "tags": st.sets(st.sampled_from(TAGS)),
    "purchases": st.lists(st.one_of(st.integers(0, 9), st.sampled_from(["5", "x"])), max_size=3),
})


def leaf() -> st.SearchStrategy[dict[str, Any]]:
    text = st.one_of(
        st.builds(lambda op, v: {"type": "field", "field": "city", "op": op, "value": v},
                  st.sampled_from(["eq", "ne", "contains", "not_contains", "starts_with"]), VALUES),
        st.builds(lambda op: {"type": "field", "field": "city", "op": op}, st.sampled_from(["empty", "not_empty"])),
        st.builds(lambda v: {"type": "field", "field": "city", "op": "in", "value": v}, st.lists(VALUES, min_size=1,
                                                                                                  max_size=3)),
        st.builds(lambda v: {"type": "field", "field": "gender", "op": "eq", "value": v}, st.sampled_from(["f", "m"])),
    )
    dates = st.one_of(
        st.builds(lambda n: {"type": "field", "field": "birthday", "op": "birthday_in_next_days", "value": n},
                  st.integers(0, 40)),
        st.builds(lambda op, d: {"type": "field", "field": "birthday", "op": op, "value": d.isoformat()},
                  st.sampled_from(["before", "after"]), st.dates(dt.date(1960, 1, 1), dt.date(2008, 12, 31))),
        st.just({"type": "field", "field": "birthday", "op": "empty"}),
    )
    custom = st.one_of(
        st.builds(lambda op, v: {"type": "field", "field": "custom:n", "op": op, "value": v},
                  st.sampled_from(["eq", "ne", "gt", "gte", "lt", "lte"]), st.integers(-5, 5)),
        st.builds(lambda lo, hi: {"type": "field", "field": "custom:n", "op": "between", "value": [lo, hi]},
                  st.one_of(st.none(), st.integers(-5, 5)), st.integers(-5, 5)),
        st.builds(lambda v: {"type": "field", "field": "custom:n", "op": "eq", "value": v},
                  st.sampled_from(["x", "3", "-1"])),
        st.builds(lambda op: {"type": "field", "field": "custom:n", "op": op}, st.sampled_from(["empty", "not_empty"])),
    )
    tag = st.builds(lambda op, v: {"type": "tag", "op": op, "value": v}, st.sampled_from(["has", "has_not"]),
                    st.sampled_from(TAGS))
    event = st.builds(
        lambda op, count, total: {"type": "event", "event_type": "purchase", "op": op, "count_gte": count,
                                  "sum_property": None if total is None else "amount", "sum_gte": total},
        st.sampled_from(["has", "has_not"]), st.integers(1, 3), st.sampled_from([None, 0, 5, 10, 15]))
    return st.one_of(text, dates, custom, tag, event)


rules = st.recursive(leaf(), lambda children: st.builds(
    lambda op, negate, kids: {"type": "group", "op": op, "negate": negate, "children": kids},
    st.sampled_from(["and", "or"]), st.booleans(), st.lists(children, max_size=3)), max_leaves=6)


def _number(value: Any) -> float | None:
    if value is None:
        return None
    text = str(value).strip()
    return float(text) if NUMBER.match(text) else None


def _text(value: Any) -> str | None:
    return None if value is None else str(value).strip()


def _birthday_soon(born: dt.date, days: int) -> bool:
    for k in range(days + 1):
        day = TODAY + dt.timedelta(days=k)
        if (born.month, born.day) == (day.month, day.day):
            return True
        leap = day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0)
        if (born.month, born.day) == (2, 29) and (day.month, day.day) == (3, 1) and not leap:
            return True
    return False


def _field(c: dict[str, Any], node: dict[str, Any]) -> bool:
    op, x = node["op"], node.get("value")
    if node["field"] == "birthday":
        v = c["birthday"]
        if op == "empty":
            return v is None
        if v is None:
            return False
        if op == "birthday_in_next_days":
            return _birthday_soon(v, x)
        return v < dt.date.fromisoformat(x) if op == "before" else v > dt.date.fromisoformat(x)
    if node["field"] == "custom:n":
        text = _text(c["n"])
        if op in ("empty", "not_empty"):
            return (text in (None, "")) == (op == "empty")
        if isinstance(x, str):
            return text == x
        n = _number(c["n"])
        if op == "between":
            return n is not None and (x[0] is None or n >= x[0]) and n <= x[1]
        if op == "ne":
            return n is None or n != x
        return n is not None and {"eq": n == x, "gt": n > x, "gte": n >= x, "lt": n < x, "lte": n <= x}[op]
    v = c[node["field"]]
    return {
        "eq": lambda: v is not None and v == x, "ne": lambda: v is None or v != x,
        "contains": lambda: v is not None and x in v, "not_contains": lambda: v is None or x not in v,
        "starts_with": lambda: v is not None and v.startswith(x), "in": lambda: v is not None and v in x,
        "empty": lambda: v in (None, ""), "not_empty": lambda: v not in (None, ""),
    }[op]()


def evaluate(c: dict[str, Any], node: dict[str, Any]) -> bool:
    if node["type"] == "event":
        amounts = c["purchases"]
        ok = len(amounts) >= node["count_gte"] and len(amounts) >= 1
        if node["sum_gte"] is not None:
            ok = ok and sum(n for a in amounts if (n := _number(a)) is not None) >= node["sum_gte"]
        return ok == (node["op"] == "has")
    if node["type"] == "tag":
        return (node["value"] in c["tags"]) == (node["op"] == "has")
    if node["type"] == "field":
        return _field(c, node)
    results = [evaluate(c, child) for child in node["children"]]
    value = all(results) if node["op"] == "and" else any(results)
    return not value if node.get("negate") else value


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    ws = Workspace.open(tmp_path_factory.mktemp("prop"))
    yield ws.engine
    ws.close()


@settings(max_examples=150, deadline=None)
@given(base=st.lists(contact_st, max_size=10), rule=rules)
def test_sql_count_equals_python_evaluation(engine: Engine, base: list[dict[str, Any]], rule: dict[str, Any]) -> None:
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with engine.begin() as conn:
        conn.execute(events.delete())
        conn.execute(contact_tags.delete())
        conn.execute(contacts.delete())
        conn.execute(tags.delete())
        tag_ids = {t: conn.execute(tags.insert().values(name=t)).inserted_primary_key[0] for t in TAGS}
        for c in base:
            cid = conn.execute(contacts.insert().values(
                city=c["city"], gender=c["gender"], birthday=c["birthday"],
                custom={} if c["n"] is None else {"n": c["n"]}, created_at=now, updated_at=now)).inserted_primary_key[0]
            for t in c["tags"]:
                conn.execute(contact_tags.insert().values(contact_id=cid, tag_id=tag_ids[t]))
            for i, amount in enumerate(c["purchases"]):
                conn.execute(events.insert().values(contact_id=cid, type="purchase", properties={"amount": amount},
                                                    occurred_at=now, received_at=now, source="t", key=f"{cid}-{i}"))
    expected = sum(evaluate(c, rule) for c in base)
    assert count_segment(engine, rule, today=TODAY) == expected, rule
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(contacts)).scalar() == len(base)

