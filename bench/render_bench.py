"""Render benchmark: personalised designer emails → the MIME bytes an SMTP server receives.

Builds a ~6 KB designed letter with a product loop, compiles it once (designer → HTML,
css-inline, Jinja), then renders HTML + text + MIME for generated contacts. Prints medians
over rounds; target ≥ 2,000 messages/s. Also times the SMS counter on 1,000 characters
(target < 5 ms) and the once-per-version costs (designer build, CSS inlining, compile).

    .venv/bin/python bench/render_bench.py [--messages 100000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.mail.mime import build_mime  # noqa: E402
from app.templates.designer import document_html  # noqa: E402
from app.templates.document import new_block  # noqa: E402
from app.templates.library import TemplateVersion  # noqa: E402
from app.templates.render import compile_document, compiled, render_message  # noqa: E402
from app.templates.sms import count_sms  # noqa: E402

NAMES = ["Иван", "Анна", "Олег", "Мария", "", "Сергей", "Екатерина", "Дмитрий"]
PRODUCT_LOOP = (
    "<p>Мы подобрали для вас:</p><ul>{% for p in products %}"
    "<li><b>{{ p.title }}</b> — {{ p.price | money }}"
    "{% if p.old %} <i>(было {{ p.old | money }})</i>{% endif %}: "
    "<a href=\"https://shop.example.ru/p/{{ p.id }}?utm_source=email\">смотреть</a></li>"
    "{% endfor %}</ul>"
)


def letter() -> dict[str, Any]:
    """The benchmark letter: header, greeting, product loop, products grid, button, footer."""
    blocks = [new_block(k) for k in ("logo", "heading", "text", "text", "columns", "button", "divider",
                                     "social", "footer")]
    blocks[0].update(src="https://shop.example.ru/logo.png", alt="Ромашка")
    blocks[1]["text"] = "Здравствуйте, {{ first_name | default(\"друг\") }}!"
    blocks[2]["text"] = ("У вас {{ bonus | default(0) | plural(\"бонус\", \"бонуса\", \"бонусов\") }}, "
                         "они сгорят {{ bonus_until | date_long }}. Город: {{ city | default(\"не указан\") }}.")
    blocks[3]["text"] = PRODUCT_LOOP
    cards = []
    for i in range(3):
        card = new_block("product")
        card.update(image=f"https://shop.example.ru/i/{i}.jpg", title=f"Хит недели {i + 1}", price="1 990 ₽",
                    old_price="2 490 ₽", url=f"https://shop.example.ru/p/{i}")
        cards.append([card])
    blocks[4]["columns"] = cards
    doc = {"schema_version": 1, "type": "designer", "subject": "{{ first_name | default(\"Друг\") }}, подборка для вас",
           "preheader": "Скидки до 30% на любимые товары", "marketing": True,
           "styles": {"brand_color": "#e4572e", "width": 600}, "blocks": blocks}
    return doc


def contacts(n: int) -> list[dict[str, Any]]:
    """Generated contacts with custom fields and a 4-item product list each."""
    rnd = random.Random(7)
    out = []
    for i in range(n):
        products = [{"id": rnd.randint(1, 9999), "title": f"Товар №{rnd.randint(1, 500)}",
                     "price": rnd.randint(100, 50000) + 0.5, "old": rnd.choice([None, 60000])} for _ in range(4)]
        out.append({"id": i, "first_name": NAMES[i % len(NAMES)], "last_name": "Петров", "city": "Казань",
                    "email": f"user{i}@example.ru", "phone": None,
                    "custom": {"bonus": i % 300, "bonus_until": "2026-12-31", "products": products}})
    return out


def one_round(version: TemplateVersion, people: list[dict[str, Any]]) -> tuple[float, int]:
    """Render + MIME for every contact; (messages per second, total bytes)."""
    total = 0
    start = time.perf_counter()
    for person in people:
        mail = render_message(version, person, unsubscribe_url=f"https://shop.example.ru/u/{person['id']}tok")
        raw = build_mime(
            from_addr="Магазин «Ромашка» <news@shop.example.ru>", to_addr=person["email"], subject=mail.subject,
            html=mail.html, text=mail.text, message_id=f"<{person['id']}.bench@shop.example.ru>",
            headers={"List-Unsubscribe": f"<https://shop.example.ru/u/{person['id']}tok>",
                     "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
            date="Tue, 24 Nov 2026 21:00:00 +0000")
        total += len(raw)
    return len(people) / (time.perf_counter() - start), total


def timed(fn: Any, repeat: int) -> float:
    """Median seconds of `fn()` over `repeat` calls."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    doc = letter()
    source = document_html(doc)
    print(f"letter: {len(source.encode('utf-8')):,} bytes of HTML template source")
    print(f"once per version: designer→HTML + css-inline {timed(lambda: document_html(doc), 20) * 1e3:.1f} ms, "
          f"full compile {timed(lambda: compile_document(doc), 10) * 1e3:.1f} ms (median)")
    import datetime as dt

    version = TemplateVersion(1, "bench", "email", 1, doc, dt.datetime.now(dt.UTC))
    compiled(version)
    per_round = max(1, args.messages // args.rounds)
    people = contacts(per_round)
    rates, sizes = [], []
    for number in range(1, args.rounds + 1):
        rate, total = one_round(version, people)
        rates.append(rate)
        sizes.append(total / per_round)
        print(f"round {number}: {per_round:,} messages, {rate:,.0f} msg/s")
    median = statistics.median(rates)
    print(f"emails (render HTML + text + MIME): median {median:,.0f} msg/s over {args.rounds} rounds of "
          f"{per_round:,} ({per_round * args.rounds:,} messages), {statistics.median(sizes) / 1024:.1f} KB/message; "
          f"target ≥ 2,000 msg/s: {'OK' if median >= 2000 else 'MISSED'}")
    text = ("Здравствуйте, Иван! «Скидки» — до 50%… " * 30)[:1000]
    sms_ms = timed(lambda: count_sms(text), 500) * 1e3
    latin_ms = timed(lambda: count_sms(("Hello {Ivan}, sale -50% " * 50)[:1000]), 500) * 1e3
    print(f"count_sms on 1,000 characters: median {sms_ms:.3f} ms (UCS-2), {latin_ms:.3f} ms (GSM-7); "
          f"target < 5 ms: {'OK' if max(sms_ms, latin_ms) < 5 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
