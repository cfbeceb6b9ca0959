"""UI test setup: Qt settings kept in the test's temporary folder, demo data helpers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path: Path) -> Iterator[None]:
    """Window geometry and other QSettings go to a temporary folder, never the user's."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    QCoreApplication.setOrganizationName("KaskadTests")
    QCoreApplication.setApplicationName("KaskadTests")
    yield


@pytest.fixture(scope="session", autouse=True)
def clipboard_released() -> Iterator[None]:
    """Copied scenario steps are taken off the clipboard before Qt's exit handlers run."""
    yield
    from ui.scenarios.canvas.clipboard import release_clipboard

    release_clipboard()
