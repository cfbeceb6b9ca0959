"""The contacts screen's service: search, filters, paging, details, edits, deletes, exports."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
import sqlalchemy as sa

from app.contacts.query import (
    ContactEdit,
    ContactFilter,
    ContactsQuery,
    FieldError,
    phone_prefixes,
)
from app.db.schema import consents, contacts, list_members, suppressions
from app.errors import NotFoundError
from app.workspace import Workspace
from tests.ui.demo import add_contacts, count_contacts


@pytest.fixture
def query(workspace: Workspace) -> ContactsQuery:
    add_contacts(workspace.engine, 60)
    return ContactsQuery(workspace.engine)


def test_phone_prefixes_cover_the_ways_people_type_numbers() -> None:
    assert phone_prefixes("8 (912) 345-67-89")[0] == "+79123456789"
    assert phone_prefixes("+7 912 345")[0] == "+7912345"
    assert "+7912345" in phone_prefixes("912 345")
    assert "+7912" in phone_prefixes("7912")


def test_search_by_phone_typed_with_trunk_prefix(query: ContactsQuery) -> None:
    # the 2nd demo contact has +79121000007
    flt = ContactFilter(search="8 (912) 100-00-07")
    ids = query.page_ids(flt, 0, 50)
    assert len(ids) == 1
    assert query.rows(ids)[ids[0]].phone == "+79121000007"
    assert query.count(flt) == 1


def test_search_by_partial_phone_email_and_name(query: ContactsQuery) -> None:
    assert query.count(ContactFilter(search="912 100-00")) == 15  # +7912100000x … +7912100009x
    found = query.page_ids(ContactFilter(search="Client12@"), 0, 10)
    assert [query.rows(found)[i].email for i in found] == ["client12@example.ru"]
    names = query.rows(query.page_ids(ContactFilter(search="петрова наталья"), 0, 100)).values()
    assert names and all(r.last_name == "Петрова" and r.first_name == "Наталья" for r in names)
    assert query.count(ContactFilter(search="нет-такого")) == 0


def test_filter_by_list_and_tag(query: ContactsQuery) -> None:
    (the_list,) = query.lists()
    assert the_list.name == "Постоянные" and the_list.count == 20
    vip = next(t for t in query.tags() if t.name == "VIP")
    assert query.count(ContactFilter(list_id=the_list.id)) == 20
    assert query.count(ContactFilter(tag_id=vip.id)) == 15
    assert query.count(ContactFilter(list_id=the_list.id, tag_id=vip.id)) == 5  # every 12th


def test_paging_and_sorting(query: ContactsQuery) -> None:
    first = query.page_ids(ContactFilter(), 0, 25)
    second = query.page_ids(ContactFilter(), 25, 25)
    assert len(first) == 25 and len(second) == 25 and not set(first) & set(second)
    assert first == sorted(first)
    by_name = query.rows(query.page_ids(ContactFilter(sort="name", descending=True), 0, 60))
    ordered = [by_name[i] for i in query.page_ids(ContactFilter(sort="name", descending=True), 0, 60)]
    keys = [(r.last_name, r.first_name) for r in ordered]
    assert keys == sorted(keys, reverse=True)
    newest = query.page_ids(ContactFilter(sort="created", descending=True), 0, 1)
    assert newest == [max(first + second + query.page_ids(ContactFilter(), 50, 50))]


def test_detail_has_consents_custom_fields_lists_and_suppressions(query: ContactsQuery, workspace: Workspace) -> None:
    cid = query.page_ids(ContactFilter(), 0, 1)[0]
    with workspace.engine.begin() as conn:
        phone = conn.execute(sa.select(contacts.c.phone).where(contacts.c.id == cid)).scalar_one()
        conn.execute(suppressions.insert().values(channel="sms", address=phone, reason="unsubscribed",
                                                  created_at=dt.datetime.now(dt.UTC)))
    detail = query.detail(cid)
    assert detail is not None
    assert detail.custom == {"Карта лояльности": "LC-10000", "Любимый товар": "кофе"}
    assert [(c.channel, c.status, c.source) for c in detail.consents] == [("sms", "granted", "анкета в магазине")]
    assert detail.lists == ("Постоянные",)
    assert detail.row.tags == ("VIP", "магазин")
    assert detail.suppressed == (("sms", "unsubscribed"),)
    assert query.detail(10**9) is None


def test_update_normalises_phone_and_email_and_rebuilds_search(query: ContactsQuery) -> None:
    cid = query.page_ids(ContactFilter(), 0, 1)[0]
    changes = query.update_contact(cid, ContactEdit(last_name="Орлова", first_name="Вера", phone="8 (999) 111-22-33",
                                                    email="  Vera.Orlova@Mail.RU ", city="Тула",
                                                    birthday=dt.date(1990, 5, 17), tags=("новый", "VIP")))
    assert changes.contacts and changes.contact_ids == {cid}
    detail = query.detail(cid)
    assert detail is not None
    assert (detail.row.phone, detail.row.email) == ("+79991112233", "vera.orlova@mail.ru")
    assert detail.row.tags == ("VIP", "новый")
    assert query.page_ids(ContactFilter(search="орлова вера"), 0, 5) == [cid]
    assert query.page_ids(ContactFilter(search="8 999 111"), 0, 5) == [cid]


def test_update_rejects_bad_or_taken_addresses_and_keeps_the_row(query: ContactsQuery) -> None:
    first, second = query.page_ids(ContactFilter(), 0, 2)
    before = query.detail(first)
    with pytest.raises(FieldError) as bad:
        query.update_contact(first, ContactEdit(phone="+79121000000", email="not-an-email@"))
    assert (bad.value.field, bad.value.reason) == ("email", "invalid")
    with pytest.raises(FieldError) as taken:
        query.update_contact(first, ContactEdit(phone="+79121000007"))  # the second contact's phone
    assert (taken.value.field, taken.value.reason) == ("phone", "taken")
    with pytest.raises(FieldError) as missing:
        query.update_contact(first, ContactEdit(last_name="Без связи"))
    assert missing.value.field == "identity"
    assert query.detail(first) == before
    with pytest.raises(NotFoundError):
        query.update_contact(10**9, ContactEdit(phone="+79990000000"))


def test_delete_removes_contacts_with_consents_and_memberships(query: ContactsQuery, workspace: Workspace) -> None:
    ids = query.page_ids(ContactFilter(), 0, 3)
    query.delete_contacts(ids)
    assert count_contacts(workspace.engine) == 57
    with workspace.engine.connect() as conn:
        for table in (consents, list_members):
            assert conn.execute(sa.select(sa.func.count()).select_from(table).where(
                table.c.contact_id.in_(ids))).scalar_one() == 0


def test_export_writes_the_selection_formula_safe(query: ContactsQuery, workspace: Workspace, tmp_path) -> None:
    ids = query.page_ids(ContactFilter(), 0, 3)
    query.update_contact(ids[1], ContactEdit(last_name="=HYPERLINK(1)", phone="+79121000007"))
    path = query.export(tmp_path / "out.xlsx", ["Фамилия", "Имя", "Отчество", "Телефон", "E-mail", "Город",
                                                "Дата рождения", "Теги", "Добавлен"], [ids[2], ids[1]])
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Фамилия" and len(rows) == 3
    assert rows[1][3].endswith("+79121000014")  # app.exports guards a leading "+" too
    assert rows[2][0] == "'=HYPERLINK(1)"


@pytest.mark.postgres
def test_search_and_filters_on_postgresql(pg_url: str, tmp_path) -> None:
    with Workspace.open(tmp_path / "pg", pg_url) as ws:
        add_contacts(ws.engine, 40)
        query = ContactsQuery(ws.engine)
        assert query.count(ContactFilter(search="8 (912) 100-00-07")) == 1
        assert query.count(ContactFilter(search="client12@")) == 1
        assert query.count(ContactFilter(search="петрова наталья")) >= 1
        assert query.count(ContactFilter(search="100_00%")) == 0  # wildcards typed by the user are literal
        (the_list,) = query.lists()
        assert query.count(ContactFilter(list_id=the_list.id)) == 14
        ids = query.page_ids(ContactFilter(sort="city", descending=True), 0, 40)
        assert len(ids) == 40
        cid = ids[0]
        query.update_contact(cid, ContactEdit(phone="8 999 000-11-22", tags=("VIP",)))
        assert query.page_ids(ContactFilter(search="+7 999 000"), 0, 5) == [cid]


def test_free_text_search_split_in_two_halves_gives_the_same_pages(query: ContactsQuery, workspace: Workspace,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import Counter

    import app.contacts.search as module

    with workspace.engine.connect() as conn:
        words = Counter(w for (text,) in conn.execute(sa.select(contacts.c.search_text)) for w in text.split()
                        if not w.isdigit() and "@" not in w)
    common = words.most_common(1)[0][0]
    searches = [common, common[:3], "нет такого", f"{common} {words.most_common(2)[1][0]}"]
    cases = [(ContactFilter(search=s, descending=d), offset) for s in searches for d in (False, True)
             for offset in (0, 7)]
    monkeypatch.setattr(module, "SPLIT_FROM", 10**9)  # one scan
    single = [(query.page_ids(flt, offset, 10), query.count(flt)) for flt, offset in cases]
    monkeypatch.setattr(module, "SPLIT_FROM", 10)  # two halves
    split = [(query.page_ids(flt, offset, 10), query.count(flt)) for flt, offset in cases]
    assert split == single
    assert any(count > 10 for _ids, count in single) and any(count == 0 for _ids, count in single)
