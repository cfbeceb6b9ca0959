"""Campaign UI test data: contacts with and without consent, a suppressed one, a list, templates; the engine host."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from app.db.schema import consents, contacts, list_members, lists, suppressions
from app.settings import set_setting
from app.templates.document import new_document
from app.templates.library import create_template
from app.workspace import Workspace
from ui.engine_host import EngineHost
from ui.widgets.dialogs import ErrorDialog

#: Contacts in list "Постоянные": 6 with SMS consent, 1 without, 1 suppressed (with consent).
REACHABLE = 6


@pytest.fixture(autouse=True)
def master_password(monkeypatch: pytest.MonkeyPatch) -> None:
    # No OS keyring in tests: provider secrets go to the encrypted file.
    monkeypatch.setenv("KASKAD_MASTER_PASSWORD", "test master password")


@pytest.fixture(autouse=True)
def no_error_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    """Errors that would pop up a dialog are collected instead (tests assert there were none)."""
    shown: list[BaseException] = []
    monkeypatch.setattr(ErrorDialog, "ask", classmethod(lambda cls, parent, exc: shown.append(exc)))
    return shown


def add_people(ws: Workspace, count: int, *, start: int = 0, consent: bool = True,
               list_name: str | None = None) -> list[int]:
    """`count` contacts with phone and e-mail (Moscow), optionally with SMS+e-mail consent and in a list."""
    now = datetime.now(UTC)
    rows = [{"phone": f"+7916{start + i:07d}", "email": f"c{start + i}@example.org", "first_name": f"Анна{start + i}",
             "timezone": "Europe/Moscow", "custom": {}, "search_text": "", "created_at": now, "updated_at": now}
            for i in range(count)]
    with ws.engine.begin() as conn:
        conn.execute(contacts.insert(), rows)
        ids = list(conn.execute(sa.select(contacts.c.id).where(contacts.c.phone.in_([r["phone"] for r in rows]))
                                .order_by(contacts.c.id)).scalars())
        if consent:
            conn.execute(consents.insert(), [{"contact_id": i, "channel": ch, "status": "granted", "source": "анкета",
                                              "recorded_at": now} for i in ids for ch in ("sms", "email")])
        if list_name:
            list_id = conn.execute(sa.select(lists.c.id).where(lists.c.name == list_name)).scalar()
            if list_id is None:
                list_id = conn.execute(lists.insert().values(name=list_name, created_at=now)).inserted_primary_key[0]
            conn.execute(list_members.insert(), [{"list_id": list_id, "contact_id": i, "added_at": now} for i in ids])
    return ids


@pytest.fixture
def shop(workspace: Workspace) -> Workspace:
    """A shop's workspace: list "Постоянные" (6 reachable, 1 without consent, 1 suppressed), 3 others, templates."""
    add_people(workspace, REACHABLE, list_name="Постоянные")
    add_people(workspace, 1, start=100, consent=False, list_name="Постоянные")
    suppressed = add_people(workspace, 1, start=200, list_name="Постоянные")
    add_people(workspace, 3, start=300)
    with workspace.engine.begin() as conn:
        phone = conn.execute(sa.select(contacts.c.phone).where(contacts.c.id == suppressed[0])).scalar()
        conn.execute(suppressions.insert().values(channel="sms", address=phone, reason="unsubscribed", source="test",
                                                  created_at=datetime.now(UTC)))
    create_template(workspace.engine, "Скидка", "sms", new_document("sms") | {"text": "{{ first_name }}, скидка 10%!"})
    create_template(workspace.engine, "Письмо", "email", new_document("designer"))
    # Quiet hours are tested in the engine's own tests; here sending must not depend on the time of day.
    set_setting(workspace.engine, "sending.quiet_hours", {"start": "09:00", "end": "21:00", "channels": []})
    return workspace


@pytest.fixture
def host(workspace: Workspace) -> Iterator[EngineHost]:
    """An engine host for the workspace that looks for running campaigns often."""
    engine_host = EngineHost(workspace, idle_check_ms=200)
    yield engine_host
    engine_host.shutdown()
