"""Application settings in the workspace database."""

from __future__ import annotations

import pytest

from app.errors import UserInputError
from app.settings import get_bool, get_int, get_language, get_setting, get_str, set_language, set_setting
from app.workspace import Workspace


def test_settings_round_trip_with_types(workspace: Workspace) -> None:
    engine = workspace.engine
    assert get_setting(engine, "x.missing", "dflt") == "dflt"
    set_setting(engine, "x.count", 3)
    set_setting(engine, "x.count", 4)  # replaced, not duplicated
    set_setting(engine, "x.flag", True)
    set_setting(engine, "x.name", "Касса")
    assert (get_int(engine, "x.count"), get_bool(engine, "x.flag"), get_str(engine, "x.name")) == (4, True, "Касса")
    assert get_int(engine, "x.flag", 7) == 7  # a bool is not an int setting
    assert get_str(engine, "x.count", "no") == "no"


def test_language_setting(workspace: Workspace) -> None:
    assert get_language(workspace.engine) == ""
    set_language(workspace.engine, "en")
    assert get_language(workspace.engine) == "en"
    with pytest.raises(UserInputError):
        set_language(workspace.engine, "de")
