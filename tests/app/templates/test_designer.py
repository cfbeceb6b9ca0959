"""Designer document → email-safe HTML: snapshot, structure, plain text, validation, HTML import."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.templates.designer import document_html
from app.templates.document import BLOCK_KINDS, DocumentError, new_block, new_document, validate_document
from app.templates.render import compile_document, render_message
from app.templates.sanitize import sanitize_email_html
from tests.app.templates.sample_docs import EMPTY_NAME, IVAN, designer

SNAPSHOTS = Path(__file__).parent / "snapshots"


def _snapshot(name: str, actual: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("KASKAD_UPDATE_SNAPSHOTS") == "1":
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"{path} missing: run with KASKAD_UPDATE_SNAPSHOTS=1 to create it deliberately"
    assert actual == path.read_text(encoding="utf-8"), f"{name} changed; review, then regenerate deliberately"


def test_designer_html_matches_snapshot() -> None:
    _snapshot("designer_all_blocks.html", document_html(designer()))


def test_rendered_letter_matches_snapshot() -> None:
    email = render_message(designer(), IVAN, unsubscribe_url="https://shop.example.ru/u/tok123")
    _snapshot("designer_ivan.html", email.html)
    _snapshot("designer_ivan.txt", email.text)


class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_html_structure_is_email_safe() -> None:
    html = render_message(designer(), IVAN, unsubscribe_url="https://shop.example.ru/u/t").html
    parser = _Structure()
    parser.feed(html)
    tags = parser.tags
    names = [t for t, _ in tags]
    assert "div" in names and names.count("table") >= 5
    assert not {"script", "form", "iframe", "link"} & set(names)
    cells = [a for t, a in tags if t == "td"]
    assert cells and all(a.get("style") for a in cells), "every cell carries its style inline"
    images = [a for t, a in tags if t == "img"]
    assert len(images) == 4
    for image in images:
        assert image.get("alt"), image
        assert int(image["width"]) <= 600 and "display:block" in image["style"]
    widths = [int(a["width"]) for t, a in tags if a.get("width", "").isdigit()]
    assert max(widths) <= 600
    # The mobile rules stay in the head; everything else is inlined.
    head_style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert head_style.strip().startswith("@media") and "max-width:620px" in head_style
    assert 'class="preheader" style="display:none' in html
    assert "До −50% только до воскресенья" in html


def test_personalisation_survives_inlining_and_escapes_values() -> None:
    contact = dict(IVAN, first_name="<script>Иван</script>")
    email = render_message(designer(), contact, unsubscribe_url="https://x.ru/u?a=1&b=2")
    assert "&lt;script&gt;Иван&lt;/script&gt;" in email.html and "<script>" not in email.html
    assert "150 бонусов" in email.html and "и тратьте бонусы" in email.html
    assert 'href="https://x.ru/u?a=1&amp;b=2"' in email.html
    assert email.subject == "<script>Иван</script>, скидки недели"


def test_fallback_for_empty_name() -> None:
    email = render_message(designer(), EMPTY_NAME, unsubscribe_url="https://x.ru/u")
    assert "Здравствуйте, друг!" in email.html and email.subject == "Друг, скидки недели"
    assert "0 бонусов" in email.text and "и тратьте бонусы" not in email.text


def test_plain_text_part() -> None:
    text = render_message(designer(), IVAN, unsubscribe_url="https://shop.example.ru/u/t").text
    assert text.startswith("Здравствуйте, Иван!\n\nУ вас 150 бонусов.\nСмотрите распродажу (https://shop.example.ru/sale)")
    assert "Выбрать подарок (https://shop.example.ru/gift)" in text
    assert "Отписаться от рассылки (https://shop.example.ru/u/t)" in text
    assert "<" not in text and "До −50%" not in text  # no markup, no hidden preheader


def test_new_block_defaults_and_registry() -> None:
    for kind, spec in BLOCK_KINDS.items():
        block = new_block(kind)
        assert block["kind"] == kind and len(block["id"]) == 8
        assert spec.label_ru and spec.label_en
    assert new_block("text")["id"] != new_block("text")["id"]
    doc = new_document()
    doc["blocks"].append({**new_block("columns"), "columns": [[new_block("image")], [new_block("text")],
                                                              [new_block("button")]]})
    assert validate_document(doc, "email") is doc
    compile_document(doc)


@pytest.mark.parametrize(
    ("mutate", "fragment"),
    [
        (lambda d: d.update(schema_version=99), "schema_version"),
        (lambda d: d["blocks"].append({"id": "x", "kind": "video"}), "unknown block kind"),
        (lambda d: d["blocks"].append(dict(d["blocks"][0])), "duplicate block id"),
        (lambda d: d["blocks"][3].update(width=900), "width"),
        (lambda d: d["blocks"][4].update(color="red"), "colour"),
        (lambda d: d["styles"].update(width=1200), "content width"),
        (lambda d: d["styles"].update(font_family="x}</style><script>"), "font"),
        (lambda d: d["blocks"][6].update(columns=[[]]), "2 or 3 columns"),
        (lambda d: d["blocks"][6]["columns"][0].append({"id": "n", "kind": "columns", "columns": [[], []]}),
         "nested"),
    ],
)
def test_validate_document_errors(mutate: object, fragment: str) -> None:
    doc = designer()
    mutate(doc)  # type: ignore[operator]
    with pytest.raises(DocumentError, match=fragment):
        validate_document(doc, "email")


def test_document_type_must_fit_kind() -> None:
    with pytest.raises(DocumentError, match="does not fit"):
        validate_document(designer(), "sms")


def test_html_import_is_sanitised_but_keeps_layout_and_placeholders() -> None:
    source = (
        "<html><head><style>.title{color:#e4572e;font-size:24px} "
        "@media (max-width:600px){.wrap{width:100%!important}}</style>"
        "<script>steal()</script></head><body style=\"background:#eee\" onload=\"x()\">"
        "<table class=\"wrap\" width=\"600\"><tr><td style=\"padding:10px;position:fixed\">"
        "<p class=\"title\">Привет, {{ first_name | default(\"друг\") }}!</p>"
        "{% if bonus > 10 %}<p>Бонусы</p>{% endif %}"
        "<a href=\"javascript:alert(1)\">x</a><img src=\"https://a.ru/i.png\" onerror=\"y()\">"
        "<iframe src=\"https://evil\"></iframe></td></tr></table></body></html>"
    )
    clean = sanitize_email_html(source)
    assert "script" not in clean and "onload" not in clean and "onerror" not in clean
    assert "javascript" not in clean and "iframe" not in clean and "position" not in clean
    assert 'style="color:#e4572e;font-size:24px"' in clean.replace(": ", ":").replace("; ", ";")
    assert "@media (max-width:600px)" in clean and "padding:10px" in clean
    assert '{{ first_name | default("друг") }}' in clean and "{% if bonus > 10 %}" in clean
    doc = {"schema_version": 1, "type": "html", "subject": "Тест", "preheader": "Коротко", "marketing": True,
           "html": clean}
    email = render_message(doc, IVAN, unsubscribe_url="https://x.ru/u")
    assert "Привет, Иван!" in email.html and "Бонусы" in email.html
    assert email.html.index('class="preheader"') < email.html.index("Привет")
    assert email.text.startswith("Привет, Иван!")
    # Source typed by hand after the import is sanitised again when compiled.
    doc["html"] += '<script>steal()</script><a href="javascript:x()" onclick="y()">z</a>'
    again = render_message(doc, IVAN, unsubscribe_url="https://x.ru/u").html
    assert "steal" not in again and "javascript" not in again and "onclick" not in again


def test_block_tree_editing() -> None:
    from app.templates.blocks import find_block, insert_block, move_block, remove_block

    doc = designer()
    top = [b["id"] for b in doc["blocks"]]
    move_block(doc, "btn1", 0)
    assert [b["id"] for b in doc["blocks"]][:2] == ["btn1", "logo1"]
    move_block(doc, "head1", 1, parent_id="cols1", column=1)
    blocks, index = find_block(doc, "head1")
    holder, at = find_block(doc, "cols1")
    columns = holder[at]
    assert index == 1 and blocks is columns["columns"][1] and at == 5
    move_block(doc, "prod1", 2)  # out of a column to the top level
    assert doc["blocks"][2]["id"] == "prod1" and columns["columns"][0] == []
    extra = insert_block(doc, new_block("spacer"), None, parent_id="cols1", column=0)
    assert find_block(doc, extra["id"])[1] == 0
    with pytest.raises(DocumentError, match="nested"):
        move_block(doc, "cols1", 0, parent_id="cols1")
    assert find_block(doc, "cols1")[0] is doc["blocks"]  # a refused move changes nothing
    with pytest.raises(DocumentError, match="no column 3"):
        insert_block(doc, new_block("text"), 0, parent_id="cols1", column=2)
    assert remove_block(doc, "foot1")["kind"] == "footer"
    with pytest.raises(DocumentError, match="no block"):
        remove_block(doc, "foot1")
    validate_document(doc, "email")
    assert len(top) == 10
