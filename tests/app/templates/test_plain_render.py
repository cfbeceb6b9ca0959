"""Templates of plain text and `{{ name }}` outputs skip Jinja's per-call machinery: the output
must be exactly what Jinja prints, and every fault must still come from Jinja."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from markupsafe import Markup

from app.errors import TemplateError
from app.templates.personalize import compile_text

SOURCE = "Здравствуйте, {{ first_name }}!\r\nБонус: {{ bonus }} ₽ до {{ until }}. {{ link }}\n"
VALUES = ["Анна", "", None, 0, 1.5, True, Decimal("10.50"), dt.date(2026, 12, 31), "<b>&\"'</b>",
          Markup("<i>уже HTML</i>"), ["a", "<b>"], {"k": "<v>"}]


@pytest.mark.parametrize("env", ["html", "text", "sms"])
@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_plain_templates_print_what_jinja_prints(env: str, value: object) -> None:
    compiled = compile_text(SOURCE, env=env, name="text")
    assert compiled.plain is not None  # the fast path is taken
    context = {"first_name": value, "bonus": value, "until": value, "link": value}
    through_jinja = "".join(compiled.template.generate(context))
    assert compiled.render(context) == through_jinja


def test_a_missing_variable_is_reported_by_jinja_with_its_position() -> None:
    compiled = compile_text("Привет,\n{{ frist_name }}!", env="text", name="subject")
    with pytest.raises(TemplateError) as failure:
        compiled.render({"first_name": "Анна"})
    assert "frist_name" in str(failure.value) and failure.value.line == 2


@pytest.mark.parametrize("source", ["{{ first_name | upper }}", "{% if first_name %}x{% endif %}",
                                    "{{ contact.first_name }}", "{{ first_name ~ '!' }}"])
def test_anything_beyond_plain_names_renders_through_jinja(source: str) -> None:
    compiled = compile_text(source, env="html", name="html")
    assert compiled.plain is None
    context = {"first_name": "анна", "contact": {"first_name": "анна"}}
    assert compiled.render(context) == "".join(compiled.template.generate(context))
