"""Import benchmark: generated messy Russian bases into fresh SQLite workspaces.

Measures (median of --runs, each run in a fresh child process so peak RSS is per import):
  * a cp1251 ";" CSV of --rows rows into a fresh workspace  (target <= 10 s, peak RSS <= 1 GB at 1M)
  * the same file again, every row a duplicate, fill policy  (target <= 12 s at 1M)
  * .xlsx files of --xlsx-rows rows                          (targets: 100k <= 2 s, 1M <= 15 s)

    .venv/bin/python bench/import_bench.py                 # full sizes (make bench)
    .venv/bin/python bench/import_bench.py --quick         # 100k CSV, 20k xlsx: a minute
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGETS = {("csv", 1_000_000): 10.0, ("again", 1_000_000): 12.0, ("xlsx", 100_000): 2.0, ("xlsx", 1_000_000): 15.0}
RSS_TARGET_MB = 1024


def child(kind: str, file: Path, root: Path) -> None:
    """One import in this process; prints a JSON line with the timing and peak RSS."""
    from app.importer.job import run_import
    from app.importer.model import ImportOptions
    from app.workspace import Workspace

    with Workspace.open(root) as ws:
        stages: dict[str, float] = {}
        started = time.perf_counter()

        def progress(done: int, total: int | None, stage: str) -> None:
            stages.setdefault(stage, round(time.perf_counter() - started, 2))

        result = run_import(ws, file, ImportOptions(), progress)
        seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "rss_mb": rss, "cpu": time.process_time(), "created": result.created, "updated": result.updated,
                      "skipped": result.skipped, "merged": result.merged, "rejected": result.rejected,
                      "stages": stages}))


def run_child(kind: str, file: Path, root: Path) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", kind, str(file), str(root)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"benchmark child failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def write_xlsx(path: Path, count: int, seed: int = 42) -> None:
    """The demo base as Excel saves it: dates as dates, a fifth of the phones as number cells."""
    import datetime as dt

    import xlsxwriter

    from app.contacts.normalize import parse_date
    from app.demo import DEMO_HEADER, demo_rows

    book = xlsxwriter.Workbook(path, {"constant_memory": True})
    sheet = book.add_worksheet("Клиенты")
    dated = book.add_format({"num_format": "dd.mm.yyyy"})
    sheet.write_row(0, 0, DEMO_HEADER)
    for r, row in enumerate(demo_rows(count, seed), start=1):
        for c, value in enumerate(row):
            if c == 1 and value.isdigit() and r % 5 == 0:
                sheet.write_number(r, c, float(value))
            elif c == 3 and value and (day := parse_date(value)):
                sheet.write_datetime(r, c, dt.datetime(day.year, day.month, day.day), dated)
            elif value:
                sheet.write_string(r, c, value)
    book.close()


def measure(label: str, key: tuple[str, int], runs: int, make_root: Callable[[], Path], file: Path, kind: str) -> None:
    load = os.getloadavg()[0]
    results = [run_child(kind, file, make_root()) for _ in range(runs)]
    times = sorted(r["seconds"] for r in results)
    median = statistics.median(times)
    rss = max(r["rss_mb"] for r in results)
    target = TARGETS.get(key)
    verdict = "" if target is None else (" OK" if median <= target else f" OVER the {target:.0f} s target")
    rss_note = " OK" if rss <= RSS_TARGET_MB else " OVER 1 GB"
    last = results[-1]
    print(f"{label:34} median {median:6.2f} s  (runs {', '.join(f'{t:.2f}' for t in times)}){verdict}")
    print(f"{'':34} peak RSS {rss:6.0f} MB{rss_note}; created {last['created']}, updated {last['updated']}, "
          f"unchanged {last['skipped']}, merged {last['merged']}, rejected {last['rejected']}")
    print(f"{'':34} stage start times: {last['stages']}")
    print(f"{'':34} CPU of the process (incl. start-up) median {statistics.median(r['cpu'] for r in results):.2f} s; "
          f"load average before {load:.2f}, after {os.getloadavg()[0]:.2f} (2 cores, shared machine)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="CSV rows (default 1,000,000)")
    parser.add_argument("--xlsx-rows", default="100000,1000000", help="comma-separated .xlsx sizes ('' for none)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="100k CSV and 20k xlsx")
    parser.add_argument("--child", nargs=3, metavar=("KIND", "FILE", "ROOT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0
    if args.quick:
        args.rows, args.xlsx_rows = 100_000, "20000"
    from app.demo import write_demo_csv
    from app.workspace import DB_FILE, Workspace

    tmp = Path(tempfile.mkdtemp(prefix="kaskad-import-bench-"))
    try:
        template = tmp / "template"
        Workspace.open(template).close()
        counter = iter(range(10**6))

        def fresh_root() -> Path:
            root = tmp / f"ws{next(counter)}"
            root.mkdir()
            shutil.copy(template / DB_FILE, root / DB_FILE)
            return root

        started = time.perf_counter()
        csv_file = write_demo_csv(tmp / "clients.csv", args.rows)
        print(f"generated {args.rows:,} rows of cp1251 ';' CSV ({csv_file.stat().st_size / 2**20:.0f} MiB) "
              f"in {time.perf_counter() - started:.1f} s")
        measure(f"CSV {args.rows:,} rows, fresh base", ("csv", args.rows), args.runs, fresh_root, csv_file, "csv")
        loaded = fresh_root()
        run_child("csv", csv_file, loaded)
        measure(f"CSV {args.rows:,} rows again (fill)", ("again", args.rows), args.runs, lambda: loaded, csv_file, "again")
        for size in [int(s) for s in args.xlsx_rows.split(",") if s.strip()]:
            started = time.perf_counter()
            book = tmp / f"clients-{size}.xlsx"
            write_xlsx(book, size)
            print(f"generated {size:,} rows of .xlsx ({book.stat().st_size / 2**20:.0f} MiB) "
                  f"in {time.perf_counter() - started:.1f} s")
            measure(f"XLSX {size:,} rows, fresh base", ("xlsx", size), args.runs, fresh_root, book, "xlsx")
            book.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
