"""A realistic, messy Russian customer base for the demo, tests and benchmarks.

Deterministic for a given seed: phones typed eleven ways, emails with capitals and spaces,
birthdays as dd.mm.yyyy, ISO or Excel serials, repeated customers, a few broken values,
and the title and blank rows Russian Excel exports carry above the header.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import tempfile
from collections.abc import Iterator
from pathlib import Path

from app.importer.job import run_import
from app.importer.model import ImportOptions, ImportResult

__all__ = ["DEMO_HEADER", "demo_rows", "run_demo", "write_demo_csv"]

DEMO_HEADER = ["ФИО", "Телефон", "E-mail", "Дата рождения", "Город", "Пол", "Сумма покупок", "Согласие на SMS"]
_LAST = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков",
         "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов"]
_MALE = [("Александр", "Александрович"), ("Дмитрий", "Дмитриевич"), ("Максим", "Максимович"),
         ("Сергей", "Сергеевич"), ("Андрей", "Андреевич"), ("Алексей", "Алексеевич"), ("Иван", "Иванович")]
_FEMALE = [("Анна", "Александровна"), ("Мария", "Дмитриевна"), ("Елена", "Сергеевна"), ("Ольга", "Андреевна"),
           ("Наталья", "Ивановна"), ("Татьяна", "Алексеевна"), ("Ирина", "Максимовна")]
_CITIES = ["Москва", "Санкт-Петербург", "Казань", "Новосибирск", "Екатеринбург", "Самара", "Уфа", "Пермь"]
_DOMAINS = ["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "list.ru", "rambler.ru"]
_TRANSLIT = str.maketrans({"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
                           "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
                           "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
                           "ч": "ch", "ш": "sh", "щ": "sch", "ы": "y", "э": "e", "ю": "yu", "я": "ya",
                           "ь": "", "ъ": ""})


def _phone_forms(digits: str) -> list[str]:
    a, b, c, d = digits[:3], digits[3:6], digits[6:8], digits[8:]
    return [f"8 ({a}) {b}-{c}-{d}", f"+7 {a} {b} {c} {d}", f"8{digits}", digits, f"7{digits}",
            f"+7({a}){b}-{c}-{d}", f"8-{a}-{b}-{c}-{d}", f"+7 ({a}) {b}-{c}-{d}", f"8{digits}.0",
            f"8 {a} {b}{c}{d} доб. 12", f"+7{digits}"]


def demo_rows(count: int, seed: int = 42) -> Iterator[list[str]]:
    """`count` data rows under DEMO_HEADER."""
    rng = random.Random(seed)
    people: list[tuple[str, str, str, str, str, str]] = []
    epoch = dt.date(1899, 12, 30)
    for i in range(count):
        if people and rng.random() < 0.04:
            # The same customer again, typed differently.
            fio, digits, email, born, city, sex = people[rng.randrange(len(people))]
        else:
            female = rng.random() < 0.55
            first, middle = rng.choice(_FEMALE if female else _MALE)
            last = rng.choice(_LAST) + ("а" if female else "")
            fio = f"{last} {first} {middle}"
            digits = rng.choice("9999999984") + "".join(rng.choice("0123456789") for _ in range(9))
            login = f"{first.lower().translate(_TRANSLIT)}.{last.lower().translate(_TRANSLIT)}{i}"
            email = f"{login}@{rng.choice(_DOMAINS)}" if rng.random() > 0.1 else ""
            born = (dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(20000))).isoformat()
            city, sex = rng.choice(_CITIES), "ж" if female else "м"
            people.append((fio, digits, email, born, city, sex))
        roll = rng.random()
        phone = rng.choice(_phone_forms(digits)) if roll > 0.01 else ""
        if 0.01 < roll < 0.03:
            phone = digits[:6]  # too short: rejected
        mail = email
        if mail and rng.random() < 0.05:
            mail = mail.upper()
        if mail and rng.random() < 0.03:
            mail = f"  {mail} "
        if mail and rng.random() < 0.01:
            mail = mail.replace("@", "@@")  # rejected
        day = dt.date.fromisoformat(born)
        kind = rng.random()
        birthday = (day.strftime("%d.%m.%Y") if kind < 0.7 else born if kind < 0.85
                    else str((day - epoch).days) if kind < 0.95 else "")
        name = fio.upper() if rng.random() < 0.05 else fio
        amount = f"{rng.randrange(100, 100000)},{rng.randrange(100):02d}"
        yield [name, phone, mail, birthday, city, sex, amount, rng.choice(["да", "нет", "", "да"])]


def write_demo_csv(path: str | Path, count: int, seed: int = 42, *, encoding: str = "cp1251",
                   delimiter: str = ";") -> Path:
    """Write the sample base as Russian Excel saves CSV: title row, blank row, header, rows."""
    path = Path(path)
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(["Выгрузка клиентов от 01.02.2026"] + [""] * (len(DEMO_HEADER) - 1))
        writer.writerow([""] * len(DEMO_HEADER))
        writer.writerow(DEMO_HEADER)
        writer.writerows(demo_rows(count, seed))
    return path


def run_demo(count: int = 3000, seed: int = 42, folder: str | Path | None = None) -> tuple[ImportResult, Path]:
    """Generate the sample base and import it into a new workspace in a temporary folder."""
    from app.workspace import Workspace

    root = Path(folder) if folder else Path(tempfile.mkdtemp(prefix="kaskad-demo-"))
    root.mkdir(parents=True, exist_ok=True)
    source = write_demo_csv(root / "clients.csv", count, seed)
    with Workspace.open(root / "workspace") as workspace:
        options = ImportOptions(list_name="Демо", tags=["демо"], consent_channels=["email"],
                                consent_source="анкета при покупке в магазине (демо)")
        result = run_import(workspace, source, options)
    return result, root
