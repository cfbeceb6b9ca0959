"""Small builders shared by the scenario tests: a valid scenario and library templates."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from app.scenarios.graph import EntryRule, Node, Scenario
from app.templates.document import new_document
from app.templates.library import create_template

DAY = {"amount": 1, "unit": "days"}


def linear() -> Scenario:
    """trigger → wait → condition (yes → sms → exit, no → exit): valid without a database."""
    s = Scenario("Проверка", entry=EntryRule("once_per_days", 7))
    s.add_node(Node("t", "trigger.event", {"event_type": "page_view", "filters": [
        {"property": "url", "op": "contains", "value": "/prices"}]}, 0, 0))
    s.add_node(Node("w", "flow.wait", {"duration": dict(DAY)}, 200, 0))
    s.add_node(Node("c", "flow.condition", {"rule": {"type": "field", "field": "city", "op": "eq",
                                                      "value": "Казань"}}, 400, 0))
    s.add_node(Node("a", "action.sms", {"template": "SMS привет", "sms_kind": "trigger"}, 600, 0))
    s.add_node(Node("x", "flow.exit", {}, 800, 0))
    s.connect("t", "next", "w")
    s.connect("w", "next", "c")
    s.connect("c", "yes", "a")
    s.connect("c", "no", "x")
    s.connect("a", "next", "x")
    return s


def add_template(engine: Engine, name: str, kind: str) -> None:
    """A library template of `kind` with a minimal valid document."""
    doc_type = {"email": "designer", "sms": "sms", "whatsapp": "whatsapp", "manager": "manager"}[kind]
    document = new_document(doc_type)
    if kind == "sms":
        document["text"] = "Здравствуйте, {{ first_name }}!"
    if kind == "manager":
        document["text"] = "Новая заявка от {{ lead.name }}"
    create_template(engine, name, kind, document)
