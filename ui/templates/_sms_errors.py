"""Template errors in the user's language: where (line, column) and the common reasons translated."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from app.errors import TemplateError

__all__ = ["template_error_text"]

_CTX = "TemplateErrors"
_UNKNOWN = re.compile(r"^unknown variable '([^']+)'")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def template_error_text(exc: Exception) -> str:
    """"Line 2, column 5: unknown variable 'nme' …" with the frequent reasons translated."""
    if not isinstance(exc, TemplateError):
        return str(exc)
    reason = exc.reason
    found = _UNKNOWN.match(reason)
    if found:
        reason = QCoreApplication.translate("TemplateErrors", "unknown variable “%1”: check the name or add | default(\"…\")").replace("%1", found.group(1))
    elif reason.startswith("unexpected end of template"):
        reason = QCoreApplication.translate("TemplateErrors", "a tag is not closed: check the {{ … }} and {% … %} pairs")
    elif reason.startswith("unexpected '}'") or reason.startswith("unexpected char"):
        reason = QCoreApplication.translate("TemplateErrors", "a tag is written wrongly: %1").replace("%1", reason)
    if exc.line is None:
        return reason
    where = QCoreApplication.translate("TemplateErrors", "Line %1").replace("%1", str(exc.line))
    if exc.column is not None:
        where += ", " + QCoreApplication.translate("TemplateErrors", "column %1").replace("%1", str(exc.column))
    return f"{where}: {reason}"
