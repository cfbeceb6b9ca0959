"""The email designer: subject and preheader, block palette, canvas, properties, styles, HTML mode."""

from __future__ import annotations

import copy
import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import KaskadError
from app.templates.designer import document_html
from app.templates.document import new_document
from ui.templates.canvas import BlockCanvas, BlockPalette
from ui.templates.fields import LineField, monospace_font
from ui.templates.html_import import read_html_letter
from ui.templates.properties import BlockProperties
from ui.templates.styles import StylesPanel
from ui.widgets.dialogs import ErrorDialog

__all__ = ["EmailDesigner", "OpenHtml"]

_PREHEADER_DIV = re.compile(r'<div class="preheader"[^>]*>.*?</div>', re.S)


class OpenHtml:
    """Which HTML file to import; None when the user cancels (replaceable in tests)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, filters: str) -> str | None:
        path, _selected = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path or None


class EmailDesigner(QWidget):
    """Edits an email template document ("designer" blocks or "html" source).

    Follows the editor contract of the Templates screen: `set_template(id, document)`,
    `document()`, and `changed` on every edit.
    """

    changed = Signal()
    DESIGNER_TAB, HTML_TAB = 0, 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.template_id: int | None = None
        self._base: dict[str, Any] = new_document("designer")
        self._loading = False

        self.subject = LineField(placeholder=self.tr("What the customer sees in the inbox"))
        self.preheader = LineField(placeholder=self.tr("The grey line after the subject in the inbox"))
        self.marketing = QCheckBox(self.tr("Advertising letter (needs consent and an unsubscribe link)"))
        head = QFormLayout()
        head.addRow(self.tr("Subject"), self.subject)
        head.addRow(self.tr("Preheader"), self.preheader)
        self.head_options = QHBoxLayout()
        self.head_options.addWidget(self.marketing, 1)
        head.addRow("", self.head_options)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._designer_page(), self.tr("Designer"))
        self.tabs.addTab(self._html_page(), self.tr("HTML code"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)

        self.subject.changed.connect(self._edited)
        self.preheader.changed.connect(self._edited)
        self.marketing.toggled.connect(lambda _on: self._edited())
        self.tabs.currentChanged.connect(self._mode_changed)

    # -- pages ----------------------------------------------------------------------------
    def _designer_page(self) -> QWidget:
        self.palette = BlockPalette()
        palette_box = QWidget()
        palette_layout = QVBoxLayout(palette_box)
        palette_layout.setContentsMargins(0, 0, 0, 0)
        palette_title = QLabel(self.tr("Blocks"))
        palette_title.setStyleSheet("font-weight: bold;")
        palette_hint = QLabel(self.tr("Drag onto the letter or double-click"))
        palette_hint.setWordWrap(True)
        palette_hint.setStyleSheet("color: #52606d;")
        palette_layout.addWidget(palette_title)
        palette_layout.addWidget(palette_hint)
        palette_layout.addWidget(self.palette, 1)

        self.canvas = BlockCanvas()
        self.up_button = QPushButton("▲")
        self.up_button.setToolTip(self.tr("Move the block up"))
        self.down_button = QPushButton("▼")
        self.down_button.setToolTip(self.tr("Move the block down"))
        for button in (self.up_button, self.down_button):
            button.setFixedWidth(40)
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        bar = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.duplicate_button, self.delete_button):
            bar.addWidget(button)
        bar.addStretch(1)
        canvas_box = QWidget()
        canvas_layout = QVBoxLayout(canvas_box)
        canvas_layout.setContentsMargins(0, 0, 0, 0)
        canvas_title = QLabel(self.tr("Letter, top to bottom (drag cards to reorder)"))
        canvas_title.setStyleSheet("font-weight: bold;")
        canvas_title.setWordWrap(True)
        canvas_layout.addWidget(canvas_title)
        canvas_layout.addLayout(bar)
        canvas_layout.addWidget(self.canvas, 1)

        self.properties = BlockProperties()
        self.styles = StylesPanel()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.properties)
        self.side_tabs = QTabWidget()
        self.side_tabs.setMinimumWidth(240)
        self.side_tabs.addTab(scroll, self.tr("Block"))
        self.side_tabs.addTab(self.styles, self.tr("Styles"))

        splitter = QSplitter()
        splitter.addWidget(palette_box)
        splitter.addWidget(canvas_box)
        splitter.addWidget(self.side_tabs)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([130, 270, 320])

        self.palette.add_requested.connect(self.add_block)
        self.canvas.blocks_changed.connect(self._edited)
        self.canvas.block_selected.connect(self._block_selected)
        self.properties.block_edited.connect(self.canvas.update_block)
        self.styles.changed.connect(self._edited)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        self.duplicate_button.clicked.connect(self.canvas.duplicate_current)
        self.delete_button.clicked.connect(self.canvas.remove_current)
        QShortcut(QKeySequence.StandardKey.Delete, self.canvas, self.canvas.remove_current)
        return splitter

    def _html_page(self) -> QWidget:
        self.import_button = QPushButton(self.tr("Import HTML file…"))
        self.from_designer_button = QPushButton(self.tr("Take the HTML from the designer"))
        note = QLabel(self.tr("Scripts, forms and remote styles are removed on import. "
                              "Variables like {{ first_name }} work here too."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #52606d;")
        self.source = QPlainTextEdit()
        self.source.setFont(monospace_font())
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.source.setPlaceholderText(self.tr("Paste or import the HTML of a letter"))
        bar = QHBoxLayout()
        bar.addWidget(self.import_button)
        bar.addWidget(self.from_designer_button)
        bar.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(note)
        layout.addWidget(self.source, 1)
        self.import_button.clicked.connect(self.import_html)
        self.from_designer_button.clicked.connect(self._copy_from_designer)
        self.source.textChanged.connect(self._edited)
        return page

    # -- the editor contract -----------------------------------------------------------------
    def set_template(self, template_id: int | None, document: dict[str, Any]) -> None:
        """Load a document ("designer" or "html") for editing; emits nothing."""
        self._loading = True
        try:
            self.template_id = template_id
            self._base = copy.deepcopy(document)
            self.subject.set_value(document.get("subject", ""))
            self.preheader.set_value(document.get("preheader", ""))
            self.marketing.setChecked(bool(document.get("marketing", True)))
            designer = document if document.get("type") == "designer" else new_document("designer")
            self.canvas.set_blocks(designer.get("blocks", []))
            self.styles.set_styles(designer.get("styles", {}))
            self.properties.set_block(None)
            self.source.setPlainText(document.get("html", "") if document.get("type") == "html" else "")
            self.tabs.setCurrentIndex(self.HTML_TAB if document.get("type") == "html" else self.DESIGNER_TAB)
        finally:
            self._loading = False

    def document(self) -> dict[str, Any]:
        """The document as edited: blocks in the designer tab, the source in the HTML tab."""
        doc = copy.deepcopy(self._base)
        doc.update(subject=self.subject.value(), preheader=self.preheader.value(),
                   marketing=self.marketing.isChecked())
        if self.tabs.currentIndex() == self.HTML_TAB:
            doc["type"] = "html"
            doc["html"] = self.source.toPlainText()
            for key in ("blocks", "styles"):
                doc.pop(key, None)
        else:
            doc["type"] = "designer"
            doc["blocks"] = self.canvas.blocks()
            doc["styles"] = self.styles.styles()
            doc.pop("html", None)
        return doc

    # -- actions -----------------------------------------------------------------------------
    def add_block(self, kind: str) -> dict[str, Any]:
        """Add a block of `kind` after the selected one (what double-clicking the palette does)."""
        return self.canvas.add_block(kind)

    def select_block(self, block_id: str) -> bool:
        """Show the block with `block_id` (or its columns block) selected in the designer."""
        row = self.canvas.row_of(block_id)
        if row < 0:
            return False
        self.tabs.setCurrentIndex(self.DESIGNER_TAB)
        self.canvas.setCurrentRow(row)
        self.side_tabs.setCurrentIndex(0)
        return True

    def import_html(self, path: str | None = None) -> bool:
        """Import an HTML letter (asks for the file when `path` is None) into the HTML tab."""
        path = path or OpenHtml.ask(self, self.tr("Import an HTML letter"), self.tr("HTML files (*.html *.htm)"))
        if not path:
            return False
        try:
            html = read_html_letter(path)
        except KaskadError as exc:
            ErrorDialog.ask(self, exc)
            return False
        self.tabs.setCurrentIndex(self.HTML_TAB)
        self.source.setPlainText(html)
        return True

    def _copy_from_designer(self) -> None:
        designer = self.document() | {"type": "designer", "blocks": self.canvas.blocks(),
                                      "styles": self.styles.styles()}
        # The HTML mode adds the preheader itself when rendering; keep it out of the source.
        self.source.setPlainText(_PREHEADER_DIV.sub("", document_html(designer), count=1))

    def _mode_changed(self, index: int) -> None:
        if index == self.HTML_TAB and not self.source.toPlainText().strip() and not self._loading:
            self._copy_from_designer()
        self._edited()

    def _move(self, step: int) -> None:
        row = self.canvas.currentRow()
        if row >= 0:
            self.canvas.move_block(row, row + step)

    def _block_selected(self, block_id: str) -> None:
        self.properties.set_block(self.canvas.current_block() if block_id else None)
        if block_id:
            self.side_tabs.setCurrentIndex(0)

    def _edited(self) -> None:
        if not self._loading:
            self.changed.emit()
