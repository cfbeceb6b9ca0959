"""`app/` must run without Qt: no module under it may import PySide6, qasync or ui."""

from __future__ import annotations

import ast
from pathlib import Path

import app

FORBIDDEN = ("PySide6", "shiboken6", "qasync", "ui", "PyQt5", "PyQt6")


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def test_app_never_imports_qt() -> None:
    root = Path(app.__file__).parent
    offenders = [
        f"{path.relative_to(root.parent)} imports {name}"
        for path in root.rglob("*.py")
        for name in _imports(path)
        if name.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []
