"""WhatsApp templates: Meta JSON round trip, Meta's rules, Cloud API send parameters."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from app.errors import TemplateError
from app.templates.document import DocumentError
from app.templates.render import dry_run
from app.templates.whatsapp import export_meta, import_meta, render_whatsapp, validate_whatsapp

META: dict[str, Any] = {
    "name": "winter_sale",
    "language": "ru",
    "category": "MARKETING",
    "components": [
        {"type": "HEADER", "format": "TEXT", "text": "Скидки для {{1}}", "example": {"header_text": ["Москвы"]}},
        {"type": "BODY", "text": "Здравствуйте, {{1}}! Ваш промокод {{2}} действует до воскресенья.",
         "example": {"body_text": [["Иван", "WINTER25"]]}},
        {"type": "FOOTER", "text": "Магазин «Ромашка»"},
        {"type": "BUTTONS", "buttons": [
            {"type": "URL", "text": "Открыть каталог", "url": "https://shop.example.ru/promo/{{1}}",
             "example": ["https://shop.example.ru/promo/WINTER25"]},
            {"type": "PHONE_NUMBER", "text": "Позвонить", "phone_number": "+74951234567"},
            {"type": "QUICK_REPLY", "text": "Не присылать"},
        ]},
    ],
}


def _mapped() -> dict[str, Any]:
    doc = import_meta(META)
    doc["header"]["param"].update(field="city", fallback="вас")
    doc["params"][0].update(field="first_name", fallback="покупатель")
    doc["params"][1].update(field="promo")
    doc["buttons"][0]["param"].update(field="promo")
    doc["buttons"][2]["payload"] = "STOP_PROMO"
    return doc


def test_import_export_round_trip() -> None:
    doc = import_meta(META)
    assert doc["params"] == [{"field": "", "fallback": "", "example": "Иван"},
                             {"field": "", "fallback": "", "example": "WINTER25"}]
    assert export_meta(doc) == META
    assert export_meta(_mapped()) == META  # mappings are ours, not Meta's


def test_send_time_components() -> None:
    contact = {"id": 1, "first_name": "", "city": "Казани", "custom": {"promo": "WINTER25"}}
    sent = render_whatsapp(_mapped(), contact)
    assert sent.template == {
        "name": "winter_sale", "language": {"code": "ru"},
        "components": [
            {"type": "header", "parameters": [{"type": "text", "text": "Казани"}]},
            {"type": "body", "parameters": [{"type": "text", "text": "покупатель"},
                                            {"type": "text", "text": "WINTER25"}]},
            {"type": "button", "sub_type": "url", "index": "0", "parameters": [{"type": "text", "text": "WINTER25"}]},
            {"type": "button", "sub_type": "quick_reply", "index": "2",
             "parameters": [{"type": "payload", "payload": "STOP_PROMO"}]},
        ],
    }
    assert sent.body == "Здравствуйте, покупатель! Ваш промокод WINTER25 действует до воскресенья."
    assert sent.header_text == "Скидки для Казани" and sent.buttons[0]["url"].endswith("/promo/WINTER25")


def test_missing_value_without_fallback_fails_and_dry_run_reports_it() -> None:
    doc = _mapped()
    with pytest.raises(TemplateError, match="promo"):
        render_whatsapp(doc, {"id": 5, "first_name": "Иван", "city": "Уфы", "custom": {}})
    report = dry_run(doc, [{"id": 5, "first_name": "Иван", "city": "Уфы", "custom": {}},
                           {"id": 6, "first_name": "", "city": "Уфы", "custom": {"promo": "X"}}])
    assert [p.contact_id for p in report.errors] == [5]
    assert [p.contact_id for p in report.fallbacks] == [6]


def test_render_module_exposes_whatsapp_for_the_send_engine() -> None:
    from app.templates import render

    contact = {"id": 1, "first_name": "Анна", "city": "Омска", "custom": {"promo": "P1"}}
    assert render.render_whatsapp(_mapped(), contact) == render_whatsapp(_mapped(), contact)


def test_media_header_parameter() -> None:
    doc = _mapped()
    doc["header"] = {"format": "IMAGE", "url": "https://shop.example.ru/banner.jpg", "filename": "", "handle": ""}
    sent = render_whatsapp(doc, {"id": 1, "first_name": "Иван", "custom": {"promo": "A"}})
    assert sent.template["components"][0] == {
        "type": "header", "parameters": [{"type": "image", "image": {"link": "https://shop.example.ru/banner.jpg"}}]}


def _broken(path: str, value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(_mapped())
    target: Any = doc
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    last = keys[-1]
    target[int(last) if last.isdigit() else last] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value", "fragment"),
    [
        ("name", "Winter Sale", "lowercase"),
        ("language", "russian", "language"),
        ("category", "PROMO", "category"),
        ("body", "x" * 1025, "1024"),
        ("body", "{{1}} и {{2}} привет", "start or end"),
        ("body", "Привет {{1}}, ваш код {{2}}", "start or end"),
        ("body", "Привет {{1}}{{2}} пока", "side by side"),
        ("body", "Привет {{1}} и {{3}} пока", "without gaps"),
        ("footer", "f" * 61, "60"),
        ("header.text", "h" * 61, "1–60"),
        ("buttons.0.text", "t" * 26, "1–25"),
        ("buttons.0.url", "http://shop.example.ru/{{1}}", "https"),
        ("buttons.1.phone_number", "call me", "phone"),
        ("buttons", [{"type": "QUICK_REPLY", "text": f"b{i}"} for i in range(11)], "10 buttons"),
    ],
)
def test_meta_rules(path: str, value: Any, fragment: str) -> None:
    with pytest.raises(DocumentError, match=fragment):
        validate_whatsapp(_broken(path, value))


def test_import_rejects_non_template() -> None:
    with pytest.raises(DocumentError, match="components"):
        import_meta({"name": "x"})
