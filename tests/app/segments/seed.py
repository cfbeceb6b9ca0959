"""A small, fully known contact base for the segment tests (same data on SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import consents, contact_tags, contacts, list_members, lists, suppressions, tags
from app.events.tables import events
from app.outbox.tables import campaigns, delivery_events, outbox

TODAY = dt.date(2026, 11, 24)
NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


def _at(days_ago: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days_ago)


PEOPLE = {
    # first_name: (gender, city, birthday, email, phone, custom, created days ago, last_name)
    "anna": ("f", "Казань", dt.date(1990, 11, 26), "anna@x.ru", "+79120000001",
             {"Карта": "5000", "Визит": "2026-10-01", "note": "50%_off"}, 4, "Петрова"),
    "boris": ("m", "Москва", dt.date(1985, 1, 2), "boris@x.ru", "+79120000002", {"Карта": 12000}, 700, "Смирнов"),
    "vera": ("f", None, None, None, "+79120000003", {"Карта": "abc"}, 0, None),
    "gleb": ("m", "Казань", dt.date(2000, 2, 29), "gleb@x.ru", None, {}, 30, "Иванов_%"),
    "dina": ("f", "", dt.date(1970, 11, 24), "dina@x.ru", "+79120000005", {"Карта": " -3.5 ", "Визит": "нет"},
             10, "Казанцева"),
}


def seed(engine: Engine) -> dict[str, int]:
    """Insert PEOPLE with tags, lists, consents, suppressions, events and outbox rows; name → id."""
    ids: dict[str, int] = {}
    with engine.begin() as conn:
        for name, (gender, city, birthday, email, phone, custom, days, last) in PEOPLE.items():
            ids[name] = conn.execute(contacts.insert().values(
                first_name=name, last_name=last, gender=gender, city=city, birthday=birthday, email=email,
                phone=phone, custom=custom, source="test", created_at=_at(days), updated_at=_at(days),
            )).inserted_primary_key[0]
        tag_ids = {t: conn.execute(tags.insert().values(name=t)).inserted_primary_key[0] for t in ("vip", "new")}
        conn.execute(contact_tags.insert(), [
            {"contact_id": ids["anna"], "tag_id": tag_ids["vip"]}, {"contact_id": ids["boris"], "tag_id": tag_ids["vip"]},
            {"contact_id": ids["boris"], "tag_id": tag_ids["new"]}])
        list_id = conn.execute(lists.insert().values(name="L1", created_at=NOW)).inserted_primary_key[0]
        conn.execute(list_members.insert(), [{"list_id": list_id, "contact_id": ids[n], "added_at": NOW}
                                             for n in ("anna", "vera")])
        conn.execute(consents.insert(), [
            {"contact_id": ids["anna"], "channel": "sms", "status": "granted", "recorded_at": NOW},
            {"contact_id": ids["boris"], "channel": "email", "status": "granted", "recorded_at": NOW},
            {"contact_id": ids["vera"], "channel": "sms", "status": "denied", "recorded_at": NOW}])
        conn.execute(suppressions.insert(), [
            {"channel": "email", "address": "boris@x.ru", "reason": "unsubscribed", "created_at": NOW},
            {"channel": "sms", "address": "+79120000005", "reason": "manual", "created_at": NOW}])
        ev = [("anna", "purchase", {"amount": 3000}, 3), ("anna", "purchase", {"amount": "2500"}, 40),
              ("boris", "purchase", {"amount": 6000, "item": "Шуба"}, 100),
              ("vera", "call", {"status": "missed"}, 1)]
        ev += [("anna", "page_view", {"path": f"/p{i}"}, 1) for i in range(3)]
        ev += [("gleb", "page_view", {"path": "/price"}, 10)]
        conn.execute(events.insert(), [
            {"contact_id": ids[n], "type": t, "properties": p, "occurred_at": _at(d), "received_at": NOW,
             "source": "test", "key": f"k{i}"} for i, (n, t, p, d) in enumerate(ev)])
        camp = conn.execute(campaigns.insert().values(name="Осень", channel="email", audience={"all": True},
                                                      provider="p", created_at=NOW)).inserted_primary_key[0]
        rows = [("anna", camp, "read", 2), ("boris", camp, "delivered", 2), ("dina", None, "sent", 20),
                ("gleb", camp, "failed", 2)]
        for i, (n, c, state, days) in enumerate(rows):
            oid = conn.execute(outbox.insert().values(
                message_id=f"m{i}", campaign_id=c, step_ref=None if c else "scenario:1", contact_id=ids[n],
                channel="email", provider="p", state=state, next_attempt_at=_at(days), sent_at=_at(days),
                created_at=_at(days), updated_at=_at(days))).inserted_primary_key[0]
            if n == "dina":
                conn.execute(delivery_events.insert().values(outbox_id=oid, status="clicked", at=_at(19), source="t"))
                conn.execute(delivery_events.insert().values(outbox_id=oid, status="replied", at=_at(19), source="t"))
    return ids


def names(engine: Engine, query: sa.Select) -> set[str]:
    """First names of the contacts whose ids `query` selects."""
    with engine.connect() as conn:
        return set(conn.execute(sa.select(contacts.c.first_name).where(contacts.c.id.in_(query))).scalars())
