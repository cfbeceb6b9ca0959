"""Words the Audiences screen shows for condition kinds, channels, operators and catalogue entries."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate

__all__ = ["CHANNELS", "KINDS", "channel_label", "event_filter_ops", "kind_label", "kind_ops", "pick", "ui_lang"]

CHANNELS: tuple[str, ...] = ("email", "sms", "whatsapp", "calls")
#: Condition kinds besides contact fields, in the order the picker lists them.
KINDS: tuple[str, ...] = ("tag", "list", "consent", "suppressed", "engagement", "event", "segment")


def ui_lang() -> str:
    """"ru" when the Russian catalogue of this screen is installed, else "en"."""
    # The translator answers this marker with its own language code.
    return "ru" if translate("AudienceLabels", "en", "language code of this translation") == "ru" else "en"


def pick(label_ru: str, label_en: str) -> str:
    """The catalogue label in the interface language."""
    return label_ru if ui_lang() == "ru" else label_en


def kind_label(kind: str) -> str:
    """Name of a non-field condition kind in the picker."""
    return {
        "tag": translate("AudienceLabels", "Tag"),
        "list": translate("AudienceLabels", "List"),
        "consent": translate("AudienceLabels", "Consent"),
        "suppressed": translate("AudienceLabels", "Stop list"),
        "engagement": translate("AudienceLabels", "Campaign activity"),
        "event": translate("AudienceLabels", "Event (site, CRM, calls)"),
        "segment": translate("AudienceLabels", "Saved segment"),
    }[kind]


def channel_label(channel: str) -> str:
    """A channel as the user knows it."""
    return {
        "email": translate("AudienceLabels", "Email"),
        "sms": "SMS",
        "whatsapp": "WhatsApp",
        "calls": translate("AudienceLabels", "Calls"),
    }.get(channel, channel)


def kind_ops(kind: str) -> list[tuple[str, str]]:
    """(operator, label) pairs of a non-field condition kind."""
    table = {
        "tag": [("has", translate("AudienceLabels", "has tag")), ("has_not", translate("AudienceLabels", "has no tag"))],
        "list": [("in", translate("AudienceLabels", "is in list")), ("not_in", translate("AudienceLabels", "is not in list"))],
        "consent": [("granted", translate("AudienceLabels", "consent given")),
                    ("not_granted", translate("AudienceLabels", "no consent"))],
        "suppressed": [("is", translate("AudienceLabels", "is in the stop list")),
                       ("is_not", translate("AudienceLabels", "is not in the stop list"))],
        "engagement": [("did", translate("AudienceLabels", "did")), ("did_not", translate("AudienceLabels", "did not"))],
        "event": [("has", translate("AudienceLabels", "had event")), ("has_not", translate("AudienceLabels", "had no event"))],
        "segment": [("in", translate("AudienceLabels", "is in segment")),
                    ("not_in", translate("AudienceLabels", "is not in segment"))],
    }
    return table[kind]


def event_filter_ops() -> list[tuple[str, str]]:
    """(operator, label) pairs for an event property filter."""
    return [
        ("eq", "="), ("ne", "≠"),
        ("contains", translate("AudienceLabels", "contains")),
        ("starts_with", translate("AudienceLabels", "starts with")),
        ("gt", ">"), ("gte", "≥"), ("lt", "<"), ("lte", "≤"),
    ]
