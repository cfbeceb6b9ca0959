"""Contacts screen on a 1,000,000-contact base: time to first rows and quick-search latency."""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

LAST = ["Иванов", "Петров", "Сидоров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Михайлов", "Новиков",
        "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов"]
FIRST = ["Иван", "Пётр", "Анна", "Мария", "Ольга", "Сергей", "Алексей", "Елена", "Дмитрий", "Наталья", "Андрей",
         "Татьяна", "Михаил", "Юлия", "Николай", "Ирина"]
MIDDLE = ["Иванович", "Петрович", "Сергеевич", "Алексеевич", "Андреевич", "Ивановна", "Петровна", "Сергеевна"]
CITIES = ["Москва", "Санкт-Петербург", "Екатеринбург", "Казань", "Новосибирск", "Пермь", "Самара", "Уфа", "Омск"]


def _rows(count: int, seed: int = 7) -> Iterator[tuple]:
    rnd = random.Random(seed)
    # Distinct phones: a shuffled-looking walk over a 10^9 block of +79xx numbers.
    for i in range(count):
        national = 9_000_000_000 + (i * 7_919 + 13) % 1_000_000_000
        phone = f"+7{national}"
        last, first, middle = rnd.choice(LAST), rnd.choice(FIRST), rnd.choice(MIDDLE)
        city = rnd.choice(CITIES)
        email = f"user{i}@example{i % 50}.ru" if i % 3 else None
        created = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d} 10:{i % 60:02d}:00.000000"
        birthday = f"{1960 + i % 45}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        search = f"{last} {first} {middle} {email or ''} {phone[1:]} {city}".lower()
        yield (phone, email, first, last, middle, city, birthday, "{}", "bench", search, created, created)


def build_base(path: Path, count: int) -> None:
    """Create a migrated workspace database at `path` holding `count` contacts (raw sqlite3, fast)."""
    from app.workspace import Workspace

    Workspace.open(path.parent).close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    con.executemany(
        "INSERT INTO contacts (phone, email, first_name, last_name, middle_name, city, birthday, custom, source,"
        " search_text, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        _rows(count),
    )
    con.execute("INSERT INTO lists (name, created_at) VALUES ('Постоянные', '2025-01-01 00:00:00.000000')")
    con.execute("INSERT INTO tags (name) VALUES ('VIP')")
    con.execute("INSERT INTO list_members (list_id, contact_id, added_at) SELECT 1, id, created_at FROM contacts"
                " WHERE id % 10 = 0")
    con.execute("INSERT INTO contact_tags (contact_id, tag_id) SELECT id, 1 FROM contacts WHERE id % 7 = 0")
    con.commit()
    con.close()


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


SEARCHES = {
    "phone typed like 8 (912) 345-67-89": "8 (900) 791-90-13",
    "phone prefix '912 34'": "912 34",
    "email prefix 'user12346@'": "user12346@",
    "name, common ('петров')": "петров",
    "name + first name ('смирнов анна')": "смирнов анна",
    "no match (worst case: full scan)": "zzzz",
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="100,000 contacts, 3 repeats")
    args = parser.parse_args()
    if args.quick:
        args.rows, args.repeat = 100_000, 3

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from app.workspace import Workspace
    from ui.contacts.model import COLUMNS
    from ui.contacts.screen import ContactsScreen

    with tempfile.TemporaryDirectory(prefix="kaskad-screen-bench-") as tmp:
        db = Path(tmp) / "kaskad.db"
        start = time.perf_counter()
        build_base(db, args.rows)
        print(f"built a {args.rows:,}-contact base in {time.perf_counter() - start:.1f} s")

        screens: list[ContactsScreen] = []

        def open_screen() -> None:
            workspace = Workspace.open(tmp)
            screen = ContactsScreen(workspace)
            screen.resize(1200, 800)
            screen.show()
            app.processEvents()  # paints the table: the first rows are fetched here
            assert screen.model.rowCount() > 0 and screen.model.data(screen.model.index(0, 1))
            screens.append(screen)

        first_rows = _median_ms(open_screen, args.repeat)
        print(f"first rows shown after opening: median {first_rows:.0f} ms (target < 1000 ms)")
        screen = screens[-1]
        worst = 0.0
        for label, text in SEARCHES.items():
            def search(text: str = text) -> None:
                screen.search.setText(text)
                screen.search.returnPressed.emit()  # skips the 250 ms typing pause
                while screen.model.filter.search != text:  # free text: matches arrive from a thread
                    app.processEvents()
                    time.sleep(0.001)
                app.processEvents()  # paints them

            def reset() -> None:
                screen.search.setText("")
                screen.search.returnPressed.emit()
                while screen.model.pending is not None and not screen.model.pending.done:
                    app.processEvents()

            times = []
            for _ in range(args.repeat):
                reset()
                times.append(_median_ms(search, 1))
            median = statistics.median(times)
            worst = max(worst, median)
            shown = screen.model.rowCount()
            start = time.perf_counter()
            while screen.model.total is None:  # the background count of a free-text search
                app.processEvents()
                time.sleep(0.005)
            counted = (time.perf_counter() - start) * 1000
            print(f"quick search, {label}: median {median:.0f} ms to the first {shown} rows; "
                  f"{screen.model.total:,} found, counted {counted:.0f} ms later")
        print(f"slowest quick-search median {worst:.0f} ms (target < 300 ms)")

        def scroll() -> None:
            screen.table.scrollToBottom()
            app.processEvents()

        screen.search.setText("")
        screen.search.returnPressed.emit()
        print(f"scroll to the end of the loaded rows + fetchMore: median {_median_ms(scroll, args.repeat):.0f} ms")
        for column in ("name", "city"):
            times = []
            for _ in range(args.repeat):
                screen.model.sort(COLUMNS.index("created"), Qt.SortOrder.AscendingOrder)  # indexed: at once
                start = time.perf_counter()
                screen.model.sort(COLUMNS.index(column), Qt.SortOrder.AscendingOrder)
                while screen.model.filter.sort != column:  # unindexed sorts arrive from a thread
                    app.processEvents()
                    time.sleep(0.001)
                app.processEvents()
                times.append((time.perf_counter() - start) * 1000)
            note = " (not indexed: sorted off the GUI thread)" if column == "city" else ""
            print(f"sort by {column}{note}: median {statistics.median(times):.0f} ms")
        for s in screens:
            s.workspace.close()
            s.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
