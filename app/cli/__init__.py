"""The command line: `main.py <command> ...`, one module per area in this package.

Each module defines `register(subparsers)` adding its commands; every command's handler is
`handler(args, workspace) -> int`. Modules are discovered, so adding an area adds a module.

Exit codes (documented in the README):
    0 success · 1 unexpected error (a bug) · 2 usage error · 3 bad input (file, row, column
    and reason printed) · 4 environment problem (workspace, database, lock) · 5 provider
    error · 130 cancelled.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import json
import pkgutil
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any

from app import __version__
from app.errors import Cancelled, EnvironmentProblem, ProviderError, UserInputError
from app.workspace import Workspace

__all__ = ["EXIT", "Handler", "common_options", "emit", "main", "stop_on_signals"]

EXIT = {"ok": 0, "bug": 1, "usage": 2, "input": 3, "environment": 4, "provider": 5, "cancelled": 130}

Handler = Callable[[argparse.Namespace, Workspace], int]


def common_options() -> argparse.ArgumentParser:
    """Options every command accepts, before or after the command name."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("--workspace", metavar="DIR", default=argparse.SUPPRESS,
                        help="workspace folder (default: $KASKAD_WORKSPACE or the user data dir)")
    parent.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="SQLAlchemy database URL instead of the workspace's SQLite file")
    return parent


def emit(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    """Print `data` as one JSON document with --json, else the human-readable `text`."""
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, default=str))
    else:
        print(text)


def stop_on_signals(callback: Callable[[], None]) -> None:
    """Call `callback` on SIGINT/SIGTERM while the running asyncio loop runs.

    Windows' loop has no signal handlers; there Ctrl+C stays a KeyboardInterrupt.
    """
    if sys.platform == "win32":
        return
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, callback)
        except RuntimeError:  # a loop outside the main thread cannot take signals
            return


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kaskad", description="Kaskad campaign manager", parents=[common_options()])
    parser.add_argument("--version", action="version", version=f"kaskad {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    parent = common_options()
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub, parent)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT["usage"]
    try:
        if getattr(args, "no_workspace", False):
            return handler(args, None)  # type: ignore[arg-type]
        with Workspace.open(getattr(args, "workspace", None), getattr(args, "db", None)) as workspace:
            return handler(args, workspace)
    except UserInputError as exc:
        _fail(args, "input", str(exc), exc)
        return EXIT["input"]
    except EnvironmentProblem as exc:
        _fail(args, "environment", str(exc), exc)
        return EXIT["environment"]
    except ProviderError as exc:
        _fail(args, "provider", str(exc), exc)
        return EXIT["provider"]
    except Cancelled as exc:
        _fail(args, "cancelled", str(exc), exc)
        return EXIT["cancelled"]
    except KeyboardInterrupt:
        _fail(args, "cancelled", "interrupted", None)
        return EXIT["cancelled"]
    except Exception as exc:  # a bug: say so, with the traceback on stderr
        traceback.print_exc()
        _fail(args, "bug", f"internal error: {exc!r}", exc)
        return EXIT["bug"]


def _fail(args: argparse.Namespace, kind: str, message: str, exc: BaseException | None) -> None:
    if getattr(args, "json", False):
        payload: dict[str, Any] = {"ok": False, "error": kind, "message": message}
        for attr in ("path", "row", "column", "line", "reason"):
            if exc is not None and getattr(exc, attr, None) is not None:
                payload[attr] = getattr(exc, attr)
        print(json.dumps(payload, ensure_ascii=False, default=str))
    print(f"kaskad: error: {message}", file=sys.stderr)
