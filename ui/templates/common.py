"""Small shared helpers of the Templates screen: UI language, kind and block labels, icons."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from app.templates.document import BLOCK_KINDS, SOCIAL_LABELS

__all__ = ["KIND_TITLES", "block_label", "block_summary", "kind_icon", "kind_title", "ui_is_russian"]

KIND_TITLES = {
    "email": QT_TRANSLATE_NOOP("TemplateKinds", "Email"),
    "sms": QT_TRANSLATE_NOOP("TemplateKinds", "SMS"),
    "whatsapp": QT_TRANSLATE_NOOP("TemplateKinds", "WhatsApp"),
    "manager": QT_TRANSLATE_NOOP("TemplateKinds", "Manager email"),
}
_KIND_ICONS = {
    "email": QStyle.StandardPixmap.SP_FileDialogDetailedView,
    "sms": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "whatsapp": QStyle.StandardPixmap.SP_DialogYesButton,
    "manager": QStyle.StandardPixmap.SP_FileDialogInfoView,
}
_TAGS = re.compile(r"<[^>]+>")


def ui_is_russian() -> bool:
    """True when the UI runs in Russian (the default QLocale follows the chosen language)."""
    return QLocale().language() == QLocale.Language.Russian


def kind_title(kind: str) -> str:
    """A template kind in the UI language."""
    return QCoreApplication.translate("TemplateKinds", KIND_TITLES.get(kind, kind))


def kind_icon(kind: str) -> QIcon:
    """The icon shown next to a template of `kind`."""
    return QApplication.style().standardIcon(_KIND_ICONS.get(kind, QStyle.StandardPixmap.SP_FileIcon))


def block_label(kind: str) -> str:
    """A designer block kind's name in the UI language (labels come with the block registry)."""
    entry = BLOCK_KINDS.get(kind)
    if entry is None:
        return kind
    return entry.label_ru if ui_is_russian() else entry.label_en


def _short(text: Any, limit: int = 70) -> str:
    plain = " ".join(_TAGS.sub(" ", str(text or "")).split())
    return plain if len(plain) <= limit else plain[: limit - 1] + "…"


def block_summary(block: dict[str, Any]) -> str:
    """One readable line saying what a block holds, for its card on the canvas."""
    kind = block.get("kind")
    if kind in ("heading", "text"):
        return _short(block.get("text")) or QCoreApplication.translate("Blocks", "(empty)")
    if kind in ("logo", "image"):
        src = block.get("src") or QCoreApplication.translate("Blocks", "no picture yet")
        return _short(f"{block.get('alt') or ''} · {src}")
    if kind == "button":
        return _short(f"[{block.get('text', '')}] → {block.get('url', '')}")
    if kind == "divider":
        return QCoreApplication.translate("Blocks", "line {0} px, {1}").format(block.get("thickness", 1), block.get("color", ""))
    if kind == "spacer":
        return QCoreApplication.translate("Blocks", "empty space {0} px").format(block.get("height", 0))
    if kind == "columns":
        columns = block.get("columns", [])
        counts = " | ".join(str(len(c)) for c in columns)
        return QCoreApplication.translate("Blocks", "{0} columns, blocks: {1}").format(len(columns), counts)
    if kind == "product":
        return _short(f"{block.get('title', '')} — {block.get('price', '')}")
    if kind == "social":
        names = [SOCIAL_LABELS.get(link.get("network"), link.get("network", "")) for link in block.get("links", [])]
        return _short(", ".join(names)) or QCoreApplication.translate("Blocks", "no links")
    if kind == "footer":
        return _short(f"{block.get('company', '')}, {block.get('address', '')} · {block.get('unsubscribe_text', '')}")
    return ""
