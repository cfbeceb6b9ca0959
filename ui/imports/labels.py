"""Labels the wizard shows for encodings, delimiters, channels and mapping targets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.errors import ImportFileError
from app.importer.model import FIELDS, field_label

translate = QCoreApplication.translate

CHANNELS: tuple[str, ...] = ("email", "sms", "whatsapp", "calls")


def ui_lang() -> str:
    """"ru" when the Russian translation is installed, else "en"."""
    # The translator answers this marker with its own language code.
    return "ru" if translate("ImportLabels", "en", "language code of this translation") == "ru" else "en"


def delimiter_items() -> list[tuple[str, str]]:
    """(delimiter, label) pairs for the delimiter combo."""
    return [
        (";", translate("ImportLabels", "; (semicolon)")),
        (",", translate("ImportLabels", ", (comma)")),
        ("\t", translate("ImportLabels", "Tab")),
        ("|", translate("ImportLabels", "| (vertical bar)")),
    ]


def channel_label(channel: str) -> str:
    """Human name of a messaging channel."""
    names = {"email": translate("ImportLabels", "E-mail"), "sms": translate("ImportLabels", "SMS"), "whatsapp": translate("ImportLabels", "WhatsApp"), "calls": translate("ImportLabels", "Calls")}
    return names.get(channel, channel)


def target_label(target: str) -> str:
    """Human label of a mapping target ("phone", "consent:sms", "custom:X", "skip")."""
    if target.startswith("consent:"):
        return translate("ImportLabels", "Consent: {channel}").format(channel=channel_label(target[8:]))
    if target.startswith("custom:"):
        return translate("ImportLabels", "Custom field")
    if target == "skip":
        return translate("ImportLabels", "Skip (do not import)")
    return field_label(target, ui_lang())


def fixed_targets() -> list[str]:
    """Every target offered for a column, except the per-column custom field."""
    return [spec.key for spec in FIELDS] + [f"consent:{ch}" for ch in CHANNELS]


def duplicate_policies() -> list[tuple[str, str, str]]:
    """(policy, title, one-line explanation) for the duplicate radio buttons."""
    return [
        ("fill", translate("ImportLabels", "Fill empty fields (recommended)"),
         translate("ImportLabels", "An existing contact keeps its data; only its empty fields are filled from the file.")),
        ("overwrite", translate("ImportLabels", "Overwrite"),
         translate("ImportLabels", "Values from the file replace the data of contacts already in the base.")),
        ("skip", translate("ImportLabels", "Skip existing"),
         translate("ImportLabels", "Contacts already in the base are left untouched; only new ones are added.")),
    ]


def regions() -> list[tuple[str, str]]:
    """(region code, label) for the default-region combo."""
    return [
        ("RU", translate("ImportLabels", "Russia (+7)")),
        ("KZ", translate("ImportLabels", "Kazakhstan (+7)")),
        ("BY", translate("ImportLabels", "Belarus (+375)")),
        ("UZ", translate("ImportLabels", "Uzbekistan (+998)")),
        ("KG", translate("ImportLabels", "Kyrgyzstan (+996)")),
        ("AM", translate("ImportLabels", "Armenia (+374)")),
        ("GE", translate("ImportLabels", "Georgia (+995)")),
        ("AZ", translate("ImportLabels", "Azerbaijan (+994)")),
        ("UA", translate("ImportLabels", "Ukraine (+380)")),
        ("DE", translate("ImportLabels", "Germany (+49)")),
        ("US", translate("ImportLabels", "USA (+1)")),
    ]


def stage_label(stage: str) -> str:
    """The run page's text for an import stage reported by the engine."""
    names = {
        "reading": translate("ImportLabels", "Reading the file…"),
        "read": translate("ImportLabels", "Reading the file…"),
        "normalising": translate("ImportLabels", "Checking phones and e-mails…"),
        "normalizing": translate("ImportLabels", "Checking phones and e-mails…"),
        "validating": translate("ImportLabels", "Checking phones and e-mails…"),
        "dedup": translate("ImportLabels", "Finding duplicates…"),
        "matching": translate("ImportLabels", "Matching with the base…"),
        "writing": translate("ImportLabels", "Saving contacts…"),
        "saving": translate("ImportLabels", "Saving contacts…"),
        "report": translate("ImportLabels", "Writing the error report…"),
        "done": translate("ImportLabels", "Finishing…"),
    }
    return names.get(stage.strip().lower(), stage)


def describe_file_error(exc: ImportFileError) -> str:
    """"File “x.csv”, row 3, column “Phone”: why" in the UI language."""
    where = translate("ImportLabels", "File “{name}”").format(name=Path(exc.path).name)
    if exc.row is not None:
        where += ", " + translate("ImportLabels", "row {row}").format(row=exc.row)
    if exc.column is not None:
        where += ", " + translate("ImportLabels", "column “{column}”").format(column=exc.column)
    return f"{where}: {exc.reason}"
