"""Engine process for the SIGKILL test: `python -m tests.app.engine.sigkill_runner WORKSPACE [--until-idle]`."""

from __future__ import annotations

import asyncio
import sys

from app.engine.engine import Engine
from app.engine.limits import Backoff
from app.workspace import Workspace


def main() -> int:
    root, until_idle = sys.argv[1], "--until-idle" in sys.argv
    with Workspace.open(root) as ws:
        engine = Engine(ws, backoff=Backoff(base=0.05, cap=0.3, max_attempts=8), http_timeout=1.0, grace=0.5)
        if until_idle:
            asyncio.run(engine.run_until_idle(horizon=5))
        else:
            asyncio.run(engine.run_forever())
    return 0


if __name__ == "__main__":
    sys.exit(main())
