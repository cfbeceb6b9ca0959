"""Fixtures for the Scenarios screen tests: the screen, scripted answers to its questions, templates, waiting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from app.templates.document import new_document
from app.templates.library import create_template
from app.workspace import Workspace
from ui.audiences import dialogs as audience_dialogs
from ui.scenarios import dialogs
from ui.scenarios.dialogs import NewScenario
from ui.scenarios.screen import ScenariosScreen
from ui.widgets import dialogs as common_dialogs


@dataclass
class Answers:
    """What the scripted dialogs answer, and what they were asked."""

    new: list[NewScenario | None] = field(default_factory=list)
    names: list[str | None] = field(default_factory=list)
    confirm: list[bool] = field(default_factory=list)
    unsaved: list[str] = field(default_factory=list)
    paths: list[str | None] = field(default_factory=list)
    asked: list[tuple[str, str]] = field(default_factory=list)
    errors: list[BaseException] = field(default_factory=list)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Replace every question of the screen with scripted answers."""
    script = Answers()

    def confirm(_parent: Any, title: str, text: str) -> bool:
        script.asked.append((title, text))
        return script.confirm.pop(0)

    def unsaved(_parent: Any, name: str) -> str:
        script.asked.append(("unsaved", name))
        return script.unsaved.pop(0)

    monkeypatch.setattr(dialogs.NewScenarioDialog, "ask", classmethod(lambda cls, parent: script.new.pop(0)))
    monkeypatch.setattr(audience_dialogs.NameDialog, "ask",
                        classmethod(lambda cls, parent, title, label, text="": script.names.pop(0)))
    monkeypatch.setattr(common_dialogs.Confirm, "ask", classmethod(lambda cls, *a: confirm(*a)))
    monkeypatch.setattr(dialogs.UnsavedChanges, "ask", classmethod(lambda cls, *a: unsaved(*a)))
    monkeypatch.setattr(common_dialogs.SavePath, "ask", classmethod(lambda cls, *a: script.paths.pop(0)))
    monkeypatch.setattr(dialogs.OpenPath, "ask", classmethod(lambda cls, *a: script.paths.pop(0)))
    monkeypatch.setattr(common_dialogs.ErrorDialog, "ask", classmethod(lambda cls, parent, exc: script.errors.append(exc)))
    return script


@pytest.fixture
def screen(workspace: Workspace, qtbot: Any, answers: Answers) -> Iterator[ScenariosScreen]:
    """The Scenarios screen, shown at a comfortable size."""
    page = ScenariosScreen(workspace)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    qtbot.waitExposed(page)
    yield page
    page.editor.counters.stop()


def settle(qtbot: Any, *owners: Any) -> None:
    """Wait until the background operations of `owners` (validation, publish, reads) are done."""

    def idle() -> bool:
        for owner in owners:
            for name in ("last_operation", "validation", "operation"):
                handle = getattr(owner, name, None)
                if handle is not None and not handle.done:
                    return False
        return True

    qtbot.waitUntil(idle, timeout=10000)
    qtbot.wait(10)


def sms_template(workspace: Workspace, name: str, text: str) -> None:
    """An SMS template in the library."""
    document = new_document("sms")
    document["text"] = text
    create_template(workspace.engine, name, "sms", document)
