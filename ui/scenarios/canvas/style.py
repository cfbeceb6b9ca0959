"""Colours, sizes and glyphs of the scenario canvas, in one place."""

from __future__ import annotations

from PySide6.QtGui import QColor

__all__ = [
    "BADGE", "CANVAS_BG", "CARD_BG", "CARD_BORDER", "CARD_RADIUS", "CATEGORY_COLORS", "CHIP_BG", "CHIP_H",
    "EDGE", "EDGE_INVALID", "EDGE_SELECTED", "GLYPHS", "GRID", "GRID_DOT", "HIGHLIGHT", "MUTED_TEXT",
    "NODE_H", "NODE_W", "PORT_GAP", "PORT_R", "PORT_TOP", "PROBLEM", "SELECTED", "TEXT", "ZOOM_MAX", "ZOOM_READABLE",
    "ZOOM_MIN", "category_color", "glyph_for", "labelled", "node_height", "output_port_ys",
]

#: Grid step: nodes snap to it on move and drop.
GRID = 20
ZOOM_MIN = 0.2
#: The smallest zoom a scenario opens at: below it card text gets hard to read.
ZOOM_READABLE = 0.75
ZOOM_MAX = 3.0

NODE_W = 200
NODE_H = 72
CARD_RADIUS = 10
PORT_R = 6
#: Labelled output ports (yes/no, A/B) sit under the title and summary, this far apart.
PORT_TOP = 78
PORT_GAP = 24
CHIP_H = 20

CANVAS_BG = QColor("#f4f6f9")
GRID_DOT = QColor("#d5dae1")
CARD_BG = QColor("#ffffff")
CARD_BORDER = QColor("#c4cbd4")
TEXT = QColor("#1f2933")
MUTED_TEXT = QColor("#5f6b7a")
SELECTED = QColor("#2f6fde")
HIGHLIGHT = QColor("#f08c00")
PROBLEM = QColor("#d93025")
BADGE = QColor("#d93025")
CHIP_BG = QColor("#e8eef7")
EDGE = QColor("#7b8794")
EDGE_SELECTED = QColor("#2f6fde")
EDGE_INVALID = QColor("#d93025")

#: Category strip colours; categories added later fall back to grey.
CATEGORY_COLORS = {"trigger": QColor("#7b4fd6"), "flow": QColor("#1f9d8b"), "action": QColor("#e07b18")}

#: A symbol per node type (all present in common UI fonts); unknown types show "?".
GLYPHS = {
    "trigger.event": "\u26a1", "trigger.list_added": "\u2630", "trigger.segment_entered": "\u25ce",
    "trigger.date": "\u2605", "trigger.inactivity": "\u263e", "trigger.audience": "\u25b6",
    "flow.wait": "\u25d4", "flow.wait_window": "\u25f7", "flow.wait_event": "\u2691", "flow.condition": "?",
    "flow.split": "\u2387", "flow.frequency": "\u2261", "flow.goal": "\u2714", "flow.exit": "\u25a0",
    "action.email": "@", "action.email_manager": "@", "action.sms": "\u2709", "action.whatsapp": "\u260e",
    "action.webhook": "\u21c4", "action.tag": "#", "action.list": "\u2630", "action.update_field": "\u270e",
}


def category_color(category: str | None) -> QColor:
    """The strip colour of a category (grey for unknown ones)."""
    return CATEGORY_COLORS.get(category or "", QColor("#8a94a3"))


def glyph_for(type_id: str, category: str | None) -> str:
    """The symbol drawn in a node's icon circle."""
    if type_id in GLYPHS:
        return GLYPHS[type_id]
    return {"trigger": "\u26a1", "flow": "\u2192", "action": "\u2709"}.get(category or "", "?")


def labelled(port_names: list[str]) -> bool:
    """Whether a node's exits need labels: several exits, or one with a meaning besides "next"."""
    return len(port_names) > 1 or (len(port_names) == 1 and port_names[0] != "next")


def output_port_ys(port_names: list[str]) -> list[float]:
    """Vertical centre of each output port inside the card."""
    if not labelled(port_names):
        return [NODE_H / 2] * len(port_names)
    return [PORT_TOP + i * PORT_GAP for i in range(len(port_names))]


def node_height(port_names: list[str]) -> float:
    """Card height for a node with these output ports (room for each port's label)."""
    if not labelled(port_names):
        return NODE_H
    return PORT_TOP + (len(port_names) - 1) * PORT_GAP + 18
