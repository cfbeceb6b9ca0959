"""Fixtures for the Templates screen tests: Chromium imported early, Russian UI, seeded contacts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtWebEngineWidgets  # noqa: F401 - must be loaded before the QApplication exists
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from app.workspace import Workspace
from tests.ui.templates.helpers import seed_contacts

QM = Path(__file__).resolve().parents[3] / "resources" / "i18n" / "templates_ru.qm"


@pytest.fixture(autouse=True)
def delete_closed_widgets(qapp) -> Iterator[None]:
    """Really delete the widgets pytest-qt closed, so no Chromium page outlives its test."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def russian_ui(qapp) -> Iterator[None]:
    """The screen in Russian, as most of its users see it."""
    translator = QTranslator()
    assert translator.load(str(QM)), f"cannot load {QM}"
    QCoreApplication.installTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Russian, QLocale.Country.Russia))
    yield
    QCoreApplication.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def seeded(workspace: Workspace) -> Workspace:
    """A workspace with three contacts, two of them in a list."""
    seed_contacts(workspace.engine)
    return workspace
