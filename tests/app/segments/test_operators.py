"""Every rule operator gives the right contacts, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import Engine

from app.segments.service import count_segment, create_segment, segment_query
from app.workspace import Workspace
from tests.app.segments.seed import TODAY, names, seed

ALL = {"anna", "boris", "vera", "gleb", "dina"}


@pytest.fixture(scope="module", params=["sqlite", pytest.param("pg", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    root = tmp_path_factory.mktemp(f"seg-{request.param}")
    url = request.getfixturevalue("pg_server").create_database() if request.param == "pg" else None
    ws = Workspace.open(Path(root), url)
    seed(ws.engine)
    create_segment(ws.engine, "Kazan", {"type": "field", "field": "city", "op": "eq", "value": "Казань"})
    yield ws.engine
    ws.close()


def f(field: str, op: str, value: Any = None) -> dict[str, Any]:
    node = {"type": "field", "field": field, "op": op}
    if value is not None:
        node["value"] = value
    return node


def ev(event_type: str, op: str = "has", **extra: Any) -> dict[str, Any]:
    return {"type": "event", "event_type": event_type, "op": op, **extra}


def eng(action: str, op: str = "did", campaign: int | None = None, days: int | None = None) -> dict[str, Any]:
    return {"type": "engagement", "action": action, "op": op, "campaign": campaign, "within_days": days}


CASES: list[tuple[str, Any, set[str]]] = [
    ("text eq", f("city", "eq", "Казань"), {"anna", "gleb"}),
    ("text ne keeps empty and missing", f("city", "ne", "Казань"), {"boris", "vera", "dina"}),
    ("text contains", f("city", "contains", "азан"), {"anna", "gleb"}),
    ("contains is case-sensitive", f("city", "contains", "казань"), set()),
    ("LIKE wildcards are literal", f("last_name", "contains", "_%"), {"gleb"}),
    ("percent alone is literal", f("last_name", "contains", "%"), {"gleb"}),
    ("not contains keeps missing", f("last_name", "not_contains", "Каз"), {"anna", "boris", "vera", "gleb"}),
    ("starts with", f("last_name", "starts_with", "Каз"), {"dina"}),
    ("starts with underscore", f("last_name", "starts_with", "_"), set()),
    ("empty text", f("city", "empty"), {"vera", "dina"}),
    ("not empty text", f("city", "not_empty"), {"anna", "boris", "gleb"}),
    ("in list of values", f("city", "in", ["Москва", "Казань"]), {"anna", "boris", "gleb"}),
    ("choice eq", f("gender", "eq", "f"), {"anna", "vera", "dina"}),
    ("date before", f("birthday", "before", "1986-01-01"), {"boris", "dina"}),
    ("date after excludes the day", f("birthday", "after", "1990-11-26"), {"gleb"}),
    ("date between", f("birthday", "between", ["1980-01-01", "1990-11-26"]), {"boris", "anna"}),
    ("date between open start", f("birthday", "between", [None, "1980-01-01"]), {"dina"}),
    ("date empty", f("birthday", "empty"), {"vera"}),
    ("date not empty", f("birthday", "not_empty"), {"anna", "boris", "gleb", "dina"}),
    ("birthday in 7 days, today counts", f("birthday", "birthday_in_next_days", 7), {"anna", "dina"}),
    ("birthday today", f("birthday", "birthday_in_next_days", 0), {"dina"}),
    ("birthday any day", f("birthday", "birthday_in_next_days", 400), {"anna", "boris", "gleb", "dina"}),
    ("created within last days", f("created_at", "within_last_days", 5), {"anna", "vera"}),
    ("created before", f("created_at", "before", "2026-01-01"), {"boris"}),
    ("created after", f("created_at", "after", "2026-11-23"), {"vera"}),
    ("created within next days", f("created_at", "within_next_days", 3), {"vera"}),
    ("birthday within last days", f("birthday", "within_last_days", 3), set()),
    ("custom number gt (text and JSON numbers)", f("custom:Карта", "gt", 4000), {"anna", "boris"}),
    ("custom number lt with spaces and sign", f("custom:Карта", "lt", 0), {"dina"}),
    ("custom number between", f("custom:Карта", "between", [0, 6000]), {"anna"}),
    ("custom number between open end", f("custom:Карта", "between", [6000, None]), {"boris"}),
    ("custom number eq", f("custom:Карта", "eq", 5000), {"anna"}),
    ("custom number ne keeps missing", f("custom:Карта", "ne", 5000), {"boris", "vera", "gleb", "dina"}),
    ("custom number lte", f("custom:Карта", "lte", 5000), {"anna", "dina"}),
    ("custom number gte", f("custom:Карта", "gte", 12000), {"boris"}),
    ("custom text eq", f("custom:Карта", "eq", "abc"), {"vera"}),
    ("custom text eq number stored as JSON", f("custom:Карта", "eq", "12000"), {"boris"}),
    ("custom empty (missing key)", f("custom:Карта", "empty"), {"gleb"}),
    ("custom not empty", f("custom:Карта", "not_empty"), {"anna", "boris", "vera", "dina"}),
    ("custom date before", f("custom:Визит", "before", "2026-11-01"), {"anna"}),
    ("custom date within last days", f("custom:Визит", "within_last_days", 60), {"anna"}),
    ("custom date between", f("custom:Визит", "between", ["2026-10-01", "2026-10-01"]), {"anna"}),
    ("custom contains wildcard chars", f("custom:note", "contains", "%_"), {"anna"}),
    ("custom starts with", f("custom:note", "starts_with", "50%"), {"anna"}),
    ("custom in", f("custom:Визит", "in", ["нет", "да"]), {"dina"}),
    ("custom key with quote-free unicode", f("custom:Нет такого", "empty"), ALL),
    ("SQL in a value is just text", f("city", "eq", "' OR 1=1 --"), set()),
    ("SQL in a custom key is just a key", f("custom:x' OR '1'='1", "not_empty"), set()),
    ("tag has", {"type": "tag", "op": "has", "value": "vip"}, {"anna", "boris"}),
    ("tag has not", {"type": "tag", "op": "has_not", "value": "vip"}, {"vera", "gleb", "dina"}),
    ("unknown tag", {"type": "tag", "op": "has", "value": "nobody"}, set()),
    ("list in by name", {"type": "list", "op": "in", "value": "L1"}, {"anna", "vera"}),
    ("consent granted", {"type": "consent", "channel": "sms", "op": "granted"}, {"anna"}),
    ("consent not granted", {"type": "consent", "channel": "sms", "op": "not_granted"},
     {"boris", "vera", "gleb", "dina"}),
    ("suppressed email", {"type": "suppressed", "channel": "email", "op": "is"}, {"boris"}),
    ("suppressed sms", {"type": "suppressed", "channel": "sms", "op": "is"}, {"dina"}),
    ("not suppressed", {"type": "suppressed", "channel": "email", "op": "is_not"}, ALL - {"boris"}),
    ("engagement sent", eng("sent"), {"anna", "boris", "dina"}),
    ("engagement sent recently", eng("sent", days=7), {"anna", "boris"}),
    ("engagement delivered", eng("delivered"), {"anna", "boris"}),
    ("engagement opened", eng("opened"), {"anna"}),
    ("engagement clicked", eng("clicked"), {"dina"}),
    ("engagement replied", eng("replied"), {"dina"}),
    ("engagement did not open last week", eng("opened", "did_not", days=7), {"boris", "vera", "gleb", "dina"}),
    ("event has", ev("purchase"), {"anna", "boris"}),
    ("event within days", ev("purchase", within_days=30), {"anna"}),
    ("event has not", ev("page_view", "has_not"), {"boris", "vera", "dina"}),
    ("event count", ev("page_view", count_gte=3), {"anna"}),
    ("event count in window", ev("page_view", count_gte=2, within_days=5), {"anna"}),
    ("event sum (numbers and numeric text)", ev("purchase", sum_property="amount", sum_gte=5000), {"anna", "boris"}),
    ("event sum >= 0 still needs an event", ev("purchase", sum_property="amount", sum_gte=0), {"anna", "boris"}),
    ("event has not with a sum", ev("purchase", "has_not", sum_property="amount", sum_gte=6000),
     {"anna", "vera", "gleb", "dina"}),
    ("event sum in window", ev("purchase", sum_property="amount", sum_gte=5000, within_days=30), set()),
    ("event filter eq", ev("purchase", filters=[{"property": "item", "op": "eq", "value": "Шуба"}]), {"boris"}),
    ("event filter ne", ev("purchase", filters=[{"property": "item", "op": "ne", "value": "Шуба"}]), {"anna"}),
    ("event filter gte", ev("purchase", filters=[{"property": "amount", "op": "gte", "value": 3000}]),
     {"anna", "boris"}),
    ("event filter lt", ev("purchase", filters=[{"property": "amount", "op": "lt", "value": 3000}]), {"anna"}),
    ("event filter contains", ev("purchase", filters=[{"property": "item", "op": "contains", "value": "Шу"}]),
     {"boris"}),
    ("event filter starts", ev("page_view", filters=[{"property": "path", "op": "starts_with", "value": "/pr"}]),
     {"gleb"}),
    ("call missed", ev("call", filters=[{"property": "status", "op": "eq", "value": "missed"}]), {"vera"}),
    ("or group", {"type": "group", "op": "or", "children": [f("city", "eq", "Москва"),
                                                            {"type": "tag", "op": "has", "value": "vip"}]},
     {"anna", "boris"}),
    ("negated group keeps NULLs", {"type": "group", "op": "and", "negate": True, "children": [f("city", "eq", "Казань")]},
     {"boris", "vera", "dina"}),
    ("nested groups", {"type": "group", "op": "and", "children": [
        f("gender", "eq", "f"), {"type": "group", "op": "or", "children": [f("city", "eq", "Казань"),
                                                                            f("birthday", "empty")]}]},
     {"anna", "vera"}),
    ("empty and = everyone", {"type": "group", "op": "and", "children": []}, ALL),
    ("empty or = nobody", {"type": "group", "op": "or", "children": []}, set()),
    ("saved segment in", {"type": "segment", "op": "in", "value": "Kazan"}, {"anna", "gleb"}),
    ("saved segment not in", {"type": "segment", "op": "not_in", "value": "Kazan"}, {"boris", "vera", "dina"}),
    ("contract example", {"type": "group", "op": "and", "children": [
        f("gender", "eq", "f"), f("city", "eq", "Казань"), f("birthday", "birthday_in_next_days", 7),
        ev("purchase", within_days=None, sum_property="amount", sum_gte=5000), eng("opened", "did_not", days=7)]},
     set()),
    ("contract example, not clicked", {"type": "group", "op": "and", "children": [
        f("gender", "eq", "f"), f("city", "eq", "Казань"), f("birthday", "birthday_in_next_days", 7),
        ev("purchase", within_days=None, sum_property="amount", sum_gte=5000), eng("clicked", "did_not", days=7)]},
     {"anna"}),
]


@pytest.mark.parametrize(("rule", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_operator(engine: Engine, rule: Any, expected: set[str]) -> None:
    assert names(engine, segment_query(engine, rule, today=TODAY)) == expected
    assert count_segment(engine, rule, today=TODAY) == len(expected)


def test_list_by_id_and_campaign_filter(engine: Engine) -> None:
    with engine.connect() as conn:
        list_id = conn.exec_driver_sql("SELECT id FROM lists WHERE name = 'L1'").scalar()
        campaign = conn.exec_driver_sql("SELECT id FROM campaigns").scalar()
    assert names(engine, segment_query(engine, {"type": "list", "op": "not_in", "value": list_id}, today=TODAY)) == {
        "boris", "gleb", "dina"}
    assert names(engine, segment_query(engine, eng("sent", campaign=campaign), today=TODAY)) == {"anna", "boris"}
    assert names(engine, segment_query(engine, eng("sent", "did_not", campaign=campaign), today=TODAY)) == {
        "vera", "gleb", "dina"}


@pytest.mark.parametrize(("today", "days", "expected"), [
    (dt.date(2026, 12, 28), 7, {"boris"}),            # across New Year: 28 Dec … 4 Jan
    (dt.date(2026, 12, 31), 1, set()),                   # 31 Dec, 1 Jan: nobody
    (dt.date(2026, 12, 31), 2, {"boris"}),
    (dt.date(2027, 2, 27), 2, {"gleb"}),              # 29 Feb birthdays counted on 1 March in 2027
    (dt.date(2027, 2, 27), 1, set()),
    (dt.date(2028, 2, 29), 0, {"gleb"}),              # a leap year has the day itself
])
def test_birthday_windows(engine: Engine, today: dt.date, days: int, expected: set[str]) -> None:
    rule = f("birthday", "birthday_in_next_days", days)
    assert names(engine, segment_query(engine, rule, today=today)) == expected
