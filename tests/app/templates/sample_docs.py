"""Fixed template documents shared by the tests (stable block ids, every block kind)."""

from __future__ import annotations

import copy
from typing import Any

DESIGNER: dict[str, Any] = {
    "schema_version": 1,
    "type": "designer",
    "subject": "{{ first_name | default(\"Друг\") }}, скидки недели",
    "preheader": "До −50% только до воскресенья",
    "marketing": True,
    "styles": {"brand_color": "#e4572e", "font_family": "Arial, Helvetica, sans-serif", "width": 600,
               "background": "#f2f4f7", "content_background": "#ffffff", "text_color": "#222222"},
    "blocks": [
        {"id": "logo1", "kind": "logo", "src": "https://shop.example.ru/logo.png", "alt": "Ромашка",
         "link": "https://shop.example.ru", "width": 160, "align": "center"},
        {"id": "head1", "kind": "heading", "text": "Здравствуйте, {{ first_name | default(\"друг\") }}!",
         "level": 1, "align": "left"},
        {"id": "text1", "kind": "text", "align": "left",
         "text": "У вас <b>{{ bonus | default(0) | plural(\"бонус\", \"бонуса\", \"бонусов\") }}</b>.\n"
                 "Смотрите <a href=\"https://shop.example.ru/sale\">распродажу</a> "
                 "{% if bonus | default(0) > 100 %}<i>и тратьте бонусы</i>{% endif %}."},
        {"id": "img1", "kind": "image", "src": "https://shop.example.ru/banner.jpg", "alt": "Распродажа",
         "link": "https://shop.example.ru/sale", "width": 600},
        {"id": "btn1", "kind": "button", "text": "Выбрать подарок", "url": "https://shop.example.ru/gift",
         "color": "", "text_color": "#ffffff", "align": "center"},
        {"id": "div1", "kind": "divider", "color": "#dddddd", "thickness": 1},
        {"id": "cols1", "kind": "columns", "columns": [
            [{"id": "prod1", "kind": "product", "image": "https://shop.example.ru/p1.jpg", "alt": "Чайник",
              "title": "Чайник", "price": "1 990 ₽", "old_price": "2 490 ₽",
              "url": "https://shop.example.ru/p/1", "button_text": "Купить"}],
            [{"id": "prod2", "kind": "product", "image": "https://shop.example.ru/p2.jpg", "alt": "Кружка",
              "title": "Кружка", "price": "490 ₽", "old_price": "", "url": "https://shop.example.ru/p/2",
              "button_text": "Купить"}],
        ]},
        {"id": "sp1", "kind": "spacer", "height": 16},
        {"id": "soc1", "kind": "social", "links": [{"network": "vk", "url": "https://vk.com/romashka"},
                                                   {"network": "telegram", "url": "https://t.me/romashka"}]},
        {"id": "foot1", "kind": "footer", "company": "ООО «Ромашка»", "address": "г. Казань, ул. Баумана, 1",
         "note": "Вы подписались на новости магазина.", "unsubscribe_text": "Отписаться от рассылки",
         "unsubscribe_url": "{{ unsubscribe_url }}"},
    ],
}

IVAN = {"id": 1, "first_name": "Иван", "last_name": "Петров", "email": "ivan@example.ru", "phone": "+79991234567",
        "city": "Казань", "custom": {"bonus": 150}}
EMPTY_NAME = {"id": 2, "first_name": "", "last_name": "", "email": "anon@example.ru", "phone": None, "custom": {}}


def designer() -> dict[str, Any]:
    """A fresh deep copy of the sample designer document."""
    return copy.deepcopy(DESIGNER)
