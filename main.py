"""Kaskad entry point: `main.py` (or `main.py gui`) opens the app, other commands run headless."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] == "gui":
        from ui.app import run_gui  # Qt is imported only for the GUI

        return run_gui(args[1:])
    from app.cli import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
