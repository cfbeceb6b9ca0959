"""The designer's global styles: brand colour, font, width, background and text colours."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QWidget

from app.templates.document import DEFAULT_STYLES
from ui.templates.fields import ChoiceField, ColorField, NumberField

__all__ = ["FONTS", "StylesPanel"]

#: Fonts every mail client has, with safe fallbacks.
FONTS = (
    "Arial, Helvetica, sans-serif",
    "Verdana, Geneva, sans-serif",
    "Tahoma, Verdana, sans-serif",
    "Trebuchet MS, Arial, sans-serif",
    "Georgia, Times New Roman, serif",
    "Times New Roman, Times, serif",
    "Courier New, Courier, monospace",
)


class StylesPanel(QGroupBox):
    """Whole-letter styles.

    Signals:
        changed(): any style changed; read `styles()`.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Letter styles"))
        self.brand = ColorField()
        self.font = ChoiceField([(f, f.split(",")[0]) for f in FONTS], FONTS[0])
        self.width = NumberField(600, 320, 800, self.tr(" px"))
        self.background = ColorField()
        self.content_background = ColorField()
        self.text_color = ColorField()
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for label, editor in ((self.tr("Brand colour (buttons, links)"), self.brand), (self.tr("Font"), self.font),
                              (self.tr("Letter width"), self.width), (self.tr("Page background"), self.background),
                              (self.tr("Letter background"), self.content_background),
                              (self.tr("Text colour"), self.text_color)):
            caption = QLabel(label)
            caption.setWordWrap(True)
            form.addRow(caption, editor)
            editor.changed.connect(self.changed.emit)

    def set_styles(self, styles: dict[str, Any]) -> None:
        """Show `styles` (missing keys take the defaults) without emitting `changed`."""
        merged = {**DEFAULT_STYLES, **styles}
        self.brand.set_value(merged["brand_color"])
        font = merged["font_family"]
        if self.font.findData(font) < 0:
            self.font.addItem(font.split(",")[0], font)
        self.font.set_value(font)
        self.width.set_value(merged["width"])
        self.background.set_value(merged["background"])
        self.content_background.set_value(merged["content_background"])
        self.text_color.set_value(merged["text_color"])

    def styles(self) -> dict[str, Any]:
        """The styles as stored in the document."""
        return {"brand_color": self.brand.value() or DEFAULT_STYLES["brand_color"],
                "font_family": self.font.value(), "width": self.width.value(),
                "background": self.background.value() or DEFAULT_STYLES["background"],
                "content_background": self.content_background.value() or DEFAULT_STYLES["content_background"],
                "text_color": self.text_color.value() or DEFAULT_STYLES["text_color"]}
