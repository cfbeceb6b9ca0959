"""The lint finds each problem, with the block where it can."""

from __future__ import annotations

from typing import Any

from app.templates.fields import known_names
from app.templates.lint import GMAIL_CLIP_BYTES, lint_document
from tests.app.templates.sample_docs import designer

KNOWN = known_names(None, "email") | {"bonus"}


def _codes(doc: dict[str, Any], kind: str = "email", known: set[str] | None = KNOWN) -> list[tuple[str, Any]]:
    return [(i.code, i.block_id) for i in lint_document(doc, kind, known_fields=known)]


def test_clean_letter_has_no_issues() -> None:
    assert _codes(designer()) == []


def test_missing_unsubscribe_only_for_marketing() -> None:
    doc = designer()
    doc["blocks"] = [b for b in doc["blocks"] if b["kind"] != "footer"]
    assert ("no_unsubscribe", None) in _codes(doc)
    doc["marketing"] = False
    assert ("no_unsubscribe", None) not in _codes(doc)


def test_images_without_alt_or_picture() -> None:
    doc = designer()
    doc["blocks"][3]["alt"] = " "
    doc["blocks"][0]["src"] = ""
    codes = _codes(doc)
    assert ("image_no_alt", "img1") in codes and ("image_no_src", "logo1") in codes


def test_broken_links_are_found_without_network() -> None:
    doc = designer()
    doc["blocks"][4]["url"] = ""
    doc["blocks"][0]["link"] = "javascript:alert(1)"
    doc["blocks"][2]["text"] = ('<a href="#">a</a> <a href="htps//shop">b</a> <a href="https://ok.example.ru">c</a> '
                                '<a href="{{ site_url | default(\'https://x.ru\') }}/p">d</a>')
    doc["blocks"][8]["links"][0]["url"] = "vk.com/romashka"
    issues = lint_document(doc, "email", known_fields=KNOWN)
    bad = [(i.block_id, i.detail) for i in issues if i.code == "bad_link"]
    assert ("btn1", "") in bad and ("logo1", "javascript:alert(1)") in bad
    assert ("text1", "#") in bad and ("text1", "htps//shop") in bad
    assert any(block == "soc1" for block, _ in bad)
    assert len(bad) == 5
    assert all(i.message_ru and i.message_en for i in issues)


def test_unresolved_variables() -> None:
    doc = designer()
    doc["blocks"][1]["text"] = "Привет, {{ nickname }}! {{ middle_name }} {{ nick2 | default('') }}"
    issues = lint_document(doc, "email", known_fields=KNOWN)
    unresolved = [(i.block_id, i.detail) for i in issues if i.code == "unresolved_variable"]
    assert unresolved == [("head1", "nickname")]
    assert "bonus" not in {d for _, d in unresolved}
    assert [i for i in lint_document(doc, "email", known_fields=None) if i.code == "unresolved_variable"] == []


def test_letter_over_gmail_clip_size() -> None:
    doc = designer()
    doc["blocks"][2]["text"] = "Очень длинный текст. " * 3000
    issues = [i for i in lint_document(doc, "email", known_fields=KNOWN) if i.code == "too_large"]
    assert len(issues) == 1 and int(issues[0].detail) > GMAIL_CLIP_BYTES and issues[0].severity == "warning"


def test_size_measured_on_rendered_letter_when_a_contact_is_given() -> None:
    doc = designer()
    doc["blocks"][2]["text"] = "{% for i in range(bonus) %}Очень длинный текст, строка {{ i }}. {% endfor %}"
    assert [i for i in lint_document(doc, "email", known_fields=KNOWN) if i.code == "too_large"] == []
    issues = lint_document(doc, "email", known_fields=KNOWN, sample_contact={"id": 1, "custom": {"bonus": 3000}})
    assert [i.code for i in issues] == ["too_large"]


def test_syntax_error_is_an_issue_with_block() -> None:
    doc = designer()
    doc["blocks"][4]["text"] = "Купить {{ oops"
    assert _codes(doc) == [("syntax", "btn1")]


def test_html_mode_checks() -> None:
    doc = {"schema_version": 1, "type": "html", "subject": "s", "preheader": "", "marketing": True,
           "html": '<p><img src="https://a.ru/x.png"><a href="">x</a></p>'}
    codes = [c for c, _ in _codes(doc)]
    assert sorted(codes) == ["bad_link", "image_no_alt", "no_unsubscribe"]


def test_sms_and_whatsapp_checks() -> None:
    sms = {"schema_version": 1, "type": "sms", "text": "Привет, {{ nick }}", "sender": "Ромашка"}
    assert [c for c, _ in _codes(sms, "sms")] == ["unresolved_variable", "sender"]
    latin = {"schema_version": 1, "type": "sms", "text": "«Sale» — {{ first_name }}…", "sender": "SHOP"}
    issues = lint_document(latin, "sms", known_fields=KNOWN)
    assert [(i.code, i.detail) for i in issues] == [("sms_ucs2_typography", "« » — …")]
    wa = {"schema_version": 1, "type": "whatsapp", "name": "t", "language": "ru", "category": "UTILITY",
          "header": None, "body": "Привет, {{1}}!", "params": [{"field": "", "fallback": "", "example": "a"}],
          "footer": "", "buttons": []}
    assert [c for c, _ in _codes(wa, "whatsapp")] == ["unmapped_param"]
