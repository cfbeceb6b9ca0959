"""The designer's properties panel: a form for the selected block, built from its kind."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.templates.document import SOCIAL_LABELS
from ui.templates.common import block_label
from ui.templates.fields import ChoiceField, ColorField, LineField, NumberField, TextField

__all__ = ["BlockForm", "BlockProperties"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("BlockProperties", text)


def _align(value: str) -> ChoiceField:
    return ChoiceField([("left", QCoreApplication.translate("BlockProperties", "Left")), ("center", QCoreApplication.translate("BlockProperties", "Centre")), ("right", QCoreApplication.translate("BlockProperties", "Right"))], value)


# Each kind's fields: (key, label, editor factory from the current value). Labels are marked for lupdate.
_Factory = Callable[[Any], QWidget]
_SPEC: dict[str, list[tuple[str, str, _Factory]]] = {
    "logo": [("src", QT_TRANSLATE_NOOP("BlockProperties", "Picture address (URL)"), lambda v: LineField(v, "https://…/logo.png")),
             ("alt", QT_TRANSLATE_NOOP("BlockProperties", "Alt text"), lambda v: LineField(v)),
             ("link", QT_TRANSLATE_NOOP("BlockProperties", "Link on click"), lambda v: LineField(v, "https://")),
             ("width", QT_TRANSLATE_NOOP("BlockProperties", "Width"), lambda v: NumberField(v, 10, 600, " px")),
             ("align", QT_TRANSLATE_NOOP("BlockProperties", "Alignment"), _align)],
    "heading": [("text", QT_TRANSLATE_NOOP("BlockProperties", "Heading text"), lambda v: TextField(v, 3)),
                ("level", QT_TRANSLATE_NOOP("BlockProperties", "Size"), lambda v: ChoiceField([(1, QCoreApplication.translate("BlockProperties", "Large")), (2, QCoreApplication.translate("BlockProperties", "Medium")),
                                                         (3, QCoreApplication.translate("BlockProperties", "Small"))], v)),
                ("align", QT_TRANSLATE_NOOP("BlockProperties", "Alignment"), _align)],
    "text": [("text", QT_TRANSLATE_NOOP("BlockProperties", "Text (bold <b>, italic <i>, links <a href>)"), lambda v: TextField(v, 7)),
             ("align", QT_TRANSLATE_NOOP("BlockProperties", "Alignment"), _align)],
    "image": [("src", QT_TRANSLATE_NOOP("BlockProperties", "Picture address (URL)"), lambda v: LineField(v, "https://…/photo.jpg")),
              ("alt", QT_TRANSLATE_NOOP("BlockProperties", "Alt text"), lambda v: LineField(v)),
              ("link", QT_TRANSLATE_NOOP("BlockProperties", "Link on click"), lambda v: LineField(v, "https://")),
              ("width", QT_TRANSLATE_NOOP("BlockProperties", "Width"), lambda v: NumberField(v, 10, 600, " px"))],
    "button": [("text", QT_TRANSLATE_NOOP("BlockProperties", "Button text"), lambda v: LineField(v)),
               ("url", QT_TRANSLATE_NOOP("BlockProperties", "Link (URL)"), lambda v: LineField(v, "https://")),
               ("color", QT_TRANSLATE_NOOP("BlockProperties", "Button colour"), lambda v: ColorField(v, allow_empty=True)),
               ("text_color", QT_TRANSLATE_NOOP("BlockProperties", "Text colour"), lambda v: ColorField(v)),
               ("align", QT_TRANSLATE_NOOP("BlockProperties", "Alignment"), _align)],
    "divider": [("color", QT_TRANSLATE_NOOP("BlockProperties", "Line colour"), lambda v: ColorField(v)),
                ("thickness", QT_TRANSLATE_NOOP("BlockProperties", "Thickness"), lambda v: NumberField(v, 1, 10, " px"))],
    "spacer": [("height", QT_TRANSLATE_NOOP("BlockProperties", "Height"), lambda v: NumberField(v, 1, 200, " px"))],
    "product": [("title", QT_TRANSLATE_NOOP("BlockProperties", "Product name"), lambda v: LineField(v)),
                ("price", QT_TRANSLATE_NOOP("BlockProperties", "Price"), lambda v: LineField(v)),
                ("old_price", QT_TRANSLATE_NOOP("BlockProperties", "Old price (crossed out)"), lambda v: LineField(v)),
                ("image", QT_TRANSLATE_NOOP("BlockProperties", "Photo address (URL)"), lambda v: LineField(v, "https://…/product.jpg")),
                ("alt", QT_TRANSLATE_NOOP("BlockProperties", "Alt text"), lambda v: LineField(v)),
                ("url", QT_TRANSLATE_NOOP("BlockProperties", "Product page (URL)"), lambda v: LineField(v, "https://")),
                ("button_text", QT_TRANSLATE_NOOP("BlockProperties", "Button text"), lambda v: LineField(v))],
    "footer": [("company", QT_TRANSLATE_NOOP("BlockProperties", "Company"), lambda v: LineField(v)),
               ("address", QT_TRANSLATE_NOOP("BlockProperties", "Postal address"), lambda v: LineField(v)),
               ("note", QT_TRANSLATE_NOOP("BlockProperties", "Why the customer gets this letter"), lambda v: TextField(v, 3)),
               ("unsubscribe_text", QT_TRANSLATE_NOOP("BlockProperties", "Unsubscribe link text"), lambda v: LineField(v)),
               ("unsubscribe_url", QT_TRANSLATE_NOOP("BlockProperties", "Unsubscribe address"), lambda v: LineField(v))],
}


class _SocialEditor(QWidget):
    """One row per network: a tick and the profile address."""

    changed = Signal()

    def __init__(self, links: list[dict[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        urls = {link["network"]: link.get("url", "") for link in links}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.rows: list[tuple[str, QCheckBox, QLineEdit]] = []
        for row, (network, label) in enumerate(SOCIAL_LABELS.items()):
            tick = QCheckBox(label)
            tick.setChecked(network in urls)
            url = QLineEdit(urls.get(network, ""))
            url.setPlaceholderText("https://")
            grid.addWidget(tick, row, 0)
            grid.addWidget(url, row, 1)
            tick.toggled.connect(lambda _on: self.changed.emit())
            url.textEdited.connect(lambda _text: self.changed.emit())
            self.rows.append((network, tick, url))

    def value(self) -> list[dict[str, str]]:
        return [{"network": network, "url": url.text().strip()} for network, tick, url in self.rows if tick.isChecked()]


class BlockForm(QWidget):
    """The editable fields of one block (any kind but columns).

    Signals:
        edited(block): a field changed; the block with the change applied.
    """

    edited = Signal(dict)

    def __init__(self, block: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.block = copy.deepcopy(block)
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        kind = block["kind"]
        if kind == "social":
            editor = _SocialEditor(block.get("links", []))
            editor.changed.connect(lambda: self._set("links", editor.value()))
            self.editors["links"] = editor
            form.addRow(editor)
            return
        for key, label, factory in _SPEC.get(kind, []):
            editor = factory(block.get(key, ""))
            editor.changed.connect(lambda key=key, editor=editor: self._set(key, editor.value()))
            self.editors[key] = editor
            caption = QLabel(_tr(label))
            caption.setWordWrap(True)
            form.addRow(caption, editor)

    def _set(self, key: str, value: Any) -> None:
        self.block[key] = value
        self.edited.emit(copy.deepcopy(self.block))


class BlockProperties(QGroupBox):
    """The panel that edits the selected block; columns get their own editor.

    Signals:
        block_edited(block): the selected block changed.
    """

    block_edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Block properties"))
        self.form: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self.hint = QLabel(self.tr("Select a block on the letter to change its text, colours and links."))
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._layout.addWidget(self.hint)
        self._layout.addStretch(1)

    def set_block(self, block: dict[str, Any] | None) -> None:
        """Edit `block` (None: show the hint)."""
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
        self.hint.setVisible(block is None)
        if block is None:
            self.setTitle(self.tr("Block properties"))
            return
        self.setTitle(self.tr("Block: {0}").format(block_label(block["kind"])))
        if block["kind"] == "columns":
            from ui.templates.columns import ColumnsEditor

            self.form = ColumnsEditor(block)
        else:
            self.form = BlockForm(block)
        self.form.edited.connect(self.block_edited.emit)
        self._layout.insertWidget(1, self.form)
