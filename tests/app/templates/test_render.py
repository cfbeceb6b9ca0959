"""render_message / render_sms / render_manager, the per-version cache, dry runs, fault locations."""

from __future__ import annotations

import pytest

from app.errors import Cancelled, TemplateError
from app.progress import CancelToken
from app.templates import library, render
from app.templates.document import new_document
from app.templates.sms import audience_stats
from app.workspace import Workspace
from tests.app.templates.sample_docs import EMPTY_NAME, IVAN, designer


def test_compiled_once_per_saved_version(workspace: Workspace) -> None:
    v1 = library.create_template(workspace.engine, "Акция", "email", designer())
    assert render.compiled(v1) is render.compiled(library.get_version(workspace.engine, v1.template_id, 1))
    doc = designer()
    doc["blocks"][1]["text"] = "Привет, {{ first_name }}!"
    v2 = library.save_version(workspace.engine, v1.template_id, doc)
    assert render.compiled(v2) is not render.compiled(v1)
    assert "Привет, Иван!" in render.render_message(v2, IVAN, unsubscribe_url="https://u").html
    assert "Здравствуйте, Иван!" in render.render_message(v1, IVAN, unsubscribe_url="https://u").html


def test_syntax_error_in_block_names_block_and_field_line() -> None:
    doc = designer()
    doc["blocks"][2]["text"] = "Первая строка\nВторая {{ bonus + }}"
    with pytest.raises(TemplateError) as info:
        render.compile_document(doc)
    assert "block text1 (text), field text" in str(info.value)
    assert (info.value.line, info.value.column) == (2, 8)


def test_runtime_error_points_at_block() -> None:
    doc = designer()
    doc["blocks"][4]["text"] = "Купить за {{ pricee }}"
    with pytest.raises(TemplateError) as info:
        render.render_message(doc, IVAN, unsubscribe_url="https://u")
    assert info.value.name == "block btn1 (button), field text"
    assert (info.value.line, info.value.column) == (1, 14)
    assert "pricee" in info.value.reason


def test_dry_run_reports_fallbacks_and_failures() -> None:
    doc = designer()
    doc["blocks"][4]["text"] = "{{ city }}: выбрать подарок"
    broken = {"id": 3, "first_name": "Олег", "email": "oleg@example.ru", "custom": {}}  # no city key at all
    progress: list[tuple[int, int | None, str]] = []
    report = render.dry_run(doc, [dict(IVAN), dict(EMPTY_NAME, city="Уфа"), broken], total=3,
                            progress=lambda d, t, s: progress.append((d, t, s)))
    assert (report.total, report.ok) == (3, 1)
    assert [p.contact_id for p in report.fallbacks] == [2]
    assert "друг" in report.fallbacks[0].detail and "anon@example.ru" in report.fallbacks[0].label
    assert [p.contact_id for p in report.errors] == [3]
    assert "city" in report.errors[0].detail and report.errors[0].label == "Олег <oleg@example.ru>"
    assert progress[-1] == (3, 3, "render")


def test_dry_run_can_be_cancelled() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        render.dry_run(designer(), [IVAN], cancel=token)


def test_sms_render_and_audience_segments() -> None:
    doc = {"schema_version": 1, "type": "sms", "sender": "Romashka",
           "text": "{{ first_name | default('Покупатель') }}, у вас {{ bonus | default(0) | plural('бонус', "
                   "'бонуса', 'бонусов') }}. Итого {{ 1234.5 | money }}"}
    sms = render.render_sms(doc, IVAN)
    assert sms.text == "Иван, у вас 150 бонусов. Итого 1 234,50 ₽"
    assert sms.count.encoding == "UCS-2" and sms.count.segments == 1 and sms.sender == "Romashka"
    long_name = dict(IVAN, first_name="Иван" * 10)
    report = render.dry_run(doc, [IVAN, EMPTY_NAME, long_name])
    assert report.sms_segments == [1, 1, 2]
    stats = audience_stats(report.sms_segments, 2)
    assert (stats.min_segments, stats.max_segments, str(stats.cost)) == (1, 2, "8.00")


def test_manager_email() -> None:
    doc = new_document("manager")
    doc["text"] = "Новая заявка: {{ lead.name }}, {{ lead.phone }}, страница {{ event.page }}\nМенеджер: {{ manager.name }}"
    email = render.render_manager(doc, lead={"name": "Анна", "phone": "+79990000000"},
                                  event={"page": "/catalog"}, manager={"name": "Олег"})
    assert email.subject == "Новая заявка: Анна"
    assert email.text == "Новая заявка: Анна, +79990000000, страница /catalog\nМенеджер: Олег"
    assert email.html == ""


def test_wrong_kind_is_refused() -> None:
    with pytest.raises(TemplateError, match="cannot be rendered as an SMS"):
        render.render_sms(designer(), IVAN)
