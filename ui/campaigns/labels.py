"""Names shown for channels, campaign statuses, message states and exclusion reasons."""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["CHANNEL_NAMES", "EXCLUSIONS", "STATES", "STATUS_NAMES", "channel_name", "label", "pause_reason_text",
           "state_name", "status_name"]

_CTX = "CampaignLabels"

CHANNEL_NAMES = {
    "email": QT_TRANSLATE_NOOP("CampaignLabels", "E-mail"),
    "sms": QT_TRANSLATE_NOOP("CampaignLabels", "SMS"),
    "whatsapp": QT_TRANSLATE_NOOP("CampaignLabels", "WhatsApp"),
    "calls": QT_TRANSLATE_NOOP("CampaignLabels", "Calls"),
}

STATUS_NAMES = {
    "draft": QT_TRANSLATE_NOOP("CampaignLabels", "Draft"),
    "running": QT_TRANSLATE_NOOP("CampaignLabels", "Sending"),
    "paused": QT_TRANSLATE_NOOP("CampaignLabels", "Paused"),
    "cancelled": QT_TRANSLATE_NOOP("CampaignLabels", "Cancelled"),
    "finished": QT_TRANSLATE_NOOP("CampaignLabels", "Finished"),
}

#: Message states in the order the progress view shows them.
STATES = {
    "queued": QT_TRANSLATE_NOOP("CampaignLabels", "Queued"),
    "sending": QT_TRANSLATE_NOOP("CampaignLabels", "Being sent"),
    "sent": QT_TRANSLATE_NOOP("CampaignLabels", "Sent"),
    "delivered": QT_TRANSLATE_NOOP("CampaignLabels", "Delivered"),
    "read": QT_TRANSLATE_NOOP("CampaignLabels", "Read"),
    "failed": QT_TRANSLATE_NOOP("CampaignLabels", "Failed"),
    "held": QT_TRANSLATE_NOOP("CampaignLabels", "Held (waiting for the window)"),
    "unknown": QT_TRANSLATE_NOOP("CampaignLabels", "Unknown"),
    "skipped": QT_TRANSLATE_NOOP("CampaignLabels", "Skipped"),
    "cancelled": QT_TRANSLATE_NOOP("CampaignLabels", "Cancelled"),
}

EXCLUSIONS = {
    "no_address": QT_TRANSLATE_NOOP("CampaignLabels", "No phone / e-mail"),
    "no_consent": QT_TRANSLATE_NOOP("CampaignLabels", "No consent to receive"),
    "suppressed": QT_TRANSLATE_NOOP("CampaignLabels", "Unsubscribed or blocked"),
    "capped": QT_TRANSLATE_NOOP("CampaignLabels", "Frequency limit reached"),
    "other": QT_TRANSLATE_NOOP("CampaignLabels", "Other reason"),
}


def label(table: dict[str, str], key: str) -> str:
    """The translated name of `key` in `table` (the key itself when unknown)."""
    return QCoreApplication.translate(_CTX, table[key]) if key in table else key


def channel_name(channel: str) -> str:
    return label(CHANNEL_NAMES, channel)


def status_name(status: str) -> str:
    return label(STATUS_NAMES, status)


def state_name(state: str) -> str:
    return label(STATES, state)


# The engine's bilingual account-error note: "Провайдер «X» отказал: ERROR. Проверьте … / Provider 'X' refused: …".
_ENGINE_REASON = re.compile(r"^Провайдер «(?P<provider>.+?)» отказал: (?P<error>.*)\. Проверьте настройки, баланс "
                            r"или имя отправителя и возобновите рассылку\. / Provider ", re.DOTALL)


def pause_reason_text(reason: str | None) -> str:
    """Why a campaign is paused, in the UI language only (stored notes may be English or bilingual)."""
    if not reason:
        return ""
    if reason == "paused by the user":  # the command line's default note
        return QCoreApplication.translate("CampaignLabels", "paused by the user")
    found = _ENGINE_REASON.match(reason)
    if found:
        return (QCoreApplication.translate(
            "CampaignLabels", "the service «%1» refused: %2. Check its settings, balance or sender name, then resume the mailing.")
            .replace("%1", found["provider"]).replace("%2", found["error"]))
    return reason
