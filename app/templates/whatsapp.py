"""WhatsApp Business templates: our document, Meta's rules, template JSON import/export, send parameters.

Our document (type "whatsapp") keeps what Meta needs plus how each positional parameter is
filled from a contact::

    {"schema_version": 1, "type": "whatsapp", "name": "winter_sale", "language": "ru",
     "category": "MARKETING",
     "header": null | {"format": "TEXT", "text": "Скидки для {{1}}", "param": PARAM}
                    | {"format": "IMAGE" | "DOCUMENT", "url": "https://...", "filename": "", "handle": ""},
     "body": "Здравствуйте, {{1}}! Ваш промокод {{2}}.",
     "params": [PARAM, ...],            # params[n-1] fills {{n}} of the body
     "footer": "Магазин «Ромашка»",
     "buttons": [{"type": "QUICK_REPLY", "text": "Отписаться", "payload": "STOP"},
                 {"type": "URL", "text": "Открыть", "url": "https://shop.ru/p/{{1}}", "param": PARAM},
                 {"type": "PHONE_NUMBER", "text": "Позвонить", "phone_number": "+74951234567"}]}

    PARAM = {"field": "first_name", "fallback": "друг", "example": "Иван"}

`field` is a dotted path into the render context (`first_name`, `contact.city`, a custom key).
Export/import use the WhatsApp Business Management API template shape (`components`:
HEADER/BODY/FOOTER/BUTTONS with `example`); `render_whatsapp` builds the Cloud API
`template` object (`name`, `language.code`, `components[].parameters`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.errors import TemplateError
from app.templates.document import SCHEMA_VERSION, DocumentError
from app.templates.personalize import build_context, note_fallback

__all__ = [
    "CATEGORIES",
    "RenderedWhatsApp",
    "compile_whatsapp",
    "export_meta",
    "import_meta",
    "new_whatsapp_document",
    "render_whatsapp",
    "validate_whatsapp",
]

CATEGORIES = ("MARKETING", "UTILITY", "AUTHENTICATION")
HEADER_FORMATS = ("TEXT", "IMAGE", "DOCUMENT")
BUTTON_TYPES = ("QUICK_REPLY", "URL", "PHONE_NUMBER")
_NAME = re.compile(r"^[a-z0-9_]{1,512}$")
_LANG = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")
_PARAM = re.compile(r"\{\{\s*(\d+)\s*\}\}")
_PHONE = re.compile(r"^\+?[0-9]{5,19}$")


def new_whatsapp_document() -> dict[str, Any]:
    """A valid starting template for the editor (Russian, marketing, one parameter)."""
    return {
        "schema_version": SCHEMA_VERSION, "type": "whatsapp", "name": "new_template", "language": "ru",
        "category": "MARKETING", "header": None,
        "body": "Здравствуйте, {{1}}! Для вас скидка 10% на всё до конца недели.",
        "params": [{"field": "first_name", "fallback": "друг", "example": "Иван"}],
        "footer": "", "buttons": [],
    }


def _fail(reason: str, path: str) -> DocumentError:
    return DocumentError(reason, path=path)


def _numbers(text: str) -> list[int]:
    return [int(n) for n in _PARAM.findall(text)]


def _check_param(param: Any, path: str) -> None:
    if not isinstance(param, dict) or not isinstance(param.get("field", ""), str):
        raise _fail("a parameter is {field, fallback, example}", path)
    for key in ("fallback", "example"):
        if not isinstance(param.get(key, ""), str):
            raise _fail(f"{key!r} must be text", path)


def validate_whatsapp(doc: Mapping[str, Any]) -> None:
    """Meta's rules we can check offline; raises DocumentError naming the field.

    Name lower_snake (≤ 512), language like `ru` / `en_US`, category, text header ≤ 60 with at
    most one parameter, body 1–1024 characters with parameters {{1}}..{{n}} in order, not at
    the very start or end and never two side by side, footer ≤ 60 without parameters,
    ≤ 10 buttons (≤ 2 URL, ≤ 1 phone), button text ≤ 25, URL https ≤ 2000 with at most one
    parameter at its end.
    """
    if not _NAME.match(str(doc.get("name", ""))):
        raise _fail("the name may only use lowercase Latin letters, digits and _ (e.g. winter_sale)", "name")
    if not _LANG.match(str(doc.get("language", ""))):
        raise _fail("the language is a code like ru, en or en_US", "language")
    if doc.get("category") not in CATEGORIES:
        raise _fail(f"the category is one of {', '.join(CATEGORIES)}", "category")
    header = doc.get("header")
    if header is not None:
        if not isinstance(header, dict) or header.get("format") not in HEADER_FORMATS:
            raise _fail(f"the header format is one of {', '.join(HEADER_FORMATS)}", "header")
        if header["format"] == "TEXT":
            text = header.get("text", "")
            if not isinstance(text, str) or not text.strip() or len(text) > 60:
                raise _fail("a text header has 1–60 characters", "header.text")
            nums = _numbers(text)
            if nums not in ([], [1]):
                raise _fail("a text header has at most one parameter, {{1}}", "header.text")
            if nums:
                _check_param(header.get("param"), "header.param")
        elif not str(header.get("url", "")).startswith("https://") and not header.get("handle"):
            raise _fail("a media header needs an https:// link to the image or document", "header.url")
    body = doc.get("body")
    if not isinstance(body, str) or not body.strip():
        raise _fail("the body is required", "body")
    if len(body) > 1024:
        raise _fail(f"the body has {len(body)} characters; at most 1024 are allowed", "body")
    nums = _numbers(body)
    if sorted(set(nums)) != list(range(1, len(set(nums)) + 1)):
        raise _fail("body parameters must be numbered {{1}}, {{2}}, ... without gaps", "body")
    params = doc.get("params", [])
    if not isinstance(params, list) or len(params) != len(set(nums)):
        raise _fail(f"the body uses {len(set(nums))} parameters but {len(params or [])} are mapped", "params")
    for i, param in enumerate(params, 1):
        _check_param(param, f"params[{i}]")
    stripped = body.strip()
    if nums and (_PARAM.match(stripped) or re.search(r"\{\{\s*\d+\s*\}\}$", stripped)):
        raise _fail("the body must not start or end with a parameter", "body")
    if re.search(r"\}\}\s*\{\{", body):
        raise _fail("two parameters must not stand side by side", "body")
    footer = doc.get("footer") or ""
    if not isinstance(footer, str) or len(footer) > 60 or _numbers(footer):
        raise _fail("the footer has at most 60 characters and no parameters", "footer")
    buttons = doc.get("buttons") or []
    if not isinstance(buttons, list) or len(buttons) > 10:
        raise _fail("at most 10 buttons", "buttons")
    kinds = [b.get("type") if isinstance(b, dict) else None for b in buttons]
    if kinds.count("URL") > 2 or kinds.count("PHONE_NUMBER") > 1:
        raise _fail("at most 2 link buttons and 1 phone button", "buttons")
    for i, button in enumerate(buttons, 1):
        where = f"buttons[{i}]"
        if not isinstance(button, dict) or button.get("type") not in BUTTON_TYPES:
            raise _fail(f"a button type is one of {', '.join(BUTTON_TYPES)}", where)
        text = button.get("text", "")
        if not isinstance(text, str) or not text.strip() or len(text) > 25:
            raise _fail("button text has 1–25 characters", where)
        if button["type"] == "URL":
            url = str(button.get("url", ""))
            if not url.startswith("https://") or len(url) > 2000:
                raise _fail("a link button needs an https:// URL (≤ 2000 characters)", where)
            url_nums = _numbers(url)
            if url_nums not in ([], [1]) or (url_nums and not _PARAM.search(url[-8:])):
                raise _fail("a link may have one parameter, {{1}}, at its very end", where)
            if url_nums:
                _check_param(button.get("param"), f"{where}.param")
        elif button["type"] == "PHONE_NUMBER" and not _PHONE.match(str(button.get("phone_number", ""))):
            raise _fail("a phone button needs a number like +74951234567", where)


def export_meta(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The template in the WhatsApp Business Management API shape (for `POST /message_templates`)."""
    validate_whatsapp(doc)
    components: list[dict[str, Any]] = []
    header = doc.get("header")
    if header:
        if header["format"] == "TEXT":
            comp: dict[str, Any] = {"type": "HEADER", "format": "TEXT", "text": header["text"]}
            if _numbers(header["text"]):
                comp["example"] = {"header_text": [header["param"].get("example", "")]}
        else:
            comp = {"type": "HEADER", "format": header["format"]}
            if header.get("handle"):
                comp["example"] = {"header_handle": [header["handle"]]}
        components.append(comp)
    body: dict[str, Any] = {"type": "BODY", "text": doc["body"]}
    if doc.get("params"):
        body["example"] = {"body_text": [[p.get("example", "") for p in doc["params"]]]}
    components.append(body)
    if doc.get("footer"):
        components.append({"type": "FOOTER", "text": doc["footer"]})
    if doc.get("buttons"):
        buttons = []
        for button in doc["buttons"]:
            out: dict[str, Any] = {"type": button["type"], "text": button["text"]}
            if button["type"] == "URL":
                out["url"] = button["url"]
                if _numbers(button["url"]):
                    out["example"] = [button["param"].get("example", "")]
            elif button["type"] == "PHONE_NUMBER":
                out["phone_number"] = button["phone_number"]
            buttons.append(out)
        components.append({"type": "BUTTONS", "buttons": buttons})
    return {"name": doc["name"], "language": doc["language"], "category": doc["category"],
            "components": components}


def import_meta(data: Mapping[str, Any]) -> dict[str, Any]:
    """Our document from a Management API template JSON (examples become parameter examples).

    Parameter-to-field mappings are not part of Meta's format: they come back empty, to be
    chosen in the editor. Raises DocumentError when the JSON is not a template.
    """
    if not isinstance(data, Mapping) or not isinstance(data.get("components"), list):
        raise DocumentError("not a WhatsApp template: no 'components' list")
    language = data.get("language", "")
    if isinstance(language, Mapping):
        language = language.get("code", "")
    doc: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "type": "whatsapp", "name": data.get("name", ""),
                           "language": language, "category": str(data.get("category", "")).upper(),
                           "header": None, "body": "", "params": [], "footer": "", "buttons": []}
    for comp in data["components"]:
        kind = str(comp.get("type", "")).upper()
        example = comp.get("example") or {}
        if kind == "HEADER":
            fmt = str(comp.get("format", "")).upper()
            if fmt == "TEXT":
                doc["header"] = {"format": "TEXT", "text": comp.get("text", "")}
                if _numbers(comp.get("text", "")):
                    values = example.get("header_text") or [""]
                    doc["header"]["param"] = {"field": "", "fallback": "", "example": values[0]}
            else:
                handles = example.get("header_handle") or [""]
                doc["header"] = {"format": fmt, "url": "", "filename": "", "handle": handles[0]}
        elif kind == "BODY":
            doc["body"] = comp.get("text", "")
            values = (example.get("body_text") or [[]])[0]
            count = len(set(_numbers(doc["body"])))
            values = list(values) + [""] * (count - len(values))
            doc["params"] = [{"field": "", "fallback": "", "example": v} for v in values[:count]]
        elif kind == "FOOTER":
            doc["footer"] = comp.get("text", "")
        elif kind == "BUTTONS":
            for button in comp.get("buttons", []):
                btype = str(button.get("type", "")).upper()
                out: dict[str, Any] = {"type": btype, "text": button.get("text", "")}
                if btype == "URL":
                    out["url"] = button.get("url", "")
                    if _numbers(out["url"]):
                        ex = button.get("example") or [""]
                        out["param"] = {"field": "", "fallback": "", "example": ex[0] if isinstance(ex, list) else ex}
                elif btype == "PHONE_NUMBER":
                    out["phone_number"] = button.get("phone_number", "")
                elif btype == "QUICK_REPLY":
                    out["payload"] = ""
                doc["buttons"].append(out)
    validate_whatsapp(doc)
    return doc


def compile_whatsapp(doc: dict[str, Any]) -> Any:
    """The compiled form for `app.templates.render.compiled` (no Jinja: parameters are looked up)."""
    from app.templates.render import CompiledTemplate

    validate_whatsapp(doc)
    return CompiledTemplate(kind="whatsapp", document=doc, text_source=doc["body"])


def _lookup(context: Mapping[str, Any], path: str) -> Any:
    value: Any = context
    for part in path.split("."):
        if isinstance(value, Mapping) and part in value:
            value = value[part]
        else:
            return None
    return value


def _value(context: Mapping[str, Any], param: Mapping[str, Any], what: str) -> str:
    field = param.get("field") or ""
    raw = _lookup(context, field) if field else None
    text = "" if raw is None else str(raw).strip()
    if not text:
        text = (param.get("fallback") or "").strip()
        if text:
            note_fallback(field or what, text)
    if not text:
        raise TemplateError(f"{what}: no value for {field or 'an unmapped parameter'!r} and no fallback")
    return text


@dataclass(frozen=True)
class RenderedWhatsApp:
    """One personalised WhatsApp template message.

    `template` is the Cloud API `template` object to put in the message (`type: "template"`);
    `body`/`header_text` are the texts as the chat bubble preview shows them.
    """

    template: dict[str, Any]
    header_text: str
    body: str
    footer: str
    buttons: list[dict[str, Any]]


def render_whatsapp(version: Any, contact: Mapping[str, Any] | None, *,
                    extra: Mapping[str, Any] | None = None) -> RenderedWhatsApp:
    """Fill the positional parameters from a contact; the Cloud API send-time `template` object."""
    from app.templates.render import compiled

    doc = compiled(version).document
    if doc.get("type") != "whatsapp":
        raise TemplateError("not a WhatsApp template")
    context = build_context(contact, extra=extra)
    components: list[dict[str, Any]] = []
    header_text = ""
    header = doc.get("header")
    if header:
        if header["format"] == "TEXT":
            header_text = header["text"]
            if _numbers(header_text):
                value = _value(context, header["param"], "header")
                header_text = _PARAM.sub(value, header_text)
                components.append({"type": "header", "parameters": [{"type": "text", "text": value}]})
        else:
            media_type = header["format"].lower()
            media: dict[str, Any] = {"link": header.get("url", "")}
            if media_type == "document" and header.get("filename"):
                media["filename"] = header["filename"]
            components.append({"type": "header", "parameters": [{"type": media_type, media_type: media}]})
    values = [_value(context, p, f"parameter {{{{{i}}}}}") for i, p in enumerate(doc.get("params", []), 1)]
    if values:
        components.append({"type": "body", "parameters": [{"type": "text", "text": v} for v in values]})
    body = _PARAM.sub(lambda m: values[int(m.group(1)) - 1], doc["body"])
    shown_buttons = []
    for index, button in enumerate(doc.get("buttons") or []):
        shown = dict(button)
        if button["type"] == "URL" and _numbers(button["url"]):
            suffix = _value(context, button["param"], f"button {index + 1}")
            shown["url"] = _PARAM.sub(suffix, button["url"])
            components.append({"type": "button", "sub_type": "url", "index": str(index),
                               "parameters": [{"type": "text", "text": suffix}]})
        elif button["type"] == "QUICK_REPLY" and button.get("payload"):
            components.append({"type": "button", "sub_type": "quick_reply", "index": str(index),
                               "parameters": [{"type": "payload", "payload": button["payload"]}]})
        shown_buttons.append(shown)
    template = {"name": doc["name"], "language": {"code": doc["language"]}}
    if components:
        template["components"] = components
    return RenderedWhatsApp(template=template, header_text=header_text, body=body,
                            footer=doc.get("footer") or "", buttons=shown_buttons)
