"""Turning a rule validation error into a short message in the interface language, shown next to its row."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["describe_rule_error"]

translate = QCoreApplication.translate

# (start of the core's English reason, what the user is told); first match wins.
_REASONS: tuple[tuple[str, str], ...] = (
    ("expected some text", QT_TRANSLATE_NOOP("AudienceErrors", "Type some text.")),
    ("expected a tag name", QT_TRANSLATE_NOOP("AudienceErrors", "Pick or type a tag.")),
    ("expected a list id or name", QT_TRANSLATE_NOOP("AudienceErrors", "Pick a list.")),
    ("expected a segment id or name", QT_TRANSLATE_NOOP("AudienceErrors", "Pick a saved segment.")),
    ("expected a non-empty list of texts", QT_TRANSLATE_NOOP("AudienceErrors", "List the values separated by commas.")),
    ("expected [low, high]", QT_TRANSLATE_NOOP("AudienceErrors", "Fill in at least one end of the range.")),
    ("expected two numbers", QT_TRANSLATE_NOOP("AudienceErrors", "Both ends of the range must be numbers.")),
    ("expected a number", QT_TRANSLATE_NOOP("AudienceErrors", "Type a number.")),
    ("expected text or a number", QT_TRANSLATE_NOOP("AudienceErrors", "Type a value.")),
    ("expected a date", QT_TRANSLATE_NOOP("AudienceErrors", "Pick a date.")),
    ("expected a whole number of days", QT_TRANSLATE_NOOP("AudienceErrors", "The number of days is out of range.")),
    ("expected a whole number ≥ 1", QT_TRANSLATE_NOOP("AudienceErrors", "The count must be 1 or more.")),
    ("expected an event type", QT_TRANSLATE_NOOP("AudienceErrors", "Event type: Latin letters, digits and _ . : - only.")),
    ("expected a property name", QT_TRANSLATE_NOOP("AudienceErrors", "Type the property name (without quotes).")),
    ("sum_property and sum_gte go together", QT_TRANSLATE_NOOP("AudienceErrors", "Type the property to add up.")),
    ("there is no list", QT_TRANSLATE_NOOP("AudienceErrors", "This list no longer exists.")),
    ("there is no saved segment", QT_TRANSLATE_NOOP("AudienceErrors", "This segment no longer exists.")),
    ("includes itself", QT_TRANSLATE_NOOP("AudienceErrors", "A segment cannot include itself.")),
    ("in segment", QT_TRANSLATE_NOOP("AudienceErrors", "The saved segment used here has a broken condition.")),
)


def describe_rule_error(reason: str) -> str:
    """A plain message for a rule problem whose English `reason` came from the core."""
    lowered = reason.lower()
    for start, key in _REASONS:
        if start.lower() in lowered:
            return translate("AudienceErrors", key)
    return translate("AudienceErrors", "This condition is not complete: %1").replace("%1", reason)
