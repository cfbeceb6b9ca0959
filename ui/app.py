"""Starting the GUI: options, QApplication, translations, the workspace, the qasync loop, the window."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import qasync
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.errors import KaskadError
from app.heap import freeze_long_lived
from app.settings import get_language
from app.workspace import Workspace
from ui.i18n import choose_language, install_translators, remove_translators
from ui.scenarios.canvas.clipboard import release_clipboard

if TYPE_CHECKING:
    from ui.main_window import MainWindow

__all__ = ["parse_args", "run_gui"]


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """The GUI's command-line options."""
    parser = argparse.ArgumentParser(prog="kaskad gui", description="Open the Kaskad window")
    parser.add_argument("--workspace", metavar="DIR", help="workspace folder (default: $KASKAD_WORKSPACE or the user data dir)")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL instead of the workspace's SQLite file")
    parser.add_argument("--lang", choices=("ru", "en"), help="UI language (default: the setting, else the system locale)")
    # For smoke checks of a real launch: quit by itself after this many seconds.
    parser.add_argument("--quit-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    return parser.parse_args(list(argv))


def run_gui(argv: Sequence[str]) -> int:
    """Open the main window and run until it is closed; returns the process exit code."""
    args = parse_args(argv)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "kaskad"])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("Kaskad")
    QCoreApplication.setApplicationName("Kaskad")
    QCoreApplication.setApplicationVersion(__version__)
    try:
        workspace = Workspace.open(args.workspace, args.db)
    except KaskadError as exc:
        translators = install_translators(app, choose_language(args.lang, None))
        QMessageBox.critical(None, QCoreApplication.translate("Startup", "Kaskad cannot start"),
                             QCoreApplication.translate("Startup", "The workspace cannot be opened:") + f"\n\n{exc}")
        remove_translators(app, translators)
        return 4
    translators = install_translators(app, choose_language(args.lang, get_language(workspace.engine)))
    try:
        from ui.main_window import MainWindow  # after the translators: widgets translate at creation

        window = MainWindow(workspace)
        window.show()
        freeze_long_lived()  # the start-up heap lives as long as the window
        if args.quit_after is not None:
            QTimer.singleShot(int(args.quit_after * 1000), window.close)
        _run_loop(app, window)
        return 0
    finally:
        remove_translators(app, translators)
        workspace.close()


def _run_loop(app: QApplication, window: MainWindow) -> None:
    # One asyncio loop integrated with Qt (qasync): later screens await provider I/O on it.
    loop = qasync.QEventLoop(app, already_running=False)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    window.closed.connect(closed.set)
    app.aboutToQuit.connect(closed.set)
    try:
        with loop:
            loop.run_until_complete(closed.wait())
    finally:
        app.aboutToQuit.disconnect(closed.set)
        asyncio.set_event_loop(None)
        release_clipboard()
