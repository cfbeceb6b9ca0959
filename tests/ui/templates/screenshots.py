"""Offscreen screenshots of the Templates screen: `python -m tests.ui.templates.screenshots OUT_DIR [ru|en]`."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")

from PySide6 import QtWebEngineWidgets  # noqa: E402, F401 - before the QApplication
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app.templates.document import new_block, new_document  # noqa: E402
from app.templates.library import create_template  # noqa: E402
from app.workspace import Workspace  # noqa: E402
from tests.ui.templates.helpers import seed_contacts  # noqa: E402
from ui.i18n import install_translators  # noqa: E402


def wait(ms: int) -> None:
    """Let Qt (and Chromium) work for `ms` milliseconds."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def designed_letter() -> dict:
    """A letter with every common block."""
    doc = new_document("designer")
    doc["subject"] = "{{ first_name | default(\"Друг\") }}, скидка 20% только до воскресенья"
    doc["preheader"] = "Бонусы на вашем счёте: {{ bonus | default(0) }}"
    heading, text, button, footer = (new_block(k) for k in ("heading", "text", "button", "footer"))
    image = new_block("image")
    image["src"] = "https://example.ru/banner.jpg"
    product = new_block("product")
    product.update(title="Кофемолка «Утро»", price="2 490 ₽", old_price="3 100 ₽")
    columns = new_block("columns")
    columns["columns"] = [[new_block("text")], [new_block("button")]]
    doc["blocks"] = [new_block("logo"), heading, image, text, product, columns, new_block("divider"), button,
                     new_block("social"), footer]
    return doc


def shoot(widget: QWidget, path: Path) -> None:
    """Save the widget as it looks now."""
    widget.grab().save(str(path))
    print(path)


def main(out: Path, language: str) -> None:
    """Open the screen on a demo workspace and save its pages."""
    app = QApplication.instance() or QApplication([])
    translators = install_translators(app, language)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as root, Workspace.open(root) as workspace:
        seed_contacts(workspace.engine)
        created = create_template(workspace.engine, "Весенняя распродажа", "email", designed_letter())
        create_template(workspace.engine, "Напоминание о записи", "sms", new_document("sms") | {"text": "Привет"})
        from ui.templates.screen import TemplatesScreen

        screen = TemplatesScreen(workspace)
        screen.resize(1400, 860)
        screen.show()
        wait(300)
        shoot(screen, out / f"library_{language}.png")
        screen.open_template(created.template_id)
        editor = screen.editor_page.editor
        editor.designer.canvas.setCurrentRow(1)
        wait(2500)
        shoot(screen, out / f"designer_{language}.png")
        editor.preview.set_mobile(True)
        wait(1500)
        shoot(editor.preview, out / f"preview_mobile_{language}.png")
        editor.preview.set_mobile(False)
        wait(1200)
        shoot(editor.preview, out / f"preview_desktop_{language}.png")
        editor.designer.canvas.setCurrentRow(9)
        editor.designer.canvas.remove_current()
        editor.designer.side_tabs.setCurrentIndex(1)
        editor.check_audience()
        wait(2500)
        shoot(screen, out / f"lint_{language}.png")
        shoot(editor.lint, out / f"lint_panel_{language}.png")
        editor.designer.tabs.setCurrentIndex(1)
        wait(1500)
        shoot(screen, out / f"html_mode_{language}.png")
        screen.editor_page.dirty = False
        screen.close()
    for translator in translators:
        app.removeTranslator(translator)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/kaskad-shots"), sys.argv[2] if len(sys.argv) > 2 else "ru")
