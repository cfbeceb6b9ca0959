"""The editor's toolbar: save, publish, pause/resume, undo/redo, zoom, layout, test, version picker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QStyle, QToolBar, QWidget

__all__ = ["EditorToolbar"]


class EditorToolbar(QToolBar):
    """Actions of the scenario editor (the editor connects them).

    Attributes:
        back, save, publish, pause, resume, undo, redo, zoom_in, zoom_out, fit, layout, test: QActions.
        versions, versions_label: the version picker and its label, placed by the editor.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMovable(False)
        style = self.style()
        icon = style.standardIcon
        sp = QStyle.StandardPixmap

        def action(text: str, tip: str, pixmap: QStyle.StandardPixmap | None = None,
                   shortcut: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
            act = QAction(text, self)
            if pixmap is not None:
                act.setIcon(icon(pixmap))
            act.setToolTip(tip)
            act.setStatusTip(tip)
            if shortcut is not None:
                act.setShortcut(shortcut)
            self.addAction(act)
            return act

        self.back = action(self.tr("← All scenarios"), self.tr("Back to the list of scenarios"))
        self.addSeparator()
        self.save = action(self.tr("Save"), self.tr("Save the draft (Ctrl+S)"), sp.SP_DialogSaveButton,
                           QKeySequence.StandardKey.Save)
        self.publish = action(self.tr("Publish"), self.tr("Check the scenario and start it for contacts"),
                              sp.SP_MediaPlay)
        self.pause = action(self.tr("Pause"), self.tr("Stop new entries; contacts inside wait where they are"),
                            sp.SP_MediaPause)
        self.resume = action(self.tr("Resume"), self.tr("Run the paused scenario again"), sp.SP_MediaSeekForward)
        self.addSeparator()
        self.undo = action(self.tr("Undo"), self.tr("Undo the last change (Ctrl+Z)"), sp.SP_ArrowBack)
        self.redo = action(self.tr("Redo"), self.tr("Redo (Ctrl+Y)"), sp.SP_ArrowForward)
        self.addSeparator()
        self.zoom_in = action(self.tr("Zoom in"), self.tr("Zoom in (+)"))
        self.zoom_out = action(self.tr("Zoom out"), self.tr("Zoom out (−)"))
        # "+" and "−" on the buttons (the words stay in tooltips): with words the toolbar did not fit
        # a 1280-pixel window and "Test on a contact" fell into the overflow menu.
        self.zoom_in.setIconText("+")
        self.zoom_out.setIconText("−")
        self.fit = action(self.tr("Fit"), self.tr("Show the whole scenario"))
        self.layout = action(self.tr("Arrange"), self.tr("Arrange the steps left to right automatically"))
        self.addSeparator()
        self.test = action(self.tr("Test on a contact"), self.tr("Run the scenario for one contact with a simulated "
                                                                 "clock; nothing is sent"), sp.SP_FileDialogInfoView)
        # The version picker sits on the editor's title row: in the toolbar it was pushed into the
        # overflow menu on ordinary screens.
        self.versions_label = QLabel(self.tr("Version:"), self)
        self.versions = QComboBox(self)
        self.versions.setMinimumContentsLength(22)
        self.versions.setToolTip(self.tr("Published versions open read-only"))
        for act in (self.save, self.publish, self.pause, self.resume, self.test):
            self.widgetForAction(act).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
