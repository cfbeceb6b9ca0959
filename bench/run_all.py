"""Run every bench/*_bench.py in turn (`make bench`); `--quick` is passed to those that accept it."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for a fast look")
    parser.add_argument("--only", metavar="NAME", help="run only benchmarks whose file name contains NAME")
    args = parser.parse_args()
    failed = []
    for bench in sorted(HERE.glob("*_bench.py")):
        if args.only and args.only not in bench.name:
            continue
        argv = [sys.executable, str(bench)]
        if args.quick and "--quick" in bench.read_text(encoding="utf-8"):
            argv.append("--quick")
        print(f"=== {bench.name} {' '.join(argv[2:])}", flush=True)
        started = time.perf_counter()
        code = subprocess.call(argv)
        print(f"=== {bench.name}: exit {code} after {time.perf_counter() - started:.0f} s\n", flush=True)
        if code != 0:
            failed.append(bench.name)
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
