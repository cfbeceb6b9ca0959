"""Personalisation: sandboxed Jinja environments, limits, error positions, contact context.

Three environments share one set of filters: `html` (autoescaped: contact values can never
inject markup), `text` (plain-text parts, subjects, manager text) and `sms` (like text, but
`money` uses an ordinary space). All are `ImmutableSandboxedEnvironment` with `StrictUndefined`
(a misspelt field fails loudly instead of printing nothing); `default(...)` falls back on
undefined, None and blank values. Limits: 64 KB of template source, 1 MB of output, no
`attr` filter, no huge string/list multiplication or powers (reliability.md §4.1).
"""

from __future__ import annotations

import contextvars
import functools
import itertools
import operator
import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import StrictUndefined, TemplateSyntaxError, Undefined, UndefinedError, nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import escape

from app.errors import TemplateError
from app.templates import filters

__all__ = [
    "MAX_HTML_SOURCE",
    "MAX_OUTPUT",
    "MAX_SOURCE",
    "CompiledText",
    "FallbackRecorder",
    "build_context",
    "compile_text",
    "locate_column",
    "note_fallback",
]

MAX_SOURCE = 64 * 1024
# Whole-letter HTML (generated from designer blocks, or an imported letter) may be larger than
# anything typed by hand; each hand-typed part still has the 64 KB limit.
MAX_HTML_SOURCE = 256 * 1024
MAX_OUTPUT = 1024 * 1024
_TEMPLATE_FILE = "<template>"

# The fallbacks taken during one render; set by the dry run / preview, None otherwise.
_fallbacks: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("kaskad_fallbacks", default=None)


def _default(value: Any, fallback: Any = "", boolean: bool = True) -> Any:
    result = filters.default(value, fallback, boolean)
    if result is fallback:
        taken = _fallbacks.get()
        if taken is not None:
            name = getattr(value, "_undefined_name", None) if isinstance(value, Undefined) else None
            taken.append(f"{name or '…'} → {fallback!r}")
    return result


def note_fallback(name: str, fallback: Any) -> None:
    """Record that `name` fell back to `fallback` (seen by an active `FallbackRecorder`)."""
    taken = _fallbacks.get()
    if taken is not None:
        taken.append(f"{name} → {fallback!r}")


def _no_attr(*_args: Any, **_kwargs: Any) -> Any:
    raise SecurityError("the 'attr' filter is not allowed in templates")


def _finalize(value: Any) -> Any:
    # An empty database cell prints as nothing, never as "None".
    return "" if value is None else value


# Widths, counts and repeats above this are refused (the sandbox's own range limit is 100,000).
_MAX_INT_ARG = 100_000


def _check_args(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    for arg in (*args, *kwargs.values()):
        if isinstance(arg, int) and not isinstance(arg, bool) and abs(arg) > _MAX_INT_ARG:
            raise SecurityError(f"the argument {arg} is too large")


def _guarded(fn: Any) -> Any:
    """A built-in filter that refuses giant widths/counts (`center(10**9)`, `slice(10**9)`).

    The filtered value itself is not checked (`{{ 2500000 | round }}` is fine); a filter
    that takes the context or environment first gets it before the value.
    """
    skip = 2 if getattr(fn, "jinja_pass_arg", None) is not None else 1

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _check_args(args[skip:], kwargs)
        return fn(*args, **kwargs)

    return wrapper


class _Env(ImmutableSandboxedEnvironment):
    """The sandbox plus guards against giant strings, powers and widths (`'a' * 10**9`, `''.center(10**9)`)."""

    intercepted_binops = frozenset({"*", "**"})

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _check_args(args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        if operator_name == "**":
            if isinstance(right, int) and abs(right) > 100:
                raise SecurityError("the exponent is too large")
            return operator.pow(left, right)
        size = None
        if isinstance(left, (str, list, tuple)) and isinstance(right, int):
            size = len(left) * right
        elif isinstance(right, (str, list, tuple)) and isinstance(left, int):
            size = len(right) * left
        if size is not None and size > MAX_OUTPUT:
            raise SecurityError("the result of the multiplication is too large")
        return operator.mul(left, right)


def _make_env(*, autoescape: bool, money_sep: str) -> _Env:
    env = _Env(autoescape=autoescape, undefined=StrictUndefined, finalize=_finalize, keep_trailing_newline=True)
    env.filters = {name: _guarded(fn) for name, fn in env.filters.items() if name != "format"}
    # lipsum(10**5) writes megabytes; a letter never needs placeholder Latin.
    env.globals.pop("lipsum", None)

    def money(value: Any, currency: str = "₽", decimals: int | None = None) -> str:
        return filters.money(value, currency, decimals, sep=money_sep)

    env.filters.update(
        default=_default,
        d=_default,
        date=filters.date_short,
        date_long=filters.date_long,
        money=money,
        plural=filters.plural,
        attr=_no_attr,
    )
    return env


ENVS = {
    "html": _make_env(autoescape=True, money_sep=filters.NARROW_NBSP),
    "text": _make_env(autoescape=False, money_sep=filters.NARROW_NBSP),
    "sms": _make_env(autoescape=False, money_sep=" "),
}

_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


def locate_column(source: str, line: int | None, needle: str | None = None, env: _Env | None = None) -> int | None:
    """Best 1-based column for a fault on `line`: the tag naming `needle`, else the first tag that fails alone."""
    if line is None:
        return None
    lines = source.splitlines() or [""]
    if not 1 <= line <= len(lines):
        return None
    text = lines[line - 1]
    tags = list(_TAG.finditer(text))
    if needle:
        for tag in tags:
            if re.search(rf"\b{re.escape(needle)}\b", tag.group()):
                return tag.start() + 1
    if env is not None:
        for tag in tags:
            if tag.group().startswith("{{"):
                try:
                    env.parse(tag.group())
                except TemplateSyntaxError:
                    return tag.start() + 1
        # An unclosed tag: the last opener on the line is the culprit.
        opener = max(text.rfind("{{"), text.rfind("{%"))
        if opener >= 0 and not any(t.start() == opener for t in tags):
            return opener + 1
    if tags:
        return tags[0].start() + 1
    stripped = len(text) - len(text.lstrip())
    return stripped + 1


def _runtime_line(exc: BaseException) -> int | None:
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename == _TEMPLATE_FILE:
            line = frame.lineno
    return line


_UNDEF_NAME = re.compile(r"'([^']+)' is undefined|has no attribute '([^']+)'")


def _explain(exc: BaseException) -> tuple[str, str | None]:
    """Plain-language reason and the name to look for on the faulty line."""
    message = str(exc)
    if isinstance(exc, UndefinedError):
        found = _UNDEF_NAME.search(message)
        name = (found.group(1) or found.group(2)) if found else None
        return f"unknown variable {name!r} (add | default(\"...\") or check the name)" if name else message, name
    if isinstance(exc, SecurityError):
        return f"not allowed: {message}", None
    if isinstance(exc, OverflowError):
        return f"too large: {message}", "range"
    return f"{type(exc).__name__}: {message}", None


@dataclass(frozen=True)
class CompiledText:
    """One compiled template part; `render(context)` applies the output limit and names faults.

    Attributes:
        source: the Jinja source.
        name: what to call it in errors ("subject", "block b1a2 (text)", ...).
        env: "html", "text" or "sms".
    """

    source: str
    name: str
    env: str
    template: Any
    #: For a template of literal text and plain `{{ name }}` outputs only: its pieces in order,
    #: (False, text) or (True, variable name). Rendered without Jinja's per-call machinery.
    plain: tuple[tuple[bool, str], ...] | None = None

    def render(self, context: Mapping[str, Any]) -> str:
        """Render with `context`; raises TemplateError(reason, line=, column=) on any fault."""
        if self.plain is not None:
            text = _render_plain(self.plain, context, self.env == "html")
            if text is not None:
                if len(text) > MAX_OUTPUT:
                    raise TemplateError("the output is larger than 1 MB", name=self.name)
                return text
        parts: list[str] = []
        size = 0
        try:
            chunks = self.template.generate(context)
            while True:
                # Batches joined in C: a per-chunk Python loop cost a third of the render.
                batch = "".join(itertools.islice(chunks, 512))
                if not batch:
                    break
                size += len(batch)
                if size > MAX_OUTPUT:
                    raise TemplateError("the output is larger than 1 MB", name=self.name)
                parts.append(batch)
        except TemplateError:
            raise
        except Exception as exc:  # every fault inside a user template is the user's to fix
            reason, needle = _explain(exc)
            line = _runtime_line(exc)
            raise TemplateError(reason, line=line, column=locate_column(self.source, line, needle),
                                name=self.name) from exc
        return "".join(parts)


def compile_text(source: str, *, env: str = "text", name: str = "", max_source: int = MAX_SOURCE) -> CompiledText:
    """Compile a template part once; raises TemplateError with the line and column of a syntax error."""
    if len(source.encode("utf-8")) > max_source:
        raise TemplateError(f"the template is larger than {max_source // 1024} KB", name=name)
    environment = ENVS[env]
    try:
        template = environment.from_string(source)
    except TemplateSyntaxError as exc:
        raise TemplateError(exc.message or str(exc), line=exc.lineno,
                            column=locate_column(source, exc.lineno, None, environment), name=name) from exc
    return CompiledText(source=source, name=name, env=env, template=template, plain=_plain_pieces(environment, source))


def _plain_pieces(environment: _Env, source: str) -> tuple[tuple[bool, str], ...] | None:
    """The pieces of a template made only of literal text and `{{ name }}` outputs, else None."""
    pieces: list[tuple[bool, str]] = []
    for node in environment.parse(source).body:
        if not isinstance(node, nodes.Output):
            return None
        for part in node.nodes:
            if isinstance(part, nodes.TemplateData):
                pieces.append((False, part.data))
            elif isinstance(part, nodes.Name) and part.ctx == "load":
                pieces.append((True, part.name))
            else:
                return None
    return tuple(pieces)


def _render_plain(pieces: tuple[tuple[bool, str], ...], context: Mapping[str, Any], html: bool) -> str | None:
    """What Jinja would print for `pieces`: None printed as nothing (`_finalize`), values escaped
    in HTML. None when a name is not in `context`: Jinja then raises the proper error."""
    out = []
    for is_name, piece in pieces:
        if not is_name:
            out.append(piece)
            continue
        if piece not in context:
            return None
        value = context[piece]
        if value is None:
            continue
        out.append(escape(value) if html else value if isinstance(value, str) else str(value))
    return "".join(out)


class FallbackRecorder:
    """Context manager collecting the `default(...)` fallbacks taken inside it (for previews and dry runs)."""

    def __enter__(self) -> list[str]:
        self.taken: list[str] = []
        self._token = _fallbacks.set(self.taken)
        return self.taken

    def __exit__(self, *exc: object) -> None:
        _fallbacks.reset(self._token)


#: Contact columns every contact context has (see app.db.schema.contacts).
CONTACT_FIELDS = (
    "id", "phone", "email", "external_id", "first_name", "last_name", "middle_name", "gender",
    "city", "birthday", "timezone", "source", "created_at", "updated_at",
)


def build_context(contact: Mapping[str, Any] | None, *, lead: Mapping[str, Any] | None = None,
                  event: Mapping[str, Any] | None = None, manager: Mapping[str, Any] | None = None,
                  extra: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The render context: plain dicts only (never ORM objects, sessions or settings).

    Every contact column and every custom field by its key are top-level variables
    (`{{ first_name }}`, `{{ bonus }}`), and the same under `contact.*`; a custom key never
    shadows a column. `lead`, `event`, `manager` are exposed for manager emails; `extra`
    (e.g. `unsubscribe_url`, `products`) is added last.
    """
    flat: dict[str, Any] = {}
    if contact is not None:
        custom = contact.get("custom") or {}
        if isinstance(custom, Mapping):
            flat.update({str(k): v for k, v in custom.items()})
        for key, value in contact.items():
            if key not in ("custom", "search_text", "import_job_id"):
                flat[key] = value
        flat["full_name"] = " ".join(
            str(p) for p in (contact.get("first_name"), contact.get("last_name")) if p
        )
    context: dict[str, Any] = dict(flat)
    context["contact"] = flat
    if lead is not None:
        context["lead"] = dict(lead)
    if event is not None:
        context["event"] = dict(event)
    if manager is not None:
        context["manager"] = dict(manager)
    if extra:
        context.update(extra)
    return context
