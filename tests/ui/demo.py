"""Demo contacts for UI tests and screenshots: names, phones, consents, lists, tags, custom fields."""

from __future__ import annotations

import datetime as dt
import random

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import consents, contact_tags, contacts, list_members, lists, tags

LAST = ["Иванов", "Петрова", "Сидоров", "Смирнова", "Кузнецов", "Попова", "Васильев", "Соколова", "Михайлов"]
FIRST_M = ["Иван", "Пётр", "Сергей", "Алексей", "Дмитрий", "Андрей"]
FIRST_F = ["Анна", "Мария", "Ольга", "Елена", "Наталья", "Татьяна"]
CITIES = ["Москва", "Санкт-Петербург", "Екатеринбург", "Казань", "Пермь", None]


def add_contacts(engine: Engine, count: int, *, seed: int = 1) -> list[int]:
    """Insert `count` contacts; every 3rd is in list "Постоянные", every 4th tagged VIP. Returns ids."""
    rnd = random.Random(seed)
    now = dt.datetime(2026, 11, 1, 9, 30, tzinfo=dt.UTC)
    rows = []
    for i in range(count):
        female = i % 2 == 1
        last = LAST[i % len(LAST)]
        last = last if female == last.endswith("а") else (last + "а" if female else last.rstrip("а"))
        first = rnd.choice(FIRST_F if female else FIRST_M)
        middle = "Сергеевна" if female else "Петрович"
        phone = f"+7912{1000000 + i * 7:07d}"
        email = f"client{i}@example.ru" if i % 5 else None
        city = CITIES[i % len(CITIES)]
        rows.append({
            "phone": phone, "email": email, "first_name": first, "last_name": last, "middle_name": middle,
            "gender": "f" if female else "m", "city": city, "birthday": dt.date(1970 + i % 30, 1 + i % 12, 1 + i % 28),
            "custom": {"Карта лояльности": f"LC-{10000 + i}", "Любимый товар": "кофе"} if i % 2 == 0 else {},
            "source": "demo", "created_at": now + dt.timedelta(minutes=i), "updated_at": now + dt.timedelta(minutes=i),
            "search_text": f"{last} {first} {middle} {email or ''} {phone[1:]} {city or ''}".lower(),
        })
    with engine.begin() as conn:
        before = conn.execute(sa.select(sa.func.coalesce(sa.func.max(contacts.c.id), 0))).scalar_one()
        conn.execute(contacts.insert(), rows)
        ids = list(conn.execute(sa.select(contacts.c.id).where(contacts.c.id > before).order_by(contacts.c.id)).scalars())
        list_id = conn.execute(lists.insert().values(name="Постоянные", created_at=now)).inserted_primary_key[0]
        vip = conn.execute(tags.insert().values(name="VIP")).inserted_primary_key[0]
        shop = conn.execute(tags.insert().values(name="магазин")).inserted_primary_key[0]
        members = [{"list_id": list_id, "contact_id": c, "added_at": now} for n, c in enumerate(ids) if n % 3 == 0]
        tagged = [{"contact_id": c, "tag_id": vip} for n, c in enumerate(ids) if n % 4 == 0]
        tagged += [{"contact_id": c, "tag_id": shop} for n, c in enumerate(ids) if n % 2 == 0]
        agreed = [{"contact_id": c, "channel": "sms", "status": "granted", "source": "анкета в магазине",
                   "recorded_at": now} for c in ids]
        agreed += [{"contact_id": c, "channel": "email", "status": "withdrawn" if n % 7 == 0 else "granted",
                    "source": "форма на сайте", "recorded_at": now} for n, c in enumerate(ids) if n % 5]
        for table, data in ((list_members, members), (contact_tags, tagged), (consents, agreed)):
            if data:
                conn.execute(table.insert(), data)
    return ids


def count_contacts(engine: Engine) -> int:
    """How many contacts the database holds."""
    with engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(contacts)).scalar_one())
