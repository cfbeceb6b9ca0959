"""Screenshots of the shell and the contacts screen for a visual check: `python tests/ui/screenshots.py ru|en [DIR]`.

Shows the empty base, ~50 demo contacts, the detail panel, a multiple selection, the edit
dialog with a validation message, Settings and a coming-soon page.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main(language: str, out: Path) -> int:
    app = QApplication.instance() or QApplication([])
    tmp = Path(tempfile.mkdtemp(prefix="kaskad-shots-"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp / "qsettings"))
    QCoreApplication.setOrganizationName("KaskadShots")
    from app.workspace import Workspace
    from tests.ui.demo import add_contacts
    from ui.contacts.edit_dialog import EditDialog
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    install_translators(app, language)
    out.mkdir(parents=True, exist_ok=True)

    def shot(widget, name: str) -> None:
        app.processEvents()
        widget.grab().save(str(out / f"{name}_{language}.png"))

    window = MainWindow(Workspace.open(tmp / "empty"))
    window.resize(1280, 820)
    window.show()
    shot(window, "empty")
    window.show_section("settings")
    shot(window, "settings")
    window.show_section("campaigns")
    shot(window, "coming_soon")
    window.close()

    workspace = Workspace.open(tmp / "demo")
    add_contacts(workspace.engine, 50)
    window = MainWindow(workspace)
    window.resize(1280, 820)
    window.show()
    shot(window, "contacts")
    screen = window.page("contacts")
    screen.table.selectRow(2)
    shot(window, "detail")
    flags = screen.table.selectionModel().SelectionFlag
    screen.table.selectionModel().select(screen.model.index(4, 0), flags.Select | flags.Rows)
    shot(window, "many")
    screen.table.selectRow(2)
    dialog = EditDialog(screen.query, screen.query.detail(screen.selected_ids()[0]), window)
    dialog.email.setText("ivan@@mail")
    dialog.save()
    dialog.show()
    shot(dialog, "edit")
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "ru", Path(sys.argv[2] if len(sys.argv) > 2 else "/tmp/kaskad-shots")))
