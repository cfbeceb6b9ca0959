"""Sandbox, filters, fallbacks, error positions, variables and the contact context."""

from __future__ import annotations

import datetime as dt

import pytest

from app.errors import TemplateError
from app.templates.personalize import FallbackRecorder, build_context, compile_text
from app.templates.variables import variable_uses, variables


def render(source: str, env: str = "text", **context: object) -> str:
    return compile_text(source, env=env).render(context)


@pytest.mark.parametrize(
    ("source", "line", "column"),
    [
        ("{{ ''.__class__.__mro__ }}", 1, 1),
        ("Здравствуйте!\n  {{ cycler.__init__.__globals__ }}", 2, 3),
        ("a {{ 'x{0}' | attr('format') }}", 1, 3),
        ("{% for i in range(10**6) %}{{ i }}{% endfor %}", 1, 1),
        ("line\n\nok {{ 'a' * 10**7 }}", 3, 4),
        ("{{ 2 ** 100000 }}", 1, 1),
        ("{{ self._TemplateReference__context }}", 1, 1),
    ],
)
def test_sandbox_escapes_are_refused_with_position(source: str, line: int, column: int) -> None:
    with pytest.raises(TemplateError) as info:
        render(source)
    assert (info.value.line, info.value.column) == (line, column), str(info.value)
    assert str(info.value).startswith(f"template, line {line}, column {column}")


@pytest.mark.parametrize(
    "source",
    ["{{ 'x'.center(10**9) }}", "{{ 'x' | center(10**9) }}", "{{ range(10) | slice(10**9) | list }}",
     "{{ '%1000000000d' | format(1) }}", "{{ lipsum(100000) }}", "{{ 'ab'.ljust(500000) }}"],
)
def test_giant_widths_and_counts_are_refused(source: str) -> None:
    with pytest.raises(TemplateError):
        render(source)


def test_big_values_themselves_are_fine() -> None:
    assert render("{{ n | round | int }} {{ n | money }}", n=2500000.4) == "2500000 2\u202f500\u202f000,40 ₽"


def test_output_limit() -> None:
    with pytest.raises(TemplateError, match="larger than 1 MB"):
        render("{% for i in range(20000) %}{{ 'x' * 100 }}{% endfor %}")


def test_source_limit() -> None:
    with pytest.raises(TemplateError, match="64 KB"):
        compile_text("x" * (64 * 1024 + 1))


def test_syntax_error_names_line_and_column() -> None:
    with pytest.raises(TemplateError) as info:
        compile_text("Привет!\nВаш бонус: {{ bonus + }} баллов")
    assert (info.value.line, info.value.column) == (2, 12)


def test_unknown_variable_names_line_column_and_name() -> None:
    with pytest.raises(TemplateError) as info:
        render("Здравствуйте,\n   {{ first_nme }}!", first_name="Иван")
    assert (info.value.line, info.value.column) == (2, 4)
    assert "first_nme" in info.value.reason


def test_html_autoescape_only_in_html_parts() -> None:
    assert render("{{ name }}", "html", name="<b>Иван</b>") == "&lt;b&gt;Иван&lt;/b&gt;"
    assert render("{{ name }}", "text", name="<b>Иван</b>") == "<b>Иван</b>"


@pytest.mark.parametrize("value", ["", "   ", None])
def test_default_falls_back_on_empty_values(value: object) -> None:
    assert render('Здравствуйте, {{ first_name | default("друг") }}!', first_name=value) == "Здравствуйте, друг!"


def test_default_falls_back_on_undefined_and_keeps_values() -> None:
    assert render('{{ nick | default("друг") }}') == "друг"
    assert render('{{ first_name | default("друг") }}', first_name="Анна") == "Анна"
    assert render('{{ first_name | default("друг", false) }}', first_name="") == ""


def test_none_prints_as_nothing() -> None:
    assert render("[{{ city }}]", city=None) == "[]"


@pytest.mark.parametrize(
    ("value", "expected"),
    [(dt.date(2026, 2, 1), "01.02.2026"), (dt.datetime(2026, 12, 31, 10, 0), "31.12.2026"),
     ("2026-02-01", "01.02.2026"), ("01.02.2026", "01.02.2026"), (None, "")],
)
def test_date_filter(value: object, expected: str) -> None:
    assert render("{{ d | date }}", d=value) == expected


def test_date_long_filter() -> None:
    assert render("{{ d | date_long }}", d=dt.date(2026, 2, 1)) == "1 февраля"
    assert render("{{ d | date_long(year=True) }}", d="2026-05-09") == "9 мая 2026"


@pytest.mark.parametrize(
    ("value", "env", "expected"),
    [(1234.5, "html", "1\u202f234,50 ₽"), (1500, "text", "1\u202f500 ₽"), ("990", "text", "990 ₽"),
     (1234567.891, "sms", "1 234 567,89 ₽"), (-20.5, "sms", "-20,50 ₽")],
)
def test_money_filter(value: object, env: str, expected: str) -> None:
    assert render("{{ v | money }}", env, v=value) == expected


def test_money_options() -> None:
    assert render('{{ v | money("руб.", 2) }}', "sms", v=10) == "10,00 руб."


@pytest.mark.parametrize(
    ("n", "expected"),
    [(1, "1 бонус"), (2, "2 бонуса"), (5, "5 бонусов"), (11, "11 бонусов"), (21, "21 бонус"),
     (111, "111 бонусов"), (22, "22 бонуса"), (0, "0 бонусов"), ("1,5", "1,5 бонуса")],
)
def test_plural_filter(n: object, expected: str) -> None:
    assert render('{{ n | plural("бонус", "бонуса", "бонусов") }}', n=n) == expected


def test_variables_lists_dotted_names_but_not_loop_variables() -> None:
    source = ('{{ first_name | default("друг") }} {{ contact.city }} {{ lead["name"] }} '
              "{% for p in products %}{{ p.title }}{% endfor %}")
    assert variables(source) == {"first_name", "contact.city", "lead.name", "products"}
    guarded = {u.path: u.has_default for u in variable_uses(source)}
    assert guarded["first_name"] is True and guarded["contact.city"] is False


def test_context_from_contact_row() -> None:
    row = {"id": 7, "first_name": "Иван", "last_name": "Петров", "phone": "+79991234567", "email": None,
           "custom": {"bonus": 150, "first_name": "shadowed?"}, "search_text": "x"}
    context = build_context(row, extra={"unsubscribe_url": "https://u"})
    assert context["first_name"] == "Иван"          # a custom key never shadows a column
    assert context["bonus"] == 150 and context["contact"]["bonus"] == 150
    assert context["full_name"] == "Иван Петров" and "search_text" not in context
    assert context["unsubscribe_url"] == "https://u"
    assert render("{{ contact.first_name }}, {{ bonus }}", **context) == "Иван, 150"


def test_fallback_recorder_collects_only_inside() -> None:
    tpl = compile_text('{{ first_name | default("друг") }}')
    with FallbackRecorder() as taken:
        tpl.render({"first_name": ""})
        tpl.render({"first_name": "Анна"})
    assert len(taken) == 1 and "друг" in taken[0]
    tpl.render({"first_name": ""})
    assert len(taken) == 1
