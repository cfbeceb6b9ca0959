"""Identity resolution when storing events, and importing events from a CSV call log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.db.schema import contacts
from app.errors import UserInputError
from app.events.importing import import_events, preview_events
from app.events.ingest import store_events
from app.events.payload import parse_event
from app.events.tables import events, visitors
from app.workspace import Workspace

NOW = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.UTC)


def _contact(ws: Workspace, **values: object) -> int:
    with ws.engine.begin() as conn:
        return int(conn.execute(contacts.insert().values(custom={}, created_at=NOW, updated_at=NOW, **values))
                   .inserted_primary_key[0])


def _owners(ws: Workspace) -> list[tuple[str, int | None]]:
    with ws.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.select(events.c.type, events.c.contact_id).order_by(events.c.id))]


def test_events_find_contacts_by_phone_email_and_external_id(workspace: Workspace) -> None:
    anna = _contact(workspace, phone="+79120000001", email="anna@x.ru")
    boris = _contact(workspace, external_id="crm-7")
    batch = [parse_event({"type": "call", "phone": "89120000001", "properties": {"status": "answered"}}),
             parse_event({"type": "deal_stage", "external_id": "crm-7", "properties": {"stage": "won"}}),
             parse_event({"type": "subscription", "email": "ANNA@x.ru"}),
             parse_event({"type": "call", "phone": "+79990000000"})]
    result = store_events(workspace.engine, batch, now=NOW)
    assert (result.stored, result.contacts_created) == (4, 0)
    assert _owners(workspace) == [("call", anna), ("deal_stage", boris), ("subscription", anna), ("call", None)]


def test_identified_visitor_keeps_history_and_shared_browser_moves_on(workspace: Workspace) -> None:
    anna = _contact(workspace, email="anna@x.ru")
    store_events(workspace.engine, [parse_event({"type": "page_view", "visitor_id": "v1"})], now=NOW)
    assert _owners(workspace) == [("page_view", None)]
    # A goal that names a known email links the visitor; the earlier anonymous view moves to Anna.
    result = store_events(workspace.engine, [parse_event({"type": "goal", "visitor_id": "v1", "email": "anna@x.ru"})],
                          now=NOW)
    assert result.visitors_linked == 1
    assert _owners(workspace) == [("page_view", anna), ("goal", anna)]
    # A lead for an unknown phone from the same browser creates Boris; only new events are his.
    store_events(workspace.engine, [parse_event({"type": "lead", "visitor_id": "v1", "phone": "+79125550000"}),
                                    parse_event({"type": "page_view", "visitor_id": "v1"})], now=NOW)
    with workspace.engine.connect() as conn:
        boris = conn.execute(sa.select(contacts.c.id).where(contacts.c.phone == "+79125550000")).scalar()
        linked = conn.execute(sa.select(visitors.c.contact_id)).scalar()
    assert linked == boris
    assert _owners(workspace) == [("page_view", anna), ("goal", anna), ("lead", boris), ("page_view", boris)]


def test_form_completes_known_contact_without_stealing_addresses(workspace: Workspace) -> None:
    anna = _contact(workspace, phone="+79120000001")
    _contact(workspace, email="taken@x.ru")
    store_events(workspace.engine, [parse_event({"type": "form_submitted", "phone": "+79120000001",
                                                 "email": "anna@x.ru"})], now=NOW)
    store_events(workspace.engine, [parse_event({"type": "form_submitted", "phone": "+79120000001",
                                                 "email": "taken@x.ru"})], now=NOW)
    with workspace.engine.connect() as conn:
        assert conn.execute(sa.select(contacts.c.email).where(contacts.c.id == anna)).scalar() == "anna@x.ru"


CALL_LOG = ("Дата;Номер;Статус;Длительность;Менеджер\n"
            "24.11.2026 10:05;8 912 000-00-01;Принят;125;Ирина\n"
            "24.11.2026 11:40;+7 912 000-00-02;Пропущен;0;\n"
            "вчера;8 912 000-00-03;Принят;30;Олег\n"
            "25.11.2026 09:00;12;Принят;30;Олег\n")


def test_call_log_import_maps_columns_reports_bad_rows_and_is_idempotent(workspace: Workspace, tmp_path: Path) -> None:
    anna = _contact(workspace, phone="+79120000001")
    path = tmp_path / "звонки.csv"
    path.write_bytes(CALL_LOG.encode("cp1251"))
    preview, guessed = preview_events(path)
    assert (preview.encoding, preview.delimiter) == ("cp1251", ";")
    assert guessed == {"Дата": "occurred_at", "Номер": "phone", "Статус": "property:status",
                       "Длительность": "property:Длительность", "Менеджер": "property:Менеджер"}
    result = import_events(workspace.engine, path, event_type="call",
                           mapping={"Длительность": "property:seconds"})
    assert (result.total, result.stored, result.rejected) == (4, 2, 2)
    assert result.errors[0][:2] == (4, "Дата") and "date" in result.errors[0][2]
    assert result.errors[1][:2] == (5, "Номер")
    with workspace.engine.connect() as conn:
        rows = conn.execute(sa.select(events).order_by(events.c.id)).all()
    assert [r.contact_id for r in rows] == [anna, None]
    assert rows[0].properties == {"status": "answered", "seconds": 125, "Менеджер": "Ирина"}
    assert rows[1].properties["status"] == "missed"
    local = dt.datetime(2026, 11, 24, 10, 5).astimezone()
    assert rows[0].occurred_at.replace(tzinfo=dt.UTC) == local.astimezone(dt.UTC)
    again = import_events(workspace.engine, path, event_type="call", mapping={"Длительность": "property:seconds"})
    assert (again.stored, again.duplicates) == (0, 2)


def test_order_list_sums_amounts_and_needs_a_type(workspace: Workspace, tmp_path: Path) -> None:
    from app.segments.service import count_segment

    _contact(workspace, email="a@x.ru")
    path = tmp_path / "orders.csv"
    path.write_text("Номер заказа,E-mail,Сумма,Дата\n1001,a@x.ru,\"3 200,50\",2026-11-01\n"
                    "1002,a@x.ru,2000,2026-11-02\n", encoding="utf-8")
    with pytest.raises(UserInputError, match="--type"):
        import_events(workspace.engine, path)
    with pytest.raises(UserInputError, match="Нет"):
        import_events(workspace.engine, path, event_type="purchase", mapping={"Нет": "phone"})
    result = import_events(workspace.engine, path, event_type="purchase", mapping={"Номер заказа": "id"})
    assert result.stored == 2
    rule = {"type": "event", "event_type": "purchase", "op": "has", "sum_property": "amount", "sum_gte": 5200}
    assert count_segment(workspace.engine, rule) == 1
    rule["sum_gte"] = 5201
    assert count_segment(workspace.engine, rule) == 0


def test_one_batch_with_anonymous_view_then_form(workspace: Workspace) -> None:
    batch = [parse_event({"type": "page_view", "visitor_id": "v7"}),
             parse_event({"type": "form_submitted", "visitor_id": "v7", "email": "new@x.ru"}),
             parse_event({"type": "lead", "email": "new@x.ru"})]
    result = store_events(workspace.engine, batch, now=NOW)
    assert (result.stored, result.contacts_created, result.visitors_linked) == (3, 1, 1)
    owners = {cid for _, cid in _owners(workspace)}
    assert len(owners) == 1 and None not in owners


@pytest.mark.postgres
def test_storing_and_counting_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    from app.segments.service import count_segment

    with Workspace.open(tmp_path / "pg", pg_url) as ws:
        anna = _contact(ws, phone="+79120000001")
        batch = [parse_event({"id": "a", "type": "page_view", "visitor_id": "v1"}),
                 parse_event({"id": "b", "type": "lead", "visitor_id": "v1", "email": "Oleg@x.ru", "name": "Олег"}),
                 parse_event({"id": "c", "type": "purchase", "phone": "+79120000001", "properties": {"amount": 7000}})]
        assert store_events(ws.engine, batch, now=NOW).stored == 3
        assert store_events(ws.engine, batch, now=NOW).duplicates == 3
        owners = [cid for _, cid in _owners(ws)]
        assert owners[2] == anna and owners[0] == owners[1] != anna
        rule = {"type": "event", "event_type": "purchase", "op": "has", "sum_property": "amount", "sum_gte": 7000}
        assert count_segment(ws.engine, rule) == 1
        assert count_segment(ws.engine, {"type": "event", "event_type": "page_view", "op": "has"}) == 1


def test_order_list_from_excel(workspace: Workspace, tmp_path: Path) -> None:
    import openpyxl

    _contact(workspace, phone="+79120000009")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Заказы за ноябрь"])
    sheet.append(["Телефон", "Сумма", "Дата", "Тип"])
    sheet.append(["8 912 000-00-09", 1500, "2026-11-03 12:00", "purchase"])
    sheet.append(["8 912 000-00-09", 2500, "2026-11-04 12:00", "purchase"])
    sheet.append(["8 912 000-00-09", None, "2026-11-05 12:00", "subscription"])
    book.save(tmp_path / "orders.xlsx")
    result = import_events(workspace.engine, tmp_path / "orders.xlsx")
    assert (result.stored, result.rejected) == (3, 0), result.errors
    with workspace.engine.connect() as conn:
        kinds = conn.execute(sa.select(events.c.type).order_by(events.c.id)).scalars().all()
    assert kinds == ["purchase", "purchase", "subscription"]
