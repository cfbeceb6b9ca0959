"""Which variables a template reads (for the picker and the lint), with or without a default."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import TemplateSyntaxError, meta, nodes

from app.errors import TemplateError
from app.templates.personalize import ENVS, locate_column

__all__ = ["VariableUse", "variable_uses", "variables"]


@dataclass(frozen=True)
class VariableUse:
    """A variable the template reads: dotted path, line, and whether a `default` guards it."""

    path: str
    line: int
    has_default: bool


def _dotted(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        base = _dotted(node.node)
        return f"{base}.{node.attr}" if base else None
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
        base = _dotted(node.node)
        return f"{base}.{node.arg.value}" if base else None
    return None


def variable_uses(source: str) -> list[VariableUse]:
    """Every top-level variable the template reads (loop variables excluded), longest dotted paths."""
    try:
        ast = ENVS["text"].parse(source)
    except TemplateSyntaxError as exc:
        raise TemplateError(exc.message or str(exc), line=exc.lineno,
                            column=locate_column(source, exc.lineno, None, ENVS["text"])) from exc
    free = meta.find_undeclared_variables(ast)
    guarded: set[int] = set()
    for flt in ast.find_all(nodes.Filter):
        if flt.name in ("default", "d") and flt.node is not None:
            guarded.add(id(flt.node))
    uses: list[VariableUse] = []
    inner: set[int] = set()
    for node in ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
        if id(node) in inner:
            continue
        path = _dotted(node)
        if path is None or path.split(".")[0] not in free:
            continue
        # Children of this chain are covered by it.
        for child in node.find_all((nodes.Getattr, nodes.Getitem, nodes.Name)):
            inner.add(id(child))
        uses.append(VariableUse(path, node.lineno, id(node) in guarded))
    return uses


def variables(source: str) -> set[str]:
    """The dotted variable names a template uses (for the picker and the lint)."""
    return {use.path for use in variable_uses(source)}
