"""Reading and writing WhatsApp Business template JSON files, with reasons the user can act on."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.errors import UserInputError
from app.templates.whatsapp import export_meta, import_meta
from ui.templates._wa_rules import explain

__all__ = ["JsonFileError", "read_template", "write_template"]


class JsonFileError(Exception):
    """A template file could not be read or written; `str(exc)` is the translated reason."""


def read_template(path: Path) -> dict[str, Any]:
    """Our `whatsapp` document from a Management API template JSON (or a GET answer's first template)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise JsonFileError(QCoreApplication.translate("WhatsAppJson", "Cannot read %1: %2")
                            .replace("%1", path.name).replace("%2", exc.strerror or "")) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        where = (f"{exc.lineno}", f"{exc.colno}") if isinstance(exc, json.JSONDecodeError) else ("1", "1")
        raise JsonFileError(QCoreApplication.translate("WhatsAppJson", "%1 is not JSON: line %2, column %3.")
                            .replace("%1", path.name).replace("%2", where[0]).replace("%3", where[1])) from exc
    if isinstance(data, dict) and isinstance(data.get("data"), list) and data["data"]:
        data = data["data"][0]  # a GET /message_templates answer: its first template
    try:
        return import_meta(data)
    except UserInputError as exc:
        raise JsonFileError(QCoreApplication.translate("WhatsAppJson", "Cannot import %1: %2")
                            .replace("%1", path.name).replace("%2", explain(exc))) from exc


def write_template(path: Path, document: dict[str, Any]) -> None:
    """Write the document as Management API template JSON; never leaves a half-written file."""
    try:
        data = export_meta(document)
    except UserInputError as exc:
        raise JsonFileError(QCoreApplication.translate("WhatsAppJson", "Fix the template before exporting: %1")
                            .replace("%1", explain(exc))) from exc
    temporary = path.with_name(path.name + ".part")
    try:
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise JsonFileError(QCoreApplication.translate("WhatsAppJson", "Cannot write %1: %2")
                            .replace("%1", str(path)).replace("%2", exc.strerror or "")) from exc
