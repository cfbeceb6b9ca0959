"""Variables a template can use: contact columns, custom fields found in the data, special names."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.db.schema import contacts

__all__ = ["CONTACT_VARIABLES", "MANAGER_VARIABLES", "Variable", "available_variables", "known_names"]


@dataclass(frozen=True)
class Variable:
    """A picker entry: the Jinja name, labels and the snippet to insert."""

    name: str
    label_ru: str
    label_en: str
    group: str  # "contact" | "custom" | "special" | "lead" | "event" | "manager"

    @property
    def snippet(self) -> str:
        """What the picker inserts; names are given a fallback where a blank value is likely."""
        if self.group in ("contact", "custom") and self.name not in ("email", "phone", "id"):
            return f'{{{{ {self.name} | default("") }}}}'
        return f"{{{{ {self.name} }}}}"


CONTACT_VARIABLES = (
    Variable("first_name", "Имя", "First name", "contact"),
    Variable("last_name", "Фамилия", "Last name", "contact"),
    Variable("middle_name", "Отчество", "Middle name", "contact"),
    Variable("full_name", "Имя и фамилия", "Full name", "contact"),
    Variable("email", "Email", "Email", "contact"),
    Variable("phone", "Телефон", "Phone", "contact"),
    Variable("city", "Город", "City", "contact"),
    Variable("birthday", "День рождения", "Birthday", "contact"),
    Variable("gender", "Пол", "Gender", "contact"),
    Variable("external_id", "Внешний ID", "External ID", "contact"),
    Variable("timezone", "Часовой пояс", "Time zone", "contact"),
    Variable("source", "Источник", "Source", "contact"),
    Variable("id", "Номер контакта", "Contact number", "contact"),
    Variable("created_at", "Добавлен", "Added", "contact"),
    Variable("updated_at", "Изменён", "Updated", "contact"),
)
SPECIAL_VARIABLES = (Variable("unsubscribe_url", "Ссылка отписки", "Unsubscribe link", "special"),)
MANAGER_VARIABLES = (
    Variable("lead.name", "Имя в заявке", "Lead name", "lead"),
    Variable("lead.phone", "Телефон в заявке", "Lead phone", "lead"),
    Variable("lead.email", "Email в заявке", "Lead email", "lead"),
    Variable("lead.comment", "Комментарий", "Comment", "lead"),
    Variable("event.type", "Событие", "Event", "event"),
    Variable("event.page", "Страница", "Page", "event"),
    Variable("event.at", "Время события", "Event time", "event"),
    Variable("manager.name", "Менеджер", "Manager", "manager"),
    Variable("manager.email", "Email менеджера", "Manager email", "manager"),
)


def custom_keys(engine: Engine, sample: int = 5000) -> list[str]:
    """Custom-field keys present in the contacts (from up to `sample` contacts that have any)."""
    keys: dict[str, None] = {}
    with engine.connect() as conn:
        rows = conn.execute(sa.select(contacts.c.custom).where(contacts.c.custom.is_not(None)).limit(sample))
        for (custom,) in rows:
            if isinstance(custom, dict):
                keys.update(dict.fromkeys(str(k) for k in custom))
    return sorted(keys)


def available_variables(engine: Engine | None, kind: str = "email") -> list[Variable]:
    """Every variable for the picker: contact fields, custom fields in the data, and kind-specific ones."""
    out = list(CONTACT_VARIABLES)
    if engine is not None:
        taken = {v.name for v in out}
        out += [Variable(k, k, k, "custom") for k in custom_keys(engine) if k not in taken and k.isidentifier()]
    if kind == "email":
        out += SPECIAL_VARIABLES
    if kind == "manager":
        out += MANAGER_VARIABLES
    return out


def known_names(engine: Engine | None, kind: str = "email") -> set[str]:
    """Top-level and dotted names the lint accepts without a default."""
    names = {v.name for v in available_variables(engine, kind)}
    names |= {f"contact.{n}" for n in list(names) if "." not in n}
    names |= {"contact"}
    if kind == "manager":
        names |= {"lead", "event", "manager"}
    return names
