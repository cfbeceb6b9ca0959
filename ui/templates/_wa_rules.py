"""Meta's WhatsApp template rules in the user's language: translated reasons and field names."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.errors import TemplateError
from app.templates.document import DocumentError

__all__ = ["explain"]

_CTX = "WhatsAppRules"
# The reasons `app.templates.whatsapp.validate_whatsapp` gives, word for word.
_REASONS = (
    QT_TRANSLATE_NOOP("WhatsAppRules", "the name may only use lowercase Latin letters, digits and _ (e.g. winter_sale)"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "the language is a code like ru, en or en_US"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "the category is one of MARKETING, UTILITY, AUTHENTICATION"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "the header format is one of TEXT, IMAGE, DOCUMENT"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "a text header has 1–60 characters"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "a text header has at most one parameter, {{1}}"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "a media header needs an https:// link to the image or document"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "the body is required"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "body parameters must be numbered {{1}}, {{2}}, ... without gaps"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "the body must not start or end with a parameter"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "two parameters must not stand side by side"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "the footer has at most 60 characters and no parameters"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "at most 10 buttons"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "at most 2 link buttons and 1 phone button"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "a button type is one of QUICK_REPLY, URL, PHONE_NUMBER"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "button text has 1–25 characters"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "a link button needs an https:// URL (≤ 2000 characters)"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "a link may have one parameter, {{1}}, at its very end"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "a phone button needs a number like +74951234567"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "a parameter is {field, fallback, example}"),
    QT_TRANSLATE_NOOP("WhatsAppRules", "not a WhatsApp template: no 'components' list"),
)
_PLACES = {
    "name": QT_TRANSLATE_NOOP("WhatsAppRules", "Name"),
    "language": QT_TRANSLATE_NOOP("WhatsAppRules", "Language"),
    "category": QT_TRANSLATE_NOOP("WhatsAppRules", "Category"),
    "header": QT_TRANSLATE_NOOP("WhatsAppRules", "Header"),
    "body": QT_TRANSLATE_NOOP("WhatsAppRules", "Message text"),
    "params": QT_TRANSLATE_NOOP("WhatsAppRules", "Parameters"),
    "footer": QT_TRANSLATE_NOOP("WhatsAppRules", "Footer"),
    "buttons": QT_TRANSLATE_NOOP("WhatsAppRules", "Buttons"),
}
_BODY_LONG = re.compile(r"^the body has (\d+) characters; at most 1024 are allowed$")
_MAPPED = re.compile(r"^the body uses (\d+) parameters but (\d+) are mapped$")
_NO_VALUE = re.compile(r"^(.*): no value for '([^']*)' and no fallback$")
_INDEXED = re.compile(r"^(buttons|params)\[(\d+)\]")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def _place(path: str) -> str:
    found = _INDEXED.match(path)
    if found and found.group(1) == "buttons":
        return QCoreApplication.translate("WhatsAppRules", "Button %1").replace("%1", found.group(2))
    if found:
        return QCoreApplication.translate("WhatsAppRules", "Parameter {{%1}}").replace("%1", found.group(2))
    return _tr(_PLACES.get(path.split(".")[0], path)) if path else ""


def _reason(reason: str) -> str:
    if (found := _BODY_LONG.match(reason)) is not None:
        return QCoreApplication.translate("WhatsAppRules", "the text has %1 characters; at most 1024 are allowed").replace("%1", found.group(1))
    if (found := _MAPPED.match(reason)) is not None:
        return QCoreApplication.translate("WhatsAppRules", "the text uses %1 parameters but %2 are mapped").replace("%1", found.group(1)).replace(
            "%2", found.group(2))
    if (found := _NO_VALUE.match(reason)) is not None:
        what = found.group(1)
        number = re.search(r"\{\{(\d+)\}\}", what)
        if number:
            what = QCoreApplication.translate("WhatsAppRules", "Parameter {{%1}}").replace("%1", number.group(1))
        elif what == "header":
            what = QCoreApplication.translate("WhatsAppRules", "Header")
        elif what.startswith("button "):
            what = QCoreApplication.translate("WhatsAppRules", "Button %1").replace("%1", what.split()[1])
        return QCoreApplication.translate("WhatsAppRules", "%1: the contact has no “%2” and no value for an empty field is set").replace(
            "%1", what).replace("%2", found.group(2) or QCoreApplication.translate("WhatsAppRules", "(no field chosen)"))
    return _tr(reason)


def explain(exc: Exception) -> str:
    """A WhatsApp document or render error as one translated sentence naming the field."""
    if isinstance(exc, DocumentError):
        place, text = _place(exc.path), _reason(exc.reason)
        text = text[:1].upper() + text[1:]
        return f"{place}: {text}" if place else text
    if isinstance(exc, TemplateError):
        text = _reason(exc.reason)
        return text[:1].upper() + text[1:]
    return str(exc)
